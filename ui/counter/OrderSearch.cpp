#include "counter/OrderSearch.h"

#include "DisplayFormat.h"
#include "core/QtText.h"
#include "counter/CashAmount.h"
#include "counter/ReportDocument.h"
#include "ledger/CommandResult.h"
#include "storage/Storage.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <set>
#include <string_view>

namespace usher::ui {

namespace {

QStringList tokens(const QString& s)
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"));
    return s.toLower().split(separators, Qt::SkipEmptyParts);
}

// Every query token equals a token of the label ("f 12" finds "Stalls, row F, seat 12").
bool labelMatches(const QStringList& label, const QStringList& query)
{
    for (const QString& q : query) {
        if (!label.contains(q))
            return false;
    }
    return true;
}

OrderHit hitOf(const Ledger& ledger, EventId event, const Order& order, const QString& matchedBy)
{
    OrderHit hit;
    hit.event = event;
    hit.order = order.id;
    hit.number = QString::number(event) + QLatin1Char('-') + QString::number(order.id);
    hit.eventName = toQString(ledger.spec().name);
    hit.buyer = toQString(order.buyerName());
    hit.amount = CashAmount::format(order.amount - order.refunded, ledger.spec().currency);
    hit.tickets = static_cast<int>(order.ticketCount);
    hit.matchedBy = matchedBy;
    return hit;
}

void searchLedger(const Ledger& ledger, EventId event, const QString& query, std::size_t max,
                  std::vector<OrderHit>* hits)
{
    std::set<OrderId> seen;
    for (const OrderHit& h : *hits) {
        if (h.event == event)
            seen.insert(h.order);
    }
    const QString needle = query.trimmed().toCaseFolded();
    const std::uint64_t orders = ledger.counts().orders;
    for (OrderId id = 1; id <= orders && hits->size() < max; ++id) {
        const Order* order = ledger.order(id);
        if (order == nullptr || seen.count(id) || order->buyerName().empty())
            continue;
        if (toQString(order->buyerName()).toCaseFolded().contains(needle)) {
            hits->push_back(hitOf(ledger, event, *order, OrderSearch::tr("buyer")));
            seen.insert(id);
        }
    }
    const QStringList queryTokens = tokens(query);
    if (queryTokens.isEmpty() || !query.contains(QRegularExpression(QStringLiteral("\\d"))))
        return; // a seat is named with a number
    const Venue& venue = ledger.venue();
    for (SeatIndex s = 0; s < venue.seatCount() && hits->size() < max; ++s) {
        if (ledger.seatStatus(s) != SeatStatus::Sold)
            continue;
        const SeatView view = ledger.seat(s);
        if (view.order == 0 || seen.count(view.order) || !labelMatches(tokens(toQString(venue.seatLabel(s))), queryTokens))
            continue;
        if (const Order* order = ledger.order(view.order)) {
            hits->push_back(hitOf(ledger, event, *order, OrderSearch::tr("seat %1").arg(toQString(venue.seatLabel(s)))));
            seen.insert(view.order);
        }
    }
}

QString ticketState(TicketStatus status)
{
    if (status == TicketStatus::Valid)
        return OrderSearch::tr("valid");
    if (status == TicketStatus::Refunded)
        return OrderSearch::tr("refunded");
    return OrderSearch::tr("void");
}

QString tenderState(std::int64_t state)
{
    switch (static_cast<TenderState>(state)) {
    case TenderState::Applied: return OrderSearch::tr("paid");
    case TenderState::Uncertain: return OrderSearch::tr("uncertain");
    case TenderState::Declined: return OrderSearch::tr("declined");
    case TenderState::Returned: return OrderSearch::tr("handed back");
    case TenderState::Reversed: return OrderSearch::tr("reversed");
    }
    return OrderSearch::tr("unknown");
}

void loadPayments(BoxOfficeDb& db, OrderDetails* d)
{
    BoxOfficeDb::Transaction transaction(db);
    SqlStatement sale(db, "SELECT id, shift, reference FROM sales WHERE event = ? AND order_id = ? AND order_id > 0");
    sale.bind(1, static_cast<std::int64_t>(d->event)).bind(2, static_cast<std::int64_t>(d->order));
    if (!transaction.began() || !sale.next())
        return;
    d->counterSale = true;
    d->shift = static_cast<ShiftId>(sale.integer(1));
    SqlStatement tenders(
        db, "SELECT method, amount, terminal_ref, auth_code, state FROM tenders WHERE sale = ? ORDER BY id");
    tenders.bind(1, sale.integer(0));
    while (tenders.next()) {
        OrderPaymentInfo p;
        const auto method = static_cast<PaymentMethod>(tenders.integer(0));
        p.method = ReportDocument::methodName(method);
        p.amount = CashAmount::format(tenders.integer(1), d->currency);
        p.reference = toQString(tenders.text(2));
        if (!tenders.text(3).empty())
            p.reference += QStringLiteral(" (") + toQString(tenders.text(3)) + QLatin1Char(')');
        p.state = tenderState(tenders.integer(4));
        d->hasCardPayment = d->hasCardPayment
            || (method == PaymentMethod::Card && tenders.integer(4) == static_cast<std::int64_t>(TenderState::Applied));
        d->payments.push_back(p);
    }
}

} // namespace

int OrderDetails::validTickets() const
{
    int n = 0;
    for (const OrderTicketInfo& t : tickets)
        n += t.valid ? 1 : 0;
    return n;
}

bool OrderSearch::parseOrderNumber(const QString& input, EventId* event, OrderId* order)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*#?(\\d{1,18})\\s*-\\s*(\\d{1,18})\\s*$"));
    const QRegularExpressionMatch m = pattern.match(input);
    if (!m.hasMatch())
        return false;
    *event = m.captured(1).toULongLong();
    *order = m.captured(2).toULongLong();
    return *event != 0 && *order != 0;
}

std::vector<OrderHit> OrderSearch::find(const CounterServices& services, const QString& query, std::size_t max)
{
    std::vector<OrderHit> hits;
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty() || services.engine == nullptr)
        return hits;
    EventId event = 0;
    OrderId order = 0;
    if (parseOrderNumber(trimmed, &event, &order)) {
        if (EventShard* shard = services.engine->event(event)) {
            shard->read([&](const Ledger& ledger) {
                if (const Order* o = ledger.order(order))
                    hits.push_back(hitOf(ledger, event, *o, tr("order number")));
            });
        }
        return hits;
    }
    TicketCode code;
    if (parseTicketCode(trimmed.toUpper().toStdString(), &code)) {
        StoredOrder stored;
        StoredTicket ticket;
        Status status = Status::Ok;
        std::string error;
        services.engine->withStorage([&](Storage& storage) {
            status = storage.findOrderByTicketCode(ticketCodeText(code), &stored, &ticket, &error);
        });
        // An old code (reissued or exchanged) still finds its order, and says so.
        const QString how = status == Status::Ok            ? tr("ticket code")
            : ticket.codeState == TicketCodeState::Reissued ? tr("old ticket code (reissued)")
                                                            : tr("old ticket code (exchanged)");
        if (status == Status::Ok || status == Status::TicketNotValid) {
            if (EventShard* shard = services.engine->event(ticket.event)) {
                shard->read([&](const Ledger& ledger) {
                    if (const Order* o = ledger.order(ticket.order))
                        hits.push_back(hitOf(ledger, ticket.event, *o, how));
                });
            }
        }
        return hits;
    }
    if (!trimmed.contains(QLatin1Char(' '))) { // the sale's or the gateway's payment reference
        std::vector<StoredOrder> orders;
        std::string error;
        services.engine->withStorage(
            [&](Storage& storage) { storage.findOrdersByPaymentRef(0, trimmed.toStdString(), max, &orders, &error); });
        for (const StoredOrder& stored : orders) {
            if (EventShard* shard = services.engine->event(stored.event)) {
                shard->read([&](const Ledger& ledger) {
                    if (const Order* o = ledger.order(stored.order))
                        hits.push_back(hitOf(ledger, stored.event, *o, tr("payment reference")));
                });
            }
        }
    }
    for (const EventId id : services.engine->events()) {
        if (hits.size() >= max)
            break;
        if (EventShard* shard = services.engine->event(id))
            shard->read([&](const Ledger& ledger) { searchLedger(ledger, id, trimmed, max, &hits); });
    }
    return hits;
}

OrderDetails OrderSearch::details(const CounterServices& services, EventId event, OrderId orderId)
{
    OrderDetails d;
    EventShard* shard = services.engine ? services.engine->event(event) : nullptr;
    if (shard == nullptr)
        return d;
    shard->read([&](const Ledger& ledger) {
        const Order* order = ledger.order(orderId);
        if (order == nullptr)
            return;
        const EventSpec& spec = ledger.spec();
        const Venue& venue = ledger.venue();
        d.found = true;
        d.event = event;
        d.order = orderId;
        d.number = QString::number(event) + QLatin1Char('-') + QString::number(orderId);
        d.eventName = toQString(spec.name);
        const BuyerView buyer = order->buyer();
        d.buyerName = toQString(buyer.name);
        d.buyerEmail = toQString(buyer.email);
        d.buyerPhone = toQString(buyer.phone);
        d.created = QLocale().toString(QDateTime::fromMSecsSinceEpoch(order->createdAt), QLocale::ShortFormat);
        d.channel = DisplayFormat::channelName(spec, order->channel);
        d.amount = order->amount;
        d.refunded = order->refunded;
        d.currency = spec.currency;
        for (TicketId t = order->firstTicket; t < order->firstTicket + order->ticketCount; ++t) {
            const Ticket* ticket = ledger.ticket(t);
            if (ticket == nullptr)
                continue;
            OrderTicketInfo info;
            info.id = t;
            std::uint16_t category = 0;
            if (ticket->seat != kNoSeat) {
                info.seat = venue.seats[ticket->seat].id;
                info.place = toQString(venue.seatLabel(ticket->seat));
                category = venue.seats[ticket->seat].category;
            } else {
                info.place = toQString(venue.areas[ticket->area].name);
                category = venue.areas[ticket->area].category;
            }
            info.category = toQString(venue.categories[category].name);
            info.priceType = ticket->priceType < spec.priceTypes.size() ? toQString(spec.priceTypes[ticket->priceType].name)
                                                                        : QString::number(ticket->priceType);
            info.amount = ticket->amount;
            info.amountText = CashAmount::format(ticket->amount, spec.currency);
            info.code = toQString(ticketCodeText(ticket->code));
            info.valid = ticket->status == TicketStatus::Valid;
            info.state = ticketState(ticket->status);
            d.tickets.push_back(info);
        }
        if (!order->paymentRef().empty()) {
            d.payments.push_back(OrderPaymentInfo { tr("Payment"), CashAmount::format(order->amount, spec.currency),
                                                    toQString(order->paymentRef()), tr("confirmed") });
        }
    });
    if (d.found && services.db != nullptr) {
        const OrderPaymentInfo online = d.payments.isEmpty() ? OrderPaymentInfo {} : d.payments.front();
        d.payments.clear();
        loadPayments(*services.db, &d);
        if (!d.counterSale && !online.reference.isEmpty())
            d.payments.push_back(online);
    }
    return d;
}

OrderId OrderSearch::orderOfSeat(const CounterServices& services, EventId event, SeatId seat)
{
    OrderId order = 0;
    EventShard* shard = services.engine ? services.engine->event(event) : nullptr;
    if (shard == nullptr)
        return 0;
    shard->read([&](const Ledger& ledger) {
        const SeatIndex index = ledger.venue().seatIndex(seat);
        if (index != kNoSeat && ledger.seatStatus(index) == SeatStatus::Sold)
            order = ledger.seat(index).order;
    });
    return order;
}

} // namespace usher::ui
