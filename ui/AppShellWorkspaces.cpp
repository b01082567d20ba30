#include "AppShellWorkspaces.h"

#include "AppShell.h"
#include "admin/AuditLogWidget.h"
#include "admin/LocalMetricsFeed.h"
#include "admin/OnsaleDashboard.h"
#include "admin/UsherdMetricsFeed.h"
#include "counter/CounterServices.h"
#include "promoter/EventSetup.h"
#include "promoter/VenueDesigner.h"

#include <QDir>
#include <QUrl>
#include <QVBoxLayout>

#include <functional>

namespace usher::ui {

namespace {

// A workspace built the first time it is shown: the audit browser opens its index and starts
// catching up with the journal, which a clerk's session never needs.
class LazyWorkspace final : public QWidget {
public:
    explicit LazyWorkspace(std::function<QWidget*()> create)
        : m_create(std::move(create))
    {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
    }

protected:
    void showEvent(QShowEvent* event) override
    {
        if (m_create) {
            QWidget* content = m_create();
            m_create = nullptr;
            layout()->addWidget(content);
        }
        QWidget::showEvent(event);
    }

private:
    std::function<QWidget*()> m_create;
};

} // namespace

void addStandardWorkspaces(AppShell& shell, Engine& engine, CounterServices& services, const WorkspaceSources& sources)
{
    Q_UNUSED(services);
    // Promoters (and admins): event setup and the venue designer, whose "Use for event" hands the
    // venue to event setup.
    auto* setup = new EventSetup(engine);
    if (!sources.usherd.isEmpty())
        setup->setServer(QUrl(sources.usherd), QString::fromUtf8(sources.usherdToken));
    // usherd's ids of the events published from here, so publishing again updates the same event.
    if (!sources.dataDirectory.isEmpty())
        setup->setPublishedEventsFile(QDir(sources.dataDirectory).filePath(QStringLiteral("published-events.json")));
    auto* designer = new VenueDesigner;
    QObject::connect(designer, &VenueDesigner::venueReady, setup, &EventSetup::setVenue);
    shell.addWorkspace(QStringLiteral("eventSetup"), AppShell::tr("Event setup"),
                       QIcon::fromTheme(QStringLiteral("x-office-calendar")), AppShell::promoters(), setup);
    shell.addWorkspace(QStringLiteral("venueDesigner"), AppShell::tr("Venue designer"),
                       QIcon::fromTheme(QStringLiteral("applications-graphics")), AppShell::promoters(), designer);

    // Admins: the live onsale dashboard and the audit log.
    MetricsFeed* feed = sources.usherd.isEmpty() ? static_cast<MetricsFeed*>(new LocalMetricsFeed(engine))
                                                 : new UsherdMetricsFeed(QUrl(sources.usherd), sources.usherdToken);
    shell.addWorkspace(QStringLiteral("dashboard"), AppShell::tr("Dashboard"),
                       QIcon::fromTheme(QStringLiteral("utilities-system-monitor")), AppShell::adminOnly(),
                       new OnsaleDashboard(feed));
    // When connected, the audit browser also shows usherd's waiting-room changes.
    const QString dataDirectory = sources.dataDirectory;
    const QString usherd = sources.usherd;
    const QByteArray usherdToken = sources.usherdToken;
    shell.addWorkspace(QStringLiteral("audit"), AppShell::tr("Audit log"),
                       QIcon::fromTheme(QStringLiteral("document-open-recent")), AppShell::adminOnly(),
                       new LazyWorkspace([dataDirectory, usherd, usherdToken] {
                           auto* browser = new AuditLogWidget(dataDirectory);
                           if (!usherd.isEmpty())
                               browser->setServer(QUrl(usherd), usherdToken);
                           return browser;
                       }));
}

} // namespace usher::ui
