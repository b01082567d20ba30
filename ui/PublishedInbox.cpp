#include "PublishedInbox.h"

namespace usher {

bool PublishedInbox::push(const Published& published)
{
    std::lock_guard lock(m_mutex);
    if (!m_overflow) {
        m_deltas += published.seats.size() + published.areas.size();
        if (m_deltas > m_deltasMax) {
            m_pending.clear();
            m_overflow = true;
        } else {
            m_pending.push_back(published);
        }
    }
    const bool post = !m_posted;
    m_posted = true;
    return post;
}

PublishedInbox::Taken PublishedInbox::take()
{
    Taken taken;
    {
        std::lock_guard lock(m_mutex);
        taken.batches.swap(m_pending);
        taken.reload = m_overflow;
        m_deltas = 0;
        m_posted = false;
        m_overflow = false;
    }
    // A reset makes everything before it moot: reload once, then apply what came after it.
    std::size_t from = 0;
    for (std::size_t i = 0; i < taken.batches.size(); ++i)
        if (taken.batches[i].reset)
            from = i + 1, taken.reload = true;
    taken.batches.erase(taken.batches.begin(), taken.batches.begin() + std::ptrdiff_t(from));
    return taken;
}

} // namespace usher
