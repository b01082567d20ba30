#include "counter/SalePage.h"
#include "DisplayFormat.h"

#include "SeatMapFeed.h"
#include "SeatMapModel.h"
#include "SeatMapWidget.h"
#include "core/Assert.h"
#include "counter/CounterMoney.h"
#include "counter/CounterWorker.h"
#include "counter/EventPicker.h"
#include "counter/OnlineCart.h"
#include "runtime/Engine.h"
#include "sync/CentralSeatOverlay.h"
#include "sync/SyncUi.h"
#include "syncclient/CentralSeatFeed.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMouseEvent>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <utility>

namespace usher::ui {

namespace {

constexpr int kCountdownTickMs = 250;
constexpr int kAvailabilityDelayMs = 300;
constexpr std::uint32_t kQuantityMax = 99;

const char* kErrorStyle = "color: #b00020; font-weight: bold;";
const char* kOkStyle = "color: #1b5e20; font-weight: bold;";

QString mmss(std::int64_t seconds)
{
    seconds = std::max<std::int64_t>(seconds, 0);
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

SalePage::SalePage(CounterServices& services, CounterWorker& worker, const TicketOutput& output, QDate today,
                   QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_worker(worker)
    , m_output(output)
{
    setObjectName(QStringLiteral("salePage"));
    USHER_ASSERT(services.engine != nullptr);
    m_picker = new EventPicker(*services.engine, today, this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_picker);
    splitter->addWidget(buildMapColumn());
    splitter->addWidget(buildCartColumn());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({ 260, 640, 380 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);

    connect(m_picker, &EventPicker::eventChanged, this, &SalePage::showEvent);
    connect(m_picker, &EventPicker::eventActivated, this, &SalePage::focusQuickEntry);
    connect(&m_worker, &CounterWorker::busyChanged, this, &SalePage::updateBusy);
    m_countdownTimer.setInterval(kCountdownTickMs);
    connect(&m_countdownTimer, &QTimer::timeout, this, &SalePage::refreshCountdown);
    m_availabilityTimer.setSingleShot(true);
    m_availabilityTimer.setInterval(kAvailabilityDelayMs);
    connect(&m_availabilityTimer, &QTimer::timeout, this, &SalePage::updateCategoryAvailability);
    m_picker->selectFirst();
    showCart();
    setupTabOrder();
}

SalePage::~SalePage()
{
    delete m_centralOverlay;
    delete m_seatMap; // views first, then the feed (it unsubscribes), then the model
    delete m_mapFeed;
    delete m_mapModel;
}

void SalePage::attachCentralSeats()
{
    delete m_centralOverlay;
    m_centralOverlay = nullptr;
    disconnect(m_syncClientConnection);
    if (m_services.sync == nullptr)
        return;
    m_syncClientConnection
        = connect(m_services.sync, &SyncSession::clientChanged, this, [this] { attachCentralSeats(); });
    CentralSeatFeed* feed = m_services.sync->centralSeats();
    if (m_mapModel == nullptr || m_shard == nullptr || feed == nullptr) {
        if (m_mapModel != nullptr)
            m_mapModel->clearOverlay();
        return;
    }
    m_centralOverlay = new CentralSeatOverlay(*feed, *m_mapModel, m_shard->id(), this);
}

void SalePage::eventSpecChanged(EventId event)
{
    m_picker->refreshEvents();
    if (m_shard == nullptr || m_shard->id() != event)
        return;
    if (m_sale == nullptr && m_online == nullptr) {
        m_shard = nullptr; // showEvent() builds the map again from the new terms
        showEvent(event);
    } else {
        showCart();
    }
    say(tr("usherd changed this event: the counter shows its new prices and times."), false);
}

QWidget* SalePage::buildMapColumn()
{
    auto* column = new QWidget(this);
    m_mapHost = new QWidget(column);
    auto* hostLayout = new QVBoxLayout(m_mapHost);
    hostLayout->setContentsMargins(0, 0, 0, 0);

    auto* best = new QGroupBox(tr("Best available (F2)"), column);
    m_quick = new QLineEdit(best);
    m_quick->setObjectName(QStringLiteral("bestAvailableLineEdit"));
    m_quick->setPlaceholderText(tr("2, 4B, 2* …"));
    m_quick->setToolTip(tr("Quantity, then optionally a category key; * for accessible seats, ~ to allow "
                           "splitting the group. Enter holds the best seats."));
    m_quick->setMaximumWidth(110);
    m_category = new QComboBox(best);
    m_category->setObjectName(QStringLiteral("categoryComboBox"));
    m_together = new QCheckBox(tr("&Together"), best);
    m_together->setObjectName(QStringLiteral("togetherCheckBox"));
    m_together->setChecked(true);
    m_accessible = new QCheckBox(tr("&Accessible"), best);
    m_accessible->setObjectName(QStringLiteral("accessibleCheckBox"));
    m_holdBest = new QPushButton(tr("&Hold best"), best);
    m_holdBest->setObjectName(QStringLiteral("holdBestButton"));
    m_holdSelected = new QPushButton(tr("Hold &selected seats (Ctrl+H)"), best);
    m_holdSelected->setObjectName(QStringLiteral("holdSelectedButton"));
    auto* bestLayout = new QHBoxLayout(best);
    bestLayout->addWidget(m_quick);
    bestLayout->addWidget(m_category, 1);
    bestLayout->addWidget(m_together);
    bestLayout->addWidget(m_accessible);
    bestLayout->addWidget(m_holdBest);
    bestLayout->addWidget(m_holdSelected);

    // Standing areas (general admission): places, not seats; shown when the venue has any.
    auto* standing = new QGroupBox(tr("Standing places (Ctrl+G)"), column);
    m_standing = standing;
    m_area = new QComboBox(standing);
    m_area->setObjectName(QStringLiteral("standingAreaComboBox"));
    m_area->setToolTip(tr("The standing area to sell places of"));
    m_places = new QSpinBox(standing);
    m_places->setObjectName(QStringLiteral("placesSpinBox"));
    m_places->setRange(1, int(kQuantityMax));
    m_places->setToolTip(tr("How many places; Enter adds them to the cart"));
    m_places->installEventFilter(this);
    m_holdPlaces = new QPushButton(tr("Add &places"), standing);
    m_holdPlaces->setObjectName(QStringLiteral("holdPlacesButton"));
    auto* standingLayout = new QHBoxLayout(standing);
    standingLayout->addWidget(m_area, 1);
    standingLayout->addWidget(m_places);
    standingLayout->addWidget(m_holdPlaces);
    standing->hide();

    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mapHost, 1);
    layout->addWidget(best);
    layout->addWidget(standing);
    connect(m_holdPlaces, &QPushButton::clicked, this, &SalePage::holdPlaces);
    connect(m_quick, &QLineEdit::returnPressed, this, &SalePage::holdBestAvailable);
    connect(m_holdBest, &QPushButton::clicked, this, &SalePage::holdBestAvailable);
    connect(m_holdSelected, &QPushButton::clicked, this, &SalePage::holdSelectedSeats);
    return column;
}

QWidget* SalePage::buildCartColumn()
{
    auto* column = new QWidget(this);
    auto* cartBox = new QGroupBox(tr("Cart"), column);
    m_cart = new QTableWidget(0, 3, cartBox);
    m_cart->setObjectName(QStringLiteral("cartTable"));
    m_cart->setHorizontalHeaderLabels({ tr("Seat"), tr("Ticket"), tr("Price") });
    m_cart->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cart->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cart->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cart->verticalHeader()->hide();
    m_cart->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_cart->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_cart->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_cart->setToolTip(tr("Left/Right or 1–9 change the ticket type of the selected line"));
    m_cart->installEventFilter(this);
    m_total = new QLabel(cartBox);
    m_total->setObjectName(QStringLiteral("cartTotalLabel"));
    m_countdown = new QLabel(cartBox);
    m_countdown->setObjectName(QStringLiteral("holdCountdownLabel"));
    m_cartMessage = new QLabel(cartBox);
    m_cartMessage->setObjectName(QStringLiteral("cartMessageLabel"));
    m_cartMessage->setWordWrap(true);
    m_clear = new QPushButton(tr("&Clear cart (Ctrl+Del)"), cartBox);
    m_clear->setObjectName(QStringLiteral("clearCartButton"));
    auto* totals = new QHBoxLayout;
    totals->addWidget(m_total, 1);
    totals->addWidget(m_countdown);
    auto* cartLayout = new QVBoxLayout(cartBox);
    cartLayout->addWidget(m_cart, 1);
    cartLayout->addLayout(totals);
    cartLayout->addWidget(m_cartMessage);
    cartLayout->addWidget(m_clear, 0, Qt::AlignRight);
    connect(m_clear, &QPushButton::clicked, this, &SalePage::clearCart);

    auto* customer = new QGroupBox(tr("Customer (optional, Ctrl+K)"), column);
    m_name = new QLineEdit(customer);
    m_name->setObjectName(QStringLiteral("customerNameLineEdit"));
    m_email = new QLineEdit(customer);
    m_email->setObjectName(QStringLiteral("customerEmailLineEdit"));
    m_phone = new QLineEdit(customer);
    m_phone->setObjectName(QStringLiteral("customerPhoneLineEdit"));
    m_lookup = new QPushButton(tr("&Previous orders (Ctrl+Shift+F)"), customer);
    m_lookup->setObjectName(QStringLiteral("customerOrdersButton"));
    auto* form = new QFormLayout(customer);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("E-&mail:"), m_email);
    form->addRow(tr("P&hone:"), m_phone);
    form->addRow(QString(), m_lookup);
    connect(m_lookup, &QPushButton::clicked, this, &SalePage::lookUpCustomer);

    auto* done = new QGroupBox(tr("Last sale"), column);
    m_completion = new QLabel(tr("No sale yet in this session."), done);
    m_completion->setObjectName(QStringLiteral("completionLabel"));
    m_completion->setWordWrap(true);
    m_completion->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_print = new QPushButton(tr("&Print… (Ctrl+P)"), done);
    m_print->setObjectName(QStringLiteral("printTicketsButton"));
    m_savePdf = new QPushButton(tr("Save P&DF… (Ctrl+Shift+S)"), done);
    m_savePdf->setObjectName(QStringLiteral("saveTicketsPdfButton"));
    auto* doneButtons = new QHBoxLayout;
    doneButtons->addWidget(m_print);
    doneButtons->addWidget(m_savePdf);
    auto* doneLayout = new QVBoxLayout(done);
    doneLayout->addWidget(m_completion);
    doneLayout->addLayout(doneButtons);
    connect(m_print, &QPushButton::clicked, this, &SalePage::printLastWithDialog);
    connect(m_savePdf, &QPushButton::clicked, this, &SalePage::saveLastAsPdf);

    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(cartBox, 1);
    layout->addWidget(customer);
    layout->addWidget(buildPayment());
    layout->addWidget(done);
    column->setMinimumWidth(360);
    return column;
}

QGroupBox* SalePage::buildPayment()
{
    auto* box = new QGroupBox(tr("Payment"), this);
    m_dueLabel = new QLabel(box);
    m_dueLabel->setObjectName(QStringLiteral("dueLabel"));
    QFont big = m_dueLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_dueLabel->setFont(big);
    m_amount = new QLineEdit(box);
    m_amount->setObjectName(QStringLiteral("amountLineEdit"));
    m_amount->setToolTip(tr("Cash: what the customer hands over. Card: the amount to charge (less than "
                            "what is due for a split payment)."));
    m_cash = new QPushButton(tr("Cash (Enter/F8)"), box);
    m_cash->setObjectName(QStringLiteral("payCashButton"));
    m_card = new QPushButton(tr("Card (F9)"), box);
    m_card->setObjectName(QStringLiteral("payCardButton"));
    m_comp = new QPushButton(tr("Complimentary (F10)"), box);
    m_comp->setObjectName(QStringLiteral("payComplimentaryButton"));
    m_cancelCard = new QPushButton(tr("Cancel card payment (Esc)"), box);
    m_cancelCard->setObjectName(QStringLiteral("cancelCardButton"));
    m_cancelCard->setToolTip(tr("Asks the terminal to cancel while the customer is at the keypad. Nothing is "
                                "charged unless the customer had already paid."));
    m_cancelCard->hide();
    // Only while a card payment waits, so that Esc keeps its meaning elsewhere (the seat map).
    m_cancelShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    m_cancelShortcut->setContext(Qt::WindowShortcut);
    m_cancelShortcut->setEnabled(false);
    m_supervisorLogin = new QLineEdit(box);
    m_supervisorLogin->setObjectName(QStringLiteral("supervisorLoginLineEdit"));
    m_supervisorLogin->setPlaceholderText(tr("supervisor login"));
    m_supervisorPassword = new QLineEdit(box);
    m_supervisorPassword->setObjectName(QStringLiteral("supervisorPasswordLineEdit"));
    m_supervisorPassword->setEchoMode(QLineEdit::Password);
    m_supervisorPassword->setPlaceholderText(tr("supervisor password"));
    m_tenders = new QLabel(box);
    m_tenders->setObjectName(QStringLiteral("tendersLabel"));
    m_tenders->setWordWrap(true);
    m_payMessage = new QLabel(box);
    m_payMessage->setObjectName(QStringLiteral("paymentMessageLabel"));
    m_payMessage->setWordWrap(true);

    auto* amountRow = new QHBoxLayout;
    auto* amountLabel = new QLabel(tr("A&mount (F7):"), box);
    amountLabel->setBuddy(m_amount);
    amountRow->addWidget(amountLabel);
    amountRow->addWidget(m_amount, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_cash);
    buttons->addWidget(m_card);
    buttons->addWidget(m_comp);
    auto* supervisor = new QHBoxLayout;
    supervisor->addWidget(m_supervisorLogin);
    supervisor->addWidget(m_supervisorPassword);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_dueLabel);
    layout->addLayout(amountRow);
    layout->addLayout(buttons);
    layout->addWidget(m_cancelCard);
    layout->addLayout(supervisor);
    layout->addWidget(m_tenders);
    layout->addWidget(m_payMessage);
    connect(m_amount, &QLineEdit::returnPressed, this, &SalePage::payCash);
    connect(m_cash, &QPushButton::clicked, this, &SalePage::payCash);
    connect(m_card, &QPushButton::clicked, this, &SalePage::payCard);
    connect(m_comp, &QPushButton::clicked, this, &SalePage::payComplimentary);
    connect(m_cancelCard, &QPushButton::clicked, this, &SalePage::cancelCardPayment);
    connect(m_cancelShortcut, &QShortcut::activated, this, &SalePage::cancelCardPayment);
    connect(m_supervisorPassword, &QLineEdit::returnPressed, this, &SalePage::payComplimentary);
    return box;
}

void SalePage::setupTabOrder()
{
    const QList<QWidget*> order = { m_picker->searchEdit(), m_picker->listView(), m_quick, m_category, m_together,
                                    m_accessible, m_holdBest, m_holdSelected, m_area, m_places, m_holdPlaces,
                                    m_cart, m_clear, m_name, m_email,
                                    m_phone, m_lookup, m_amount, m_cash, m_card, m_comp, m_supervisorLogin,
                                    m_supervisorPassword, m_print, m_savePdf };
    for (int i = 0; i + 1 < order.size(); ++i)
        setTabOrder(order[i], order[i + 1]);
    if (m_seatMap != nullptr) {
        setTabOrder(m_picker->listView(), m_seatMap);
        setTabOrder(m_seatMap, m_quick);
    }
}

// ---- the event and its map

void SalePage::showEvent(EventId event)
{
    if (m_shard != nullptr && event == m_shard->id())
        return;
    if (m_sale != nullptr) {
        say(tr("Finish or clear the cart before you change the event."), true);
        m_picker->selectEvent(m_shard->id());
        return;
    }
    delete m_centralOverlay;
    m_centralOverlay = nullptr;
    delete m_seatMap;
    delete m_mapFeed;
    delete m_mapModel;
    m_seatMap = nullptr;
    m_mapFeed = nullptr;
    m_mapModel = nullptr;
    m_shard = event != 0 ? m_services.engine->event(event) : nullptr;
    m_category->clear();
    m_area->clear();
    m_standing->hide();
    if (m_shard == nullptr) {
        updateCategoryAvailability();
        return;
    }
    const EventSpec& spec = m_shard->spec();
    const SeatMapPerspective perspective { staffActor(m_services.clerk.id, m_services.clerk.role),
                                           m_services.channel };
    m_mapModel = new SeatMapModel(spec, perspective, this);
    m_mapFeed = new SeatMapFeed(*m_shard, *m_mapModel, this);
    m_seatMap = new SeatMapWidget(*m_mapModel, m_mapHost);
    m_seatMap->setObjectName(QStringLiteral("counterSeatMap"));
    m_mapHost->layout()->addWidget(m_seatMap);
    if (m_mapHost->isVisible())
        m_seatMap->show();
    m_seatMap->viewport()->installEventFilter(this);
    connect(m_mapModel, &SeatMapModel::seatsChanged, &m_availabilityTimer, qOverload<>(&QTimer::start));
    connect(m_mapModel, &SeatMapModel::areasChanged, &m_availabilityTimer, qOverload<>(&QTimer::start));
    connect(m_mapModel, &SeatMapModel::reset, &m_availabilityTimer, qOverload<>(&QTimer::start));
    for (std::size_t c = 0; c < spec.venue->categories.size(); ++c)
        m_category->addItem(QString::fromStdString(spec.venue->categories[c].name), int(c));
    for (const VenueArea& area : spec.venue->areas)
        m_area->addItem(QString::fromStdString(area.name), QVariant::fromValue<uint>(area.id));
    m_standing->setVisible(!spec.venue->areas.empty());
    attachCentralSeats();
    setupTabOrder();
    updateCategoryAvailability();
}

void SalePage::updateCategoryAvailability()
{
    if (m_mapModel == nullptr) {
        m_picker->setCategoryAvailability(QString());
        return;
    }
    const Venue& venue = m_mapModel->venue();
    std::vector<quint32> sellable(venue.categories.size(), 0);
    std::vector<quint32> seats(venue.categories.size(), 0);
    for (SeatIndex s = 0; s < m_mapModel->seatCount(); ++s) {
        const std::uint16_t category = venue.seats[s].category;
        ++seats[category];
        sellable[category] += m_mapModel->isSellable(s) ? 1 : 0;
    }
    QString text = tr("<b>Available to sell here</b>");
    for (std::size_t c = 0; c < venue.categories.size(); ++c) {
        if (seats[c] == 0)
            continue;
        //: %1 category name, %2 seats this desk can sell, %3 seats of the category.
        text += QStringLiteral("<br>") + tr("%1: %2 of %3").arg(QString::fromStdString(venue.categories[c].name).toHtmlEscaped())
                                             .arg(sellable[c])
                                             .arg(seats[c]);
    }
    for (std::uint32_t a = 0; a < venue.areas.size(); ++a) {
        const SeatMapModel::AreaInfo& area = m_mapModel->area(a);
        //: %1 standing area, %2 places left, %3 capacity.
        text += QStringLiteral("<br>") + tr("%1: %2 of %3 places")
                                             .arg(QString::fromStdString(venue.areas[a].name).toHtmlEscaped())
                                             .arg(area.remaining())
                                             .arg(area.capacity);
    }
    m_picker->setCategoryAvailability(text);
}

// ---- holding seats

void SalePage::holdBestAvailable()
{
    if (m_shard == nullptr) {
        say(tr("Choose an event first (Ctrl+E)."), true);
        return;
    }
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,2})\\s*([A-Za-z0-9]*)\\s*([*~]*)\\s*$"));
    const QRegularExpressionMatch match = pattern.match(m_quick->text());
    const std::uint32_t quantity = match.hasMatch() ? match.captured(1).toUInt() : 0;
    if (quantity == 0 || quantity > kQuantityMax) {
        say(tr("Type how many seats, e.g. 2, then Enter."), true);
        m_quick->setFocus();
        m_quick->selectAll();
        return;
    }
    const Venue& venue = *m_shard->spec().venue;
    int category = m_category->currentData().toInt();
    if (!match.captured(2).isEmpty()) {
        category = -1;
        for (std::size_t c = 0; c < venue.categories.size(); ++c)
            if (QString::fromStdString(venue.categories[c].key).compare(match.captured(2), Qt::CaseInsensitive) == 0)
                category = int(c);
        if (category < 0) {
            //: %1 is what the clerk typed as a category key.
            say(tr("There is no category “%1” at this venue.").arg(match.captured(2)), true);
            return;
        }
        m_category->setCurrentIndex(m_category->findData(category));
    }
    BestAvailableRequest request;
    request.quantity = quantity;
    request.category = std::uint16_t(std::max(category, 0));
    request.together = m_together->isChecked() && !match.captured(3).contains(QLatin1Char('~'));
    request.accessible = m_accessible->isChecked() || match.captured(3).contains(QLatin1Char('*'));
    auto sale = std::make_shared<CounterSale>(m_services.saleContext(m_shard), m_services.clerk, m_services.shift);
    SyncClient* client = m_services.sync != nullptr ? m_services.sync->client() : nullptr;
    if (client == nullptr) {
        startHold(sale, [request](CounterSale& s) { return s.holdBestAvailable(request); });
        return;
    }
    // With sync the local ledger may sell only this box office's allocation: best-available picks
    // here, and seats it finds outside the allocation are let go again (select those on the map:
    // they are sold through usherd).
    auto reason = std::make_shared<QString>();
    const EventId event = m_shard->id();
    startHold(
        sale,
        [request, client, event, reason](CounterSale& s) {
            const BoxOfficeStatus held = s.holdBestAvailable(request);
            if (held != BoxOfficeStatus::Ok)
                return held;
            std::vector<SeatId> seats;
            for (const CartLine& line : s.lines())
                seats.push_back(line.seat);
            QString why;
            if (client->route(event, seats, &why) == SyncRoute::Local)
                return held;
            s.cancel();
            *reason = tr("Best available found seats outside this box office's allocation. Select seats on the map "
                         "instead: those are sold through usherd.");
            return BoxOfficeStatus::WrongState;
        },
        reason);
}

void SalePage::holdSelectedSeats()
{
    if (m_seatMap == nullptr || m_seatMap->selectedCount() == 0) {
        say(tr("Select seats on the map first (Ctrl+M, arrows, Space)."), true);
        return;
    }
    std::vector<SeatId> seats;
    for (quint32 id : m_seatMap->selectedSeatIds())
        seats.push_back(SeatId(id));
    if (m_services.sync != nullptr && m_services.sync->client() != nullptr)
        return holdRouted(seats);
    auto sale = std::make_shared<CounterSale>(m_services.saleContext(m_shard), m_services.clerk, m_services.shift);
    startHold(sale, [seats](CounterSale& s) { return s.holdSeats(seats); });
}

void SalePage::focusPlaces()
{
    if (m_standing->isHidden()) {
        say(tr("This event has no standing areas."), true);
        return;
    }
    m_places->setFocus();
    m_places->selectAll();
}

void SalePage::holdPlaces()
{
    if (m_shard == nullptr) {
        say(tr("Choose an event first (Ctrl+E)."), true);
        return;
    }
    if (m_area->count() == 0) {
        say(tr("This event has no standing areas."), true);
        return;
    }
    const auto area = AreaId(m_area->currentData().toUInt());
    const auto quantity = std::uint32_t(m_places->value());
    if (m_services.sync != nullptr && m_services.sync->client() != nullptr)
        return holdPlacesRouted(area, quantity);
    auto sale = std::make_shared<CounterSale>(m_services.saleContext(m_shard), m_services.clerk, m_services.shift);
    startHold(sale, [area, quantity](CounterSale& s) { return s.holdArea(area, quantity); });
}

// With sync the local ledger sells only this box office's pool of the area (checked again when the
// sale is journaled); places beyond it are held through usherd from the area's open pool, and
// without usherd they cannot be sold (fail closed). The route and the hold run in one worker step.
void SalePage::holdPlacesRouted(AreaId area, std::uint32_t quantity)
{
    if (hasCart()) {
        say(tr("The cart already holds seats: pay for them, or clear the cart (Ctrl+Del) first."), true);
        return;
    }
    if (m_services.shift == 0) {
        say(tr("Open a shift first."), true);
        return;
    }
    SyncClient* client = m_services.sync->client();
    auto sale = std::make_shared<CounterSale>(m_services.saleContext(m_shard), m_services.clerk, m_services.shift);
    auto online = std::make_shared<OnlineCart>(m_services.saleContext(m_shard), *client, m_services.clerk,
                                               m_services.shift);
    struct Outcome {
        SyncLocalResult route;
        BoxOfficeStatus local = BoxOfficeStatus::Ok;
        SyncOnlineResult result;
    };
    auto outcome = std::make_shared<Outcome>();
    const EventId event = m_shard->id();
    const bool started = m_worker.run(
        [client, sale, online, outcome, event, area, quantity] {
            outcome->route = client->officeNow([&](SyncBoxOffice& office, Timestamp) {
                SyncLocalResult r;
                r.route = office.routeArea(event, area, quantity, &r.message);
                return r;
            });
            if (outcome->route.route == SyncRoute::Local)
                outcome->local = sale->holdArea(area, quantity);
            else if (outcome->route.route == SyncRoute::Online)
                outcome->result = online->holdArea(area, quantity);
        },
        [this, sale, online, outcome] {
            QString why;
            if (outcome->route.route == SyncRoute::Refused || outcome->route.status != Status::Ok)
                why = outcome->route.message.empty() ? DisplayFormat::status(outcome->route.status)
                                                     : QString::fromStdString(outcome->route.message);
            else if (outcome->route.route == SyncRoute::Local && outcome->local != BoxOfficeStatus::Ok)
                why = statusText(outcome->local, sale.get());
            else if (outcome->route.route == SyncRoute::Online && !outcome->result.ok())
                why = OnlineCart::describe(outcome->result);
            if (!why.isEmpty()) {
                say(why, true); // fail closed: nothing is held
                m_places->setFocus();
                m_places->selectAll();
                return;
            }
            if (outcome->route.route == SyncRoute::Local)
                adoptSale(sale);
            else
                adoptOnline(online);
        });
    if (!started)
        say(tr("Still working on the last step…"), true);
}

void SalePage::startHold(std::shared_ptr<CounterSale> sale, std::function<BoxOfficeStatus(CounterSale&)> hold,
                         std::shared_ptr<QString> reason)
{
    if (m_sale != nullptr) {
        say(tr("The cart already holds seats: pay for them, or clear the cart (Ctrl+Del) first."), true);
        return;
    }
    if (m_services.shift == 0) {
        say(tr("Open a shift first."), true);
        return;
    }
    auto status = std::make_shared<BoxOfficeStatus>(BoxOfficeStatus::Ok);
    const bool started = m_worker.run([sale, hold, status] { *status = hold(*sale); },
                                      [this, sale, status, reason] {
                                          if (*status != BoxOfficeStatus::Ok) {
                                              say(reason != nullptr && !reason->isEmpty()
                                                      ? *reason
                                                      : statusText(*status, sale.get()),
                                                  true);
                                              m_quick->setFocus();
                                              m_quick->selectAll();
                                              return;
                                          }
                                          if (m_seatMap != nullptr)
                                              m_seatMap->clearSelection();
                                          m_quick->clear();
                                          adoptSale(sale);
                                      });
    if (!started)
        say(tr("Still working on the last step…"), true);
}

void SalePage::holdRouted(const std::vector<SeatId>& seats)
{
    if (hasCart()) {
        say(tr("The cart already holds seats: pay for them, or clear the cart (Ctrl+Del) first."), true);
        return;
    }
    if (m_services.shift == 0) {
        say(tr("Open a shift first."), true);
        return;
    }
    SyncClient* client = m_services.sync->client();
    auto online = std::make_shared<OnlineCart>(m_services.saleContext(m_shard), *client, m_services.clerk,
                                               m_services.shift);
    struct Outcome {
        SyncRoute route = SyncRoute::Refused;
        QString why;
        SyncOnlineResult result;
    };
    auto outcome = std::make_shared<Outcome>();
    const EventId event = m_shard->id();
    const bool started = m_worker.run(
        [client, online, outcome, event, seats] {
            outcome->route = client->route(event, seats, &outcome->why);
            if (outcome->route == SyncRoute::Online)
                outcome->result = online->hold(seats);
        },
        [this, online, outcome, seats] {
            if (outcome->route == SyncRoute::Local) {
                auto sale = std::make_shared<CounterSale>(m_services.saleContext(m_shard), m_services.clerk,
                                                          m_services.shift);
                startHold(sale, [seats](CounterSale& s) { return s.holdSeats(seats); });
                return;
            }
            if (outcome->route == SyncRoute::Refused || !outcome->result.ok()) {
                // Fail closed: nothing is held, the clerk reads why.
                say(outcome->route == SyncRoute::Refused ? outcome->why : OnlineCart::describe(outcome->result), true);
                return;
            }
            if (m_seatMap != nullptr)
                m_seatMap->clearSelection();
            adoptOnline(online);
        });
    if (!started)
        say(tr("Still working on the last step…"), true);
}

void SalePage::adoptOnline(std::shared_ptr<OnlineCart> cart)
{
    m_online = std::move(cart);
    m_priceTypes.assign(m_online->lines().size(), 0);
    m_warned = false;
    m_expiring = false;
    m_payMessage->clear();
    m_cartMessage->setText(
        m_online->isPlaces()
            ? tr("Held through usherd: these places are beyond this box office's allocation. Take the payment "
                 "(cash or card); the sale counts once usherd confirms it.")
            : tr("Held through usherd: these seats are not this box office's. Take the payment (cash or card); "
                 "the sale counts once usherd confirms it."));
    m_cartMessage->setStyleSheet(QString());
    m_countdownTimer.start();
    showCart();
    refreshCountdown();
    m_amount->setText(counterMoneyPlain(m_online->total(m_priceTypes), m_online->currency()));
    m_amount->setFocus();
    m_amount->selectAll();
}

void SalePage::showOnlineCart()
{
    const EventSpec& spec = m_shard->spec();
    const int rows = int(m_online->lines().size());
    const int current = m_cart->currentRow();
    m_cart->setRowCount(rows);
    for (int row = 0; row < rows; ++row) {
        const CartLine& line = m_online->lines()[std::size_t(row)];
        const std::uint8_t type = m_priceTypes[std::size_t(row)];
        const QString typeName
            = type < spec.priceTypes.size() ? QString::fromStdString(spec.priceTypes[type].name) : QString::number(type);
        m_cart->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(line.label)));
        m_cart->setItem(row, 1, new QTableWidgetItem(typeName));
        auto* price = new QTableWidgetItem(money(linePrice(std::size_t(row))));
        price->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_cart->setItem(row, 2, price);
    }
    if (rows > 0)
        m_cart->setCurrentCell(std::clamp(current, 0, rows - 1), 0);
    const Amount total = m_online->total(m_priceTypes);
    //: %1 is a count of tickets, %2 an amount of money. The seats are held on usherd.
    m_total->setText(tr("<b>Total: %2</b> (%n ticket(s), through usherd)", nullptr, rows).arg(money(total)));
    m_clear->setEnabled(!m_worker.isBusy());
    //: %1 is an amount of money.
    m_dueLabel->setText(tr("Due: %1").arg(money(total)));
    m_tenders->clear();
    const bool enabled = !m_worker.isBusy();
    m_cash->setEnabled(enabled && !m_online->isCardCharged());
    m_comp->setEnabled(false);
    m_card->setEnabled(enabled && m_services.terminal != nullptr);
    m_card->setToolTip(m_services.terminal != nullptr ? QString() : tr("No card terminal is configured."));
}

void SalePage::payOnline(Tender tender)
{
    if (tender == Tender::Card && m_services.terminal != nullptr)
        return payOnlineByCard();
    if (tender != Tender::Cash || m_online->isCardCharged()) {
        say(m_online->isCardCharged()
                ? tr("The card is already charged for these seats: press the card key to ask usherd again.")
                : tr("Seats sold through usherd are paid in cash or by card at the counter."),
            true);
        return;
    }
    Amount cash = 0;
    if (!parseCounterMoney(m_amount->text(), m_online->currency(), &cash)) {
        say(tr("Enter the amount as a number such as 50.00."), true);
        m_amount->setFocus();
        m_amount->selectAll();
        return;
    }
    const Amount total = m_online->total(m_priceTypes);
    if (cash < total) {
        //: %1 is an amount of money.
        say(tr("Take at least %1 in cash: a sale through usherd is paid in one go.").arg(money(total)), true);
        return;
    }
    auto cart = m_online;
    const std::vector<std::uint8_t> types = m_priceTypes;
    const Buyer buyer { m_name->text().trimmed().toStdString(), m_email->text().trimmed().toStdString(),
                        m_phone->text().trimmed().toStdString() };
    struct Outcome {
        SyncOnlineResult result;
        BoxOfficeStatus drawer = BoxOfficeStatus::Ok;
    };
    auto outcome = std::make_shared<Outcome>();
    say(tr("Asking usherd to sell the seats…"), false);
    m_worker.run([cart, cash, buyer, types, outcome] { outcome->result = cart->sellCash(cash, buyer, types, &outcome->drawer); },
                 [this, cart, cash, outcome] {
                     if (cart != m_online)
                         return;
                     const SyncOnlineResult& r = outcome->result;
                     if (r.outcome != SyncOnlineOutcome::Answered) {
                         say(QString::fromStdString(r.message) + QLatin1Char(' ')
                                 + tr("Keep the cash until it is settled: press Enter to ask again."),
                             true);
                         showCart();
                         return;
                     }
                     if (!r.ok()) {
                         say(OnlineCart::describe(r) + QLatin1Char(' ') + tr("Hand the cash back."), true);
                         if (r.reply.status == Status::HoldExpired || r.reply.status == Status::HoldNotFound)
                             resetCart(m_cartMessage->text());
                         else
                             showCart();
                         return;
                     }
                     //: %1 is the change due.
                     finishOnlineSale(r, outcome->drawer, PaymentMethod::Cash,
                                      tr("Change due: %1.").arg(money(cash - r.reply.amount)));
                 });
}

void SalePage::payOnlineByCard()
{
    auto cart = m_online;
    const std::vector<std::uint8_t> types = m_priceTypes;
    const Buyer buyer { m_name->text().trimmed().toStdString(), m_email->text().trimmed().toStdString(),
                        m_phone->text().trimmed().toStdString() };
    struct Outcome {
        SyncOnlineResult result;
        BoxOfficeStatus drawer = BoxOfficeStatus::Ok;
        OnlineCardOutcome card;
    };
    auto outcome = std::make_shared<Outcome>();
    say(cart->isCardCharged() ? tr("Asking usherd again to sell the seats…")
                              : tr("Waiting for the card terminal, then usherd…"),
        false);
    m_worker.run(
        [cart, buyer, types, outcome] {
            outcome->result = cart->sellCard(buyer, types, &outcome->drawer, &outcome->card);
        },
        [this, cart, outcome] {
            if (cart != m_online)
                return;
            const SyncOnlineResult& r = outcome->result;
            const OnlineCardOutcome& card = outcome->card;
            const QString reference = QString::fromStdString(card.reference);
            if (r.outcome == SyncOnlineOutcome::Unreachable && !card.charged) {
                QString text = QString::fromStdString(r.message);
                if (card.reversalFailed)
                    //: %1 is the card terminal's reference of the payment.
                    text += QLatin1Char(' ') + tr("Check payment %1 on the terminal and reverse it there if it "
                                                  "went through.")
                                                   .arg(reference);
                say(text, true);
                showCart();
                return;
            }
            if (r.outcome != SyncOnlineOutcome::Answered) {
                //: %1 is the card terminal's reference of the payment.
                say(QString::fromStdString(r.message) + QLatin1Char(' ')
                        + tr("The card is charged (%1): press the card key to ask usherd again; it never charges "
                             "twice.")
                              .arg(reference),
                    true);
                showCart();
                return;
            }
            if (!r.ok()) {
                say(OnlineCart::describe(r) + QLatin1Char(' ')
                        + (card.reversed ? tr("The card payment was reversed.")
                                         //: %1 is the card terminal's reference of the payment.
                                         : tr("The card payment %1 could not be reversed: reverse it on the "
                                              "terminal by hand.")
                                               .arg(reference)),
                    true);
                if (r.reply.status == Status::HoldExpired || r.reply.status == Status::HoldNotFound)
                    resetCart(m_cartMessage->text());
                else
                    showCart();
                return;
            }
            //: %1 is the card terminal's reference of the payment.
            finishOnlineSale(r, outcome->drawer, PaymentMethod::Card, tr("Paid by card (%1).").arg(reference));
        });
}

void SalePage::finishOnlineSale(const SyncOnlineResult& r, BoxOfficeStatus drawer, PaymentMethod method,
                                const QString& paymentText)
{
    // Central's tickets, printed with central's codes (the box office never has its ticket key).
    IssuedSale issued;
    issued.spec = m_shard->spec();
    issued.order = r.reply.order;
    issued.lines = m_online->lines();
    const std::vector<std::string>& codes = m_online->codes();
    bool printable = codes.size() == r.reply.tickets.size() && codes.size() == issued.lines.size();
    for (std::size_t i = 0; i < issued.lines.size(); ++i) {
        CartLine& line = issued.lines[i];
        line.priceType = i < m_priceTypes.size() ? m_priceTypes[i] : 0;
        line.price = linePrice(i);
        IssuedTicket ticket;
        ticket.id = i < r.reply.tickets.size() ? r.reply.tickets[i] : 0;
        ticket.seat = line.seat;
        ticket.area = line.area;
        ticket.priceType = line.priceType;
        ticket.amount = line.price;
        printable = printable && parseTicketCode(codes[i], &ticket.code);
        issued.tickets.push_back(ticket);
    }
    SaleTender tender;
    tender.method = method;
    tender.amount = r.reply.amount;
    issued.tenders.push_back(tender);
    issued.clerk = QString::fromStdString(m_services.clerk.displayName);
    issued.at = QDateTime::fromMSecsSinceEpoch(m_services.clock());
    QString where;
    QString error;
    const bool issuedOk = printable && m_output.issue(issued, &where, &error);
    //: %1 central's order number, %2 count of tickets, %3 how it was paid (change due, card reference).
    QString text = tr("Sold through usherd: order %1, %n ticket(s). %3", nullptr, int(r.reply.tickets.size()))
                       .arg(r.reply.order)
                       .arg(paymentText);
    if (issuedOk)
        //: %1 where the tickets went (e.g. "printed on Thermal-1").
        text += QLatin1Char(' ') + tr("Tickets %1.").arg(where);
    else if (!printable)
        text += QLatin1Char(' ') + tr("usherd sent no ticket codes: print the tickets from usherd.");
    else
        //: %1 the reason the tickets could not be printed or saved.
        text += QLatin1Char(' ') + tr("The tickets could not be issued: %1 Print them with Ctrl+P.").arg(error);
    if (drawer != BoxOfficeStatus::Ok)
        text += QLatin1Char(' ') + tr("The drawer could not record it: %1").arg(statusText(drawer, nullptr));
    m_payMessage->clear();
    m_completion->setText(text);
    m_completion->setStyleSheet(drawer == BoxOfficeStatus::Ok && (issuedOk || !printable)
                                    ? QString()
                                    : QString::fromLatin1(kErrorStyle));
    if (printable)
        m_last = std::move(issued);
    m_name->clear();
    m_email->clear();
    m_phone->clear();
    resetCart(QString());
    Q_EMIT statusMessage(text);
    Q_EMIT saleCompleted();
    focusQuickEntry();
}

void SalePage::clearOnlineCart()
{
    if (m_online->isCardCharged()) {
        say(tr("The card is charged and usherd has not answered the sale yet: press the card key to ask usherd "
               "again before clearing the cart."),
            true);
        return;
    }
    auto cart = m_online;
    auto result = std::make_shared<SyncOnlineResult>();
    m_worker.run([cart, result] { *result = cart->release(); },
                 [this, cart, result] {
                     if (cart != m_online)
                         return;
                     // Released, or not answered: an unconfirmed hold on usherd runs out by itself.
                     resetCart(result->ok() ? tr("Cart cleared: the seats were released on usherd.")
                                            : tr("Cart cleared. usherd did not confirm the release: its hold "
                                                 "runs out by itself."));
                     focusQuickEntry();
                 });
}

void SalePage::adoptSale(std::shared_ptr<CounterSale> sale)
{
    USHER_ASSERT(sale != nullptr);
    m_sale = std::move(sale);
    m_priceTypes.clear();
    for (const CartLine& line : m_sale->lines())
        m_priceTypes.push_back(line.priceType);
    m_warned = false;
    m_expiring = false;
    m_cartMessage->clear();
    m_payMessage->clear();
    m_countdownTimer.start();
    showCart();
    refreshCountdown();
    m_amount->setText(counterMoneyPlain(m_sale->due(), m_sale->currency()));
    m_amount->setFocus();
    m_amount->selectAll();
}

// ---- the cart

Amount SalePage::linePrice(std::size_t line) const
{
    if (m_online != nullptr) // usherd prices it; the counter shows the event's price for the type
        return m_online->linePrice(line, line < m_priceTypes.size() ? m_priceTypes[line] : 0);
    const CartLine& cart = m_sale->lines()[line];
    if (m_sale->state() != SaleState::Held || m_shard == nullptr || line >= m_priceTypes.size()
        || m_priceTypes[line] == cart.priceType)
        return cart.price;
    const Venue& venue = *m_shard->spec().venue;
    for (std::size_t c = 0; c < venue.categories.size(); ++c)
        if (venue.categories[c].key == cart.category)
            return m_shard->spec().price(std::uint16_t(c), m_priceTypes[line]);
    return cart.price;
}

Amount SalePage::cartTotal() const
{
    Amount total = 0;
    for (std::size_t i = 0; m_sale != nullptr && i < m_sale->lines().size(); ++i)
        total += linePrice(i);
    return total;
}

QString SalePage::money(Amount amount) const
{
    const std::string currency = m_sale != nullptr ? m_sale->currency()
        : m_shard != nullptr                        ? m_shard->spec().currency
                                                    : std::string("EUR");
    return counterMoney(amount, currency);
}

void SalePage::showCart()
{
    if (m_online != nullptr)
        return showOnlineCart();
    const bool has = m_sale != nullptr;
    const int rows = has ? int(m_sale->lines().size()) : 0;
    const int current = m_cart->currentRow();
    m_cart->setRowCount(rows);
    for (int row = 0; row < rows; ++row) {
        const CartLine& line = m_sale->lines()[std::size_t(row)];
        const std::uint8_t type = std::size_t(row) < m_priceTypes.size() ? m_priceTypes[std::size_t(row)] : 0;
        const EventSpec& spec = m_shard->spec();
        const QString typeName
            = type < spec.priceTypes.size() ? QString::fromStdString(spec.priceTypes[type].name) : QString::number(type);
        m_cart->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(line.label)));
        m_cart->setItem(row, 1, new QTableWidgetItem(typeName));
        auto* price = new QTableWidgetItem(money(linePrice(std::size_t(row))));
        price->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_cart->setItem(row, 2, price);
    }
    if (rows > 0)
        m_cart->setCurrentCell(std::clamp(current, 0, rows - 1), 0);
    //: %1 is a count of tickets, %2 an amount of money.
    m_total->setText(has ? tr("<b>Total: %2</b> (%n ticket(s))", nullptr, rows).arg(money(cartTotal()))
                         : tr("The cart is empty."));
    if (!has)
        m_countdown->clear();
    m_clear->setEnabled(has && !m_worker.isBusy());
    updatePayment();
}

void SalePage::updatePayment()
{
    if (m_online != nullptr)
        return showOnlineCart();
    const bool has = m_sale != nullptr;
    if (!has) {
        m_dueLabel->setText(tr("Nothing due"));
        m_tenders->clear();
    } else {
        const Amount total = m_sale->state() == SaleState::Held ? cartTotal() : m_sale->total();
        const Amount due = total - m_sale->paid();
        //: %1 is an amount of money.
        m_dueLabel->setText(tr("Due: %1").arg(money(due)));
        QStringList lines;
        for (const SaleTender& tender : m_sale->tenders()) {
            if (tender.state != TenderState::Applied && tender.state != TenderState::Uncertain)
                continue;
            QString method = tender.method == PaymentMethod::Cash ? tr("Cash")
                : tender.method == PaymentMethod::Card             ? tr("Card")
                                                                   : tr("Complimentary");
            if (tender.state == TenderState::Uncertain)
                method += tr(" (outcome unknown)");
            lines << QStringLiteral("%1: %2").arg(method, money(tender.amount));
        }
        m_tenders->setText(lines.join(QLatin1Char('\n')));
    }
    const bool enabled = has && !m_worker.isBusy();
    for (QWidget* w : { static_cast<QWidget*>(m_cash), static_cast<QWidget*>(m_comp) })
        w->setEnabled(enabled);
    m_card->setEnabled(enabled && m_services.terminal != nullptr);
    if (m_services.terminal == nullptr)
        m_card->setToolTip(tr("No card terminal is configured."));
}

void SalePage::cyclePriceType(int line, int step)
{
    if ((m_sale == nullptr && m_online == nullptr) || m_shard == nullptr || line < 0
        || std::size_t(line) >= m_priceTypes.size())
        return;
    const int types = int(m_shard->spec().priceTypes.size());
    int type = m_priceTypes[std::size_t(line)];
    for (int tries = 0; tries < types; ++tries) {
        type = (type + step + types) % types;
        const CartLine& cart = m_online != nullptr ? m_online->lines()[std::size_t(line)]
                                                   : m_sale->lines()[std::size_t(line)];
        const Venue& venue = *m_shard->spec().venue;
        for (std::size_t c = 0; c < venue.categories.size(); ++c)
            if (venue.categories[c].key == cart.category
                && m_shard->spec().price(std::uint16_t(c), std::uint32_t(type)) != kNotOffered) {
                setPriceType(line, std::uint8_t(type));
                return;
            }
    }
}

void SalePage::setPriceType(int line, std::uint8_t type)
{
    // An online cart is paid in one go: its types may change until usherd sold it.
    const bool online = m_online != nullptr && !m_online->isSold() && !m_online->isCardCharged() && !m_worker.isBusy();
    if (!online && (m_sale == nullptr || m_sale->state() != SaleState::Held)) {
        say(tr("Ticket types can only change before the payment starts."), true);
        return;
    }
    if (line < 0 || std::size_t(line) >= m_priceTypes.size() || type >= m_shard->spec().priceTypes.size()
        || linePrice(std::size_t(line)) == kNotOffered)
        return;
    const std::uint8_t before = m_priceTypes[std::size_t(line)];
    m_priceTypes[std::size_t(line)] = type;
    if (linePrice(std::size_t(line)) == kNotOffered) {
        m_priceTypes[std::size_t(line)] = before;
        say(tr("That ticket type is not sold in this category."), true);
        return;
    }
    showCart();
    if (online)
        m_amount->setText(counterMoneyPlain(m_online->total(m_priceTypes), m_online->currency()));
    else
        m_amount->setText(counterMoneyPlain(cartTotal() - m_sale->paid(), m_sale->currency()));
}

void SalePage::refreshCountdown()
{
    if (m_online != nullptr && !m_expiring) {
        const std::int64_t left = (m_online->expiresAt() - m_services.clock() + 999) / 1000;
        if (left <= 0 && m_online->isCardCharged()) {
            // Sold or not, only usherd knows: the cart (and the charge's reference) stays until it says.
            m_countdown->setText(tr("Hold: ask usherd"));
            return;
        }
        if (left <= 0) {
            resetCart(tr("The hold on usherd expired: the seats went back on sale and the cart is empty."));
            return;
        }
        //: %1 is minutes:seconds.
        m_countdown->setText(tr("Hold: %1").arg(mmss(left)));
        m_countdown->setStyleSheet(left <= kExpiryWarningSeconds ? QString::fromLatin1(kErrorStyle) : QString());
        return;
    }
    if (m_sale == nullptr || m_expiring) {
        m_countdownTimer.stop();
        return;
    }
    if (m_sale->state() != SaleState::Held) {
        m_countdown->setText(tr("payment in progress"));
        m_countdown->setStyleSheet(QString());
        return;
    }
    const std::int64_t left = (m_sale->expiresAt() - m_services.clock() + 999) / 1000;
    if (left <= 0) {
        // The engine releases the seats itself; the cart records the end of the sale.
        m_expiring = true;
        auto sale = m_sale;
        resetCart(tr("The hold expired: the seats went back on sale and the cart is empty."));
        m_worker.run([sale] { sale->cancel(); }, {});
        return;
    }
    //: %1 is minutes:seconds.
    m_countdown->setText(tr("Hold: %1").arg(mmss(left)));
    const bool warn = left <= kExpiryWarningSeconds;
    m_countdown->setStyleSheet(warn ? QString::fromLatin1(kErrorStyle) : QString());
    if (warn && !m_warned) {
        m_warned = true;
        //: %1 is minutes:seconds.
        m_cartMessage->setText(tr("The hold runs out in %1: take the payment now.").arg(mmss(left)));
        m_cartMessage->setStyleSheet(QString::fromLatin1(kErrorStyle));
        Q_EMIT statusMessage(m_cartMessage->text());
    }
}

void SalePage::resetCart(const QString& message)
{
    m_sale.reset();
    m_online.reset();
    m_priceTypes.clear();
    m_countdownTimer.stop();
    m_amount->clear();
    m_supervisorPassword->clear();
    showCart();
    m_cartMessage->setText(message);
    m_cartMessage->setStyleSheet(QString());
    if (!message.isEmpty())
        Q_EMIT statusMessage(message);
}

void SalePage::clearCart()
{
    if (m_online != nullptr)
        return clearOnlineCart();
    if (m_sale == nullptr)
        return;
    auto sale = m_sale;
    auto status = std::make_shared<BoxOfficeStatus>(BoxOfficeStatus::Ok);
    m_worker.run([sale, status] { *status = sale->cancel(); },
                 [this, sale, status] {
                     if (*status == BoxOfficeStatus::Ok || sale->state() == SaleState::Cancelled) {
                         resetCart(tr("Cart cleared: the seats were released and any money taken was given back."));
                         m_expiring = false;
                         focusQuickEntry();
                         return;
                     }
                     say(statusText(*status, sale.get()), true);
                     showCart();
                 });
}

// ---- paying

void SalePage::payCash()
{
    pay(Tender::Cash);
}

void SalePage::payCard()
{
    pay(Tender::Card);
}

void SalePage::payComplimentary()
{
    if (m_sale != nullptr && (m_supervisorLogin->text().isEmpty() || m_supervisorPassword->text().isEmpty())) {
        say(tr("A supervisor signs in here to approve complimentary tickets."), true);
        m_supervisorLogin->setFocus();
        return;
    }
    pay(Tender::Complimentary);
}

void SalePage::pay(Tender tender)
{
    if (m_online != nullptr && !m_worker.isBusy())
        return payOnline(tender);
    if (m_sale == nullptr) {
        say(tr("The cart is empty: hold seats first (F2)."), true);
        return;
    }
    if (m_worker.isBusy())
        return; // the button is disabled; a key press that got through must not pay twice
    // Paid in full, but the tickets were not issued yet (refused, unknown, or the sync outbox could
    // not journal the sale): this press completes it without another tender.
    const bool completeOnly
        = m_sale->state() == SaleState::Paying && m_sale->due() == 0 && !m_sale->hasUncertainTender();
    const Amount due = (m_sale->state() == SaleState::Held ? cartTotal() : m_sale->total()) - m_sale->paid();
    Amount amount = due;
    if (completeOnly) {
        amount = 0;
    } else if (tender != Tender::Complimentary && !m_amount->text().trimmed().isEmpty()
               && !parseCounterMoney(m_amount->text(), m_sale->currency(), &amount)) {
        say(tr("Enter the amount as a number such as 50.00."), true);
        m_amount->setFocus();
        m_amount->selectAll();
        return;
    }
    if (amount <= 0 && !completeOnly) {
        say(tr("The amount must be more than zero."), true);
        return;
    }
    auto sale = m_sale;
    // Enrolled with usherd: the sale is journaled in the sync outbox before it is confirmed here,
    // and so reaches central (docs/design/sync.md, "The counter's sales"). Stand-alone: the engine only.
    SyncClient* client = m_services.sync != nullptr ? m_services.sync->client() : nullptr;
    const EventId event = m_shard->id();
    const std::uint64_t clerkId = m_services.clerk.id;
    const std::vector<std::uint8_t> types = m_priceTypes;
    const Buyer buyer { m_name->text().trimmed().toStdString(), m_email->text().trimmed().toStdString(),
                        m_phone->text().trimmed().toStdString() };
    const std::string login = m_supervisorLogin->text().toStdString();
    const std::string password = m_supervisorPassword->text().toStdString();
    m_supervisorPassword->clear();
    struct Outcome {
        TenderResult result;
        BoxOfficeStatus completion = BoxOfficeStatus::Underpaid;
        std::vector<IssuedTicket> tickets;
        std::string syncOp;      // the outbox's op of this sale
        QString syncProblem;     // why it could not be journaled (nothing was confirmed then)
    };
    auto outcome = std::make_shared<Outcome>();
    if (tender == Tender::Card) {
        say(tr("Waiting for the card terminal: the customer pays there… (Esc cancels)"), false);
        m_cardWaiting = true;
        m_cardCancelRequested = false;
        m_cancelCard->setEnabled(true);
        m_cancelCard->show();
        m_cancelShortcut->setEnabled(true);
    }
    m_worker.run(
        [sale, types, buyer, login, password, tender, amount, outcome, completeOnly, client, event, clerkId] {
            TenderResult& r = outcome->result;
            if (completeOnly) {
                // nothing to tender: straight to the tickets
            } else if (sale->state() == SaleState::Held) {
                r.status = sale->setPriceTypes(types);
                if (r.status == BoxOfficeStatus::Ok)
                    r.status = sale->setBuyer(buyer);
                if (r.status != BoxOfficeStatus::Ok)
                    return;
            }
            if (completeOnly) {
                r.status = BoxOfficeStatus::Ok;
            } else if (tender == Tender::Card && sale->hasUncertainTender()) {
                r.status = sale->resolveUncertain();
            } else if (tender == Tender::Cash) {
                r = sale->payCash(amount);
            } else if (tender == Tender::Card) {
                r = sale->payCard(amount);
            } else {
                r = sale->payComplimentary(login, password);
            }
            if (r.status != BoxOfficeStatus::Ok || sale->due() != 0 || sale->hasUncertainTender())
                return;
            if (client != nullptr) {
                SyncSaleRequest request;
                request.event = event;
                for (const CartLine& line : sale->lines()) {
                    if (line.area != 0) { // places of a standing area (one hold: one area)
                        request.area = line.area;
                        ++request.quantity;
                    } else {
                        request.seats.push_back(line.seat);
                    }
                    request.priceTypes.push_back(line.priceType);
                }
                request.amount = -1; // central prices it; the money was taken here
                request.buyer = buyer;
                request.clerk = clerkId;
                const SyncLocalResult begun = client->beginExternalSaleNow(request, sale->hold());
                if (!begun.ok()) {
                    outcome->completion = BoxOfficeStatus::StorageFailed;
                    outcome->syncProblem = begun.message.empty()
                        ? DisplayFormat::status(begun.status)
                        : QString::fromStdString(begun.message);
                    return;
                }
                outcome->syncOp = begun.opId;
            }
            outcome->completion = sale->complete(&outcome->tickets);
            // Done (confirmed) or void (released); a hold still alive (the outcome unknown) settles
            // later, by itself.
            if (client != nullptr)
                client->finishExternalNow(outcome->syncOp);
        },
        [this, sale, tender, outcome] {
            const bool cancelRequested = m_cardCancelRequested;
            if (tender == Tender::Card) {
                m_cardWaiting = false;
                m_cardCancelRequested = false;
                m_cancelCard->hide();
                m_cancelShortcut->setEnabled(false);
            }
            if (sale != m_sale)
                return;
            if (!outcome->syncProblem.isEmpty()) {
                //: %1 why the sync outbox could not journal the sale.
                say(tr("Paid, but the sale could not be journaled for usherd, so no ticket was issued: %1 "
                       "Press Enter to try again.")
                        .arg(outcome->syncProblem),
                    true);
                showCart();
                return;
            }
            m_lastSyncOp = outcome->syncOp;
            afterTender(outcome->result, tender, outcome->completion, outcome->tickets);
            if (cancelRequested && outcome->result.terminal == TerminalOutcome::Cancelled)
                say(tr("Card payment cancelled: nothing was charged. The seats are still held; take cash or "
                       "try the card again."),
                    true);
            else if (cancelRequested && outcome->result.terminal == TerminalOutcome::Approved)
                Q_EMIT statusMessage(tr("Too late to cancel: the customer had already paid by card."));
        });
}

void SalePage::cancelCardPayment()
{
    if (!m_cardWaiting || m_cardCancelRequested || m_sale == nullptr)
        return;
    m_cardCancelRequested = true;
    m_cancelCard->setEnabled(false);
    say(tr("Cancelling the card payment: waiting for the terminal's answer…"), false);
    // The worker is waiting on the terminal; the cancel goes out beside it. Whatever the terminal
    // answers, the payment ends with its final state, reported by the payment itself.
    auto sale = m_sale;
    m_worker.runAside([sale] { sale->cancelCardPayment(); }, {});
}

void SalePage::afterTender(const TenderResult& result, Tender tender, BoxOfficeStatus completion,
                           const std::vector<IssuedTicket>& tickets)
{
    if (result.status != BoxOfficeStatus::Ok) {
        say(tender == Tender::Card ? terminalText(result) : statusText(result.status, m_sale.get()), true);
        showCart();
        m_amount->setText(counterMoneyPlain(m_sale->due(), m_sale->currency()));
        m_amount->setFocus();
        m_amount->selectAll();
        return;
    }
    QString message;
    if (tender == Tender::Cash && result.change > 0)
        //: %1 is an amount of money.
        message = tr("Change due: %1").arg(money(result.change));
    else if (tender == Tender::Card)
        //: %1 is an amount, %2 the terminal's authorisation code.
        message = tr("Card approved: %1 (auth. %2)").arg(money(result.applied), QString::fromStdString(result.detail));
    else
        //: %1 is an amount of money.
        message = tr("Paid: %1").arg(money(result.applied));
    if (m_sale->state() == SaleState::Completed && completion == BoxOfficeStatus::Ok) {
        m_payMessage->setText(message);
        m_payMessage->setStyleSheet(QString::fromLatin1(kOkStyle));
        finishSale(tickets);
        return;
    }
    if (completion != BoxOfficeStatus::Underpaid) {
        // Paid in full but the tickets were refused or their outcome is unknown: say so, keep the cart.
        say(statusText(completion, m_sale.get()), true);
        showCart();
        return;
    }
    m_payMessage->setText(message + QLatin1Char('\n') + tr("Still due: %1").arg(money(m_sale->due())));
    m_payMessage->setStyleSheet(QString::fromLatin1(kOkStyle));
    showCart();
    m_amount->setText(counterMoneyPlain(m_sale->due(), m_sale->currency()));
    m_amount->setFocus();
    m_amount->selectAll();
}

void SalePage::finishSale(const std::vector<IssuedTicket>& tickets)
{
    IssuedSale issued;
    issued.spec = m_shard->spec();
    issued.order = m_sale->order();
    issued.tickets = tickets;
    issued.lines = m_sale->lines();
    issued.tenders = m_sale->tenders();
    issued.clerk = QString::fromStdString(m_services.clerk.displayName);
    issued.at = QDateTime::fromMSecsSinceEpoch(m_services.clock());
    QString where;
    QString error;
    const bool ok = m_output.issue(issued, &where, &error);
    //: %1 order number, %2 count of tickets, %3 where they went (e.g. "printed on Thermal-1").
    QString text = tr("Order %1: %n ticket(s) %3.", nullptr, int(tickets.size())).arg(issued.orderNumber(), where);
    if (!ok)
        //: %1 order number, %2 the reason the tickets could not be printed or saved.
        text = tr("Order %1 is paid, but its tickets could not be issued: %2 Print them with Ctrl+P.")
                   .arg(issued.orderNumber(), error);
    if (!m_lastSyncOp.empty())
        //: %1 the sync operation's id (the order's reference on usherd is "sync:" and this id).
        text += QLatin1Char(' ') + tr("Sync operation %1: it reaches usherd with the next upload.")
                                       .arg(QString::fromStdString(m_lastSyncOp));
    m_lastSaleSyncOp = std::exchange(m_lastSyncOp, {});
    m_completion->setText(text + QLatin1Char('\n') + m_payMessage->text());
    m_completion->setStyleSheet(ok ? QString() : QString::fromLatin1(kErrorStyle));
    m_last = std::move(issued);
    m_name->clear();
    m_email->clear();
    m_phone->clear();
    resetCart(QString());
    Q_EMIT statusMessage(text);
    Q_EMIT saleCompleted();
    focusQuickEntry();
}

void SalePage::printLastWithDialog()
{
    if (!m_last) {
        say(tr("No sale to print yet."), true);
        return;
    }
    QString error;
    if (!m_output.printWithDialog(this, *m_last, &error))
        say(error, true);
}

void SalePage::saveLastAsPdf()
{
    if (!m_last) {
        say(tr("No sale to save yet."), true);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the tickets as PDF"),
                                                      m_last->orderNumber() + QStringLiteral("-tickets.pdf"),
                                                      tr("PDF files (*.pdf)"));
    QString error;
    if (!path.isEmpty() && !m_output.savePdf(*m_last, path, &error))
        say(error, true);
}

// ---- focus and lookups

void SalePage::focusQuickEntry()
{
    m_quick->setFocus();
    m_quick->selectAll();
}

void SalePage::focusEvents()
{
    m_picker->searchEdit()->setFocus();
    m_picker->searchEdit()->selectAll();
}

void SalePage::focusMap()
{
    if (m_seatMap != nullptr)
        m_seatMap->setFocus();
}

void SalePage::focusCustomer()
{
    m_name->setFocus();
    m_name->selectAll();
}

void SalePage::focusAmount()
{
    m_amount->setFocus();
    m_amount->selectAll();
}

void SalePage::lookUpCustomer()
{
    Q_EMIT customerOrdersRequested(m_name->text().trimmed());
}

void SalePage::showOrderOfFocusSeat()
{
    if (m_seatMap == nullptr || m_seatMap->focusSeat() == kNoSeat) {
        say(tr("Move to a seat on the map first (Ctrl+M, arrow keys)."), true);
        return;
    }
    Q_EMIT orderOfSeatRequested(m_shard->id(), m_mapModel->venue().seats[m_seatMap->focusSeat()].id);
}

bool SalePage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_places && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            holdPlaces();
            return true;
        }
    }
    if (watched == m_cart && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const int row = m_cart->currentRow();
        if (key->key() == Qt::Key_Left || key->key() == Qt::Key_Right) {
            cyclePriceType(row, key->key() == Qt::Key_Right ? 1 : -1);
            return true;
        }
        if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_9 && key->modifiers() == Qt::NoModifier) {
            if (row >= 0)
                setPriceType(row, std::uint8_t(key->key() - Qt::Key_1));
            return true;
        }
    }
    if (m_seatMap != nullptr && watched == m_seatMap->viewport() && event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const SeatIndex seat = m_seatMap->seatAt(mouse->position());
        if (mouse->button() == Qt::LeftButton && seat != kNoSeat && m_mapModel->state(seat) == SeatMapState::Sold)
            Q_EMIT orderOfSeatRequested(m_shard->id(), m_mapModel->venue().seats[seat].id);
    }
    return QWidget::eventFilter(watched, event);
}

// ---- messages

void SalePage::updateBusy(bool busy)
{
    m_holdBest->setEnabled(!busy);
    m_holdSelected->setEnabled(!busy);
    m_holdPlaces->setEnabled(!busy);
    m_clear->setEnabled(!busy && m_sale != nullptr);
    updatePayment();
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void SalePage::say(const QString& message, bool error)
{
    m_payMessage->setText(message);
    m_payMessage->setStyleSheet(error ? QString::fromLatin1(kErrorStyle) : QString());
    Q_EMIT statusMessage(message);
}

QString SalePage::statusText(BoxOfficeStatus status, const CounterSale* sale) const
{
    switch (status) {
    case BoxOfficeStatus::Ok:
        return QString();
    case BoxOfficeStatus::EngineRefused: {
        const Status engine = sale != nullptr ? sale->engineStatus() : Status::Ok;
        switch (engine) {
        case Status::NoSeatsTogether:
        case Status::SeatUnavailable:
        case Status::CapacityUnavailable:
            return tr("Not enough seats are available for that: try fewer, another category, or allow splitting (~).");
        case Status::HoldExpired:
        case Status::HoldNotFound:
            return tr("The hold has expired: the seats went back on sale.");
        case Status::NotOnSale:
            return tr("This event is not on sale at the box office now.");
        case Status::LimitExceeded:
            return tr("That is more tickets than one order may have.");
        default:
            //: %1 says why, e.g. "the seat is no longer available".
            return tr("The sale was refused: %1.").arg(DisplayFormat::status(engine));
        }
    }
    case BoxOfficeStatus::InvalidCredentials:
        return tr("The supervisor's login or password is wrong.");
    case BoxOfficeStatus::SupervisorRequired:
    case BoxOfficeStatus::Forbidden:
        return tr("Only a supervisor or an admin can approve complimentary tickets.");
    case BoxOfficeStatus::AccountLocked:
        return tr("That supervisor account is locked after too many failed sign-ins.");
    case BoxOfficeStatus::InsufficientCash:
        return tr("The drawer does not hold enough cash for that change.");
    case BoxOfficeStatus::Overpaid:
        return tr("That is more than what is still due.");
    case BoxOfficeStatus::ShiftClosed:
    case BoxOfficeStatus::ShiftNotFound:
        return tr("Your shift is closed: open a new one to sell.");
    case BoxOfficeStatus::CurrencyMismatch:
        return tr("This event is sold in another currency than your shift's drawer.");
    case BoxOfficeStatus::PaymentUncertain:
        return tr("The card terminal's answer is still unknown. Check the terminal, then press F9 to ask it "
                  "again. The sale cannot finish or be cleared until then.");
    case BoxOfficeStatus::StorageFailed:
        return tr("Saving failed (disk full or broken?). Nothing was lost; try again.");
    default:
        //: %1 says why, e.g. "the seat is no longer available".
        return tr("That did not work: %1.").arg(DisplayFormat::status(status));
    }
}

QString SalePage::terminalText(const TenderResult& result) const
{
    const QString detail = QString::fromStdString(result.detail);
    switch (result.terminal) {
    case TerminalOutcome::Declined:
        //: %1 is the terminal's reason.
        return tr("Card DECLINED (%1). Ask for another card or take cash.").arg(detail);
    case TerminalOutcome::TimedOut:
    case TerminalOutcome::Cancelled:
        if (result.status == BoxOfficeStatus::PaymentUncertain)
            return statusText(result.status, m_sale.get());
        return tr("The card terminal did not answer in time; the payment was cancelled and nothing was charged. "
                  "Try again or take cash.");
    case TerminalOutcome::Disconnected:
        if (result.status == BoxOfficeStatus::PaymentUncertain)
            return statusText(result.status, m_sale.get());
        return tr("The card terminal lost the connection; the payment was cancelled and nothing was charged. "
                  "Try again or take cash.");
    case TerminalOutcome::Unreachable:
        return tr("The card terminal cannot be reached. Check its cable and power, or take cash.");
    default:
        return statusText(result.status, m_sale.get());
    }
}

} // namespace usher::ui
