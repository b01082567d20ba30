#pragma once

// Finding orders and reading one order's details for the after-sale screens. The live ledgers
// answer order numbers, buyer names and seats (every event's shard, read between batches);
// ticket codes go to storage (Storage::findTicketByCode on the storage thread). Payments come
// from boxoffice.db (counter sales) or the order's payment reference (online sales).

#include "counter/CounterServices.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace usher::ui {

struct OrderHit {
    EventId event = 0;
    OrderId order = 0;
    QString number; // "<event>-<order>"
    QString eventName;
    QString buyer;
    QString amount; // "60.00 EUR"
    int tickets = 0;
    QString matchedBy; // "order number", "ticket code", "buyer", "seat"
};

struct OrderTicketInfo {
    TicketId id = 0;
    SeatId seat = 0; // 0: general admission
    QString place;   // "Stalls, row F, seat 12" or the area's name
    QString category;
    QString priceType;
    Amount amount = 0;
    QString amountText;
    QString code;
    bool valid = false;
    QString state; // "valid", "refunded"…
};

struct OrderPaymentInfo {
    QString method;
    QString amount;
    QString reference;
    QString state;
};

struct OrderDetails {
    bool found = false;
    EventId event = 0;
    OrderId order = 0;
    QString number;
    QString eventName;
    QString buyerName;
    QString buyerEmail;
    QString buyerPhone;
    QString created;
    QString channel;
    Amount amount = 0;
    Amount refunded = 0;
    std::string currency;
    QVector<OrderTicketInfo> tickets;
    QVector<OrderPaymentInfo> payments;
    bool counterSale = false; // sold at a box office of this database
    ShiftId shift = 0;        // the counter sale's shift
    bool hasCardPayment = false;
    int validTickets() const;
};

class OrderSearch {
    Q_DECLARE_TR_FUNCTIONS(OrderSearch)

public:
    static constexpr std::size_t kHitsMax = 100;

    // Blocking (engine and storage round trips): call it through runOffUiThread.
    static std::vector<OrderHit> find(const CounterServices& services, const QString& query,
                                      std::size_t max = kHitsMax);
    static OrderDetails details(const CounterServices& services, EventId event, OrderId order);
    // The order that holds a sold seat; 0 when the seat is not sold (or unknown).
    static OrderId orderOfSeat(const CounterServices& services, EventId event, SeatId seat);
    // "<event>-<order>" into its parts.
    static bool parseOrderNumber(const QString& text, EventId* event, OrderId* order);
};

} // namespace usher::ui
