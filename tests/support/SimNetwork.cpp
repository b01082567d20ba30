#include "support/SimNetwork.h"

namespace usher::test {

SimNetwork::SimNetwork(std::uint64_t seed)
    : m_rng(seed)
{
}

Timestamp SimNetwork::delay(Timestamp now)
{
    const auto span = static_cast<std::uint64_t>(m_faults.delayMaxMs - m_faults.delayMinMs + 1);
    return now + m_faults.delayMinMs + static_cast<Timestamp>(m_rng.below(span));
}

void SimNetwork::schedule(SimDelivery delivery)
{
    delivery.serial = ++m_serial;
    m_queue.push(std::move(delivery));
}

bool SimNetwork::linkUp(int office, Timestamp now) const
{
    auto it = m_cutUntil.find(office);
    return it == m_cutUntil.end() || now >= it->second;
}

std::uint64_t SimNetwork::connect(int office, Timestamp now)
{
    const std::uint64_t id = m_nextConnection++;
    m_connections[id] = Connection { office, true };
    if (!linkUp(office, now)) {
        m_connections[id].open = false;
        schedule(SimDelivery { SimDelivery::Kind::Closed, delay(now), 0, id, office, office, {} });
        return id;
    }
    const Timestamp at = delay(now);
    schedule(SimDelivery { SimDelivery::Kind::Opened, at, 0, id, 0, office, {} });
    schedule(SimDelivery { SimDelivery::Kind::Opened, at + 1, 0, id, office, office, {} });
    return id;
}

void SimNetwork::send(std::uint64_t connection, int from, std::string text, Timestamp now)
{
    auto it = m_connections.find(connection);
    if (it == m_connections.end() || !it->second.open || !linkUp(it->second.office, now))
        return;
    if (m_rng.chance(m_faults.dropPercent))
        return;
    const int to = from == 0 ? it->second.office : 0;
    if (m_rng.chance(m_faults.duplicatePercent))
        schedule(SimDelivery { SimDelivery::Kind::Message, delay(now), 0, connection, to, it->second.office, text });
    schedule(
        SimDelivery { SimDelivery::Kind::Message, delay(now), 0, connection, to, it->second.office, std::move(text) });
}

void SimNetwork::closeConnection(std::uint64_t connection, int notify, Timestamp now)
{
    auto it = m_connections.find(connection);
    if (it == m_connections.end() || !it->second.open)
        return;
    it->second.open = false;
    if (notify >= 0)
        schedule(SimDelivery { SimDelivery::Kind::Closed, delay(now), 0, connection, notify, it->second.office, {} });
}

void SimNetwork::close(std::uint64_t connection, int from, Timestamp now)
{
    auto it = m_connections.find(connection);
    if (it == m_connections.end())
        return;
    closeConnection(connection, from == 0 ? it->second.office : 0, now);
}

void SimNetwork::cutLink(int office, Timestamp now, Timestamp until)
{
    m_cutUntil[office] = until;
    for (auto& [id, c] : m_connections)
        if (c.office == office && c.open) {
            c.open = false;
            schedule(SimDelivery { SimDelivery::Kind::Closed, delay(now), 0, id, 0, office, {} });
            schedule(SimDelivery { SimDelivery::Kind::Closed, delay(now), 0, id, office, office, {} });
        }
}

void SimNetwork::crash(int endpoint, Timestamp now)
{
    for (auto& [id, c] : m_connections)
        if (c.open && (endpoint == 0 || c.office == endpoint)) {
            c.open = false;
            schedule(SimDelivery {
                SimDelivery::Kind::Closed, delay(now), 0, id, endpoint == 0 ? c.office : 0, c.office, {} });
        }
}

std::vector<SimDelivery> SimNetwork::due(Timestamp now)
{
    std::vector<SimDelivery> out;
    while (!m_queue.empty() && m_queue.top().at <= now) {
        SimDelivery d = m_queue.top();
        m_queue.pop();
        // A message on a connection that closed meanwhile is lost, as on a real socket.
        if (d.kind == SimDelivery::Kind::Message) {
            auto it = m_connections.find(d.connection);
            if (it == m_connections.end() || !it->second.open)
                continue;
        }
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace usher::test
