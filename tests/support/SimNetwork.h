#pragma once

// A deterministic network between one central node (endpoint 0) and box offices (1..n) for the
// sync simulation. Connections are opened by a box office; every message may be dropped,
// duplicated and delayed (so reordered, even within one connection, which TCP would not do); a
// link can be cut for a while (its connections close, new ones fail); a crashed endpoint's
// connections close. Events come out in (time, serial) order, so a seed replays exactly.

#include "core/Random.h"
#include "core/Types.h"

#include <queue>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace usher::test {

struct SimFaults {
    std::uint32_t dropPercent = 0;
    std::uint32_t duplicatePercent = 0;
    std::int64_t delayMinMs = 1;
    std::int64_t delayMaxMs = 1;
};

struct SimDelivery {
    enum class Kind : std::uint8_t { Opened, Closed, Message };
    Kind kind = Kind::Message;
    Timestamp at = 0;
    std::uint64_t serial = 0;
    std::uint64_t connection = 0;
    int to = 0; // 0: central, else the box office
    int office = 0;
    std::string text;
};

class SimNetwork {
public:
    explicit SimNetwork(std::uint64_t seed);

    void setFaults(const SimFaults& faults) { m_faults = faults; }
    // A box office opens a connection: both ends get Opened after a delay, or the office gets
    // Closed when its link is cut.
    std::uint64_t connect(int office, Timestamp now);
    void send(std::uint64_t connection, int from, std::string text, Timestamp now);
    // Either end closes: the other end learns it after a delay; the closing end knows already.
    void close(std::uint64_t connection, int from, Timestamp now);
    void cutLink(int office, Timestamp now, Timestamp until);
    bool linkUp(int office, Timestamp now) const;
    // An endpoint crashed: its connections are gone (the peers learn it after a delay).
    void crash(int endpoint, Timestamp now);
    std::vector<SimDelivery> due(Timestamp now);
    bool idle() const { return m_queue.empty(); }

private:
    struct Connection {
        int office = 0;
        bool open = true;
    };
    struct Later {
        bool operator()(const SimDelivery& a, const SimDelivery& b) const
        {
            return a.at != b.at ? a.at > b.at : a.serial > b.serial;
        }
    };

    Timestamp delay(Timestamp now);
    void schedule(SimDelivery delivery);
    void closeConnection(std::uint64_t connection, int notify, Timestamp now);

    Prng m_rng;
    SimFaults m_faults;
    std::map<std::uint64_t, Connection> m_connections;
    std::map<int, Timestamp> m_cutUntil;
    std::priority_queue<SimDelivery, std::vector<SimDelivery>, Later> m_queue;
    std::uint64_t m_nextConnection = 1;
    std::uint64_t m_serial = 0;
};

} // namespace usher::test
