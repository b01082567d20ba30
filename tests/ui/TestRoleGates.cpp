// Role gates (issue 8) through the real app shell and the real counter sign-in, with the demo
// staff (argon2id at its minimum cost) and the app's real workspaces (addStandardWorkspaces): a
// clerk or supervisor sees the sales screen only, a promoter event setup and the venue designer
// only, an admin everything; sign-out returns to the sign-in page and hides the navigation; a
// workspace a role may not see cannot be shown by id either.

#include "AppShell.h"
#include "AppShellWorkspaces.h"
#include "CounterTestSupport.h"
#include "admin/LocalMetricsFeed.h"
#include "admin/OnsaleDashboard.h"
#include "counter/SignInPage.h"

#include <QComboBox>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>

using namespace usher;
using namespace usher::ui;

class TestRoleGates : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::CounterFixture> m_fixture;
    std::unique_ptr<AppShell> m_shell;

    QStringList navigationTitles() const
    {
        QStringList titles;
        for (int row = 0; row < m_shell->navigation()->count(); ++row)
            titles << m_shell->navigation()->item(row)->text();
        return titles;
    }

    void signInAs(const QString& login)
    {
        QString password;
        for (const DemoAccount& account : demoAccounts())
            if (login == QLatin1String(account.login))
                password = QString::fromLatin1(account.password);
        QVERIFY(!password.isEmpty());
        QSignalSpy signedIn(m_shell->counter(), &CounterWindow::staffSignedIn);
        m_shell->counter()->signIn(login, password);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 20000);
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::CounterFixture>();
        QString error;
        QVERIFY2(m_fixture->open(&error), qPrintable(error));
        // The shell takes the fixture's counter window, as main() hands it its own.
        m_shell = std::make_unique<AppShell>(m_fixture->window.release());
        WorkspaceSources sources;
        sources.dataDirectory = QString::fromStdString(m_fixture->dir->path());
        addStandardWorkspaces(*m_shell, *m_fixture->engine, m_fixture->backend->services(), sources);
        m_shell->resize(1500, 900);
        m_shell->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_shell.get()));
    }

    void cleanup()
    {
        if (m_shell)
            m_shell->counter()->signOut();
        m_shell.reset(); // the counter with it, before the fixture's backend and engine
        m_fixture.reset();
    }

    void signedOutShowsOnlySignIn()
    {
        QVERIFY(m_shell->visibleWorkspaces().isEmpty());
        QVERIFY(!m_shell->navigation()->isVisible());
        QCOMPARE(m_shell->counter()->stack()->currentWidget(), m_shell->counter()->signInPage());
        QVERIFY(m_shell->counter()->isVisible());
        QVERIFY(!m_shell->showWorkspace(QStringLiteral("dashboard")));
    }

    void roles_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QStringList>("workspaces");
        QTest::newRow("clerk") << "clerk" << QStringList { QStringLiteral("sales") };
        QTest::newRow("supervisor") << "supervisor" << QStringList { QStringLiteral("sales") };
        QTest::newRow("promoter") << "promoter"
                                  << QStringList { QStringLiteral("eventSetup"), QStringLiteral("venueDesigner") };
        QTest::newRow("admin") << "admin"
                               << QStringList { QStringLiteral("sales"), QStringLiteral("eventSetup"),
                                                QStringLiteral("venueDesigner"), QStringLiteral("dashboard"),
                                                QStringLiteral("audit") };
    }

    void roles()
    {
        QFETCH(QString, login);
        QFETCH(QStringList, workspaces);
        signInAs(login);
        QCOMPARE(m_shell->visibleWorkspaces(), workspaces);
        QCOMPARE(m_shell->navigation()->count(), workspaces.size());
        QVERIFY(m_shell->navigation()->isVisible());
        QCOMPARE(m_shell->currentWorkspace(), workspaces.front());
        QVERIFY(m_shell->workspace(workspaces.front())->isVisible());
        // Every other workspace is out of reach, by the list or by id.
        for (const QString& id :
             { QStringLiteral("sales"), QStringLiteral("eventSetup"), QStringLiteral("venueDesigner"),
               QStringLiteral("dashboard"), QStringLiteral("audit") }) {
            QCOMPARE(m_shell->showWorkspace(id), workspaces.contains(id));
            if (!workspaces.contains(id))
                QVERIFY(!m_shell->workspace(id)->isVisible());
        }
        // Clicking through the navigation switches workspaces.
        for (int row = 0; row < m_shell->navigation()->count(); ++row) {
            m_shell->navigation()->setCurrentRow(row);
            QCOMPARE(m_shell->currentWorkspace(), workspaces.at(row));
        }
        // Sign-out returns to the sign-in page.
        QSignalSpy signedOut(m_shell->counter(), &CounterWindow::staffSignedOut);
        QTest::mouseClick(m_shell->signOutButton(), Qt::LeftButton);
        QTRY_COMPARE(signedOut.count(), 1);
        QVERIFY(m_shell->visibleWorkspaces().isEmpty());
        QVERIFY(!m_shell->navigation()->isVisible());
        QCOMPARE(m_shell->currentWorkspace(), QString());
        QCOMPARE(m_shell->counter()->stack()->currentWidget(), m_shell->counter()->signInPage());
        QVERIFY(m_shell->counter()->signInPage()->isVisible());
    }

    // The dashboard's source without usherd: the embedded engine's holds, releases and sales.
    void localFeedFollowsTheEngine()
    {
        Engine& engine = *m_fixture->engine;
        const EventId event = engine.events().front();
        EventShard* shard = engine.event(event);
        LocalMetricsFeed feed(engine);
        QSignalSpy sampled(&feed, &MetricsFeed::sampled);
        feed.setEvent(event);
        const qint64 t0 = 1'800'000'000'000;
        feed.sampleNow(t0);
        QCOMPARE(sampled.count(), 1);
        const MetricsSample first = sampled.at(0).at(0).value<MetricsSample>();
        QVERIFY(first.revenueMinor.value_or(0) > 0); // the demo night has sold tickets
        QCOMPARE(first.currency, QString::fromStdString(shard->spec().currency));
        QVERIFY(!first.holdsPerSecond.has_value()); // one sample: no rate yet
        QVERIFY(!first.waitingRoom);

        // Hold four open-pool seats, release two of them, two seconds later.
        std::vector<SeatId> free;
        shard->read([&](const Ledger& ledger) {
            for (std::size_t i = 0; i < ledger.venue().seats.size() && free.size() < 4; ++i)
                if (ledger.seat(SeatIndex(i)).status == SeatStatus::Available
                    && ledger.seat(SeatIndex(i)).allocation == kOpenPool)
                    free.push_back(ledger.venue().seats[i].id);
        });
        QCOMPARE(int(free.size()), 4);
        const auto hold = [&](std::vector<SeatId> seats, const char* key) {
            Command c;
            c.kind = CommandKind::HoldSeats;
            c.actor = Actor { ActorKind::Buyer, 4242 };
            c.channel = 1; // online
            c.key = IdempotencyKey::fromString(key);
            c.now = m_fixture->now.load();
            c.seats = std::move(seats);
            return shard->execute(std::move(c));
        };
        const CommandResult a = hold({ free[0], free[1] }, "dash-test-hold-a");
        const CommandResult b = hold({ free[2], free[3] }, "dash-test-hold-b");
        QCOMPARE(a.status, Status::Ok);
        QCOMPARE(b.status, Status::Ok);
        Command release;
        release.kind = CommandKind::Release;
        release.actor = Actor { ActorKind::Buyer, 4242 };
        release.channel = 1;
        release.key = IdempotencyKey::fromString("dash-test-release");
        release.now = m_fixture->now.load();
        release.hold = b.hold;
        QCOMPARE(shard->execute(std::move(release)).status, Status::Ok);
        // Publications reach the feed on the committer thread once durable.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                feed.sampleNow(t0 + 2000);
                const MetricsSample s = sampled.back().at(0).value<MetricsSample>();
                return s.holdsPerSecond.value_or(0) == 2.0 && s.expiriesPerSecond.value_or(0) == 1.0;
            }(),
            5000);
        const MetricsSample s = sampled.back().at(0).value<MetricsSample>();
        QCOMPARE(s.salesPerSecond.value_or(-1), 0.0);
        QCOMPARE(s.abandonmentRatio.value_or(-1), 0.5); // two of the four seats went back
        QCOMPARE(s.revenueMinor, first.revenueMinor);
    }

    void adminDashboardRunsOnlyWhileShown()
    {
        signInAs(QStringLiteral("admin"));
        auto* dashboard = qobject_cast<OnsaleDashboard*>(m_shell->workspace(QStringLiteral("dashboard")));
        QVERIFY(dashboard != nullptr);
        QVERIFY(!dashboard->feed()->isRunning());
        QVERIFY(m_shell->showWorkspace(QStringLiteral("dashboard")));
        QTRY_VERIFY(dashboard->feed()->isRunning());
        // The embedded engine's demo events fill the event list (no usherd in this test).
        QTRY_VERIFY(dashboard->eventCombo()->count() >= 1);
        QVERIFY(m_shell->showWorkspace(QStringLiteral("sales")));
        QTRY_VERIFY(!dashboard->feed()->isRunning());
    }
};

QTEST_MAIN(TestRoleGates)
#include "TestRoleGates.moc"
