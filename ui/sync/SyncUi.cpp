#include "sync/SyncUi.h"

#include "counter/CounterWindow.h"
#include "runtime/Engine.h"
#include "runtime/EventShard.h"
#include "sync/SyncEnrolDialog.h"
#include "sync/SyncLedger.h"
#include "sync/SyncPendingDialog.h"
#include "sync/SyncStatusWidget.h"
#include "syncclient/CentralSeatFeed.h"
#include "syncclient/EventDownload.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QStatusBar>
#include <QThread>

namespace usher::ui {

namespace {

void showPending(QMainWindow* window, SyncSession* session)
{
    QPointer<SyncSession> guarded(session);
    auto* dialog = new SyncPendingDialog(
        [guarded](std::uint64_t from, std::size_t max, std::vector<SyncOutboxEntry>* out, std::string* error) {
            SyncClient* client = guarded.isNull() ? nullptr : guarded.data()->client();
            if (client == nullptr) {
                *error = SyncStatusWidget::tr("The box office is not syncing with usherd.").toStdString();
                return false;
            }
            return client->listOutbox(from, max, out, error);
        },
        window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace

SyncSession::SyncSession(Engine& engine, QString dataDirectory, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_dataDirectory(std::move(dataDirectory))
    , m_ledger(std::make_unique<EngineSyncLedger>(engine))
{
    setProblem(SyncStatusWidget::tr("This box office is not enrolled with usherd (Sync ▸ Enrol with usherd)."));
    m_revisionWatch.setInterval(1000);
    connect(&m_revisionWatch, &QTimer::timeout, this, &SyncSession::watchRevisions);
}

SyncSession::~SyncSession()
{
    stop();
}

void SyncSession::watchRevisions()
{
    for (EventId id : m_engine.events()) {
        const EventShard* shard = m_engine.event(id);
        if (shard == nullptr)
            continue;
        const std::uint32_t revision = shard->spec().revision;
        auto [it, added] = m_revisions.emplace(id, revision);
        if (!added && it->second != revision) {
            it->second = revision;
            Q_EMIT eventUpdated(id);
        }
    }
}

void SyncSession::eventChangedOnCentral(EventId event, std::uint64_t revision)
{
    const EventShard* shard = m_engine.event(event);
    if (shard == nullptr || revision <= shard->spec().revision)
        return;
    m_toRefresh.insert(event);
    refreshNext();
}

// On a thread of its own: the HTTP request blocks (with a timeout) and needs its own event loop.
void SyncSession::refreshNext()
{
    if (m_refresh != nullptr || m_toRefresh.empty() || m_client == nullptr)
        return;
    const EventId event = *m_toRefresh.begin();
    m_toRefresh.erase(m_toRefresh.begin());
    auto error = std::make_shared<QString>();
    Engine* engine = &m_engine;
    const QUrl base = httpBaseUrl(m_credentials);
    m_refresh = QThread::create([engine, base, event, error] {
        bool updated = false;
        if (!refreshEvent(base, *engine, event, &updated, error.get()))
            return;
        error->clear();
    });
    connect(m_refresh, &QThread::finished, this, [this, error] {
        m_refreshError = *error;
        m_refresh->deleteLater();
        m_refresh = nullptr;
        watchRevisions(); // at once, not at the next tick
        refreshNext();
    });
    m_refresh->start();
}

QString SyncSession::credentialsPath() const
{
    return QString::fromStdString(deviceCredentialsPath(m_dataDirectory.toStdString()));
}

void SyncSession::setProblem(const QString& problem)
{
    m_stopped = SyncClientStatus {};
    m_stopped.transportError = problem.toStdString();
    Q_EMIT statusChanged(m_stopped);
}

bool SyncSession::startIfEnrolled(QString* message)
{
    DeviceCredentials credentials;
    std::string error, warning;
    const CredentialsStatus loaded
        = loadDeviceCredentials(credentialsPath().toStdString(), &credentials, &error, &warning);
    if (loaded == CredentialsStatus::Missing)
        return true; // not enrolled: nothing to start, nothing wrong
    if (loaded != CredentialsStatus::Ok) {
        *message = QString::fromStdString(error);
        setProblem(*message);
        return false;
    }
    *message = QString::fromStdString(warning);
    return start(credentials, message);
}

bool SyncSession::start(const DeviceCredentials& credentials, QString* error)
{
    stop();
    SyncClientOptions options;
    options.credentials = credentials;
    options.outboxPath = QDir(m_dataDirectory).filePath(QStringLiteral("sync-outbox.db")).toStdString();
    options.downloadInto = &m_engine;
    auto client = std::make_unique<SyncClient>(*m_ledger, options);
    connect(client.get(), &SyncClient::statusChanged, this, &SyncSession::statusChanged);
    if (!client->start(error)) {
        setProblem(*error);
        return false;
    }
    m_client = std::move(client);
    m_channel = credentials.channel;
    m_credentials = credentials;
    QUrl seats = syncEndpointUrl(credentials);
    seats.setPath(QStringLiteral("/ws"));
    m_centralSeats = std::make_unique<CentralSeatFeed>(seats);
    connect(m_centralSeats.get(), &CentralSeatFeed::eventChanged, this,
            [this](quint64 event, quint64 revision) { eventChangedOnCentral(EventId(event), revision); });
    m_centralSeats->start();
    watchRevisions();
    m_revisionWatch.start();
    Q_EMIT clientChanged(m_client.get());
    Q_EMIT statusChanged(m_client->status());
    return true;
}

void SyncSession::stop()
{
    if (m_client == nullptr)
        return;
    m_revisionWatch.stop();
    m_toRefresh.clear();
    if (m_refresh != nullptr) { // its request has a timeout
        disconnect(m_refresh, nullptr, this, nullptr);
        m_refresh->wait();
        delete m_refresh;
        m_refresh = nullptr;
    }
    m_client->stop();
    m_client.reset();
    Q_EMIT clientChanged(nullptr); // before the feed goes: the overlays let go of it
    m_centralSeats.reset();
}

SyncClient* SyncSession::client() const
{
    return m_client.get();
}

SyncClientStatus SyncSession::status() const
{
    return m_client != nullptr ? m_client->status() : m_stopped;
}

SyncStatusWidget* installSyncUi(QMainWindow& window, SyncSession& session)
{
    if (auto* counter = qobject_cast<CounterWindow*>(&window))
        counter->setSyncSession(&session);
    auto* widget = new SyncStatusWidget(&window);
    window.statusBar()->addPermanentWidget(widget);
    widget->setStatus(session.status());
    QObject::connect(&session, &SyncSession::statusChanged, widget, &SyncStatusWidget::setStatus);
    QObject::connect(widget, &SyncStatusWidget::pendingRequested, &window,
                     [&window, &session] { showPending(&window, &session); });

    QMenu* menu = window.menuBar()->addMenu(SyncStatusWidget::tr("S&ync"));
    menu->setObjectName(QStringLiteral("syncMenu"));
    QAction* pending = menu->addAction(SyncStatusWidget::tr("&Pending operations…"));
    pending->setObjectName(QStringLiteral("syncPendingAction"));
    pending->setEnabled(session.client() != nullptr);
    QObject::connect(&session, &SyncSession::clientChanged, pending,
                     [pending](SyncClient* client) { pending->setEnabled(client != nullptr); });
    QObject::connect(pending, &QAction::triggered, &window, [&window, &session] { showPending(&window, &session); });
    QAction* enrol = menu->addAction(SyncStatusWidget::tr("&Enrol with usherd…"));
    enrol->setObjectName(QStringLiteral("syncEnrolAction"));
    QObject::connect(enrol, &QAction::triggered, &window, [&window, &session] {
        DeviceCredentials initial;
        std::string error, warning;
        if (loadDeviceCredentials(session.credentialsPath().toStdString(), &initial, &error, &warning)
            != CredentialsStatus::Ok)
            initial.server = session.defaultServer().toStdString();
        SyncEnrolDialog dialog(session.credentialsPath(), initial, &window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        QString problem;
        session.start(dialog.credentials(), &problem);
    });
    return widget;
}

} // namespace usher::ui
