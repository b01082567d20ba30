#include "HelpMenu.h"

#include "UserGuideWindow.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QIcon>
#include <QMessageBox>

namespace usher::ui {

HelpMenu::HelpMenu(QWidget* window, QWidget* parent)
    : QMenu(parent)
    , m_window(window)
{
    Q_ASSERT(window != nullptr);
    setObjectName(QStringLiteral("helpMenu"));
    m_guide = new QAction(QIcon::fromTheme(QStringLiteral("help-contents")), QString(), window);
    m_guide->setObjectName(QStringLiteral("userGuideAction"));
    m_guide->setShortcut(QKeySequence::HelpContents);
    m_guide->setShortcutContext(Qt::WindowShortcut);
    window->addAction(m_guide); // F1 wherever the window shows, menu bar or not
    addAction(m_guide);
    addSeparator();
    m_about = addAction(QIcon::fromTheme(QStringLiteral("help-about")), QString());
    m_about->setObjectName(QStringLiteral("aboutAction"));
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_guide, &QAction::triggered, this, [this] { UserGuideWindow::showFor(m_window); });
    connect(m_about, &QAction::triggered, this, [this] {
        //: %1 is the version number.
        const QString text = tr("<p><b>Usher</b> %1</p><p>Box office and event ticketing: counter sales, venues "
                                "and events, live onsales and the audit log.</p>")
                                 .arg(QCoreApplication::applicationVersion());
        QMessageBox::about(m_window, tr("About Usher"), text);
    });
    retranslate();
}

void HelpMenu::retranslate()
{
    setTitle(tr("Hel&p")); // Alt+H is the counter's Shift menu
    m_guide->setText(tr("&User guide"));
    m_about->setText(tr("&About Usher"));
}

void HelpMenu::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMenu::changeEvent(event);
}

} // namespace usher::ui
