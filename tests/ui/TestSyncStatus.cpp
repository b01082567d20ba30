// The box office's sync in the UI: the status-bar widget driven by scripted statuses, the pending
// operations dialog (filter, CSV export checked on disk), the enrolment dialog and the device file
// it writes (0600, atomic, repaired or refused permissions, malformed files), and the session that
// starts the client from that file. Screenshot:
// docs/screenshots/sync-status.png with USHER_UPDATE_SCREENSHOTS.

#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "sync/SyncEnrolDialog.h"
#include "sync/SyncPendingDialog.h"
#include "sync/SyncStatusWidget.h"
#include "sync/SyncUi.h"
#include "syncclient/DeviceCredentials.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

#include <sys/stat.h>

using namespace usher;
using namespace usher::ui;

namespace {

constexpr Timestamp kNow = 1'795'000'000'000; // 2026-11-18

SyncClientStatus scripted(SyncState state, std::uint64_t pending, std::int64_t ageMs, std::uint64_t rejected = 0)
{
    SyncClientStatus s;
    s.running = true;
    s.server = "wss://tickets.example.org:8443/sync";
    s.sync.state = state;
    s.sync.pending = pending;
    s.sync.oldestPendingAgeMs = ageMs;
    s.sync.rejected = rejected;
    return s;
}

SyncOutboxEntry entry(std::uint64_t seq, SyncOpKind kind, std::vector<SeatId> seats, bool acked,
                      std::optional<Status> central = std::nullopt)
{
    SyncOutboxEntry e;
    e.op.seq = seq;
    e.op.id = "4f1c9a0b7d2e4c6f8a9b0c1d2e3f4a5b:" + std::to_string(seq);
    e.op.kind = kind;
    e.op.event = 7;
    e.op.seats = std::move(seats);
    e.local = SyncLocalState::Done;
    e.acked = acked;
    e.central = central;
    e.createdAt = kNow + Timestamp(seq) * 60'000;
    return e;
}

std::vector<SyncOutboxEntry> scriptedOutbox()
{
    return { entry(1, SyncOpKind::Sale, { 101, 102 }, true, Status::Ok),
             entry(2, SyncOpKind::Sale, { 103 }, true, Status::SeatUnavailable),
             entry(3, SyncOpKind::Refund, {}, false), entry(4, SyncOpKind::Sale, { 110, 111, 112 }, false),
             entry(5, SyncOpKind::Exchange, { 120 }, false) };
}

SyncPendingDialog::Lister listerOf(std::vector<SyncOutboxEntry> entries)
{
    return [entries](std::uint64_t from, std::size_t max, std::vector<SyncOutboxEntry>* out, std::string*) {
        out->clear();
        for (const SyncOutboxEntry& e : entries)
            if (e.op.seq >= from && out->size() < max)
                out->push_back(e);
        return true;
    };
}

int mode(const QString& path)
{
    struct stat st { };
    if (::stat(path.toLocal8Bit().constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

} // namespace

class TestSyncStatus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void statusTexts();
    void pendingButtonAsksForTheDialog();
    void pendingDialogFiltersAndExports();
    void exportFailureIsShown();
    void enrolmentWritesAPrivateFile();
    void credentialsFileProblems();
    void installIntoAWindow();
    void screenshot();
};

void TestSyncStatus::statusTexts()
{
    SyncStatusWidget widget;
    QCOMPARE(widget.text(), QStringLiteral("Not syncing"));

    SyncClientStatus offline = scripted(SyncState::Offline, 3, 125'000);
    offline.transportError = "Could not reach usherd at ws://127.0.0.1:9/sync: Connection refused";
    offline.sync.failures = 4;
    widget.setStatus(offline);
    QCOMPARE(widget.text(), QStringLiteral("Offline · 3 pending, oldest 2 min"));
    QVERIFY(widget.toolTip().contains(QStringLiteral("only the seats allocated to this box office can be sold")));
    QVERIFY(widget.toolTip().contains(QStringLiteral("Connection refused")));
    QVERIFY(widget.toolTip().contains(QStringLiteral("4 connection attempts failed")));

    widget.setStatus(scripted(SyncState::Connecting, 0, 0));
    QCOMPARE(widget.text(), QStringLiteral("Connecting…"));

    widget.setStatus(scripted(SyncState::Syncing, 1, 4'000, 2));
    QCOMPARE(widget.text(), QStringLiteral("Syncing · 1 pending, oldest 4 s · 2 rejected"));
    QVERIFY(widget.toolTip().contains(QStringLiteral("usherd refused 2 operations")));
    QVERIFY(!widget.toolTip().contains(QStringLiteral("unreachable")));

    widget.setStatus(scripted(SyncState::Online, 0, 0));
    QCOMPARE(widget.text(), QStringLiteral("Online"));

    SyncClientStatus refused = scripted(SyncState::Offline, 0, 0);
    refused.sync.refusal = "usherd refused this box office: this usherd speaks sync protocol 1, the box office "
                           "speaks 2: update the box office";
    widget.setStatus(refused);
    QCOMPARE(widget.text(), QStringLiteral("Refused by usherd"));
    QVERIFY(widget.toolTip().contains(QStringLiteral("update the box office")));

    SyncClientStatus paused = scripted(SyncState::Offline, 0, 0);
    paused.enabled = false;
    widget.setStatus(paused);
    QCOMPARE(widget.text(), QStringLiteral("Offline (paused)"));

    QCOMPARE(SyncStatusWidget::ageText(59'999), QStringLiteral("59 s"));
    QCOMPARE(SyncStatusWidget::ageText(3'600'000 + 5 * 60'000), QStringLiteral("1 h 5 min"));
    QCOMPARE(SyncStatusWidget::ageText(3 * 86'400'000LL), QStringLiteral("3 days"));
}

void TestSyncStatus::pendingButtonAsksForTheDialog()
{
    SyncStatusWidget widget;
    QVERIFY(!widget.pendingButton()->isEnabled()); // nothing to show before the client runs
    widget.setStatus(scripted(SyncState::Syncing, 2, 1000));
    QSignalSpy spy(&widget, &SyncStatusWidget::pendingRequested);
    QTest::mouseClick(widget.pendingButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
}

void TestSyncStatus::pendingDialogFiltersAndExports()
{
    SyncPendingDialog dialog(listerOf(scriptedOutbox()));
    QTableWidget* table = dialog.table();
    QCOMPARE(table->rowCount(), 3); // pending only: seqs 3, 4, 5
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("3"));
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("sale"));
    QCOMPARE(table->item(1, 4)->text(), QStringLiteral("110, 111, 112"));
    QCOMPARE(table->item(1, 6)->text(), QStringLiteral("pending"));

    QTest::mouseClick(dialog.pendingOnly(), Qt::LeftButton);
    QVERIFY(!dialog.pendingOnly()->isChecked());
    QCOMPARE(table->rowCount(), 5);
    QCOMPARE(table->item(0, 6)->text(), QStringLiteral("acknowledged"));
    QCOMPARE(table->item(1, 6)->text(), QStringLiteral("rejected by usherd: the seat is no longer available"));

    usher::test::TempDir dir;
    const QString path = QString::fromStdString(dir.filePath("outbox.csv"));
    dialog.setNextExportPath(path);
    QTest::mouseClick(dialog.pendingOnly(), Qt::LeftButton); // the export has everything, whatever the filter
    QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
    QVERIFY2(dialog.message()->text().contains(QStringLiteral("Exported")), qPrintable(dialog.message()->text()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 7); // header, 5 ops, the empty rest after the last line break
    QCOMPARE(lines[0], QByteArray("seq,id,kind,event,seats,created,local,acknowledged,central\r"));
    QCOMPARE(lines[1],
             QByteArray("1,4f1c9a0b7d2e4c6f8a9b0c1d2e3f4a5b:1,sale,7,101 102,2026-11-18T11:07:40.000Z,done,yes,ok\r"));
    QVERIFY2(lines[2].endsWith(",done,yes,seat_unavailable\r"), lines[2].constData());
    QVERIFY2(lines[3].startsWith("3,") && lines[3].contains(",refund,7,,") && lines[3].endsWith(",no,\r"),
             lines[3].constData());
}

void TestSyncStatus::exportFailureIsShown()
{
    SyncPendingDialog dialog(listerOf(scriptedOutbox()));
    dialog.setNextExportPath(QStringLiteral("/nonexistent-directory/outbox.csv"));
    QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
    QVERIFY2(dialog.message()->text().contains(QStringLiteral("Could not write")),
             qPrintable(dialog.message()->text()));

    SyncPendingDialog broken([](std::uint64_t, std::size_t, std::vector<SyncOutboxEntry>*, std::string* error) {
        *error = "the outbox is locked";
        return false;
    });
    QVERIFY(broken.message()->text().contains(QStringLiteral("the outbox is locked")));
    QCOMPARE(broken.table()->rowCount(), 0);
}

void TestSyncStatus::enrolmentWritesAPrivateFile()
{
    usher::test::TempDir dir;
    const QString path = QString::fromStdString(deviceCredentialsPath(dir.path()));
    SyncEnrolDialog dialog(path, DeviceCredentials {});
    dialog.show();
    QTest::keyClicks(dialog.serverEdit(), QStringLiteral("ftp://nowhere"));
    QTest::keyClicks(dialog.deviceEdit(), QStringLiteral("box-1"));
    QTest::keyClicks(dialog.tokenEdit(), QStringLiteral("ust_0123456789abcdef"));
    dialog.channelSpin()->setValue(3);
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("enrolButton")), Qt::LeftButton);
    QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("wss://")), qPrintable(dialog.errorLabel()->text()));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(dialog.isVisible());

    dialog.serverEdit()->clear();
    QTest::keyClicks(dialog.serverEdit(), QStringLiteral("wss://tickets.example.org:8443"));
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("enrolButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(mode(path), 0600);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".tmp")));

    DeviceCredentials loaded;
    std::string error, warning;
    QCOMPARE(loadDeviceCredentials(path.toStdString(), &loaded, &error, &warning), CredentialsStatus::Ok);
    QVERIFY(warning.empty());
    const DeviceCredentials expected { "wss://tickets.example.org:8443", "box-1", "ust_0123456789abcdef", 3 };
    QCOMPARE(loaded, expected);
    QCOMPARE(syncEndpointUrl(loaded).toString(), QStringLiteral("wss://tickets.example.org:8443/sync"));
    QCOMPARE(httpBaseUrl(loaded).toString(), QStringLiteral("https://tickets.example.org:8443"));

    // A second enrolment replaces the file whole.
    DeviceCredentials again = expected;
    again.server = "http://127.0.0.1:8080";
    QVERIFY(saveDeviceCredentials(path.toStdString(), again, &error));
    QCOMPARE(loadDeviceCredentials(path.toStdString(), &loaded, &error, &warning), CredentialsStatus::Ok);
    QCOMPARE(syncEndpointUrl(loaded).toString(), QStringLiteral("ws://127.0.0.1:8080/sync"));
    QCOMPARE(mode(path), 0600);
}

void TestSyncStatus::credentialsFileProblems()
{
    usher::test::TempDir dir;
    const std::string path = deviceCredentialsPath(dir.path());
    DeviceCredentials loaded;
    std::string error, warning;
    QCOMPARE(loadDeviceCredentials(path, &loaded, &error, &warning), CredentialsStatus::Missing);
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("not enrolled")), error.c_str());

    const DeviceCredentials good { "ws://127.0.0.1:8080", "box-1", "ust_0123456789abcdef", 2 };
    QVERIFY(saveDeviceCredentials(path, good, &error));

    // Readable by others: repaired to 0600, loaded, with a warning.
    QVERIFY(::chmod(path.c_str(), 0644) == 0);
    QCOMPARE(loadDeviceCredentials(path, &loaded, &error, &warning), CredentialsStatus::Ok);
    QVERIFY2(QString::fromStdString(warning).contains(QStringLiteral("0600")), warning.c_str());
    QCOMPARE(mode(QString::fromStdString(path)), 0600);
    QCOMPARE(loaded, good);

    auto write = [&](const QByteArray& bytes) {
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    };
    write("{not json");
    QCOMPARE(loadDeviceCredentials(path, &loaded, &error, &warning), CredentialsStatus::Malformed);
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("not a JSON object")), error.c_str());
    QVERIFY(QString::fromStdString(error).contains(QString::fromStdString(path)));
    write(R"({"format":"usher-sync-device","version":1,"server":"ws://h:1","device":"b","token":"t","channel":0})");
    QCOMPARE(loadDeviceCredentials(path, &loaded, &error, &warning), CredentialsStatus::Malformed);
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("“channel”")), error.c_str());
    write(R"({"format":"usher-sync-device","version":2,"server":"ws://h:1","device":"b","token":"t","channel":2})");
    QCOMPARE(loadDeviceCredentials(path, &loaded, &error, &warning), CredentialsStatus::Malformed);
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("“version”")), error.c_str());
    write(R"({"format":"usher-sync-device","version":1,"server":"ws://h:1","device":"","token":"t","channel":2})");
    QCOMPARE(loadDeviceCredentials(path, &loaded, &error, &warning), CredentialsStatus::Malformed);
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("device name")), error.c_str());
    write(QByteArray(int(kDeviceCredentialsBytesMax) + 10, ' '));
    QCOMPARE(loadDeviceCredentials(path, &loaded, &error, &warning), CredentialsStatus::Malformed);
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("64 KiB")), error.c_str());

    // A symbolic link is never followed.
    const std::string link = dir.filePath("link.json");
    QVERIFY(QFile::link(QString::fromStdString(path), QString::fromStdString(link)));
    QCOMPARE(loadDeviceCredentials(link, &loaded, &error, &warning), CredentialsStatus::Unsafe);
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("symbolic link")), error.c_str());

    // Nothing is written for invalid credentials, and a directory in the way is an error, not a crash.
    QVERIFY(!saveDeviceCredentials(dir.filePath("x.json"), DeviceCredentials {}, &error));
    QVERIFY(!QFileInfo::exists(QString::fromStdString(dir.filePath("x.json"))));
    QVERIFY(!saveDeviceCredentials(dir.filePath("missing/x.json"), good, &error));
    QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("Could not write")), error.c_str());
}

void TestSyncStatus::installIntoAWindow()
{
    usher::test::TempDir dir;
    EngineOptions engineOptions;
    engineOptions.dataDirectory = dir.path();
    engineOptions.synchronousFull = false;
    std::string error;
    std::unique_ptr<Engine> engine = Engine::open(engineOptions, &error);
    QVERIFY2(engine != nullptr, error.c_str());
    {
        SyncSession session(*engine, QString::fromStdString(dir.path()));
        QMainWindow window;
        SyncStatusWidget* widget = installSyncUi(window, session);
        QVERIFY(window.statusBar()->isAncestorOf(widget));
        QAction* pending = window.findChild<QAction*>(QStringLiteral("syncPendingAction"));
        QVERIFY(pending != nullptr);
        QVERIFY(!pending->isEnabled()); // no client: nothing to list
        QVERIFY(window.findChild<QAction*>(QStringLiteral("syncEnrolAction")) != nullptr);
        QCOMPARE(widget->text(), QStringLiteral("Not syncing"));
        QVERIFY(widget->toolTip().contains(QStringLiteral("not enrolled")));

        // Not enrolled: nothing starts, nothing is wrong.
        QString message;
        QVERIFY(session.startIfEnrolled(&message));
        QVERIFY(session.client() == nullptr);

        // A broken device file: the reason shows where the clerk looks.
        QFile file(session.credentialsPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[]");
        file.close();
        QVERIFY(!session.startIfEnrolled(&message));
        QVERIFY2(message.contains(QStringLiteral("not a JSON object")), qPrintable(message));
        QVERIFY(widget->toolTip().contains(QStringLiteral("not a JSON object")));

        // Enrolled (nothing listens there): the client runs, offline, and the pending view opens.
        const DeviceCredentials credentials { "ws://127.0.0.1:9", "box-1", "ust_0123456789abcdef", 2 };
        QVERIFY(saveDeviceCredentials(session.credentialsPath().toStdString(), credentials, &error));
        QVERIFY2(session.startIfEnrolled(&message), qPrintable(message));
        QVERIFY(session.client() != nullptr);
        QVERIFY(pending->isEnabled());
        QTRY_VERIFY(widget->status().running);
        QTRY_VERIFY(widget->text().startsWith(QStringLiteral("Offline"))
                    || widget->text() == QStringLiteral("Connecting…"));
        pending->trigger();
        auto* dialog = window.findChild<SyncPendingDialog*>();
        QVERIFY(dialog != nullptr);
        QCOMPARE(dialog->table()->rowCount(), 0);
        QCOMPARE(dialog->message()->text(), QStringLiteral("Nothing is waiting for usherd."));
        session.stop();
        QVERIFY(!pending->isEnabled());
    }
    engine->close();
}

void TestSyncStatus::screenshot()
{
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Usher box office"));
    auto* dialog = new SyncPendingDialog(listerOf(scriptedOutbox()));
    dialog->setWindowFlags(Qt::Widget);
    QTest::mouseClick(dialog->pendingOnly(), Qt::LeftButton);
    window.setCentralWidget(dialog);
    auto* widget = new SyncStatusWidget;
    SyncClientStatus status = scripted(SyncState::Syncing, 3, 185'000, 1);
    widget->setStatus(status);
    window.statusBar()->addPermanentWidget(widget);
    window.statusBar()->showMessage(QStringLiteral("Signed in: Clara (clerk)"));
    window.resize(900, 380);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QPixmap shot = window.grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.save(QStringLiteral("sync-status.png"), "PNG"));
    const QString sourceDir = qEnvironmentVariable("USHER_SOURCE_DIR");
    if (qEnvironmentVariableIsSet("USHER_UPDATE_SCREENSHOTS") && !sourceDir.isEmpty())
        QVERIFY(shot.save(sourceDir + QStringLiteral("/docs/screenshots/sync-status.png"), "PNG"));
}

QTEST_MAIN(TestSyncStatus)
#include "TestSyncStatus.moc"
