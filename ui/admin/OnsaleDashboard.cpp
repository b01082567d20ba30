#include "admin/OnsaleDashboard.h"

#include "admin/OnsaleDashboardChart.h"
#include "counter/CounterMoney.h"

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace usher::ui {

namespace {

const QColor kBlue(0x1f, 0x77, 0xb4);
const QColor kOrange(0xff, 0x7f, 0x0e);
const QColor kGreen(0x2c, 0xa0, 0x2c);
const QColor kRed(0xd6, 0x27, 0x28);
const QColor kPurple(0x94, 0x67, 0xbd);
const QColor kGrey(0x7f, 0x7f, 0x7f);

QString dash()
{
    return QStringLiteral("\u2014");
}

QString whole(const std::optional<double>& value)
{
    return value ? QLocale().toString(qint64(std::llround(*value))) : dash();
}

QString perSecond(const std::optional<double>& value)
{
    //: A rate, e.g. "12.5/s".
    return value ? OnsaleDashboard::tr("%1/s").arg(QLocale().toString(*value, 'f', *value < 10 ? 1 : 0)) : dash();
}

QString percent(const std::optional<double>& ratio)
{
    return ratio ? QLocale().toString(*ratio * 100.0, 'f', 1) + QStringLiteral(" %") : dash();
}

QString circuitText(CircuitState state)
{
    switch (state) {
    case CircuitState::Closed: return OnsaleDashboard::tr("closed");
    case CircuitState::Open: return OnsaleDashboard::tr("OPEN");
    case CircuitState::HalfOpen: return OnsaleDashboard::tr("half-open");
    case CircuitState::Unknown: break;
    }
    return dash();
}

// usherd's cache names, for people; unknown ones as they come.
QString cacheTitle(const QString& name)
{
    if (name == QLatin1String("availability"))
        return OnsaleDashboard::tr("Availability");
    if (name == QLatin1String("event_list"))
        return OnsaleDashboard::tr("Event list");
    if (name == QLatin1String("event_detail"))
        return OnsaleDashboard::tr("Event detail");
    if (name == QLatin1String("search"))
        return OnsaleDashboard::tr("Search");
    return name;
}

std::optional<double> times100(const std::optional<double>& value)
{
    return value ? std::optional<double>(*value * 100.0) : std::nullopt;
}

} // namespace

OnsaleDashboard::OnsaleDashboard(MetricsFeed* feed, QWidget* parent)
    : QWidget(parent)
    , m_feed(feed)
{
    Q_ASSERT(feed != nullptr);
    setObjectName(QStringLiteral("onsaleDashboard"));
    m_feed->setParent(this);
    m_confirm = [this](const QString& title, const QString& question) {
        return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(6);
    layout->addWidget(buildHeader());
    m_alertBanner = new QLabel(this);
    m_alertBanner->setObjectName(QStringLiteral("alertBanner"));
    m_alertBanner->setWordWrap(true);
    m_alertBanner->hide();
    layout->addWidget(m_alertBanner);
    m_alertList = new QListWidget(this);
    m_alertList->setObjectName(QStringLiteral("alertList"));
    m_alertList->setMaximumHeight(74);
    m_alertList->hide();
    layout->addWidget(m_alertList);
    layout->addWidget(buildTiles());
    auto* body = new QHBoxLayout;
    body->addWidget(buildCharts(), 1);
    body->addWidget(buildSidePanel());
    layout->addLayout(body, 1);

    connect(m_feed, &MetricsFeed::sampled, this, &OnsaleDashboard::addSample);
    connect(m_feed, &MetricsFeed::eventsChanged, this, &OnsaleDashboard::setEvents);
    connect(m_feed, &MetricsFeed::controlFinished, this, &OnsaleDashboard::controlFinished);
    m_sourceLabel->setText(tr("Source: %1").arg(m_feed->sourceName()));
    updateControls();
}

OnsaleDashboard::~OnsaleDashboard()
{
    m_feed->stop();
}

QWidget* OnsaleDashboard::buildHeader()
{
    auto* header = new QWidget(this);
    auto* row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("Live onsale"), header);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);
    row->addWidget(title);
    row->addSpacing(16);
    auto* eventLabel = new QLabel(tr("&Event:"), header);
    m_eventCombo = new QComboBox(header);
    m_eventCombo->setObjectName(QStringLiteral("eventCombo"));
    m_eventCombo->setMinimumWidth(260);
    eventLabel->setBuddy(m_eventCombo);
    row->addWidget(eventLabel);
    row->addWidget(m_eventCombo);
    auto* windowLabel = new QLabel(tr("&Window:"), header);
    m_windowCombo = new QComboBox(header);
    m_windowCombo->setObjectName(QStringLiteral("windowCombo"));
    for (const int minutes : { 1, 5, 15, 60 })
        m_windowCombo->addItem(tr("%n minute(s)", nullptr, minutes), minutes);
    m_windowCombo->setCurrentIndex(1);
    windowLabel->setBuddy(m_windowCombo);
    row->addSpacing(8);
    row->addWidget(windowLabel);
    row->addWidget(m_windowCombo);
    row->addStretch(1);
    m_scopeLabel = new QLabel(header);
    m_scopeLabel->setObjectName(QStringLiteral("scopeLabel"));
    m_sourceLabel = new QLabel(header);
    m_sourceLabel->setObjectName(QStringLiteral("sourceLabel"));
    m_updatedLabel = new QLabel(tr("Waiting for data…"), header);
    m_updatedLabel->setObjectName(QStringLiteral("updatedLabel"));
    for (QLabel* label : { m_scopeLabel, m_sourceLabel, m_updatedLabel }) {
        label->setStyleSheet(QStringLiteral("color: palette(mid);"));
        row->addWidget(label);
    }
    connect(m_eventCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            selectEvent(m_eventCombo->itemData(index).toULongLong());
    });
    connect(m_eventCombo, &QComboBox::activated, this, [this] { m_eventChosen = true; });
    connect(m_windowCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setWindowMinutes(m_windowCombo->itemData(index).toInt()); });
    return header;
}

QLabel* OnsaleDashboard::addTile(QGridLayout* grid, int row, int column, const QString& key, const QString& title)
{
    auto* tile = new QFrame(this);
    tile->setObjectName(key + QStringLiteral("Tile"));
    tile->setFrameShape(QFrame::StyledPanel);
    tile->setStyleSheet(QStringLiteral("QFrame#%1 { background: palette(base); border: 1px solid palette(midlight); "
                                       "border-radius: 4px; }")
                            .arg(tile->objectName()));
    auto* box = new QVBoxLayout(tile);
    box->setContentsMargins(8, 4, 8, 4);
    box->setSpacing(0);
    auto* caption = new QLabel(title, tile);
    caption->setStyleSheet(QStringLiteral("color: palette(mid); border: none;"));
    auto* value = new QLabel(dash(), tile);
    value->setObjectName(key + QStringLiteral("Value"));
    QFont font = value->font();
    font.setPointSizeF(font.pointSizeF() * 1.35);
    font.setBold(true);
    value->setFont(font);
    value->setStyleSheet(QStringLiteral("border: none;"));
    box->addWidget(caption);
    box->addWidget(value);
    grid->addWidget(tile, row, column);
    m_tiles.insert(key, value);
    return value;
}

QWidget* OnsaleDashboard::buildTiles()
{
    auto* tiles = new QWidget(this);
    auto* grid = new QGridLayout(tiles);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    addTile(grid, 0, 0, QStringLiteral("queueDepth"), tr("Queue depth"));
    addTile(grid, 0, 1, QStringLiteral("flow"), tr("Inflow / outflow"));
    addTile(grid, 0, 2, QStringLiteral("active"), tr("Active sessions"));
    addTile(grid, 0, 3, QStringLiteral("holds"), tr("Holds"));
    addTile(grid, 0, 4, QStringLiteral("sales"), tr("Sales"));
    addTile(grid, 0, 5, QStringLiteral("revenue"), tr("Revenue"));
    addTile(grid, 1, 0, QStringLiteral("conflicts"), tr("Conflicts (409)"));
    addTile(grid, 1, 1, QStringLiteral("rateLimited"), tr("Rate limited (429)"));
    addTile(grid, 1, 2, QStringLiteral("expiries"), tr("Released holds"));
    addTile(grid, 1, 3, QStringLiteral("abandonment"), tr("Abandonment"));
    addTile(grid, 1, 4, QStringLiteral("gateway"), tr("Gateway latency / errors"));
    addTile(grid, 1, 5, QStringLiteral("circuit"), tr("Gateway circuit"));
    return tiles;
}

QWidget* OnsaleDashboard::buildCharts()
{
    auto* area = new QWidget(this);
    auto* grid = new QGridLayout(area);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    const auto add = [&](DashboardChart* chart, const QString& name, int row, int column) {
        chart->setObjectName(name);
        grid->addWidget(chart, row, column);
        m_charts.push_back(chart);
    };
    auto* queue = new DashboardChart(tr("Waiting room"), tr("people"), area);
    queue->addLine(tr("Queue depth"), kBlue, [](const MetricsSample& s) { return s.queueDepth; });
    queue->addLine(tr("Active sessions"), kGreen, [](const MetricsSample& s) { return s.activeSessions; });
    add(queue, QStringLiteral("queueChart"), 0, 0);
    auto* flow = new DashboardChart(tr("Queue flow"), tr("per second"), area);
    flow->addLine(tr("Inflow"), kBlue, [](const MetricsSample& s) { return s.inflowPerSecond; });
    flow->addLine(tr("Outflow"), kGreen, [](const MetricsSample& s) { return s.outflowPerSecond; });
    flow->addLine(
        tr("Drain rate setting"), kGrey, [](const MetricsSample& s) { return s.drainRateSetting; }, Qt::DashLine);
    add(flow, QStringLiteral("flowChart"), 0, 1);
    auto* sales = new DashboardChart(tr("Holds and sales"), tr("per second"), area);
    sales->addLine(tr("Holds"), kOrange, [](const MetricsSample& s) { return s.holdsPerSecond; });
    sales->addLine(tr("Sales"), kGreen, [](const MetricsSample& s) { return s.salesPerSecond; });
    add(sales, QStringLiteral("salesChart"), 0, 2);
    auto* refusals = new DashboardChart(tr("Refusals and releases"), tr("per second"), area);
    refusals->addLine(tr("409 conflicts"), kRed, [](const MetricsSample& s) { return s.conflictsPerSecond; });
    refusals->addLine(tr("429 refusals"), kPurple, [](const MetricsSample& s) { return s.rateLimitedPerSecond; });
    refusals->addLine(tr("Released"), kGrey, [](const MetricsSample& s) { return s.expiriesPerSecond; });
    add(refusals, QStringLiteral("refusalChart"), 1, 0);
    auto* caches = new DashboardChart(tr("Cache hit ratio"), tr("%"), area);
    caches->setPercent(true);
    caches->setThreshold(tr("90 %"), OnsaleDashboardAlerts::kHitRatioMin * 100.0, kRed);
    caches->setDynamicLines([](const MetricsSample& s) {
        std::vector<std::pair<QString, std::optional<double>>> values;
        for (const CacheRatio& cache : s.caches)
            values.emplace_back(cacheTitle(cache.name), times100(cache.ratio));
        return values;
    });
    add(caches, QStringLiteral("cacheChart"), 1, 1);
    auto* gateway = new DashboardChart(tr("Payment gateway"), tr("ms · errors/s"), area);
    gateway->addLine(tr("Latency (ms)"), kBlue, [](const MetricsSample& s) { return s.paymentLatencyMs; });
    gateway->addLine(tr("Errors/s"), kRed, [](const MetricsSample& s) { return s.paymentErrorsPerSecond; });
    add(gateway, QStringLiteral("gatewayChart"), 1, 2);
    return area;
}

QWidget* OnsaleDashboard::buildSidePanel()
{
    auto* panel = new QWidget(this);
    panel->setFixedWidth(270);
    auto* column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);
    auto* room = new QGroupBox(tr("Waiting room"), panel);
    auto* roomLayout = new QGridLayout(room);
    m_roomLabel = new QLabel(dash(), room);
    m_roomLabel->setObjectName(QStringLiteral("roomLabel"));
    m_roomLabel->setWordWrap(true);
    roomLayout->addWidget(m_roomLabel, 0, 0, 1, 2);
    m_pauseButton = new QPushButton(tr("&Pause queue…"), room);
    m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
    roomLayout->addWidget(m_pauseButton, 1, 0, 1, 2);
    m_drainSpin = new QDoubleSpinBox(room);
    m_drainSpin->setObjectName(QStringLiteral("drainSpin"));
    m_drainSpin->setRange(0.1, 100000);
    m_drainSpin->setDecimals(1);
    m_drainSpin->setValue(13.3);
    m_drainSpin->setSuffix(tr(" /s"));
    m_drainButton = new QPushButton(tr("Set &drain rate…"), room);
    m_drainButton->setObjectName(QStringLiteral("drainButton"));
    roomLayout->addWidget(m_drainSpin, 2, 0);
    roomLayout->addWidget(m_drainButton, 2, 1);
    m_controlStatus = new QLabel(room);
    m_controlStatus->setObjectName(QStringLiteral("controlStatus"));
    m_controlStatus->setWordWrap(true);
    roomLayout->addWidget(m_controlStatus, 3, 0, 1, 2);
    column->addWidget(room);
    connect(m_pauseButton, &QPushButton::clicked, this, &OnsaleDashboard::togglePause);
    connect(m_drainButton, &QPushButton::clicked, this, &OnsaleDashboard::applyDrainRate);

    auto* offices = new QGroupBox(tr("Box offices"), panel);
    auto* officeLayout = new QVBoxLayout(offices);
    m_devices = new QTableWidget(0, 4, offices);
    m_devices->setObjectName(QStringLiteral("devicesTable"));
    m_devices->setHorizontalHeaderLabels({ tr("Box office"), tr("Link"), tr("Sync lag"), tr("Pending") });
    m_devices->verticalHeader()->hide();
    m_devices->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_devices->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_devices->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_devices->setSelectionMode(QAbstractItemView::NoSelection);
    m_devicesNote = new QLabel(tr("No box-office list: it needs a usherd with GET /api/devices."), offices);
    m_devicesNote->setObjectName(QStringLiteral("devicesNote"));
    m_devicesNote->setWordWrap(true);
    m_devicesNote->setStyleSheet(QStringLiteral("color: palette(mid);"));
    officeLayout->addWidget(m_devices, 1);
    officeLayout->addWidget(m_devicesNote);
    column->addWidget(offices, 1);
    return panel;
}

DashboardChart* OnsaleDashboard::chart(const QString& objectName) const
{
    for (DashboardChart* chart : m_charts)
        if (chart->objectName() == objectName)
            return chart;
    return nullptr;
}

QString OnsaleDashboard::tileText(const QString& key) const
{
    const QLabel* label = m_tiles.value(key);
    return label != nullptr ? label->text() : QString();
}

void OnsaleDashboard::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_feed->start();
}

void OnsaleDashboard::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_feed->stop();
}

void OnsaleDashboard::setEvents(const std::vector<EventChoice>& events)
{
    const quint64 current = m_feed->event();
    QSignalBlocker blocker(m_eventCombo);
    m_eventCombo->clear();
    int select = -1;
    for (const EventChoice& event : events) {
        //: %1 is an event id, %2 its name.
        m_eventCombo->addItem(tr("%1 · %2").arg(event.id).arg(event.name), event.id);
        if (event.id == current)
            select = m_eventCombo->count() - 1;
    }
    if (select < 0 && m_eventCombo->count() > 0)
        select = 0;
    m_eventCombo->setCurrentIndex(select);
    blocker.unblock();
    if (select >= 0 && m_eventCombo->itemData(select).toULongLong() != current)
        selectEvent(m_eventCombo->itemData(select).toULongLong());
}

void OnsaleDashboard::selectEvent(quint64 event)
{
    const int index = m_eventCombo->findData(event);
    if (index >= 0 && index != m_eventCombo->currentIndex()) {
        m_eventCombo->setCurrentIndex(index); // comes back here through the signal
        return;
    }
    if (event == m_feed->event() && !m_history.empty())
        return;
    const bool running = m_feed->isRunning();
    if (running)
        m_feed->stop();
    m_feed->setEvent(event);
    m_history.clear();
    m_last.reset();
    m_alerts.clear();
    rebuildCharts();
    showAlerts();
    updateControls();
    if (running)
        m_feed->start();
}

QString OnsaleDashboard::eventName() const
{
    return m_eventCombo->currentIndex() >= 0 ? m_eventCombo->currentText() : tr("event %1").arg(m_feed->event());
}

void OnsaleDashboard::setWindowMinutes(int minutes)
{
    if (minutes <= 0 || minutes == m_windowMinutes)
        return;
    m_windowMinutes = minutes;
    const int index = m_windowCombo->findData(minutes);
    if (index >= 0 && index != m_windowCombo->currentIndex())
        m_windowCombo->setCurrentIndex(index);
    rebuildCharts();
}

void OnsaleDashboard::rebuildCharts()
{
    const qint64 end = m_last ? m_last->atMs : QDateTime::currentMSecsSinceEpoch();
    const qint64 start = end - qint64(m_windowMinutes) * 60'000;
    for (DashboardChart* chart : m_charts)
        chart->rebuild(m_history, start, end);
}

void OnsaleDashboard::addSample(const MetricsSample& sample)
{
    if (sample.event != m_feed->event())
        return; // a late answer for the event selected before
    if (!m_eventChosen && !sample.waitingRoom) {
        // Until the admin picks one, follow the onsale in progress: the first event with a room.
        for (const quint64 event : sample.eventsWithRoom) {
            if (m_eventCombo->findData(event) >= 0) {
                selectEvent(event);
                return;
            }
        }
    }
    m_last = sample;
    m_history.push_back(sample);
    while (!m_history.empty()
           && (m_history.front().atMs < sample.atMs - kHistoryMs || m_history.size() > kHistorySamplesMax))
        m_history.pop_front();
    const qint64 start = sample.atMs - qint64(m_windowMinutes) * 60'000;
    for (DashboardChart* chart : m_charts)
        chart->append(sample, start, sample.atMs);
    showTiles(sample);
    showDevices(sample);
    if (m_alerts.update(sample)) {
        showAlerts();
        Q_EMIT alertsChanged();
    }
    updateControls();
    m_updatedLabel->setText(
        sample.sourceError.isEmpty()
            //: %1 is a time of day.
            ? tr("Updated %1")
                  .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(sample.atMs).time(), QLocale::LongFormat))
            : tr("Not updating"));
    m_scopeLabel->setText(sample.scope.isEmpty() ? QString() : tr("Sales figures: %1").arg(sample.scope));
}

void OnsaleDashboard::showTiles(const MetricsSample& s)
{
    const auto set = [this](const char* key, const QString& text) { m_tiles.value(QLatin1String(key))->setText(text); };
    set("queueDepth", s.waitingRoom ? whole(s.queueDepth) : s.sourceError.isEmpty() ? tr("no room") : dash());
    set("flow", tr("%1 / %2").arg(perSecond(s.inflowPerSecond), perSecond(s.outflowPerSecond)));
    set("active", whole(s.activeSessions));
    set("holds", perSecond(s.holdsPerSecond));
    set("sales", perSecond(s.salesPerSecond));
    set("revenue", s.revenueMinor ? counterMoney(*s.revenueMinor, s.currency.toStdString()) : dash());
    set("conflicts", perSecond(s.conflictsPerSecond));
    set("rateLimited", perSecond(s.rateLimitedPerSecond));
    //: Released seats per second, then how many holds ran out per second, e.g. "6.0/s (2.0/s expired)".
    set("expiries",
        s.holdExpiriesPerSecond
            ? tr("%1 (%2 expired)").arg(perSecond(s.expiriesPerSecond), perSecond(s.holdExpiriesPerSecond))
            : perSecond(s.expiriesPerSecond));
    set("abandonment", percent(s.abandonmentRatio));
    //: Gateway latency and error rate, e.g. "840 ms / 0.2/s".
    set("gateway",
        s.paymentLatencyMs || s.paymentErrorsPerSecond ? tr("%1 / %2").arg(
            s.paymentLatencyMs ? tr("%1 ms").arg(QLocale().toString(*s.paymentLatencyMs, 'f', 0)) : dash(),
            perSecond(s.paymentErrorsPerSecond))
                                                       : dash());
    set("circuit", circuitText(s.circuit));
    QLabel* circuit = m_tiles.value(QStringLiteral("circuit"));
    const QString colour = s.circuit == CircuitState::Open ? QStringLiteral("#c62828")
        : s.circuit == CircuitState::HalfOpen              ? QStringLiteral("#ef6c00")
        : s.circuit == CircuitState::Closed                ? QStringLiteral("#2e7d32")
                                                           : QString();
    circuit->setStyleSheet(colour.isEmpty() ? QStringLiteral("border: none;")
                                            : QStringLiteral("border: none; color: %1;").arg(colour));
}

void OnsaleDashboard::showAlerts()
{
    const std::vector<DashboardAlert>& alerts = m_alerts.active();
    m_alertList->clear();
    for (const DashboardAlert& alert : alerts) {
        //: %1 is the time an alert was raised, %2 what it says.
        auto* item = new QListWidgetItem(
            tr("%1  %2").arg(
                QLocale().toString(QDateTime::fromMSecsSinceEpoch(alert.sinceMs).time(), QLocale::LongFormat),
                alert.text),
            m_alertList);
        item->setData(Qt::UserRole, alert.id);
        item->setForeground(alert.severity == AlertSeverity::Critical ? QColor(0xc6, 0x28, 0x28)
                                                                      : QColor(0xb2, 0x5b, 0x00));
    }
    if (alerts.empty()) {
        m_alertBanner->hide();
        m_alertList->hide();
        return;
    }
    const bool critical = m_alerts.worst() == AlertSeverity::Critical;
    m_alertBanner->setStyleSheet(critical ? QStringLiteral("background: #c62828; color: white; padding: 6px; "
                                                           "border-radius: 4px; font-weight: bold;")
                                          : QStringLiteral("background: #ffb300; color: black; padding: 6px; "
                                                           "border-radius: 4px; font-weight: bold;"));
    m_alertBanner->setText(alerts.size() == 1
                               ? alerts.front().text
                               //: %1 is the first alert's text.
                               : tr("%n alert(s). %1", nullptr, int(alerts.size())).arg(alerts.front().text));
    m_alertBanner->show();
    m_alertList->setVisible(alerts.size() > 1);
}

void OnsaleDashboard::showDevices(const MetricsSample& sample)
{
    m_devicesNote->setVisible(!sample.devices.has_value() || sample.devices->empty());
    m_devices->setVisible(sample.devices.has_value());
    m_devicesNote->setText(sample.devices ? tr("No box office is connected.")
                                          : tr("No box-office list: it needs a usherd with GET /api/devices."));
    if (!sample.devices)
        return;
    const std::vector<DeviceStatus>& devices = *sample.devices;
    m_devices->setRowCount(int(devices.size()));
    for (int row = 0; row < int(devices.size()); ++row) {
        const DeviceStatus& d = devices[std::size_t(row)];
        const auto cell = [&](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            if (column > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_devices->setItem(row, column, item);
        };
        cell(0, d.name.isEmpty() ? d.id : d.name);
        cell(1, d.connected ? tr("online") : tr("offline"));
        cell(2, d.syncLagSeconds ? tr("%1 s").arg(QLocale().toString(*d.syncLagSeconds, 'f', 1)) : dash());
        cell(3, d.pendingOperations ? QLocale().toString(*d.pendingOperations) : dash());
        m_devices->item(row, 1)->setForeground(d.connected ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    }
}

void OnsaleDashboard::updateControls()
{
    // The drain-rate box starts from the setting in force (until the admin edits it).
    if (m_last && m_last->drainRateSetting && !m_drainSpin->hasFocus() && !m_changeInFlight
        && *m_last->drainRateSetting != m_drainShown) {
        m_drainShown = *m_last->drainRateSetting;
        m_drainSpin->setValue(m_drainShown);
    }
    const bool room = m_last && m_last->waitingRoom;
    const bool can = m_feed->canControl() && m_feed->event() != 0 && room && !m_changeInFlight;
    const bool paused = m_last && m_last->paused.value_or(false);
    m_pauseButton->setText(paused ? tr("&Resume queue…") : tr("&Pause queue…"));
    m_pauseButton->setEnabled(can);
    m_drainButton->setEnabled(can);
    m_drainSpin->setEnabled(can);
    if (!m_feed->canControl())
        m_roomLabel->setText(tr("Pausing and the drain rate need a connection to usherd with a promoter or admin "
                                "token."));
    else if (!room)
        m_roomLabel->setText(tr("This event has no waiting room."));
    else
        //: %1 is "running" or "paused", %2 a rate.
        m_roomLabel->setText(tr("Queue %1, drain rate %2.")
                                 .arg(paused ? tr("paused") : tr("running"), perSecond(m_last->drainRateSetting)));
}

bool OnsaleDashboard::confirm(const QString& title, const QString& question)
{
    return m_confirm ? m_confirm(title, question) : false;
}

void OnsaleDashboard::togglePause()
{
    if (!m_pauseButton->isEnabled())
        return;
    const bool pause = !(m_last && m_last->paused.value_or(false));
    const QString question = pause
        //: %1 is an event, %2 a number of people.
        ? tr("Pause the queue of %1? Nobody is admitted until you resume it; %2 people are waiting.")
              .arg(eventName(), whole(m_last ? m_last->queueDepth : std::nullopt))
        : tr("Resume the queue of %1? Admissions start again at the drain rate.").arg(eventName());
    if (!confirm(pause ? tr("Pause the queue") : tr("Resume the queue"), question))
        return;
    m_changeInFlight = true;
    updateControls();
    m_controlStatus->setText(tr("Sending…"));
    m_feed->changeWaitingRoom(QJsonObject { { QStringLiteral("paused"), pause } });
}

void OnsaleDashboard::applyDrainRate()
{
    if (!m_drainButton->isEnabled())
        return;
    const double rate = m_drainSpin->value();
    //: %1 is an event, %2 and %3 rates such as "13.3/s".
    const QString question
        = tr("Change the drain rate of %1 from %2 to %3?")
              .arg(eventName(), perSecond(m_last ? m_last->drainRateSetting : std::nullopt), perSecond(rate));
    if (!confirm(tr("Change the drain rate"), question))
        return;
    m_changeInFlight = true;
    updateControls();
    m_controlStatus->setText(tr("Sending…"));
    m_feed->changeWaitingRoom(QJsonObject { { QStringLiteral("drainRatePerSecond"), rate } });
}

void OnsaleDashboard::controlFinished(bool ok, const QString& message)
{
    m_changeInFlight = false;
    m_controlStatus->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
    m_controlStatus->setText(ok ? tr("Done: the change is in force and in usherd's audit log.") : message);
    updateControls();
}

} // namespace usher::ui
