#include "waitroom/WaitingRoom.h"

#include "core/Assert.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>

namespace usher {

namespace {

constexpr std::int16_t kScoreBase = 100;
constexpr std::int16_t kScoreVerified = 40;
constexpr std::int16_t kScorePaymentOnFile = 30;
constexpr std::int16_t kScorePerBotSignal = 40;
constexpr std::int16_t kScorePerViolation = 20;
constexpr std::int16_t kScorePerMissedBeat = 10;
constexpr std::int16_t kScoreMin = -1000;
constexpr std::int16_t kScoreMax = 1000;

std::int16_t clampScore(int score)
{
    return static_cast<std::int16_t>(std::clamp(score, int { kScoreMin }, int { kScoreMax }));
}

} // namespace

const char* queueStateName(QueueState state)
{
    switch (state) {
    case QueueState::PreQueue:
        return "prequeue";
    case QueueState::Waiting:
        return "waiting";
    case QueueState::Admitted:
        return "admitted";
    case QueueState::Finished:
        return "finished";
    case QueueState::Expired:
        return "expired";
    case QueueState::Left:
        return "left";
    case QueueState::Blocked:
        return "blocked";
    }
    return "unknown";
}

const char* waitStatusName(WaitStatus status)
{
    switch (status) {
    case WaitStatus::Ok:
        return "ok";
    case WaitStatus::Closed:
        return "closed";
    case WaitStatus::QueueFull:
        return "queue_full";
    case WaitStatus::ProofOfWorkRequired:
        return "proof_of_work_required";
    case WaitStatus::ProofOfWorkInvalid:
        return "proof_of_work_invalid";
    case WaitStatus::Blocked:
        return "blocked";
    case WaitStatus::TooManySessionsFromAddress:
        return "too_many_sessions_from_address";
    case WaitStatus::NotFound:
        return "not_found";
    case WaitStatus::PolledTooOften:
        return "polled_too_often";
    }
    return "unknown";
}

std::string validateWaitingRoomConfig(const WaitingRoomConfig& c)
{
    if (!std::isfinite(c.drainRatePerSecond) || c.drainRatePerSecond <= 0 || c.drainRatePerSecond > 1'000'000)
        return "the drain rate must be above 0 and at most 1,000,000 users/s";
    if (c.batchIntervalMs < 50 || c.batchIntervalMs > 60'000)
        return "the batch interval must be between 50 ms and 60 s";
    if (c.activeAdmittedMax < 1)
        return "at least one admitted session must be allowed";
    if (c.heartbeatIntervalMs < 1'000 || c.heartbeatIntervalMs > 300'000)
        return "the heartbeat interval must be between 1 s and 300 s";
    if (c.heartbeatsMissedMax < 1 || c.heartbeatsMissedMax > 100)
        return "the missed heartbeats allowed must be between 1 and 100";
    if (c.queueTtlMs < 60'000 || c.queueTtlMs > 24 * 3'600'000U)
        return "the queue TTL must be between 1 minute and 24 hours";
    if (c.admissionTtlMs < 10'000 || c.admissionTtlMs > 24 * 3'600'000U)
        return "the admission TTL must be between 10 s and 24 hours";
    if (c.bandSize < 1)
        return "the band size must be at least 1";
    if (c.sessionsPerAddressMax < 1)
        return "at least one session per address must be allowed";
    if (c.sessionsMax < 1 || c.sessionsMax > 50'000'000)
        return "the session limit must be between 1 and 50,000,000";
    if (c.powDifficultyBits > 32)
        return "the proof-of-work difficulty must be at most 32 bits";
    if (c.rateViolationsMax < 1 || c.rateViolationsMax > 255)
        return "the rate-limit violations allowed must be between 1 and 255";
    if (c.botSignalsMax < 1)
        return "the bot signals allowed must be at least 1";
    if (c.pollIntervalMinMs >= c.heartbeatIntervalMs)
        return "the minimum poll interval must be shorter than the heartbeat interval";
    return {};
}

WaitingRoom::WaitingRoom(EventId event, const WaitingRoomConfig& config, const AdmissionTokens* tokens,
                         ProofOfWork* pow, std::uint64_t shuffleSeed, Timestamp now)
    : m_event(event)
    , m_config(config)
    , m_tokens(tokens)
    , m_pow(pow)
    , m_shuffle(shuffleSeed)
    , m_byKey(1024)
    , m_byAddress(1024)
{
    USHER_ASSERT(validateWaitingRoomConfig(config).empty());
    USHER_ASSERT(tokens != nullptr);
    m_tree.push_back(0);
    m_creditAt = now;
    m_lastBatchAt = now;
    m_lastSweepAt = now;
}

std::string WaitingRoom::reconfigure(const WaitingRoomConfig& config, Timestamp now)
{
    std::string error = validateWaitingRoomConfig(config);
    if (!error.empty())
        return error;
    if (m_onsaleStarted && config.onsaleAt != m_config.onsaleAt)
        return "the onsale has started: its time can no longer change";
    if (config.powDifficultyBits > 0 && m_pow == nullptr)
        return "this server has no proof-of-work key";
    accrue(now);
    if (m_config.paused && !config.paused)
        m_lastBatchAt = now; // as setPaused(false): no burst for the paused time
    m_config = config;
    m_creditAt = now;
    return {};
}

void WaitingRoom::setPaused(bool paused, Timestamp now)
{
    accrue(now);
    if (m_config.paused && !paused)
        m_lastBatchAt = now; // batches resume a full interval after the resume, without a burst
    m_config.paused = paused;
    m_creditAt = now;
}

bool WaitingRoom::isLive(const Session& s) const
{
    return s.state == QueueState::PreQueue || s.state == QueueState::Waiting || s.state == QueueState::Admitted;
}

WaitingRoom::Session* WaitingRoom::find(const QueueKey& key, std::uint32_t* index)
{
    const std::uint32_t* found = m_byKey.find(key.lo);
    if (found == nullptr || !(m_sessions[*found].key == key))
        return nullptr;
    *index = *found;
    return &m_sessions[*found];
}

std::int16_t WaitingRoom::initialScore(const SessionSignals& signals) const
{
    int score = kScoreBase;
    if (signals.verifiedAccount)
        score += kScoreVerified;
    if (signals.paymentMethodOnFile)
        score += kScorePaymentOnFile;
    score -= kScorePerBotSignal * static_cast<int>(std::min<std::uint32_t>(signals.botSignals, 100));
    return clampScore(score);
}

QueueView WaitingRoom::join(const JoinRequest& request, Timestamp now)
{
    QueueView view;
    view.onsaleAt = m_config.onsaleAt;
    const auto refuse = [&](WaitStatus status, bool bot) {
        view.status = status;
        ++m_counts.joinsRefused;
        if (bot)
            ++m_counts.botsBlocked;
        return view;
    };
    if (!m_config.enabled) {
        view.status = WaitStatus::Closed;
        return view;
    }
    if (m_sessions.size() >= m_config.sessionsMax)
        return refuse(WaitStatus::QueueFull, false);
    if (m_config.powDifficultyBits > 0) {
        if (request.powChallenge.empty())
            return refuse(WaitStatus::ProofOfWorkRequired, false);
        view.powCheck = m_pow->verify(request.powChallenge, request.powNonce, m_config.powDifficultyBits, now);
        if (view.powCheck != PowCheck::Ok)
            return refuse(WaitStatus::ProofOfWorkInvalid, true);
    }
    if (request.signals.botSignals >= m_config.botSignalsMax)
        return refuse(WaitStatus::Blocked, true);
    const std::uint64_t address = request.address == 0 ? 1 : request.address;
    const std::uint32_t* perAddress = m_byAddress.find(address);
    if (perAddress != nullptr && *perAddress >= m_config.sessionsPerAddressMax)
        return refuse(WaitStatus::TooManySessionsFromAddress, true);

    if (!m_onsaleStarted && now >= m_config.onsaleAt)
        startOnsale(now);
    const auto index = static_cast<std::uint32_t>(m_sessions.size());
    Session session;
    for (bool inserted = false; !inserted;) {
        session.key = QueueKey::random();
        m_byKey.insert(session.key.lo, index, &inserted);
    }
    session.lastSeen = now;
    session.joinedAt = now;
    session.address = address;
    session.score = initialScore(request.signals);
    session.state = m_onsaleStarted ? QueueState::Waiting : QueueState::PreQueue;
    m_sessions.push_back(session);
    bool inserted = false;
    ++*m_byAddress.insert(address, 0, &inserted);
    ++m_counts.joined;
    if (m_onsaleStarted) {
        m_sessions[index].slot = appendSlot(index);
        const std::int64_t eta = etaFor(positionOf(index), now);
        m_sessions[index].admittedAt = eta < 0 ? 0 : now + eta * 1000;
    } else {
        m_sessions[index].slot = kNoSlot;
        m_prequeue.push_back(index);
        ++m_counts.prequeued;
    }
    return viewOf(index, now);
}

QueueView WaitingRoom::poll(const QueueKey& key, Timestamp now)
{
    return pollSession(key, now, true);
}

QueueView WaitingRoom::watch(const QueueKey& key, Timestamp now)
{
    return pollSession(key, now, false);
}

QueueView WaitingRoom::pollSession(const QueueKey& key, Timestamp now, bool rateChecked)
{
    std::uint32_t index = 0;
    Session* s = find(key, &index);
    if (s == nullptr) {
        QueueView view;
        view.status = WaitStatus::NotFound;
        view.onsaleAt = m_config.onsaleAt;
        return view;
    }
    if (!m_onsaleStarted && now >= m_config.onsaleAt)
        startOnsale(now);
    const bool queued = !expireIfDue(index, now)
        && (s->state == QueueState::PreQueue || s->state == QueueState::Waiting);
    if (queued && rateChecked && m_config.pollIntervalMinMs > 0
        && now - s->lastSeen < Timestamp { m_config.pollIntervalMinMs }) {
        reportRateLimitViolation(key, now);
        QueueView view = viewOf(index, now);
        if (view.status == WaitStatus::Ok)
            view.status = WaitStatus::PolledTooOften;
        return view;
    }
    if (queued)
        heartbeat(*s, now);
    return viewOf(index, now);
}

bool WaitingRoom::stateOf(const QueueKey& key, QueueState* state) const
{
    const std::uint32_t* found = m_byKey.find(key.lo);
    if (found == nullptr || !(m_sessions[*found].key == key))
        return false;
    *state = m_sessions[*found].state;
    return true;
}

void WaitingRoom::heartbeat(Session& s, Timestamp now)
{
    const Timestamp gap = now - s.lastSeen;
    const Timestamp interval = m_config.heartbeatIntervalMs;
    if (gap > interval + interval / 2) {
        const auto missed = static_cast<int>(std::min<Timestamp>(gap / interval, 100));
        s.score = clampScore(s.score - kScorePerMissedBeat * missed);
    }
    s.lastSeen = std::max(s.lastSeen, now);
}

WaitStatus WaitingRoom::leave(const QueueKey& key, Timestamp now)
{
    std::uint32_t index = 0;
    Session* s = find(key, &index);
    if (s == nullptr)
        return WaitStatus::NotFound;
    if (s->state == QueueState::Admitted)
        return finish(key, now);
    if (s->state == QueueState::PreQueue || s->state == QueueState::Waiting) {
        leaveQueue(index, QueueState::Left);
        ++m_counts.abandoned;
    }
    return WaitStatus::Ok;
}

WaitStatus WaitingRoom::finish(const QueueKey& key, Timestamp now)
{
    std::uint32_t index = 0;
    Session* s = find(key, &index);
    if (s == nullptr)
        return WaitStatus::NotFound;
    if (s->state == QueueState::PreQueue || s->state == QueueState::Waiting)
        return leave(key, now);
    if (s->state == QueueState::Admitted) {
        s->state = QueueState::Finished;
        --m_active;
        ++m_counts.finished;
        releaseAddress(s->address);
    }
    return WaitStatus::Ok;
}

WaitStatus WaitingRoom::reportRateLimitViolation(const QueueKey& key, Timestamp)
{
    std::uint32_t index = 0;
    Session* s = find(key, &index);
    if (s == nullptr)
        return WaitStatus::NotFound;
    if (s->violations < 255)
        ++s->violations;
    s->score = clampScore(s->score - kScorePerViolation);
    if (s->violations >= m_config.rateViolationsMax && isLive(*s))
        block(index);
    return WaitStatus::Ok;
}

void WaitingRoom::block(std::uint32_t index)
{
    Session& s = m_sessions[index];
    if (s.state == QueueState::Admitted) {
        --m_active;
        releaseAddress(s.address);
        s.state = QueueState::Blocked;
    } else {
        leaveQueue(index, QueueState::Blocked);
    }
    ++m_counts.botsBlocked;
}

void WaitingRoom::leaveQueue(std::uint32_t index, QueueState state)
{
    Session& s = m_sessions[index];
    USHER_ASSERT(s.state == QueueState::PreQueue || s.state == QueueState::Waiting);
    if (s.state == QueueState::Waiting) {
        treeAdd(s.slot, -1);
        --m_waiting;
    } else {
        --m_counts.prequeued;
    }
    releaseAddress(s.address);
    s.state = state;
}

void WaitingRoom::releaseAddress(std::uint64_t address)
{
    std::uint32_t* count = m_byAddress.find(address);
    USHER_ASSERT(count != nullptr && *count > 0);
    if (--*count == 0)
        m_byAddress.erase(address);
}

bool WaitingRoom::expireIfDue(std::uint32_t index, Timestamp now)
{
    Session& s = m_sessions[index];
    if (s.state == QueueState::Admitted) {
        if (now < s.admittedAt + Timestamp { m_config.admissionTtlMs })
            return false;
        s.state = QueueState::Finished;
        --m_active;
        ++m_counts.admissionsExpired;
        releaseAddress(s.address);
        return true;
    }
    if (s.state != QueueState::PreQueue && s.state != QueueState::Waiting)
        return false;
    if (now - s.joinedAt > Timestamp { m_config.queueTtlMs }) {
        leaveQueue(index, QueueState::Expired);
        ++m_counts.expiredTtl;
        return true;
    }
    if (now - s.lastSeen > Timestamp { m_config.heartbeatIntervalMs } * m_config.heartbeatsMissedMax) {
        leaveQueue(index, QueueState::Expired);
        ++m_counts.expiredHeartbeat;
        return true;
    }
    return false;
}

void WaitingRoom::startOnsale(Timestamp now)
{
    USHER_ASSERT(!m_onsaleStarted);
    m_onsaleStarted = true;
    // Fisher-Yates: every order of the pre-queue equally likely.
    for (std::size_t i = m_prequeue.size(); i > 1; --i)
        std::swap(m_prequeue[i - 1], m_prequeue[m_shuffle.below(i)]);
    for (const std::uint32_t index : m_prequeue) {
        Session& s = m_sessions[index];
        if (s.state != QueueState::PreQueue || expireIfDue(index, now))
            continue;
        s.state = QueueState::Waiting;
        --m_counts.prequeued;
        s.slot = appendSlot(index);
        const std::int64_t eta = etaFor(m_waiting, now);
        s.admittedAt = eta < 0 ? 0 : m_config.onsaleAt + eta * 1000;
    }
    m_prequeue.clear();
    m_prequeue.shrink_to_fit();
    // The drain starts at the onsale time, not at whichever call noticed it.
    const Timestamp start = std::max(m_config.onsaleAt, m_creditAt);
    m_creditAt = std::min(start, now);
    m_lastBatchAt = m_creditAt;
    m_credit = 0;
}

std::uint32_t WaitingRoom::appendSlot(std::uint32_t index)
{
    const auto slot = static_cast<std::uint32_t>(m_slotOwner.size());
    USHER_ASSERT(slot != kNoSlot);
    m_slotOwner.push_back(index);
    // The new Fenwick node covers (i - lowbit(i), i]: the slots before it in that range, plus itself.
    const std::uint32_t i = slot + 1;
    const std::uint32_t low = i & (~i + 1);
    const auto covered = treePrefix(i - 1) - treePrefix(i - low);
    m_tree.push_back(static_cast<std::uint32_t>(covered + 1));
    ++m_waiting;
    return slot;
}

void WaitingRoom::treeAdd(std::uint32_t slot, int delta)
{
    for (std::size_t i = std::size_t { slot } + 1; i < m_tree.size(); i += i & (~i + 1))
        m_tree[i] = static_cast<std::uint32_t>(static_cast<std::int64_t>(m_tree[i]) + delta);
}

std::uint64_t WaitingRoom::treePrefix(std::uint32_t slotsBefore) const
{
    std::uint64_t sum = 0;
    for (std::size_t i = slotsBefore; i > 0; i -= i & (~i + 1))
        sum += m_tree[i];
    return sum;
}

std::uint32_t WaitingRoom::treeFindNth(std::uint64_t n) const
{
    USHER_ASSERT(n >= 1 && n <= m_waiting);
    const std::size_t size = m_tree.size() - 1;
    std::size_t pos = 0;
    std::uint64_t remaining = n;
    for (std::size_t step = std::bit_floor(size); step > 0; step >>= 1) {
        if (pos + step <= size && m_tree[pos + step] < remaining) {
            pos += step;
            remaining -= m_tree[pos];
        }
    }
    return static_cast<std::uint32_t>(pos); // 1-based node pos + 1 is slot pos
}

std::uint64_t WaitingRoom::positionOf(std::uint32_t index) const
{
    const Session& s = m_sessions[index];
    USHER_ASSERT(s.state == QueueState::Waiting);
    if (m_bandNext < m_band.size() && s.slot <= m_bandLastSlot) {
        // In the head band, whose order is by score: count who is still ahead there.
        std::uint64_t ahead = 0;
        for (std::size_t i = m_bandNext; i < m_band.size() && m_band[i] != index; ++i)
            ahead += m_sessions[m_band[i]].state == QueueState::Waiting ? 1 : 0;
        return ahead + 1;
    }
    return treePrefix(s.slot) + 1;
}

std::int64_t WaitingRoom::etaFor(std::uint64_t position, Timestamp now) const
{
    if (m_config.paused)
        return -1;
    double seconds = static_cast<double>(position) / m_config.drainRatePerSecond;
    if (!m_onsaleStarted)
        seconds += static_cast<double>(std::max<Timestamp>(0, m_config.onsaleAt - now)) / 1000.0;
    return static_cast<std::int64_t>(std::ceil(seconds));
}

QueueView WaitingRoom::viewOf(std::uint32_t index, Timestamp now)
{
    const Session& s = m_sessions[index];
    QueueView view;
    view.status = m_config.enabled ? WaitStatus::Ok : WaitStatus::Closed;
    view.key = s.key;
    view.state = s.state;
    view.onsaleAt = m_config.onsaleAt;
    switch (s.state) {
    case QueueState::PreQueue:
        view.etaSeconds = (std::max<Timestamp>(0, m_config.onsaleAt - now) + 999) / 1000;
        break;
    case QueueState::Waiting:
        view.position = positionOf(index);
        view.etaSeconds = etaFor(view.position, now);
        break;
    case QueueState::Admitted:
        view.etaSeconds = 0;
        view.admissionExpiresAt = s.admittedAt + m_config.admissionTtlMs;
        view.admissionToken = m_tokens->issue({ m_event, s.key, view.admissionExpiresAt });
        break;
    default:
        break;
    }
    return view;
}

std::size_t WaitingRoom::tick(Timestamp now, std::vector<QueueKey>* admitted)
{
    if (!m_onsaleStarted && now >= m_config.onsaleAt)
        startOnsale(now);
    sweep(now);
    expireAdmissions(now);
    m_admittedKeys = admitted;
    const std::size_t count = drain(now);
    m_admittedKeys = nullptr;
    USHER_ASSERT(admitted == nullptr || admitted->size() >= count);
    return count;
}

void WaitingRoom::accrue(Timestamp now)
{
    if (m_onsaleStarted && !m_config.paused && now > m_creditAt)
        m_credit += m_config.drainRatePerSecond * static_cast<double>(now - m_creditAt) / 1000.0;
    m_creditAt = std::max(m_creditAt, now);
}

std::size_t WaitingRoom::drain(Timestamp now)
{
    if (!m_onsaleStarted || m_config.paused || !m_config.enabled)
        return 0;
    accrue(now);
    if (now - m_lastBatchAt < Timestamp { m_config.batchIntervalMs })
        return 0;
    m_lastBatchAt = now;
    const std::uint64_t room = m_config.activeAdmittedMax > m_active ? m_config.activeAdmittedMax - m_active : 0;
    const auto allowed = static_cast<std::uint64_t>(std::floor(m_credit));
    std::size_t admitted = 0;
    std::uint32_t index = 0;
    while (admitted < allowed && admitted < room && nextCandidate(&index)) {
        if (expireIfDue(index, now))
            continue;
        admit(index, now);
        ++admitted;
    }
    m_credit -= static_cast<double>(admitted);
    // Credit is not banked while nobody waits or the active limit binds: at most one batch's worth.
    m_credit = std::min(m_credit, std::max(1.0, m_config.drainRatePerSecond * m_config.batchIntervalMs / 1000.0));
    return admitted;
}

bool WaitingRoom::nextCandidate(std::uint32_t* index)
{
    for (;;) {
        while (m_bandNext < m_band.size()) {
            const std::uint32_t candidate = m_band[m_bandNext++];
            if (m_sessions[candidate].state == QueueState::Waiting) {
                *index = candidate;
                return true;
            }
        }
        if (m_waiting == 0)
            return false;
        // The next band: the first `bandSize` waiting sessions in position order, best score first.
        m_band.clear();
        m_bandNext = 0;
        for (std::uint32_t slot = treeFindNth(1); slot < m_slotOwner.size() && m_band.size() < m_config.bandSize;
             ++slot) {
            if (m_sessions[m_slotOwner[slot]].state == QueueState::Waiting) {
                m_band.push_back(m_slotOwner[slot]);
                m_bandLastSlot = slot;
            }
        }
        USHER_ASSERT(!m_band.empty());
        std::stable_sort(m_band.begin(), m_band.end(), [this](std::uint32_t a, std::uint32_t b) {
            return m_sessions[a].score > m_sessions[b].score;
        });
    }
}

void WaitingRoom::admit(std::uint32_t index, Timestamp now)
{
    Session& s = m_sessions[index];
    USHER_ASSERT(s.state == QueueState::Waiting);
    treeAdd(s.slot, -1);
    --m_waiting;
    if (s.admittedAt > 0) {
        const double error = std::abs(static_cast<double>(now - s.admittedAt)) / 1000.0;
        const double waited = static_cast<double>(now - std::max(s.joinedAt, m_config.onsaleAt)) / 1000.0;
        m_etaErrorSum += error;
        m_etaWithin += error <= std::max(5.0, 0.1 * waited) ? 1 : 0;
        ++m_counts.etaSamples;
    }
    s.state = QueueState::Admitted;
    s.admittedAt = now;
    ++m_active;
    ++m_counts.admitted;
    m_admittedFifo.push_back(index);
    if (m_admittedKeys != nullptr)
        m_admittedKeys->push_back(s.key);
    if (m_recordAdmissions)
        m_admissionOrder.push_back(index);
}

void WaitingRoom::expireAdmissions(Timestamp now)
{
    // Admission TTLs are equal, so admissions expire in admission order.
    while (m_admittedHead < m_admittedFifo.size()) {
        const std::uint32_t index = m_admittedFifo[m_admittedHead];
        if (m_sessions[index].state == QueueState::Admitted && !expireIfDue(index, now))
            break;
        ++m_admittedHead;
    }
    if (m_admittedHead > 4096 && m_admittedHead * 2 > m_admittedFifo.size()) {
        m_admittedFifo.erase(m_admittedFifo.begin(), m_admittedFifo.begin() + static_cast<std::ptrdiff_t>(m_admittedHead));
        m_admittedHead = 0;
    }
}

void WaitingRoom::sweep(Timestamp now)
{
    // Visits every session once per heartbeat interval, a slice per tick.
    if (m_sessions.empty() || now <= m_lastSweepAt)
        return;
    const double share = static_cast<double>(now - m_lastSweepAt) / m_config.heartbeatIntervalMs;
    const auto count = std::min<std::size_t>(
        m_sessions.size(), std::max<std::size_t>(64, static_cast<std::size_t>(std::ceil(share * static_cast<double>(m_sessions.size())))));
    m_lastSweepAt = now;
    for (std::size_t i = 0; i < count; ++i) {
        if (m_sweepCursor >= m_sessions.size())
            m_sweepCursor = 0;
        expireIfDue(static_cast<std::uint32_t>(m_sweepCursor++), now);
    }
}

WaitingRoomMetrics WaitingRoom::metrics() const
{
    WaitingRoomMetrics m = m_counts;
    m.depth = m_waiting;
    m.active = m_active;
    m.drainRatePerSecond = m_config.drainRatePerSecond;
    m.paused = m_config.paused;
    m.onsaleStarted = m_onsaleStarted;
    if (m.etaSamples > 0) {
        m.etaMeanAbsErrorSeconds = m_etaErrorSum / static_cast<double>(m.etaSamples);
        m.etaWithin10PercentShare = static_cast<double>(m_etaWithin) / static_cast<double>(m.etaSamples);
    }
    return m;
}

std::size_t WaitingRoom::memoryBytes() const
{
    return sizeof(*this) + m_sessions.capacity() * sizeof(Session) + m_byKey.memoryBytes()
        + m_byAddress.memoryBytes()
        + (m_prequeue.capacity() + m_slotOwner.capacity() + m_tree.capacity() + m_admittedFifo.capacity()
           + m_band.capacity() + m_admissionOrder.capacity())
        * sizeof(std::uint32_t);
}

std::string WaitingRoom::checkInvariants() const
{
    std::uint64_t waiting = 0, prequeued = 0, active = 0;
    std::map<std::uint64_t, std::uint32_t> live;
    std::vector<std::uint32_t> weights(m_slotOwner.size(), 0);
    for (std::uint32_t i = 0; i < m_sessions.size(); ++i) {
        const Session& s = m_sessions[i];
        const std::uint32_t* byKey = m_byKey.find(s.key.lo);
        if (byKey == nullptr || *byKey != i)
            return "session " + std::to_string(i) + " is not found by its key";
        if (s.state == QueueState::Waiting) {
            ++waiting;
            if (s.slot >= m_slotOwner.size() || m_slotOwner[s.slot] != i)
                return "waiting session " + std::to_string(i) + " does not own its slot";
            weights[s.slot] = 1;
        }
        prequeued += s.state == QueueState::PreQueue ? 1 : 0;
        active += s.state == QueueState::Admitted ? 1 : 0;
        if (isLive(s))
            ++live[s.address];
    }
    if (waiting != m_waiting || waiting != treePrefix(static_cast<std::uint32_t>(m_slotOwner.size())))
        return "the waiting count (" + std::to_string(m_waiting) + ") or the position tree disagrees with "
            + std::to_string(waiting) + " waiting sessions";
    std::uint64_t running = 0;
    for (std::uint32_t slot = 0; slot < weights.size(); ++slot) {
        running += weights[slot];
        if (treePrefix(slot + 1) != running)
            return "the position tree is wrong at slot " + std::to_string(slot);
    }
    if (prequeued != m_counts.prequeued)
        return "the pre-queue count is wrong";
    if (active != m_active)
        return "the active count is wrong";
    if (live.size() != m_byAddress.size())
        return "the address table has entries without live sessions";
    for (const auto& [address, count] : live) {
        const std::uint32_t* stored = m_byAddress.find(address);
        if (stored == nullptr || *stored != count)
            return "the live session count of an address is wrong";
    }
    return {};
}

} // namespace usher
