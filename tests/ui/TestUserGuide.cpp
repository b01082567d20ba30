// Help > User guide (issue 11): F1 in the app shell (on the sign-in page and in a workspace) opens
// docs/user-guide.md, embedded with every screenshot it references, in a browser window that shows
// the text and the images; links inside the guide and to documents it does not carry behave. The
// seat viewer has the same Help menu; the windows carry the app's icon.
// Writes docs/screenshots/user-guide.png with USHER_UPDATE_SCREENSHOTS.

#include "AppShell.h"
#include "CounterTestSupport.h"
#include "MainWindow.h"
#include "help/AppIcon.h"
#include "help/HelpMenu.h"
#include "help/UserGuideWindow.h"

#include <QAction>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>

using namespace usher;
using namespace usher::ui;

namespace {

// The image names the document shows, in order.
QStringList imagesOf(const QTextDocument& document)
{
    QStringList names;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isImageFormat())
                names << it.fragment().charFormat().toImageFormat().name();
    return names;
}

UserGuideWindow* guideOf(QWidget* window)
{
    return window->findChild<UserGuideWindow*>(QString(), Qt::FindDirectChildrenOnly);
}

} // namespace

class TestUserGuide : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyReferencedScreenshotIsEmbedded();
    void f1OpensTheGuideWithItsImages();
    void linksStayInTheGuide();
    void seatViewerHasTheHelpMenuAndTheIcon();
};

// The guide's Markdown names screenshots/…png; each must be in the resource, or the guide in the app
// shows a hole where the picture should be.
void TestUserGuide::everyReferencedScreenshotIsEmbedded()
{
    QFile guide(QStringLiteral(":/guide/user-guide.md"));
    QVERIFY(guide.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(guide.readAll());
    QVERIFY(text.startsWith(QStringLiteral("# Usher user guide")));
    static const QRegularExpression image(QStringLiteral("!\\[[^\\]]*\\]\\(([^)]+)\\)"));
    QStringList missing;
    int count = 0;
    for (auto it = image.globalMatch(text); it.hasNext(); ++count) {
        const QString path = it.next().captured(1);
        if (QImage(QStringLiteral(":/guide/") + path).isNull())
            missing << path;
    }
    QVERIFY2(count >= 20, qPrintable(QString::number(count)));
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u' ')));
}

void TestUserGuide::f1OpensTheGuideWithItsImages()
{
    test::CounterFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    AppShell shell(fixture.window.release());
    shell.show();
    QVERIFY(QTest::qWaitForWindowExposed(&shell));
    QCOMPARE(shell.windowIcon().availableSizes().size(), 8); // every hicolor size
    QVERIFY(!shell.windowIcon().pixmap(48).isNull());

    // The Help menu sits last in the counter's menu bar, its guide item on F1.
    HelpMenu* help = shell.helpMenu();
    QVERIFY(help != nullptr);
    QList<QAction*> menus = shell.counter()->menuBar()->actions();
    QCOMPARE(menus.last()->menu(), static_cast<QMenu*>(help));
    QCOMPARE(help->userGuideAction()->shortcut(), QKeySequence(QKeySequence::HelpContents));
    QVERIFY(shell.actions().contains(help->userGuideAction())); // F1 is the shell's, in every workspace

    QVERIFY(guideOf(&shell) == nullptr);
    shell.activateWindow(); // F1 is a window shortcut
    QVERIFY(QTest::qWaitForWindowActive(&shell));
    QTest::keyClick(&shell, Qt::Key_F1); // on the sign-in page
    QTRY_VERIFY(guideOf(&shell) != nullptr);
    UserGuideWindow* guide = guideOf(&shell);
    QVERIFY(QTest::qWaitForWindowExposed(guide));
    QVERIFY(guide->isWindow());
    UserGuideBrowser* browser = guide->browser();
    QCOMPARE(browser->source(), UserGuideWindow::guideUrl());
    QTRY_VERIFY(browser->document()->toPlainText().startsWith(QStringLiteral("Usher user guide")));
    QVERIFY(browser->document()->toPlainText().contains(QStringLiteral("The box-office counter")));

    guide->resize(1100, 800);
    browser->verticalScrollBar()->setValue(0);
    test::saveScreenshot(guide, QStringLiteral("user-guide.png")); // before the checks: the guide shows it

    // Every image of the document loads, scaled to the page when wider.
    const QStringList images = imagesOf(*browser->document());
    QVERIFY2(images.size() >= 20, qPrintable(QString::number(images.size())));
    for (const QString& name : images) {
        const QVariant resource = browser->loadResource(QTextDocument::ImageResource, QUrl(name));
        const QImage image = resource.value<QImage>();
        QVERIFY2(!image.isNull(), qPrintable(name));
        QVERIFY2(image.width() <= UserGuideBrowser::kImageWidthMax, qPrintable(name));
    }
    QImage original(QStringLiteral(":/guide/screenshots/counter-cart.png"));
    QVERIFY(original.width() > UserGuideBrowser::kImageWidthMax);

    // F1 again (or the menu) brings the same window back, it does not open a second one.
    guide->hide();
    help->userGuideAction()->trigger();
    QTRY_VERIFY(guide->isVisible());
    QCOMPARE(shell.findChildren<UserGuideWindow*>().size(), 1);
    guide->close(); // deletes itself
    QTRY_VERIFY(guideOf(&shell) == nullptr);

    // Signed in, in a workspace without the counter's menu bar too.
    shell.addWorkspace(QStringLiteral("other"), QStringLiteral("Other"), QIcon(), AppShell::adminOnly(),
                       new QLabel(QStringLiteral("other")));
    shell.counter()->signIn(QStringLiteral("admin"), QStringLiteral("admin-demo"));
    QTRY_VERIFY(shell.visibleWorkspaces().contains(QStringLiteral("other")));
    QVERIFY(shell.showWorkspace(QStringLiteral("other")));
    QTRY_VERIFY(!shell.counter()->isVisible());
    shell.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&shell));
    QTest::keyClick(&shell, Qt::Key_F1);
    QTRY_VERIFY(guideOf(&shell) != nullptr && guideOf(&shell)->isVisible());
    guideOf(&shell)->close();
}

void TestUserGuide::linksStayInTheGuide()
{
    QWidget owner;
    UserGuideWindow* guide = UserGuideWindow::showFor(&owner);
    QVERIFY(QTest::qWaitForWindowExposed(guide));
    UserGuideBrowser* browser = guide->browser();
    QTRY_VERIFY(!browser->document()->isEmpty());
    // A document the app does not carry: the status line says where it is, the guide stays.
    Q_EMIT browser->anchorClicked(QUrl(QStringLiteral("venue-format.md")));
    QCOMPARE(browser->source(), UserGuideWindow::guideUrl());
    QVERIFY2(guide->statusLabel()->text().contains(QStringLiteral("docs/venue-format.md")),
             qPrintable(guide->statusLabel()->text()));
    // A section link of the guide scrolls within it (the headings get GitHub's anchors).
    QCOMPARE(UserGuideBrowser::headingAnchor(QStringLiteral("Promoter: designing venues and setting up events")),
             QStringLiteral("promoter-designing-venues-and-setting-up-events"));
    browser->verticalScrollBar()->setValue(0);
    Q_EMIT browser->anchorClicked(QUrl(QStringLiteral("#the-seat-map")));
    QCOMPARE(browser->source(), UserGuideWindow::guideUrl());
    QTRY_VERIFY(browser->verticalScrollBar()->value() > 0);
    QCOMPARE(UserGuideWindow::showFor(&owner), guide); // one per window
}

void TestUserGuide::seatViewerHasTheHelpMenuAndTheIcon()
{
    test::CounterFixture fixture;
    QString error;
    QVERIFY2(fixture.open(&error), qPrintable(error));
    MainWindow window(*fixture.engine);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(!window.windowIcon().isNull());
    auto* help = window.findChild<HelpMenu*>();
    QVERIFY(help != nullptr);
    QCOMPARE(window.menuBar()->actions().last()->menu(), static_cast<QMenu*>(help));
    QTest::keyClick(&window, Qt::Key_F1);
    QTRY_VERIFY(guideOf(&window) != nullptr && guideOf(&window)->isVisible());
    guideOf(&window)->close();
    QVERIFY(!appIcon().pixmap(16).isNull());
}

QTEST_MAIN(TestUserGuide)
#include "TestUserGuide.moc"
