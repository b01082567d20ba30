#include "promoter/EventSetup.h"
#include "DisplayFormat.h"

#include "SeatMapModel.h"
#include "SeatMapWidget.h"
#include "core/Limits.h"
#include "core/Random.h"
#include "counter/EventPicker.h"
#include "promoter/PromoterPublisher.h"
#include "runtime/Engine.h"
#include "waitroom/CapacityPlanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDataStream>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QMessageBox>
#include <QSaveFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QUuid>
#include <QVBoxLayout>

#include <cmath>
#include <map>
#include <set>

namespace usher::ui {

namespace {

constexpr int kChannelName = 0, kChannelKind = 1, kChannelOnsale = 2, kChannelOffsale = 3;
const char* const kCurrencies[] = { "EUR", "CHF", "GBP", "USD", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK" };

QSpinBox* intBox(int min, int max, int value, const QString& suffix = {})
{
    auto* box = new QSpinBox;
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    return box;
}

QString offsetText(const QTimeZone& zone, const QDateTime& at)
{
    const int seconds = zone.offsetFromUtc(at);
    const int minutes = std::abs(seconds) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(seconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// "45.00" in a currency with `exponent` decimals -> 4500. False for anything else.
bool parseAmount(const QString& text, int exponent, Amount* amount)
{
    const QString t = text.trimmed();
    const qsizetype dot = t.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? t : t.left(dot);
    QString fraction = dot < 0 ? QString() : t.mid(dot + 1);
    if (whole.isEmpty() || fraction.size() > exponent || whole.size() > 15)
        return false;
    for (QChar c : whole + fraction)
        if (!c.isDigit())
            return false;
    while (fraction.size() < exponent)
        fraction += QLatin1Char('0');
    bool ok = false;
    const qlonglong value = (whole + fraction).toLongLong(&ok);
    if (!ok || value > kAmountMax)
        return false;
    *amount = Amount(value);
    return true;
}

QString formatAmount(Amount amount, int exponent)
{
    if (amount < 0)
        return {};
    QString digits = QString::number(amount).rightJustified(exponent + 1, QLatin1Char('0'));
    return exponent == 0 ? digits : digits.insert(digits.size() - exponent, QLatin1Char('.'));
}

} // namespace

EventSetup::EventSetup(Engine& engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("eventSetup"));
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("eventTabs"));
    m_tabs->addTab(buildEventTab(), tr("&Event"));
    m_tabs->addTab(buildPricesTab(), tr("&Prices"));
    m_tabs->addTab(buildChannelsTab(), tr("&Channels"));
    m_tabs->addTab(buildWaitingRoomTab(), tr("&Waiting room"));

    auto* splitter = new QSplitter;
    splitter->addWidget(m_tabs);
    splitter->addWidget(buildAllocationPane());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    auto* saveButton = new QPushButton(tr("&Save event"));
    saveButton->setObjectName(QStringLiteral("saveButton"));
    saveButton->setDefault(true);
    m_publishButton = new QPushButton(tr("Publish to &usherd"));
    m_publishButton->setObjectName(QStringLiteral("publishButton"));
    m_publishButton->setEnabled(false);
    m_publishButton->setToolTip(tr("Set the central server's address and a token first"));
    m_openButton = new QPushButton(tr("&Open event…"));
    m_openButton->setObjectName(QStringLiteral("openEventButton"));
    m_openButton->setShortcut(QKeySequence::Open);
    m_openButton->setToolTip(tr("Find an event to change: search as you type (%1)")
                                 .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    m_newButton = new QPushButton(tr("&New event"));
    m_newButton->setObjectName(QStringLiteral("newEventButton"));
    m_newButton->setShortcut(QKeySequence::New);
    m_newButton->setToolTip(tr("Start an empty form for another event (%1)")
                                .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(saveButton);
    buttons->addWidget(m_publishButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    connect(saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(m_openButton, &QPushButton::clicked, this, &EventSetup::openEventDialog);
    connect(m_newButton, &QPushButton::clicked, this, &EventSetup::newEvent);
    connect(m_publishButton, &QPushButton::clicked, this, &EventSetup::publish);
    updatePlanner();
    rebuildMap();
    markClean();
}

EventSetup::~EventSetup() = default;

QLabel* EventSetup::errorLabel(const QString& field)
{
    auto* label = new QLabel;
    label->setObjectName(field + QStringLiteral("Error"));
    label->setStyleSheet(QStringLiteral("color: #b00020"));
    label->setWordWrap(true);
    label->hide();
    m_errors.insert(field, label);
    return label;
}

QWidget* EventSetup::buildEventTab()
{
    auto* panel = new QWidget;
    auto* form = new QFormLayout(panel);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("e.g. Winter concert"));
    m_performer = new QLineEdit;
    m_performer->setObjectName(QStringLiteral("performerEdit"));
    m_timeZone = new QComboBox;
    m_timeZone->setObjectName(QStringLiteral("timeZoneCombo"));
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    fillTimeZones();
    m_starts = new QDateTimeEdit(QDateTime(QDate::currentDate().addDays(60), QTime(19, 30)));
    m_starts->setObjectName(QStringLiteral("startsEdit"));
    m_starts->setCalendarPopup(true);
    m_starts->setDisplayFormat(DisplayFormat::dateTimeFormat(DisplayFormat::Precision::Minutes));
    m_venueLabel = new QLabel(tr("No venue yet: design one in the venue designer, or open an event."));
    m_venueLabel->setObjectName(QStringLiteral("venueLabel"));
    m_venueLabel->setWordWrap(true);
    m_currency = new QComboBox;
    m_currency->setObjectName(QStringLiteral("currencyCombo"));
    m_currency->setEditable(true);
    for (const char* code : kCurrencies)
        m_currency->addItem(QString::fromLatin1(code));
    m_holdMinutes = intBox(1, int(limits::holdSecondsMax / 60), 10, tr(" min"));
    m_holdMinutes->setObjectName(QStringLiteral("holdMinutesSpin"));
    m_ticketsMax = intBox(1, int(limits::orderTicketsMax), 10);
    m_ticketsMax->setObjectName(QStringLiteral("ticketsMaxSpin"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), errorLabel(QStringLiteral("name")));
    form->addRow(tr("Pe&rformer:"), m_performer);
    form->addRow(tr("&Starts:"), m_starts);
    form->addRow(tr("&Time zone:"), m_timeZone);
    form->addRow(QString(), errorLabel(QStringLiteral("timeZone")));
    form->addRow(tr("Venue:"), m_venueLabel);
    form->addRow(QString(), errorLabel(QStringLiteral("venue")));
    form->addRow(tr("C&urrency:"), m_currency);
    form->addRow(QString(), errorLabel(QStringLiteral("currency")));
    form->addRow(tr("&Hold duration:"), m_holdMinutes);
    form->addRow(tr("&Max tickets per order:"), m_ticketsMax);
    form->addRow(QString(), errorLabel(QStringLiteral("event")));
    connect(m_currency, &QComboBox::currentTextChanged, this, [this] { rebuildPriceTable(); });
    return panel;
}

void EventSetup::fillTimeZones()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        if (!id.contains('/') && id != "UTC")
            continue; // the IANA region names, not the legacy aliases
        const QTimeZone zone(id);
        m_timeZone->addItem(QStringLiteral("%1 (%2)").arg(QString::fromLatin1(id), offsetText(zone, now)), QString::fromLatin1(id));
    }
    const int utc = m_timeZone->findData(QStringLiteral("UTC"));
    const int local = m_timeZone->findData(QString::fromLatin1(QTimeZone::systemTimeZoneId()));
    m_timeZone->setCurrentIndex(local >= 0 ? local : utc);
}

QWidget* EventSetup::buildPricesTab()
{
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->addWidget(new QLabel(tr("Price types (adult, concession, child…):")));
    m_priceTypes = new QTableWidget(0, 2);
    m_priceTypes->setObjectName(QStringLiteral("priceTypeTable"));
    m_priceTypes->setHorizontalHeaderLabels({ tr("Key"), tr("Name") });
    m_priceTypes->horizontalHeader()->setStretchLastSection(true);
    m_priceTypes->verticalHeader()->hide();
    m_priceTypes->setMaximumHeight(130);
    layout->addWidget(m_priceTypes);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add price type"));
    add->setObjectName(QStringLiteral("addPriceTypeButton"));
    auto* remove = new QPushButton(tr("Remove"));
    remove->setObjectName(QStringLiteral("removePriceTypeButton"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(errorLabel(QStringLiteral("priceTypes")));
    layout->addWidget(new QLabel(tr("Prices per category (empty: not sold at that price type):")));
    m_prices = new QTableWidget;
    m_prices->setObjectName(QStringLiteral("priceTable"));
    m_prices->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_prices, 1);
    layout->addWidget(errorLabel(QStringLiteral("prices")));
    addPriceTypeRow(QStringLiteral("adult"), tr("Adult"));
    addPriceTypeRow(QStringLiteral("concession"), tr("Concession"));
    connect(add, &QPushButton::clicked, this, [this] { addPriceTypeRow(QStringLiteral("type%1").arg(m_priceTypes->rowCount() + 1), QString()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_priceTypes->currentRow() >= 0)
            m_priceTypes->removeRow(m_priceTypes->currentRow());
        rebuildPriceTable();
    });
    connect(m_priceTypes, &QTableWidget::itemChanged, this, [this] { rebuildPriceTable(); });
    return panel;
}

void EventSetup::addPriceTypeRow(const QString& key, const QString& name)
{
    QSignalBlocker blocker(m_priceTypes);
    const int row = m_priceTypes->rowCount();
    m_priceTypes->insertRow(row);
    m_priceTypes->setItem(row, 0, new QTableWidgetItem(key));
    m_priceTypes->setItem(row, 1, new QTableWidgetItem(name));
    blocker.unblock();
    rebuildPriceTable();
}

void EventSetup::rebuildPriceTable()
{
    // Keep what was typed, by category key and price type key.
    std::map<std::pair<QString, QString>, QString> typed;
    for (int r = 0; r < m_prices->rowCount(); ++r)
        for (int c = 0; c < m_prices->columnCount(); ++c)
            if (auto* item = m_prices->item(r, c); item != nullptr && m_prices->verticalHeaderItem(r) && m_prices->horizontalHeaderItem(c))
                typed[{ m_prices->verticalHeaderItem(r)->data(Qt::UserRole).toString(),
                        m_prices->horizontalHeaderItem(c)->data(Qt::UserRole).toString() }] = item->text();
    const QSignalBlocker blocker(m_prices);
    m_prices->clear();
    const int types = m_priceTypes->rowCount();
    const int categories = m_venue ? int(m_venue->categories.size()) : 0;
    m_prices->setColumnCount(types);
    m_prices->setRowCount(categories);
    for (int c = 0; c < types; ++c) {
        const QString key = m_priceTypes->item(c, 0) ? m_priceTypes->item(c, 0)->text().trimmed() : QString();
        const QString name = m_priceTypes->item(c, 1) ? m_priceTypes->item(c, 1)->text().trimmed() : QString();
        auto* header = new QTableWidgetItem(tr("%1 (%2)").arg(name.isEmpty() ? key : name, m_currency->currentText()));
        header->setData(Qt::UserRole, key);
        m_prices->setHorizontalHeaderItem(c, header);
    }
    for (int r = 0; r < categories; ++r) {
        const VenueCategory& category = m_venue->categories[std::size_t(r)];
        auto* header = new QTableWidgetItem(QString::fromStdString(category.name));
        header->setData(Qt::UserRole, QString::fromStdString(category.key));
        header->setForeground(QColor(QString::fromStdString(category.color)).darker(130));
        m_prices->setVerticalHeaderItem(r, header);
        for (int c = 0; c < types; ++c) {
            const auto it = typed.find({ QString::fromStdString(category.key), m_prices->horizontalHeaderItem(c)->data(Qt::UserRole).toString() });
            auto* item = new QTableWidgetItem(it == typed.end() ? QString() : it->second);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_prices->setItem(r, c, item);
        }
    }
}

QWidget* EventSetup::buildChannelsTab()
{
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->addWidget(new QLabel(tr("Sales channels and their onsale windows (local time of the event's time zone):")));
    m_channels = new QTableWidget(0, 4);
    m_channels->setObjectName(QStringLiteral("channelTable"));
    m_channels->setHorizontalHeaderLabels({ tr("Name"), tr("Kind"), tr("Onsale"), tr("Offsale") });
    m_channels->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_channels->horizontalHeader()->setStretchLastSection(true);
    m_channels->verticalHeader()->hide();
    layout->addWidget(m_channels, 1);
    auto* buttons = new QHBoxLayout;
    auto* addBox = new QPushButton(tr("Add box office"));
    addBox->setObjectName(QStringLiteral("addBoxOfficeButton"));
    auto* remove = new QPushButton(tr("Remove"));
    remove->setObjectName(QStringLiteral("removeChannelButton"));
    buttons->addWidget(addBox);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(errorLabel(QStringLiteral("channels")));
    const QTimeZone z = zone();
    const Timestamp onsale = toTimestamp(QDateTime(QDate::currentDate().addDays(7), QTime(10, 0)));
    const Timestamp offsale = toTimestamp(m_starts->dateTime());
    addChannelRow({ 1, tr("Online").toStdString(), ChannelKind::Online, onsale, offsale }, z);
    addChannelRow({ 2, tr("Box office 1").toStdString(), ChannelKind::BoxOffice, onsale, offsale + 3'600'000 }, z);
    connect(addBox, &QPushButton::clicked, this, [this] {
        ChannelId next = 1;
        for (int r = 0; r < m_channels->rowCount(); ++r)
            next = std::max<ChannelId>(next, ChannelId(m_channels->item(r, kChannelName)->data(Qt::UserRole).toUInt() + 1));
        addChannelRow({ next, tr("Box office %1").arg(next).toStdString(), ChannelKind::BoxOffice, toTimestamp(QDateTime::currentDateTime()),
                        toTimestamp(m_starts->dateTime()) },
                      zone());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_channels->currentRow() >= 0)
            m_channels->removeRow(m_channels->currentRow());
        rebuildMap();
    });
    return panel;
}

void EventSetup::addChannelRow(const SalesChannel& channel, const QTimeZone& z)
{
    Q_UNUSED(z);
    const int row = m_channels->rowCount();
    m_channels->insertRow(row);
    auto* name = new QTableWidgetItem(QString::fromStdString(channel.name));
    name->setData(Qt::UserRole, uint(channel.id));
    m_channels->setItem(row, kChannelName, name);
    auto* kind = new QComboBox;
    kind->addItem(tr("Online"), int(ChannelKind::Online));
    kind->addItem(tr("Box office"), int(ChannelKind::BoxOffice));
    kind->setCurrentIndex(channel.kind == ChannelKind::Online ? 0 : 1);
    m_channels->setCellWidget(row, kChannelKind, kind);
    for (const auto& [column, at] : { std::pair { kChannelOnsale, channel.onsaleAt }, std::pair { kChannelOffsale, channel.offsaleAt } }) {
        auto* edit = new QDateTimeEdit(fromTimestamp(at));
        edit->setDisplayFormat(DisplayFormat::dateTimeFormat(DisplayFormat::Precision::Minutes));
        edit->setCalendarPopup(true);
        m_channels->setCellWidget(row, column, edit);
    }
    rebuildMap();
}

void EventSetup::setChannelWindow(int channel, const QDateTime& onsale, const QDateTime& offsale)
{
    qobject_cast<QDateTimeEdit*>(m_channels->cellWidget(channel, kChannelOnsale))->setDateTime(onsale);
    qobject_cast<QDateTimeEdit*>(m_channels->cellWidget(channel, kChannelOffsale))->setDateTime(offsale);
}

void EventSetup::setPrice(int category, int priceType, const QString& amount)
{
    m_prices->item(category, priceType)->setText(amount);
}

QWidget* EventSetup::buildWaitingRoomTab()
{
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    m_roomEnabled = new QCheckBox(tr("Queue buyers in a waiting room at the online onsale"));
    m_roomEnabled->setObjectName(QStringLiteral("waitingRoomCheck"));
    m_roomEnabled->setChecked(true);
    layout->addWidget(m_roomEnabled);
    auto* planner = new QGroupBox(tr("Capacity planner"));
    auto* pf = new QFormLayout(planner);
    m_sessions = intBox(1, 10'000'000, 5'000);
    m_sessions->setObjectName(QStringLiteral("sessionsSpin"));
    m_purchaseSeconds = intBox(1, 86'400, 300, tr(" s"));
    m_purchaseSeconds->setObjectName(QStringLiteral("purchaseSecondsSpin"));
    m_suggestion = new QLabel;
    m_suggestion->setObjectName(QStringLiteral("suggestionLabel"));
    m_suggestion->setWordWrap(true);
    auto* use = new QPushButton(tr("Use the suggested rate"));
    use->setObjectName(QStringLiteral("useSuggestionButton"));
    pf->addRow(tr("Purchase sessions at once (C):"), m_sessions);
    pf->addRow(tr("Average purchase time (T):"), m_purchaseSeconds);
    pf->addRow(m_suggestion);
    pf->addRow(use);
    layout->addWidget(planner);
    auto* settings = new QGroupBox(tr("Drain"));
    auto* sf = new QFormLayout(settings);
    m_drainRate = new QDoubleSpinBox;
    m_drainRate->setObjectName(QStringLiteral("drainRateSpin"));
    m_drainRate->setRange(0.1, 100'000);
    m_drainRate->setDecimals(1);
    m_drainRate->setSuffix(tr(" users/s"));
    m_batchMs = intBox(50, 60'000, 1'000, tr(" ms"));
    m_activeMax = intBox(1, 10'000'000, 5'000);
    m_heartbeatSeconds = intBox(1, 300, 20, tr(" s"));
    m_queueTtlMinutes = intBox(1, 24 * 60, 180, tr(" min"));
    sf->addRow(tr("Drain rate:"), m_drainRate);
    sf->addRow(tr("Batch every:"), m_batchMs);
    sf->addRow(tr("Admitted sessions at most:"), m_activeMax);
    sf->addRow(tr("Heartbeat every:"), m_heartbeatSeconds);
    sf->addRow(tr("Queue time to live:"), m_queueTtlMinutes);
    layout->addWidget(settings);
    layout->addWidget(errorLabel(QStringLiteral("waitingRoom")));
    layout->addStretch(1);
    connect(m_sessions, &QSpinBox::valueChanged, this, &EventSetup::updatePlanner);
    connect(m_purchaseSeconds, &QSpinBox::valueChanged, this, &EventSetup::updatePlanner);
    connect(use, &QPushButton::clicked, this, [this] { m_drainRate->setValue(suggestedDrainRate()); });
    m_drainRate->setValue(defaultDrainRate(m_sessions->value(), m_purchaseSeconds->value()));
    return panel;
}

QWidget* EventSetup::buildAllocationPane()
{
    auto* pane = new QGroupBox(tr("Allocations"));
    auto* layout = new QVBoxLayout(pane);
    auto* hint = new QLabel(tr("Box offices sell their allocated seats even offline. Pick a channel, select seats "
                               "(click, Shift+drag), then allocate."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* controls = new QHBoxLayout;
    m_allocationChannel = new QComboBox;
    m_allocationChannel->setObjectName(QStringLiteral("allocationChannelCombo"));
    auto* allocate = new QPushButton(tr("&Allocate selected"));
    allocate->setObjectName(QStringLiteral("allocateButton"));
    auto* release = new QPushButton(tr("&Return to open pool"));
    release->setObjectName(QStringLiteral("releaseButton"));
    controls->addWidget(m_allocationChannel, 1);
    controls->addWidget(allocate);
    controls->addWidget(release);
    layout->addLayout(controls);
    m_mapLayout = new QVBoxLayout;
    // Without a venue the map's place says where one comes from (the controls stay at the top).
    m_noVenueLabel = new QLabel(tr("No venue yet. Design one in the venue designer and choose \"Use for an "
                                   "event\", or open an event."));
    m_noVenueLabel->setObjectName(QStringLiteral("noVenueLabel"));
    m_noVenueLabel->setAlignment(Qt::AlignCenter);
    m_noVenueLabel->setWordWrap(true);
    m_noVenueLabel->setEnabled(false); // greyed, like other placeholders
    m_mapLayout->addWidget(m_noVenueLabel);
    layout->addLayout(m_mapLayout, 1);
    m_allocationSummary = new QLabel;
    m_allocationSummary->setObjectName(QStringLiteral("allocationSummary"));
    layout->addWidget(m_allocationSummary);
    connect(allocate, &QPushButton::clicked, this,
            [this] { allocateSelected(ChannelId(m_allocationChannel->currentData().toUInt())); });
    connect(release, &QPushButton::clicked, this, [this] { allocateSelected(kOpenPool); });
    connect(m_allocationChannel, &QComboBox::activated, this, [this] { rebuildMap(); });
    return pane;
}

// ---- venue and map -----------------------------------------------------------------------------------

void EventSetup::setVenue(std::shared_ptr<const Venue> venue)
{
    if (venue == nullptr)
        return;
    m_newVenue = venue; // for the next new event
    if (m_eventId != 0)
        return; // a stored event keeps its venue
    m_venue = std::move(venue);
    m_allocation.assign(m_venue->seats.size(), kOpenPool);
    m_venueLabel->setText(tr("%1 · seats: %L2 · standing places: %L3")
                              .arg(QString::fromStdString(m_venue->name))
                              .arg(qulonglong(m_venue->seats.size()))
                              .arg(m_venue->areaCapacityTotal()));
    rebuildPriceTable();
    rebuildMap();
}

void EventSetup::rebuildMap()
{
    if (m_allocationChannel == nullptr)
        return; // still building the form
    // The channel combo follows the channel table.
    const ChannelId current = ChannelId(m_allocationChannel->currentData().toUInt());
    m_allocationChannel->clear();
    for (int r = 0; m_channels != nullptr && r < m_channels->rowCount(); ++r) {
        const ChannelId id = ChannelId(m_channels->item(r, kChannelName)->data(Qt::UserRole).toUInt());
        m_allocationChannel->addItem(m_channels->item(r, kChannelName)->text(), uint(id));
    }
    const int keep = m_allocationChannel->findData(uint(current));
    const int boxOffice = m_allocationChannel->count() > 1 ? 1 : 0;
    m_allocationChannel->setCurrentIndex(keep >= 0 && current != 0 ? keep : boxOffice);
    if (m_map != nullptr) {
        m_mapLayout->removeWidget(m_map);
        m_map->hide();
        m_map->deleteLater();
        m_map = nullptr;
    }
    m_noVenueLabel->setVisible(m_venue == nullptr);
    if (m_venue == nullptr) {
        refreshAllocationSummary();
        return;
    }
    m_allocation.resize(m_venue->seats.size(), kOpenPool);
    EventSpec spec;
    spec.id = 1;
    spec.venue = m_venue;
    const SeatMapPerspective perspective { Actor { ActorKind::Promoter, 1 }, ChannelId(m_allocationChannel->currentData().toUInt()) };
    auto* model = new SeatMapModel(spec, perspective);
    std::vector<SeatMapModel::SeatInfo> seats(m_venue->seats.size());
    for (std::size_t i = 0; i < seats.size(); ++i)
        seats[i].allocation = m_allocation[i];
    std::vector<SeatMapModel::AreaInfo> areas(m_venue->areas.size());
    for (std::size_t a = 0; a < areas.size(); ++a)
        areas[a].capacity = m_venue->areas[a].capacity;
    model->resetStates(std::move(seats), std::move(areas));
    m_map = new SeatMapWidget(*model);
    model->setParent(m_map);
    m_map->setObjectName(QStringLiteral("allocationMap"));
    m_map->setMinimumSize(360, 300);
    m_mapLayout->addWidget(m_map);
    refreshAllocationSummary();
}

bool EventSetup::allocateSelected(ChannelId channel)
{
    if (m_map == nullptr || m_map->selectedCount() == 0)
        return false;
    for (SeatIndex s : m_map->selectedSeats())
        m_allocation[s] = channel;
    rebuildMap();
    return true;
}

ChannelId EventSetup::allocation(SeatId seat) const
{
    if (m_venue == nullptr)
        return kOpenPool;
    for (std::size_t i = 0; i < m_venue->seats.size(); ++i)
        if (m_venue->seats[i].id == seat)
            return m_allocation[i];
    return kOpenPool;
}

void EventSetup::refreshAllocationSummary()
{
    std::map<ChannelId, std::size_t> counts;
    for (ChannelId c : m_allocation)
        if (c != kOpenPool)
            ++counts[c];
    QStringList parts;
    for (int i = 0; i < m_allocationChannel->count(); ++i) {
        const auto it = counts.find(ChannelId(m_allocationChannel->itemData(i).toUInt()));
        if (it != counts.end())
            parts << tr("%1 · seats: %L2").arg(m_allocationChannel->itemText(i)).arg(qulonglong(it->second));
    }
    m_allocationSummary->setText(parts.isEmpty() ? tr("Every seat is in the open pool.") : parts.join(QStringLiteral(" · ")));
}

// ---- planner, time ---------------------------------------------------------------------------------

double EventSetup::suggestedDrainRate() const
{
    return defaultDrainRate(m_sessions->value(), m_purchaseSeconds->value());
}

QString EventSetup::suggestionText() const
{
    return m_suggestion->text();
}

void EventSetup::updatePlanner()
{
    const QLocale locale;
    m_suggestion->setText(tr("Suggested drain rate: R = 0.8 × %1 / %2 s = %3 users/s")
                              .arg(locale.toString(m_sessions->value()), locale.toString(m_purchaseSeconds->value()),
                                   locale.toString(suggestedDrainRate(), 'f', 1)));
}

QTimeZone EventSetup::zone() const
{
    QString id = m_timeZone->currentText().trimmed();
    const int index = m_timeZone->findText(id);
    if (index >= 0)
        id = m_timeZone->itemData(index).toString();
    else if (const qsizetype paren = id.indexOf(QStringLiteral(" (")); paren > 0)
        id = id.left(paren);
    return QTimeZone::isTimeZoneIdAvailable(id.toUtf8()) ? QTimeZone(id.toUtf8()) : QTimeZone();
}

Timestamp EventSetup::toTimestamp(const QDateTime& local) const
{
    const QTimeZone z = zone().isValid() ? zone() : QTimeZone::utc();
    return QDateTime(local.date(), local.time(), z).toMSecsSinceEpoch();
}

QDateTime EventSetup::fromTimestamp(Timestamp at) const
{
    const QTimeZone z = zone().isValid() ? zone() : QTimeZone::utc();
    const QDateTime there = QDateTime::fromMSecsSinceEpoch(at, z);
    return QDateTime(there.date(), there.time());
}

// ---- validation and the spec -------------------------------------------------------------------------

void EventSetup::setFieldError(const QString& field, const QString& message)
{
    QLabel* label = m_errors.value(field);
    if (label == nullptr)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

QString EventSetup::fieldError(const QString& field) const
{
    const QLabel* label = m_errors.value(field);
    return label == nullptr ? QString() : label->text();
}

bool EventSetup::validate()
{
    for (auto it = m_errors.begin(); it != m_errors.end(); ++it)
        setFieldError(it.key(), QString());
    if (m_name->text().trimmed().isEmpty())
        setFieldError(QStringLiteral("name"), tr("Enter the event's name."));
    else if (m_name->text().trimmed().toUtf8().size() > qsizetype(limits::textBytesMax))
        setFieldError(QStringLiteral("name"), tr("The name is too long (at most 1,024 bytes)."));
    if (!zone().isValid())
        setFieldError(QStringLiteral("timeZone"), tr("Unknown time zone \"%1\": pick one from the list.").arg(m_timeZone->currentText()));
    if (m_venue == nullptr)
        setFieldError(QStringLiteral("venue"), tr("Choose a venue: design one or import it in the venue designer."));
    const int exponent = currencyExponent(m_currency->currentText().trimmed().toStdString());
    if (exponent < 0)
        setFieldError(QStringLiteral("currency"), tr("Unknown currency \"%1\": use an ISO 4217 code such as EUR.").arg(m_currency->currentText()));

    std::set<QString> keys;
    for (int r = 0; r < m_priceTypes->rowCount(); ++r) {
        const QString key = m_priceTypes->item(r, 0) ? m_priceTypes->item(r, 0)->text().trimmed() : QString();
        if (key.isEmpty() || !keys.insert(key).second)
            setFieldError(QStringLiteral("priceTypes"), tr("Every price type needs its own key (row %1).").arg(r + 1));
    }
    if (m_priceTypes->rowCount() == 0)
        setFieldError(QStringLiteral("priceTypes"), tr("Add at least one price type."));

    int prices = 0;
    for (int r = 0; r < m_prices->rowCount(); ++r)
        for (int c = 0; c < m_prices->columnCount(); ++c) {
            const QString text = m_prices->item(r, c)->text().trimmed();
            Amount amount = 0;
            if (text.isEmpty())
                continue;
            if (exponent >= 0 && !parseAmount(text, exponent, &amount))
                setFieldError(QStringLiteral("prices"), tr("%1, %2: \"%3\" is not an amount in %4 (e.g. %5).")
                                                            .arg(m_prices->verticalHeaderItem(r)->text(), m_prices->horizontalHeaderItem(c)->text(), text,
                                                                 m_currency->currentText(), formatAmount(4500 * Amount(std::pow(10, exponent)) / 100, exponent)));
            ++prices;
        }
    if (prices == 0 && m_venue != nullptr)
        setFieldError(QStringLiteral("prices"), tr("Enter at least one price: nothing can be sold without one."));

    if (m_channels->rowCount() == 0)
        setFieldError(QStringLiteral("channels"), tr("Add at least one sales channel."));
    for (int r = 0; r < m_channels->rowCount(); ++r) {
        const QString name = m_channels->item(r, kChannelName)->text().trimmed();
        const auto* on = qobject_cast<QDateTimeEdit*>(m_channels->cellWidget(r, kChannelOnsale));
        const auto* off = qobject_cast<QDateTimeEdit*>(m_channels->cellWidget(r, kChannelOffsale));
        if (name.isEmpty())
            setFieldError(QStringLiteral("channels"), tr("Channel %1 has no name.").arg(r + 1));
        else if (toTimestamp(off->dateTime()) <= toTimestamp(on->dateTime()))
            setFieldError(QStringLiteral("channels"), tr("%1: the offsale must be after the onsale.").arg(name));
    }

    if (m_roomEnabled->isChecked()) {
        CapacityInputs inputs;
        inputs.concurrentPurchaseSessions = m_sessions->value();
        inputs.averagePurchaseSeconds = m_purchaseSeconds->value();
        std::string problem = validateCapacityInputs(inputs);
        if (problem.empty())
            problem = validateWaitingRoomConfig(waitingRoomFromForm());
        if (!problem.empty())
            setFieldError(QStringLiteral("waitingRoom"), QString::fromStdString(problem));
    }

    bool ok = std::all_of(m_errors.begin(), m_errors.end(), [](const QLabel* l) { return l->text().isEmpty(); });
    if (ok) {
        EventSpec spec = specFromForm();
        spec.id = spec.id == 0 ? 1 : spec.id; // a new event gets its id on save
        const std::string problem = spec.finalize();
        if (!problem.empty()) {
            setFieldError(QStringLiteral("event"), tr("The event is not valid: %1").arg(QString::fromStdString(problem)));
            ok = false;
        }
    }
    m_status->setText(ok ? QString() : tr("Fix the fields marked in red first."));
    for (int t = 0; t < m_tabs->count() && !ok; ++t) // show the first tab with a problem
        for (const QLabel* label : m_errors)
            if (!label->text().isEmpty() && m_tabs->widget(t)->isAncestorOf(label)) {
                m_tabs->setCurrentIndex(t);
                return false;
            }
    return ok;
}

EventSpec EventSetup::specFromForm() const
{
    EventSpec spec = m_loaded;
    spec.id = m_eventId;
    spec.name = m_name->text().trimmed().toStdString();
    spec.performer = m_performer->text().trimmed().toStdString();
    spec.startsAt = toTimestamp(m_starts->dateTime());
    spec.timeZone = zone().isValid() ? zone().id().toStdString() : std::string("UTC");
    spec.currency = m_currency->currentText().trimmed().toStdString();
    spec.venue = m_venue;
    spec.holdSeconds = std::uint32_t(m_holdMinutes->value() * 60);
    spec.holdLifetimeSecondsMax = std::max(spec.holdLifetimeSecondsMax, spec.holdSeconds * 3);
    spec.ticketsPerOrderMax = std::uint32_t(m_ticketsMax->value());
    spec.priceTypes.clear();
    for (int r = 0; r < m_priceTypes->rowCount(); ++r) {
        const QString key = m_priceTypes->item(r, 0) ? m_priceTypes->item(r, 0)->text().trimmed() : QString();
        const QString name = m_priceTypes->item(r, 1) ? m_priceTypes->item(r, 1)->text().trimmed() : QString();
        spec.priceTypes.push_back({ key.toStdString(), (name.isEmpty() ? key : name).toStdString() });
    }
    const int exponent = std::max(0, currencyExponent(spec.currency));
    spec.prices.clear();
    for (int r = 0; r < m_prices->rowCount(); ++r) {
        CategoryPrices prices { m_prices->verticalHeaderItem(r)->data(Qt::UserRole).toString().toStdString(), {} };
        bool any = false;
        for (int c = 0; c < m_prices->columnCount(); ++c) {
            Amount amount = kNotOffered;
            const QString text = m_prices->item(r, c)->text().trimmed();
            if (!text.isEmpty() && !parseAmount(text, exponent, &amount))
                amount = kNotOffered;
            any = any || amount != kNotOffered;
            prices.amounts.push_back(amount);
        }
        if (any)
            spec.prices.push_back(std::move(prices));
    }
    spec.channels.clear();
    for (int r = 0; r < m_channels->rowCount(); ++r) {
        SalesChannel channel;
        channel.id = ChannelId(m_channels->item(r, kChannelName)->data(Qt::UserRole).toUInt());
        channel.name = m_channels->item(r, kChannelName)->text().trimmed().toStdString();
        channel.kind = ChannelKind(qobject_cast<QComboBox*>(m_channels->cellWidget(r, kChannelKind))->currentData().toInt());
        channel.onsaleAt = toTimestamp(qobject_cast<QDateTimeEdit*>(m_channels->cellWidget(r, kChannelOnsale))->dateTime());
        channel.offsaleAt = toTimestamp(qobject_cast<QDateTimeEdit*>(m_channels->cellWidget(r, kChannelOffsale))->dateTime());
        spec.channels.push_back(std::move(channel));
    }
    return spec;
}

WaitingRoomConfig EventSetup::waitingRoomFromForm() const
{
    WaitingRoomConfig room;
    room.enabled = m_roomEnabled->isChecked();
    room.drainRatePerSecond = m_drainRate->value();
    room.batchIntervalMs = std::uint32_t(m_batchMs->value());
    room.activeAdmittedMax = std::uint32_t(m_activeMax->value());
    room.heartbeatIntervalMs = std::uint32_t(m_heartbeatSeconds->value()) * 1000;
    room.queueTtlMs = std::uint32_t(m_queueTtlMinutes->value()) * 60'000;
    // The room opens at the first online channel's onsale.
    for (int r = 0; r < m_channels->rowCount(); ++r)
        if (qobject_cast<QComboBox*>(m_channels->cellWidget(r, kChannelKind))->currentData().toInt() == int(ChannelKind::Online)) {
            room.onsaleAt = toTimestamp(qobject_cast<QDateTimeEdit*>(m_channels->cellWidget(r, kChannelOnsale))->dateTime());
            break;
        }
    return room;
}

// ---- save, load, publish ---------------------------------------------------------------------------

bool EventSetup::save(QString* error)
{
    if (!validate()) {
        if (error != nullptr)
            *error = m_status->text();
        return false;
    }
    EventSpec spec = specFromForm();
    std::string problem;
    Status status = Status::Ok;
    if (m_eventId == 0) {
        EventId next = 1;
        for (EventId id : m_engine.events())
            next = std::max(next, id + 1);
        spec.id = next;
        secureRandom(spec.ticketKey.data(), spec.ticketKey.size());
        status = m_engine.createEvent(spec, &problem);
    } else {
        status = m_engine.updateEventSpec(m_eventId, spec, &problem, Actor { ActorKind::Promoter, 1 });
    }
    QString allocationError;
    if (status == Status::Ok) {
        m_eventId = spec.id;
        m_loaded = m_engine.event(m_eventId)->spec();
        if (!applyAllocations(&allocationError))
            status = Status::InvalidArgument;
    }
    const QString text = status == Status::Ok
        ? tr("Saved event %1 (%2).").arg(m_eventId).arg(QString::fromStdString(spec.name))
        : !allocationError.isEmpty() ? tr("Saved, but the allocations failed: %1").arg(allocationError)
                                     : tr("Not saved: %1 (%2)").arg(QString::fromStdString(problem), DisplayFormat::status(status));
    m_status->setText(text);
    m_status->setStyleSheet(status == Status::Ok ? QStringLiteral("color: #1b5e20") : QStringLiteral("color: #b00020"));
    if (error != nullptr && status != Status::Ok)
        *error = text;
    if (status == Status::Ok)
        markClean();
    if (m_eventId != 0)
        Q_EMIT eventSaved(m_eventId);
    return status == Status::Ok;
}

bool EventSetup::applyAllocations(QString* error)
{
    EventShard* shard = m_engine.event(m_eventId);
    std::vector<ChannelId> current(m_allocation.size(), kOpenPool);
    shard->read([&](const Ledger& ledger) {
        for (SeatIndex s = 0; s < current.size(); ++s)
            current[s] = ledger.seat(s).allocation;
    });
    std::map<ChannelId, std::vector<SeatId>> take, give;
    for (SeatIndex s = 0; s < current.size(); ++s) {
        if (current[s] == m_allocation[s])
            continue;
        if (current[s] != kOpenPool)
            take[current[s]].push_back(m_venue->seats[s].id);
        if (m_allocation[s] != kOpenPool)
            give[m_allocation[s]].push_back(m_venue->seats[s].id);
    }
    std::vector<Command> commands;
    auto queue = [&](CommandKind kind, const std::map<ChannelId, std::vector<SeatId>>& seats) {
        for (const auto& [channel, ids] : seats)
            for (std::size_t from = 0; from < ids.size(); from += limits::commandSeatsMax) {
                Command c;
                c.kind = kind;
                c.key = IdempotencyKey::fromString(QUuid::createUuid().toString().toStdString());
                c.actor = Actor { ActorKind::Promoter, 1 };
                c.now = QDateTime::currentMSecsSinceEpoch();
                c.target = channel;
                c.seats.assign(ids.begin() + std::ptrdiff_t(from), ids.begin() + std::ptrdiff_t(std::min(ids.size(), from + limits::commandSeatsMax)));
                commands.push_back(std::move(c));
            }
    };
    queue(CommandKind::DeallocateSeats, take);
    queue(CommandKind::AllocateSeats, give);
    for (const CommandResult& result : shard->execute(std::move(commands)))
        if (result.status != Status::Ok) {
            *error = DisplayFormat::status(result.status);
            return false;
        }
    return true;
}

bool EventSetup::loadEvent(EventId id)
{
    EventShard* shard = m_engine.event(id);
    if (shard == nullptr)
        return false;
    m_loaded = shard->spec();
    m_eventId = id;
    m_venue = m_loaded.venue;
    m_allocation.assign(m_venue->seats.size(), kOpenPool);
    m_name->setText(QString::fromStdString(m_loaded.name));
    m_performer->setText(QString::fromStdString(m_loaded.performer));
    const int z = m_timeZone->findData(QString::fromStdString(m_loaded.timeZone));
    if (z >= 0)
        m_timeZone->setCurrentIndex(z);
    m_starts->setDateTime(fromTimestamp(m_loaded.startsAt));
    m_currency->setCurrentText(QString::fromStdString(m_loaded.currency));
    m_holdMinutes->setValue(int(std::max<std::uint32_t>(1, m_loaded.holdSeconds / 60)));
    m_ticketsMax->setValue(int(m_loaded.ticketsPerOrderMax));
    m_priceTypes->setRowCount(0);
    for (const PriceType& t : m_loaded.priceTypes)
        addPriceTypeRow(QString::fromStdString(t.key), QString::fromStdString(t.name));
    m_venueLabel->setText(tr("%1: %Ln seat(s) (the venue of a stored event cannot change)", nullptr, qlonglong(m_venue->seats.size()))
                              .arg(QString::fromStdString(m_venue->name)));
    rebuildPriceTable();
    const int exponent = std::max(0, currencyExponent(m_loaded.currency));
    for (int r = 0; r < m_prices->rowCount(); ++r)
        for (int c = 0; c < m_prices->columnCount(); ++c)
            m_prices->item(r, c)->setText(formatAmount(m_loaded.price(std::uint16_t(r), std::uint32_t(c)), exponent));
    m_channels->setRowCount(0);
    for (const SalesChannel& channel : m_loaded.channels)
        addChannelRow(channel, zone());
    shard->read([&](const Ledger& ledger) {
        for (SeatIndex s = 0; s < m_allocation.size(); ++s)
            m_allocation[s] = ledger.seat(s).allocation;
    });
    rebuildMap();
    markClean();
    return true;
}

// ---- new event, unsaved changes ---------------------------------------------------------------------

QByteArray EventSetup::formState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << quint64(m_eventId) << quint64(reinterpret_cast<quintptr>(m_venue.get())) << m_name->text() << m_performer->text()
        << m_timeZone->currentData().toString() << m_starts->dateTime() << m_currency->currentText()
        << m_holdMinutes->value() << m_ticketsMax->value() << m_roomEnabled->isChecked() << m_sessions->value()
        << m_purchaseSeconds->value() << m_drainRate->value() << m_batchMs->value() << m_activeMax->value()
        << m_heartbeatSeconds->value() << m_queueTtlMinutes->value();
    for (const QTableWidget* table : { m_priceTypes, m_prices })
        for (int r = 0; r < table->rowCount(); ++r)
            for (int c = 0; c < table->columnCount(); ++c)
                out << (table->item(r, c) != nullptr ? table->item(r, c)->text() : QString());
    for (int r = 0; r < m_channels->rowCount(); ++r) {
        out << (m_channels->item(r, kChannelName) != nullptr ? m_channels->item(r, kChannelName)->text() : QString());
        if (const auto* kind = qobject_cast<const QComboBox*>(m_channels->cellWidget(r, kChannelKind)))
            out << kind->currentIndex();
        for (const int column : { kChannelOnsale, kChannelOffsale })
            if (const auto* edit = qobject_cast<const QDateTimeEdit*>(m_channels->cellWidget(r, column)))
                out << edit->dateTime();
    }
    out.writeRawData(reinterpret_cast<const char*>(m_allocation.data()), int(m_allocation.size() * sizeof(ChannelId)));
    return state;
}

bool EventSetup::hasUnsavedChanges() const
{
    return formState() != m_cleanState;
}

bool EventSetup::newEvent()
{
    if (hasUnsavedChanges()) {
        const QString title = tr("New event");
        const QString question = tr("The form has changes that are not saved. Discard them and start a new event?");
        const bool discard = m_confirm ? m_confirm(title, question)
                                       : QMessageBox::question(this, title, question,
                                                               QMessageBox::Discard | QMessageBox::Cancel,
                                                               QMessageBox::Cancel)
                == QMessageBox::Discard;
        if (!discard)
            return false;
    }
    resetForm();
    m_status->setText(m_venue ? tr("New event in %1: fill in the form, then save.").arg(QString::fromStdString(m_venue->name))
                              : tr("New event: design a venue, fill in the form, then save."));
    m_status->setStyleSheet(QString());
    m_tabs->setCurrentIndex(0);
    m_name->setFocus(Qt::OtherFocusReason);
    return true;
}

void EventSetup::resetForm()
{
    m_eventId = 0;
    m_loaded = EventSpec {};
    for (QLabel* label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
    m_name->clear();
    m_performer->clear();
    const int local = m_timeZone->findData(QString::fromLatin1(QTimeZone::systemTimeZoneId()));
    m_timeZone->setCurrentIndex(local >= 0 ? local : m_timeZone->findData(QStringLiteral("UTC")));
    m_starts->setDateTime(QDateTime(QDate::currentDate().addDays(60), QTime(19, 30)));
    m_currency->setCurrentIndex(0);
    m_holdMinutes->setValue(10);
    m_ticketsMax->setValue(10);
    m_priceTypes->setRowCount(0);
    m_prices->setRowCount(0); // no amounts carried over from the event that was open
    addPriceTypeRow(QStringLiteral("adult"), tr("Adult"));
    addPriceTypeRow(QStringLiteral("concession"), tr("Concession"));
    m_channels->setRowCount(0);
    const Timestamp onsale = toTimestamp(QDateTime(QDate::currentDate().addDays(7), QTime(10, 0)));
    const Timestamp offsale = toTimestamp(m_starts->dateTime());
    addChannelRow({ 1, tr("Online").toStdString(), ChannelKind::Online, onsale, offsale }, zone());
    addChannelRow({ 2, tr("Box office 1").toStdString(), ChannelKind::BoxOffice, onsale, offsale + 3'600'000 }, zone());
    m_roomEnabled->setChecked(true);
    m_sessions->setValue(5'000);
    m_purchaseSeconds->setValue(300);
    m_drainRate->setValue(defaultDrainRate(m_sessions->value(), m_purchaseSeconds->value()));
    m_batchMs->setValue(1'000);
    m_activeMax->setValue(5'000);
    m_heartbeatSeconds->setValue(20);
    m_queueTtlMinutes->setValue(180);
    std::shared_ptr<const Venue> venue = m_newVenue != nullptr ? m_newVenue : m_venue;
    m_venue.reset();
    m_allocation.clear();
    if (venue != nullptr)
        setVenue(venue);
    else
        m_venueLabel->setText(tr("No venue yet: design one in the venue designer, or open an event."));
    rebuildPriceTable();
    rebuildMap();
    markClean();
}

void EventSetup::setServer(const QUrl& baseUrl, const QString& bearerToken)
{
    m_serverUrl = baseUrl;
    m_token = bearerToken;
    delete m_publisher;
    m_publisher = nullptr;
    const bool usable = baseUrl.isValid() && !baseUrl.isEmpty() && !bearerToken.isEmpty();
    m_publishButton->setEnabled(usable);
    m_publishButton->setToolTip(usable ? tr("Publish venue, event and waiting room to %1").arg(baseUrl.toString()) : QString());
    if (!usable)
        return;
    m_publisher = new PromoterPublisher(baseUrl, bearerToken, this);
    connect(m_publisher, &PromoterPublisher::finished, this, [this](bool ok, qint64 serverId, const QString& message) {
        QString text = message;
        if (m_publishing != 0 && serverId > 0) {
            const QString problem = rememberPublished(m_publishing, serverId);
            if (!problem.isEmpty())
                text += QLatin1Char(' ') + tr("Its usherd id could not be kept (%1): publish it again from this session only.").arg(problem);
        }
        m_status->setText(text);
        m_status->setStyleSheet(ok ? QStringLiteral("color: #1b5e20") : QStringLiteral("color: #b00020"));
        m_publishButton->setEnabled(true);
        Q_EMIT published(ok, message);
    });
}

bool EventSetup::publish()
{
    if (m_publisher == nullptr || m_publisher->busy() || !validate())
        return false;
    m_publishButton->setEnabled(false);
    m_status->setText(tr("Publishing to %1…").arg(m_serverUrl.toString()));
    m_status->setStyleSheet(QString());
    m_publishing = m_eventId;
    return m_publisher->publish(specFromForm(), waitingRoomFromForm(), serverEventId(m_eventId));
}

// ---- the event list ("Open event…") ---------------------------------------------------------------

QDialog* EventSetup::openEventDialog()
{
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("openEventDialog"));
    dialog->setWindowTitle(tr("Open event"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    EventPicker::Options options;
    options.todayFirst = false;  // the promoter's list: by relevance, then start
    options.offerArchive = true; // past events on request
    options.showAvailability = false;
    auto* picker = new EventPicker(m_engine, m_today.isValid() ? m_today : QDate::currentDate(), options, dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, dialog);
    QPushButton* open = buttons->button(QDialogButtonBox::Open);
    // Enter is the picker's (the search field and the list): no default button to press twice.
    for (QAbstractButton* button : buttons->buttons())
        if (auto* push = qobject_cast<QPushButton*>(button)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(picker, 1);
    layout->addWidget(buttons);
    // "Open" only with an event chosen: a search that filters the chosen one away turns it off.
    const auto updateOpen = [open, picker] { open->setEnabled(picker->currentEvent() != 0); };
    connect(picker, &EventPicker::eventChanged, open, updateOpen);
    QAbstractItemModel* shown = picker->listView()->model();
    connect(shown, &QAbstractItemModel::layoutChanged, open, updateOpen);
    connect(shown, &QAbstractItemModel::modelReset, open, updateOpen);
    connect(shown, &QAbstractItemModel::rowsRemoved, open, updateOpen);
    connect(shown, &QAbstractItemModel::rowsInserted, open, updateOpen);
    connect(picker->searchEdit(), &QLineEdit::textChanged, open, updateOpen);
    connect(picker, &EventPicker::eventActivated, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(
        dialog, &QDialog::accepted, this,
        [this, picker] {
            const EventId event = picker->currentEvent();
            if (event == 0)
                return;
            const bool loaded = loadEvent(event);
            m_status->setText(loaded ? tr("Opened event %1 (%2).").arg(event).arg(m_name->text())
                                     : tr("Event %1 is no longer there.").arg(event));
            m_status->setStyleSheet(loaded ? QString() : QStringLiteral("color: #b00020"));
            if (loaded)
                m_name->setFocus(Qt::OtherFocusReason);
        },
        Qt::SingleShotConnection);
    picker->selectFirst();
    open->setEnabled(picker->currentEvent() != 0);
    dialog->resize(620, 520);
    dialog->open();
    picker->searchEdit()->setFocus(Qt::OtherFocusReason);
    return dialog;
}

// ---- usherd ids of published events ---------------------------------------------------------------

namespace {
QString serverKey(const QUrl& url)
{
    return url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments).toString();
}
} // namespace

void EventSetup::setPublishedEventsFile(const QString& path)
{
    m_publishedFile = path;
    loadPublishedEvents();
}

void EventSetup::loadPublishedEvents()
{
    m_serverIds.clear();
    QFile file(m_publishedFile);
    if (m_publishedFile.isEmpty() || !file.exists())
        return;
    constexpr qint64 kFileBytesMax = 16 << 20;
    QJsonParseError parseError {};
    const QJsonDocument document = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.read(kFileBytesMax), &parseError)
                                                                  : QJsonDocument();
    if (!document.isObject()) {
        // Unreadable: say so. A later publish rewrites it with what this session learns.
        m_status->setText(tr("Cannot read %1: %2; events published before are not recognised.")
                              .arg(m_publishedFile, file.error() != QFileDevice::NoError ? file.errorString() : parseError.errorString()));
        m_status->setStyleSheet(QStringLiteral("color: #b00020"));
        return;
    }
    const QJsonObject servers = document.object().value(QStringLiteral("servers")).toObject();
    for (const QString& server : servers.keys()) {
        const QJsonObject events = servers.value(server).toObject();
        for (const QString& key : events.keys()) {
            bool ok = false;
            const EventId local = EventId(key.toULongLong(&ok));
            const qint64 remote = events.value(key).toInteger();
            if (ok && local != 0 && remote > 0)
                m_serverIds[server].insert(local, remote);
        }
    }
}

qint64 EventSetup::serverEventId(EventId local) const
{
    if (local == 0)
        return 0;
    return m_serverIds.value(serverKey(m_serverUrl)).value(local, 0);
}

QString EventSetup::rememberPublished(EventId local, qint64 server)
{
    m_serverIds[serverKey(m_serverUrl)].insert(local, server);
    if (m_publishedFile.isEmpty())
        return {};
    QJsonObject servers;
    for (auto s = m_serverIds.cbegin(); s != m_serverIds.cend(); ++s) {
        QJsonObject events;
        for (auto e = s.value().cbegin(); e != s.value().cend(); ++e)
            events.insert(QString::number(e.key()), e.value());
        servers.insert(s.key(), events);
    }
    QJsonObject root;
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("servers"), servers);
    QSaveFile file(m_publishedFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0 || !file.commit())
        return tr("%1: %2").arg(m_publishedFile, file.errorString());
    return {};
}

} // namespace usher::ui
