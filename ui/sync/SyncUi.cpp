#include "sync/SyncUi.h"

#include "counter/CounterWindow.h"
#include "runtime/Engine.h"
#include "sync/SyncEnrolDialog.h"
#include "sync/SyncLedger.h"
#include "sync/SyncPendingDialog.h"
#include "sync/SyncStatusWidget.h"
#include "syncclient/CentralSeatFeed.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QStatusBar>

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
}

SyncSession::~SyncSession()
{
    stop();
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
    QUrl seats = syncEndpointUrl(credentials);
    seats.setPath(QStringLiteral("/ws"));
    m_centralSeats = std::make_unique<CentralSeatFeed>(seats);
    m_centralSeats->start();
    Q_EMIT clientChanged(m_client.get());
    Q_EMIT statusChanged(m_client->status());
    return true;
}

void SyncSession::stop()
{
    if (m_client == nullptr)
        return;
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
