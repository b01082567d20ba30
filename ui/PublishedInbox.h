#pragma once

// Carries an event's durable changes (Published, from the engine's committer thread) to the GUI
// thread: the engine side pushes and learns whether a drain must be posted; the GUI side takes
// everything at once. Bounded: past `deltasMax` seat and area changes waiting, the pending batches
// are dropped and the next take() says "reload" instead (a view re-reads the whole event rather
// than let memory grow without limit behind a stalled GUI). A reset from the engine means the same.
// Used by the seat list model and the seat map's feed.

#include "runtime/EventShard.h"

#include <cstddef>
#include <mutex>
#include <vector>

namespace usher {

class PublishedInbox {
public:
    explicit PublishedInbox(std::size_t deltasMax)
        : m_deltasMax(deltasMax)
    {
    }

    // Engine thread. True when no drain is queued yet: the caller posts one.
    bool push(const Published& published);

    struct Taken {
        std::vector<Published> batches; // in order, those after the last reset only
        bool reload = false;            // overflowed or reset: re-read the whole event first
    };
    // GUI thread.
    Taken take();

private:
    const std::size_t m_deltasMax;
    std::mutex m_mutex;
    std::vector<Published> m_pending;
    std::size_t m_deltas = 0;
    bool m_posted = false;   // a drain is queued on the GUI thread
    bool m_overflow = false; // pending was dropped; the drain reloads
};

} // namespace usher
