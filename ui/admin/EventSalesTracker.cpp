#include "admin/EventSalesTracker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace usher::ui {

void EventSalesTracker::reset()
{
    *this = EventSalesTracker {};
}

bool EventSalesTracker::addAvailability(const QByteArray& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    const QJsonValue seatsValue = o.value(QStringLiteral("seats"));
    if (!seatsValue.isString())
        return false;
    const QByteArray seats = seatsValue.toString().toLatin1();
    if (seats.size() > kSeatsMax)
        return false;
    std::vector<Area> areas;
    for (const QJsonValue& value : o.value(QStringLiteral("areas")).toArray()) {
        const QJsonObject a = value.toObject();
        areas.push_back(Area { a.value(QStringLiteral("id")).toInteger(), a.value(QStringLiteral("held")).toInteger(),
                               a.value(QStringLiteral("sold")).toInteger() });
    }
    // A different venue size (another event, a changed venue): a new baseline, nothing counted.
    if (m_haveSeats && seats.size() == m_seats.size()) {
        for (qsizetype i = 0; i < seats.size(); ++i) {
            const char before = m_seats[i];
            const char now = seats[i];
            if (now == before)
                continue;
            if (now == '1')
                ++m_totals.heldSeats;
            else if (now == '0' && before == '1')
                ++m_totals.releasedSeats;
            else if (now == '2')
                ++m_totals.tickets;
        }
        for (const Area& area : areas) {
            const auto old = std::find_if(m_areas.begin(), m_areas.end(), [&](const Area& a) { return a.id == area.id; });
            if (old == m_areas.end())
                continue;
            m_totals.heldSeats += quint64(std::max<qint64>(0, area.held - old->held));
            m_totals.tickets += quint64(std::max<qint64>(0, area.sold - old->sold));
        }
    }
    m_seats = seats;
    m_areas = std::move(areas);
    m_haveSeats = true;
    return true;
}

void EventSalesTracker::addOrders(const std::vector<std::pair<qint64, QString>>& amounts, int asked)
{
    for (const auto& [amount, currency] : amounts) {
        ++m_totals.orders;
        m_totals.revenueMinor += amount;
        if (!currency.isEmpty())
            m_currency = currency;
    }
    const int found = int(amounts.size());
    m_ordersBehind = asked > 0 && found == asked;
    // Ask for twice as many after a full round, one more than found otherwise.
    m_probes = m_ordersBehind ? std::min(kOrderProbesMax, asked * 2) : std::clamp(found + 1, 1, kOrderProbesMax);
}

void EventSalesTracker::fill(MetricsSample& sample, qint64 atMs, bool withOrders)
{
    m_totals.atMs = atMs;
    if (!m_history.empty() && atMs <= m_history.back().atMs)
        m_history.pop_back();
    m_history.push_back(m_totals);
    while (m_history.size() > 2 && m_history[1].atMs <= atMs - kRatioWindowMs)
        m_history.pop_front();

    sample.holdsPerSecond.reset();
    sample.ticketsPerSecond.reset();
    sample.expiriesPerSecond.reset();
    sample.abandonmentRatio.reset();
    sample.salesPerSecond.reset();
    sample.revenueMinor.reset();
    if (withOrders) {
        sample.revenueMinor = m_totals.revenueMinor;
        if (!m_currency.isEmpty())
            sample.currency = m_currency;
    }
    if (m_history.size() < 2)
        return;
    const Totals& before = m_history[m_history.size() - 2];
    const double seconds = double(atMs - before.atMs) / 1000.0;
    sample.holdsPerSecond = double(m_totals.heldSeats - before.heldSeats) / seconds;
    sample.ticketsPerSecond = double(m_totals.tickets - before.tickets) / seconds;
    sample.expiriesPerSecond = double(m_totals.releasedSeats - before.releasedSeats) / seconds;
    if (withOrders)
        sample.salesPerSecond = double(m_totals.orders - before.orders) / seconds;
    const Totals& window = m_history.front();
    const quint64 held = m_totals.heldSeats - window.heldSeats;
    if (held > 0)
        sample.abandonmentRatio = std::min(1.0, double(m_totals.releasedSeats - window.releasedSeats) / double(held));
}

} // namespace usher::ui
