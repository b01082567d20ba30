#pragma once

// Per-event sales figures for a usherd whose /metrics has no per-event sales counters (headless,
// Qt Core only). It watches what usherd already serves per event:
// * GET /api/events/{id}/availability (public, one digit per seat): a seat that turned held counts
//   as held, held -> available as released (expiry, release, failed payment), -> sold as a ticket;
//   general-admission areas count by the growth of their held and sold numbers;
// * the event's orders in order, GET /api/orders/{id}-{n} (staff token): sales and revenue (the
//   amount less what was refunded when the order was read).
// A seat that was held and released between two polls is not seen; refunds of orders read before
// are not subtracted. See docs/design/admin-views.md.

#include "admin/MetricsFeed.h"

#include <QByteArray>
#include <QString>

#include <deque>
#include <vector>

namespace usher::ui {

class EventSalesTracker {
public:
    static constexpr int kOrderProbesMax = 128; // order requests per round at most
    static constexpr qint64 kRatioWindowMs = 10'000;
    static constexpr qsizetype kSeatsMax = 1'000'000;

    struct Totals {
        qint64 atMs = 0;
        quint64 heldSeats = 0;
        quint64 releasedSeats = 0;
        quint64 tickets = 0;
        quint64 orders = 0;
        qint64 revenueMinor = 0;
    };

    void reset();
    // A gap in sampling: rates start again from the next two rounds (the totals stay).
    void clearHistory() { m_history.clear(); }

    // An availability body. The first one is the baseline; later ones count the changes since the
    // last. False (and nothing counted) when it is not the documented form.
    bool addAvailability(const QByteArray& json);

    // Orders: ask for nextOrder() .. nextOrder() + probes() - 1; hand in the contiguous answers.
    quint64 nextOrder() const { return m_totals.orders + 1; }
    int probes() const { return m_probes; }
    // `amounts` are the orders found from nextOrder() on, in order (stopping at the first missing);
    // `asked` is how many were asked for.
    void addOrders(const std::vector<std::pair<qint64, QString>>& amounts, int asked);
    // Every probe of the last round found an order: there may be more than one round reads.
    bool ordersBehind() const { return m_ordersBehind; }
    bool hasAvailability() const { return m_haveSeats; }

    // Records the totals at `atMs` and fills holds/s, tickets/s, expiries/s and abandonment (and
    // with `withOrders` sales/s, revenue and the currency) into `sample`.
    void fill(MetricsSample& sample, qint64 atMs, bool withOrders);

    const Totals& totals() const { return m_totals; }

private:
    struct Area {
        qint64 id = 0;
        qint64 held = 0;
        qint64 sold = 0;
    };
    QByteArray m_seats;
    std::vector<Area> m_areas;
    bool m_haveSeats = false;
    Totals m_totals;
    QString m_currency;
    int m_probes = 1;
    bool m_ordersBehind = false;
    std::deque<Totals> m_history;
};

} // namespace usher::ui
