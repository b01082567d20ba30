#include "payments/CircuitBreaker.h"

#include "core/Assert.h"

namespace usher {

CircuitBreaker::CircuitBreaker(CircuitBreakerOptions options)
    : m_options(options)
{
    USHER_ASSERT(m_options.failureThreshold >= 1);
    USHER_ASSERT(m_options.openCooldown.count() >= 0);
}

bool CircuitBreaker::tryAcquire(TimePoint now)
{
    switch (m_state) {
    case CircuitState::Closed: return true;
    case CircuitState::Open:
        if (now - m_openedAt < m_options.openCooldown)
            return false;
        m_state = CircuitState::HalfOpen;
        m_probeInFlight = true;
        m_probeStartedAt = now;
        return true;
    case CircuitState::HalfOpen:
        if (m_probeInFlight && now - m_probeStartedAt < m_options.openCooldown)
            return false;
        // No probe in flight (its report arrived as a success of an older attempt), or the probe
        // went silent: let one more through.
        m_probeInFlight = true;
        m_probeStartedAt = now;
        return true;
    }
    USHER_ASSERT(false);
    return false;
}

void CircuitBreaker::onSuccess(TimePoint now)
{
    (void)now;
    m_consecutiveFailures = 0;
    m_probeInFlight = false;
    m_state = CircuitState::Closed;
}

void CircuitBreaker::onFailure(TimePoint now)
{
    if (m_consecutiveFailures < UINT32_MAX)
        ++m_consecutiveFailures;
    switch (m_state) {
    case CircuitState::Closed:
        if (m_consecutiveFailures >= m_options.failureThreshold)
            open(now);
        break;
    case CircuitState::HalfOpen: open(now); break;
    case CircuitState::Open:
        // A late failure of an attempt sent before the circuit opened: restart the cool-down.
        m_openedAt = now;
        break;
    }
}

CircuitState CircuitBreaker::state(TimePoint now) const
{
    if (m_state == CircuitState::Open && now - m_openedAt >= m_options.openCooldown)
        return CircuitState::HalfOpen;
    return m_state;
}

void CircuitBreaker::open(TimePoint now)
{
    m_state = CircuitState::Open;
    m_openedAt = now;
    m_probeInFlight = false;
    ++m_timesOpened;
}

} // namespace usher
