#include "UserGuideWindow.h"

#include <QDesktopServices>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace usher::ui {

UserGuideBrowser::UserGuideBrowser(QWidget* parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("userGuideBrowser"));
    setOpenLinks(false); // UserGuideWindow::follow decides
    document()->setDocumentMargin(16);
}

QVariant UserGuideBrowser::loadResource(int type, const QUrl& name)
{
    if (type != QTextDocument::ImageResource)
        return QTextBrowser::loadResource(type, name);
    const QUrl url = source().resolved(name);
    const QString path = url.scheme() == QLatin1String("qrc") ? QString(QLatin1Char(':') + url.path()) : url.toLocalFile();
    QImage image(path);
    if (image.isNull())
        return QTextBrowser::loadResource(type, name);
    if (image.width() > kImageWidthMax)
        image = image.scaledToWidth(kImageWidthMax, Qt::SmoothTransformation);
    return image;
}

QString UserGuideBrowser::headingAnchor(const QString& heading)
{
    QString anchor;
    for (const QChar c : heading.toLower()) {
        if (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'))
            anchor += c;
        else if (c == QLatin1Char(' '))
            anchor += QLatin1Char('-');
    }
    return anchor;
}

void UserGuideBrowser::doSetSource(const QUrl& name, QTextDocument::ResourceType type)
{
    QTextBrowser::doSetSource(name, type);
    // Qt's Markdown reader gives headings no anchors: add GitHub's, so that [x](#the-seat-map) works.
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() == 0)
            continue;
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setAnchor(true);
        format.setAnchorNames({ headingAnchor(block.text()) });
        cursor.mergeCharFormat(format);
    }
}

UserGuideWindow::UserGuideWindow(QWidget* parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("userGuideWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    const auto button = [this, bar](const char* name, const char* icon) {
        auto* b = new QToolButton(this);
        b->setObjectName(QString::fromLatin1(name));
        b->setIcon(QIcon::fromTheme(QString::fromLatin1(icon)));
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setAutoRaise(true);
        bar->addWidget(b);
        return b;
    };
    m_back = button("userGuideBackButton", "go-previous");
    m_forward = button("userGuideForwardButton", "go-next");
    m_home = button("userGuideHomeButton", "go-home");
    m_back->setShortcut(QKeySequence::Back);
    m_forward->setShortcut(QKeySequence::Forward);
    m_back->setEnabled(false);
    m_forward->setEnabled(false);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_browser = new UserGuideBrowser(this);
    layout->addWidget(m_browser, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("userGuideStatusLabel"));
    layout->addWidget(m_status);

    connect(m_back, &QToolButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_forward, &QToolButton::clicked, m_browser, &QTextBrowser::forward);
    connect(m_home, &QToolButton::clicked, m_browser, [this] {
        m_browser->setSource(guideUrl(), QTextDocument::MarkdownResource);
        m_browser->verticalScrollBar()->setValue(0);
    });
    connect(m_browser, &QTextBrowser::backwardAvailable, m_back, &QToolButton::setEnabled);
    connect(m_browser, &QTextBrowser::forwardAvailable, m_forward, &QToolButton::setEnabled);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &UserGuideWindow::follow);
    connect(m_browser, &QTextBrowser::sourceChanged, m_status, &QLabel::clear);
    m_browser->setSource(guideUrl(), QTextDocument::MarkdownResource);
    retranslate();
    resize(1100, 800);
}

void UserGuideWindow::follow(const QUrl& url)
{
    const QUrl target = m_browser->source().resolved(url);
    if (target.scheme() == QLatin1String("http") || target.scheme() == QLatin1String("https")
        || target.scheme() == QLatin1String("mailto")) {
        QDesktopServices::openUrl(target);
        return;
    }
    if (target.scheme() == QLatin1String("qrc") && target.adjusted(QUrl::RemoveFragment) == m_browser->source()) {
        if (!target.fragment().isEmpty())
            m_browser->scrollToAnchor(target.fragment());
        return;
    }
    if (target.scheme() == QLatin1String("qrc") && target.path().endsWith(QLatin1String(".md"))
        && QFile::exists(QLatin1Char(':') + target.path())) {
        m_browser->setSource(target, QTextDocument::MarkdownResource);
        return;
    }
    //: %1 is a file name such as docs/venue-format.md.
    m_status->setText(tr("%1 is not part of the built-in guide: it is in the docs folder of Usher's sources.")
                          .arg(QStringLiteral("docs/") + url.path()));
}

void UserGuideWindow::retranslate()
{
    setWindowTitle(tr("Usher user guide"));
    m_back->setText(tr("&Back"));
    m_forward->setText(tr("&Forward"));
    m_home->setText(tr("&Contents"));
}

void UserGuideWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

UserGuideWindow* UserGuideWindow::showFor(QWidget* owner)
{
    Q_ASSERT(owner != nullptr);
    QWidget* window = owner->window();
    auto* guide = window->findChild<UserGuideWindow*>(QString(), Qt::FindDirectChildrenOnly);
    if (guide == nullptr)
        guide = new UserGuideWindow(window);
    guide->show();
    guide->raise();
    guide->activateWindow();
    return guide;
}

} // namespace usher::ui
