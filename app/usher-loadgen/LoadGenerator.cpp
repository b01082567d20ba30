#include "LoadGenerator.h"

#include "LoadStats.h"
#include "waitroom/ProofOfWork.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace usher::loadgen {

namespace {

constexpr std::uint32_t kSystem = 0xffffffffU; // requests of the run itself (metrics, availability)
constexpr int kRetriesMax = 5;                 // 503s and 429s a step retries before the user gives up
constexpr std::uint32_t kMapTriesMax = 12;     // holds of seats picked on the map before a buyer gives up

QString tr(const char* text)
{
    return QCoreApplication::translate("usher-loadgen", text);
}

QJsonObject jsonOf(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray stringOf(const QJsonObject& o, const char* name)
{
    return o.value(QLatin1String(name)).toString().toUtf8();
}

// The admission time the server put into the token: its expiry minus the admission TTL. The token
// is "v1.<payload>.<mac>"; the payload is event, session (hi, lo) and expiry, little-endian u64s.
std::int64_t tokenExpiryMs(const QByteArray& token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return -1;
    const QByteArray payload
        = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (payload.size() != 32)
        return -1;
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | static_cast<std::uint8_t>(payload[24 + i]);
    return static_cast<std::int64_t>(value);
}

constexpr std::int64_t kAdmissionTtlMs = 300'000;

} // namespace

enum class LoadGenerator::Step : std::uint8_t {
    Arrive,
    Session,
    Challenge,
    Join,
    Poll,
    Map,
    Hold,
    Pay,
    Release,
    Leave,
    BotPoll,
    BotHold,
    BotLatePoll,
    FinalPoll,
    CheckOrder,
    RoomMetrics,
    Pause,
};

const char* LoadGenerator::stepName(Step step)
{
    static constexpr const char* kNames[]
        = { "arrive",        "session",    "challenge",   "join",         "poll",     "map",
            "hold",          "pay",        "release",     "leave",        "bot poll", "bot hold",
            "bot late poll", "final poll", "order check", "room metrics", "pause" };
    const auto index = std::size_t(step);
    return index < std::size(kNames) ? kNames[index] : "?";
}

struct LoadGenerator::User {
    QByteArray bearer;
    QByteArray queueId;
    QByteArray token;
    QByteArray holdId;
    std::int64_t admittedAtMs = -1; // server wall clock, from the token
    std::uint32_t joinOrder = 0;
    std::uint8_t seats = 2;
    std::uint8_t tries = 0;   // hold attempts
    std::uint8_t retries = 0; // 503/429 retries of the current step
    std::uint8_t hammer = 0;  // bot polls and hold attempts left
    std::uint8_t botSignals = 0;
    bool bot = false;
    bool picks = false;
    bool abandons = false;
    bool verified = false;
    bool paymentOnFile = false;
    bool solvesPow = true;
    bool afterOnsale = false;
    bool admitted = false;
    bool done = false;
};

QJsonObject LoadSummary::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("users")] = double(users);
    o[QStringLiteral("bots")] = double(bots);
    o[QStringLiteral("elapsedMs")] = double(elapsedMs);
    o[QStringLiteral("finished")] = finished;
    o[QStringLiteral("admittedServer")] = double(admittedServer);
    o[QStringLiteral("admittedReal")] = double(admittedReal);
    o[QStringLiteral("admittedBots")] = double(admittedBots);
    o[QStringLiteral("botAdmissionShare")] = botAdmissionShare;
    o[QStringLiteral("sales")] = double(sales);
    o[QStringLiteral("seatsSold")] = double(seatsSold);
    o[QStringLiteral("capacity")] = double(capacity);
    o[QStringLiteral("soldOut")] = soldOut;
    o[QStringLiteral("sellOutMs")] = double(sellOutMs);
    o[QStringLiteral("fairnessSpearman")] = fairness;
    o[QStringLiteral("fairnessSample")] = double(fairnessSample);
    o[QStringLiteral("holds")] = double(holds);
    o[QStringLiteral("conflicts")] = double(conflicts);
    o[QStringLiteral("tooManyRequests")] = double(tooManyRequests);
    o[QStringLiteral("abandoned")] = double(abandoned);
    o[QStringLiteral("holdsLeftOpen")] = double(holdsLeftOpen);
    o[QStringLiteral("expiredReal")] = double(expiredReal);
    o[QStringLiteral("blockedBots")] = double(blockedBots);
    o[QStringLiteral("botsRefused")] = double(botsRefused);
    o[QStringLiteral("ordersChecked")] = double(ordersChecked);
    o[QStringLiteral("seatsInOrders")] = double(seatsInOrders);
    o[QStringLiteral("availabilitySold")] = double(availabilitySold);
    o[QStringLiteral("oversells")] = double(oversells);
    o[QStringLiteral("countMismatches")] = double(countMismatches);
    o[QStringLiteral("protocolErrors")] = double(protocolErrors);
    o[QStringLiteral("firstProtocolError")] = QString::fromStdString(firstProtocolError);
    o[QStringLiteral("requests")] = double(requests);
    o[QStringLiteral("shed")] = double(shed);
    o[QStringLiteral("reconnects")] = double(reconnects);
    if (cacheRead) {
        o[QStringLiteral("availabilityCacheHits")] = double(availabilityHits);
        o[QStringLiteral("availabilityCacheMisses")] = double(availabilityMisses);
        o[QStringLiteral("availabilityCacheHitRatio")] = availabilityHitRatio();
    }
    return o;
}

LoadGenerator::LoadGenerator(const LoadOptions& options)
    : m_options(options)
    , m_random(options.seed)
{
    if (m_options.onsaleAfterMs < 0)
        m_options.onsaleAfterMs = m_options.rampMs / 4;
}

LoadGenerator::~LoadGenerator() = default;

// One request on a fresh connection, waiting for the answer: set-up and the final reads only.
bool LoadGenerator::blocking(const QByteArray& method, const QByteArray& path, const QByteArray& body, int* status,
                             QByteArray* answer)
{
    QTcpSocket socket;
    socket.connectToHost(m_options.host, m_options.port);
    if (!socket.waitForConnected(5'000))
        return false;
    QByteArray text = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!m_options.adminToken.isEmpty())
        text += "Authorization: Bearer " + m_options.adminToken + "\r\n";
    if (!body.isEmpty())
        text += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    socket.write(text + "\r\n" + body);
    QByteArray in;
    while (socket.waitForReadyRead(30'000) || socket.bytesAvailable() > 0)
        in += socket.readAll();
    in += socket.readAll();
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    *status = in.mid(in.indexOf(' ') + 1, 3).toInt();
    *answer = in.mid(end + 4);
    return true;
}

bool LoadGenerator::readCacheCounters(std::uint64_t* hits, std::uint64_t* misses)
{
    int status = 0;
    QByteArray body;
    if (!blocking("GET", "/metrics", {}, &status, &body) || status != 200)
        return false;
    // Prometheus text: `usherd_cache_hits_total{cache="availability"} 123`.
    bool foundHits = false;
    bool foundMisses = false;
    for (const QByteArray& line : body.split('\n')) {
        const bool isHits = line.startsWith("usherd_cache_hits_total{cache=\"availability\"} ");
        const bool isMisses = line.startsWith("usherd_cache_misses_total{cache=\"availability\"} ");
        if (!isHits && !isMisses)
            continue;
        bool ok = false;
        const double value = line.mid(line.lastIndexOf(' ') + 1).toDouble(&ok);
        if (!ok || value < 0)
            return false;
        (isHits ? *hits : *misses) = std::uint64_t(value);
        (isHits ? foundHits : foundMisses) = true;
    }
    return foundHits && foundMisses;
}

bool LoadGenerator::prepare(std::string* error)
{
    const QByteArray eventPath = "/api/events/" + QByteArray::number(quint64(m_options.event));
    int status = 0;
    QByteArray body;
    if (!blocking("GET", eventPath, {}, &status, &body) || status != 200) {
        *error = tr("cannot read event %1 from %2:%3 (HTTP %4): is usherd running, and is the event id right?")
                     .arg(m_options.event)
                     .arg(m_options.host.toString())
                     .arg(m_options.port)
                     .arg(status)
                     .toStdString();
        return false;
    }
    const QJsonObject venue = jsonOf(body).value(QLatin1String("venue")).toObject();
    m_categories = std::max<std::uint32_t>(1, std::uint32_t(venue.value(QLatin1String("categories")).toArray().size()));
    for (const QJsonValue& section : venue.value(QLatin1String("sections")).toArray())
        for (const QJsonValue& row : section.toObject().value(QLatin1String("rows")).toArray())
            for (const QJsonValue& seat : row.toObject().value(QLatin1String("seats")).toArray())
                m_seatIds.push_back(std::uint32_t(seat.toObject().value(QLatin1String("id")).toDouble()));
    if (!blocking("GET", eventPath + "/availability", {}, &status, &body) || status != 200) {
        *error = tr("cannot read the availability of event %1").arg(m_options.event).toStdString();
        return false;
    }
    const QByteArray states = stringOf(jsonOf(body), "seats");
    if (m_seatIds.empty() || states.size() != qsizetype(m_seatIds.size())) {
        *error = tr("event %1 has no numbered seats (usher-loadgen sells seated events only)")
                     .arg(m_options.event)
                     .toStdString();
        return false;
    }
    m_summary.capacity = std::uint64_t(states.count('0'));
    m_cacheReadAtStart = readCacheCounters(&m_cacheHitsAtStart, &m_cacheMissesAtStart);
    std::uint32_t maxSeat = 0;
    for (std::uint32_t id : m_seatIds)
        maxSeat = std::max(maxSeat, id);
    m_seatOwners.assign(std::size_t(maxSeat) + 1, 0);

    m_startWallMs = QDateTime::currentMSecsSinceEpoch();
    QJsonObject settings;
    settings[QStringLiteral("enabled")] = true;
    settings[QStringLiteral("paused")] = false;
    settings[QStringLiteral("onsaleAtMs")] = double(m_startWallMs + m_options.onsaleAfterMs);
    settings[QStringLiteral("drainRatePerSecond")] = m_options.drainRatePerSecond;
    settings[QStringLiteral("batchIntervalMs")] = 100;
    settings[QStringLiteral("activeAdmittedMax")] = double(m_options.activeAdmittedMax);
    settings[QStringLiteral("heartbeatIntervalMs")] = double(m_options.heartbeatIntervalMs);
    settings[QStringLiteral("heartbeatsMissedMax")] = 2;
    settings[QStringLiteral("pollIntervalMinMs")] = double(pollIntervalMinMs());
    settings[QStringLiteral("powDifficultyBits")] = double(m_options.powDifficultyBits);
    settings[QStringLiteral("admissionTtlMs")] = double(kAdmissionTtlMs);
    settings[QStringLiteral("sessionsPerAddressMax")] = double(m_options.users) * 2 + 10; // all from loopback
    settings[QStringLiteral("sessionsMax")] = std::max(2'000'000.0, double(m_options.users) * 2);
    settings[QStringLiteral("bandSize")] = double(m_options.bandSize);
    settings[QStringLiteral("rateViolationsMax")] = 5;
    settings[QStringLiteral("botSignalsMax")] = 3;
    m_roomSettings = QJsonDocument(settings).toJson(QJsonDocument::Compact);
    if (!blocking("PUT", eventPath + "/waiting-room", m_roomSettings, &status, &body) || status != 200) {
        *error = tr("cannot set up the waiting room (HTTP %1: %2); an admin token (--admin-token) is needed, and "
                    "a room whose onsale has started cannot be reused: use a fresh event or --spawn-usherd")
                     .arg(status)
                     .arg(QString::fromUtf8(body.left(300)))
                     .toStdString();
        return false;
    }
    return true;
}

void LoadGenerator::start(std::function<void(const LoadSummary&)> done)
{
    m_done = std::move(done);
    m_users.resize(m_options.users);
    std::bernoulli_distribution bot(m_options.botShare), abandon(m_options.abandonShare), pick(m_options.pickShare),
        half(0.5);
    std::uniform_int_distribution<int> seats(2, 4), signals(0, 9);
    for (User& u : m_users) {
        u.bot = bot(m_random);
        u.seats = std::uint8_t(seats(m_random));
        u.picks = pick(m_random);
        u.abandons = abandon(m_random);
        u.verified = half(m_random);
        u.paymentOnFile = half(m_random);
        u.solvesPow = !u.bot || half(m_random);
        const int s = signals(m_random); // bots: 0 (40 %), 1 (30 %), 2 (20 %), 3 = refused (10 %)
        u.botSignals = u.bot ? std::uint8_t(s < 4 ? 0 : s < 7 ? 1 : s < 9 ? 2 : 3) : 0;
        m_summary.bots += u.bot ? 1 : 0;
    }
    m_summary.users = m_options.users;
    m_pool = std::make_unique<HttpPool>(
        m_options.host, m_options.port, m_options.connections, 4'096,
        [this](const HttpCall& call, HttpAnswer&& answer) { onAnswer(call, std::move(answer)); });
    m_clock.start();
    // The room's onsale time is on the wall clock from prepare(); keep the same offset here.
    m_onsaleMs = m_startWallMs + m_options.onsaleAfterMs - QDateTime::currentMSecsSinceEpoch();
    m_timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { timerTick(); });
    m_timer.start(5);
}

void LoadGenerator::timerTick()
{
    const std::int64_t now = nowMs();
    if (!m_stopping) {
        const auto n = std::uint64_t(m_options.users);
        while (m_nextArrival < m_options.users
               && std::int64_t(std::uint64_t(m_options.rampMs) * m_nextArrival / std::max<std::uint64_t>(1, n)) <= now)
            arrive(m_nextArrival++);
    }
    while (!m_due.empty() && m_due.top().first <= now) {
        const std::uint64_t packed = m_due.top().second;
        m_due.pop();
        const auto step = Step(packed & 0xff);
        if (!m_stopping || step == Step::FinalPoll)
            run(std::uint32_t(packed >> 8), step);
    }
    if (now >= m_nextReportMs) {
        m_nextReportMs += 1'000;
        report();
    }
    if (!m_stopping && ((m_nextArrival == m_options.users && m_active == 0) || now >= m_options.durationMaxMs))
        finishRun();
    if (m_stopping && !m_checking && m_pool->busy() == 0 && m_pool->queued() == 0)
        beginChecks();
    if (m_checking && m_checksPending == 0)
        summarize();
}

void LoadGenerator::arrive(std::uint32_t index)
{
    ++m_active;
    run(index, Step::Session);
}

void LoadGenerator::at(std::int64_t delayMs, std::uint32_t index, Step step)
{
    m_due.emplace(nowMs() + std::max<std::int64_t>(0, delayMs), (std::uint64_t(index) << 8) | std::uint8_t(step));
}

void LoadGenerator::request(std::uint32_t index, Step step, const QByteArray& method, const QByteArray& path,
                            const QByteArray& body, const QByteArray& headers)
{
    HttpCall call;
    call.method = method;
    call.path = path;
    call.body = body;
    call.headers = headers;
    call.user = index;
    call.step = std::uint8_t(step);
    // A bot that got through buys like anyone else: its holds and payments must not be shed.
    const bool low = index != kSystem && m_users[index].bot && !m_users[index].admitted && step != Step::FinalPoll;
    m_pool->send(std::move(call), low ? HttpPool::Priority::Low : HttpPool::Priority::High);
}

void LoadGenerator::run(std::uint32_t index, Step step)
{
    User& u = m_users[index];
    const QByteArray eventPath = "/api/events/" + QByteArray::number(quint64(m_options.event));
    const QByteArray auth = "Authorization: Bearer " + u.bearer + "\r\n";
    switch (step) {
    case Step::Session: return request(index, step, "POST", "/api/sessions");
    case Step::Challenge: return request(index, step, "GET", eventPath + "/queue/challenge");
    case Step::Join: // without a proof of work: only bots
        return request(index, step, "POST", eventPath + "/queue",
                       "{\"botSignals\":" + QByteArray::number(u.botSignals) + "}");
    case Step::Poll:
    case Step::BotPoll:
    case Step::BotLatePoll:
    case Step::FinalPoll: return request(index, step, "GET", "/api/queue/" + u.queueId);
    case Step::Map: return request(index, step, "GET", eventPath + "/availability");
    case Step::Hold: return hold(u, index);
    case Step::Pay:
        return request(index, step, "POST", "/api/holds/" + u.holdId + "/purchase",
                       "{\"payment\":{\"token\":\"tok_ok\"},\"buyer\":{\"name\":\"Load " + QByteArray::number(index)
                           + "\"}}",
                       auth + "X-Admission-Token: " + u.token + "\r\n");
    case Step::Release: return request(index, step, "DELETE", "/api/holds/" + u.holdId, {}, auth);
    case Step::Leave: return request(index, step, "DELETE", "/api/queue/" + u.queueId);
    case Step::BotHold:
        return request(index, step, "POST", eventPath + "/holds", "{\"bestAvailable\":{\"quantity\":4,\"category\":0}}",
                       auth + "Idempotency-Key: bot-" + QByteArray::number(index) + "-" + QByteArray::number(u.hammer)
                           + "\r\n");
    case Step::Arrive:
    case Step::CheckOrder:
    case Step::RoomMetrics:
    case Step::Pause: break;
    }
}

void LoadGenerator::join(std::uint32_t index, const QJsonObject& challenge)
{
    User& u = m_users[index];
    const QByteArray text = stringOf(challenge, "challenge");
    const auto bits = unsigned(challenge.value(QLatin1String("difficultyBits")).toDouble());
    std::uint64_t nonce = 0;
    if (bits > 0 && !ProofOfWork::solves(text.toStdString(), 0, bits)
        && !ProofOfWork::solve(text.toStdString(), bits, 0, 1ULL << 32, &nonce))
        return protocolError(&u, Step::Challenge, HttpAnswer { 200, "unsolvable challenge" });
    QJsonObject body;
    body[QStringLiteral("verifiedAccount")] = u.verified;
    body[QStringLiteral("paymentMethodOnFile")] = u.paymentOnFile;
    body[QStringLiteral("botSignals")] = int(u.botSignals);
    body[QStringLiteral("powChallenge")] = QString::fromUtf8(text);
    body[QStringLiteral("powNonce")] = double(nonce);
    request(index, Step::Join, "POST", "/api/events/" + QByteArray::number(quint64(m_options.event)) + "/queue",
            QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void LoadGenerator::onAnswer(const HttpCall& call, HttpAnswer&& answer)
{
    const auto step = Step(call.step);
    if (call.user == kSystem) {
        if (step == Step::RoomMetrics && answer.status == 200)
            m_roomMetrics = jsonOf(answer.body).value(QLatin1String("metrics")).toObject();
        if (step == Step::Pause && answer.status != 200)
            protocolError(nullptr, step, answer);
        return;
    }
    if (step == Step::FinalPoll || step == Step::CheckOrder)
        return finalAnswer(call.user, step, answer);
    User& u = m_users[call.user];
    if (answer.status == 429)
        ++m_summary.tooManyRequests;
    if (answer.status == 409)
        ++m_summary.conflicts;
    if (u.done)
        return;
    if (m_stopping && step != Step::Pay)
        return; // the run is over: only a purchase in flight still counts
    if (answer.status == 0)
        return protocolError(&u, step, answer);
    if (answer.status == -1) { // shed: a bot's request the pool had no room for; the bot gives up
        if (u.bot)
            return done(u);
    }
    if (u.bot && !u.admitted)
        return botAnswer(u, call.user, step, answer);
    realAnswer(u, call.user, step, answer);
}

void LoadGenerator::done(User& u)
{
    if (u.done)
        return;
    u.done = true;
    --m_active;
    u.bearer.clear();
    u.holdId.clear();
}

// `u` is null for the run's own requests.
void LoadGenerator::protocolError(User* u, Step step, const HttpAnswer& a)
{
    ++m_summary.protocolErrors;
    if (m_summary.firstProtocolError.empty())
        m_summary.firstProtocolError = std::string(stepName(step)) + " of "
            + (u == nullptr ? "the run"
                   : u->bot ? "a bot"
                            : "a buyer")
            + ": HTTP " + std::to_string(a.status) + " " + a.body.left(200).toStdString();
    if (u != nullptr)
        done(*u);
}

// A retryable answer (503, 429): the step runs again a little later, a few times, then the user
// gives up. True when the answer was one.
bool LoadGenerator::retried(User& u, std::uint32_t index, Step step, const HttpAnswer& a)
{
    if (a.status != 503 && !(a.status == 429 && step != Step::Poll))
        return false;
    if (++u.retries > kRetriesMax)
        done(u);
    else
        at(500, index, step);
    return true;
}

void LoadGenerator::realAnswer(User& u, std::uint32_t index, Step step, const HttpAnswer& a)
{
    std::uniform_int_distribution<std::int64_t> think(m_options.thinkMs / 2, m_options.thinkMs * 3 / 2);
    if (retried(u, index, step, a))
        return;
    u.retries = 0;
    switch (step) {
    case Step::Session:
        if (a.status != 201)
            return protocolError(&u, step, a);
        u.bearer = stringOf(jsonOf(a.body), "token");
        return run(index, Step::Challenge);
    case Step::Challenge:
        if (a.status != 200)
            return protocolError(&u, step, a);
        return join(index, jsonOf(a.body));
    case Step::Join: {
        if (a.status != 201)
            return protocolError(&u, step, a);
        const QJsonObject view = jsonOf(a.body);
        u.queueId = stringOf(view, "queueId");
        u.joinOrder = m_joinOrder++;
        u.afterOnsale = stringOf(view, "state") == "waiting";
        return polled(u, index, view);
    }
    case Step::Poll:
        if (a.status == 200)
            return polled(u, index, jsonOf(a.body));
        if (a.status == 429)
            return at(pollIntervalMinMs() + 100, index, Step::Poll);
        if (a.status == 410 || a.status == 403) {
            m_summary.expiredReal += u.bot ? 0 : 1;
            return done(u);
        }
        return protocolError(&u, step, a);
    case Step::Map:
        if (a.status != 200)
            return protocolError(&u, step, a);
        return holdFromMap(u, index, a.body);
    case Step::Hold:
        if (a.status == 409 || a.status == 422)
            return holdFailed(u, index);
        if (a.status != 201)
            return protocolError(&u, step, a);
        ++m_summary.holds;
        ++m_holdsThisSecond;
        u.holdId = stringOf(jsonOf(a.body), "holdId");
        return at(think(m_random), index, u.abandons ? Step::Release : Step::Pay);
    case Step::Pay: {
        if (a.status != 200)
            return protocolError(&u, step, a);
        const QJsonObject order = jsonOf(a.body);
        Order o;
        o.id = stringOf(order, "orderId");
        for (const QJsonValue& t : order.value(QLatin1String("tickets")).toArray())
            o.seats.push_back(std::uint32_t(t.toObject().value(QLatin1String("seat")).toDouble()));
        ++m_summary.sales;
        m_summary.seatsSold += o.seats.size();
        m_orders.push_back(std::move(o));
        if (m_summary.sellOutMs < 0 && m_summary.seatsSold >= m_summary.capacity)
            soldOut();
        return done(u);
    }
    case Step::Release:
        if (a.status != 200)
            return protocolError(&u, step, a);
        ++m_summary.abandoned;
        return run(index, Step::Leave);
    case Step::Leave:
        if (a.status != 204)
            return protocolError(&u, step, a);
        return done(u);
    default: return protocolError(&u, step, a);
    }
}

void LoadGenerator::polled(User& u, std::uint32_t index, const QJsonObject& view)
{
    if (view.value(QLatin1String("admitted")).toBool()) {
        u.admitted = true;
        u.token = stringOf(view, "admissionToken");
        const std::int64_t expiry = tokenExpiryMs(u.token);
        u.admittedAtMs = expiry < 0 ? -1 : expiry - kAdmissionTtlMs;
        std::uniform_int_distribution<std::int64_t> think(m_options.thinkMs / 2, m_options.thinkMs * 3 / 2);
        u.tries = u.picks ? std::uint8_t(m_categories) : 0;
        return at(think(m_random), index, u.tries > 0 ? Step::Map : Step::Hold);
    }
    if (m_summary.soldOut && !u.bot) // the site says sold out: real users leave the queue
        return run(index, Step::Leave);
    // Poll when the ETA says the turn is near, at least once a heartbeat interval, at most once a second.
    const double eta = view.value(QLatin1String("etaSeconds")).toDouble(-1);
    const auto heartbeat = std::int64_t(m_options.heartbeatIntervalMs);
    const std::int64_t soonest = std::min(pollIntervalMinMs() + 100, heartbeat * 8 / 10);
    std::int64_t delay = eta < 0 ? heartbeat * 8 / 10 : std::int64_t(eta * 1000.0);
    delay = std::clamp<std::int64_t>(delay, soonest, heartbeat * 8 / 10);
    std::uniform_int_distribution<std::int64_t> jitter(0, 300);
    at(delay + jitter(m_random), index, Step::Poll);
}

// Best available in one category after another (together first), then seats picked on the map.
void LoadGenerator::hold(User& u, std::uint32_t index)
{
    const QByteArray body = "{\"bestAvailable\":{\"quantity\":" + QByteArray::number(u.seats) + ",\"category\":"
        + QByteArray::number(u.tries % m_categories) + ",\"together\":" + (u.tries == 0 ? "true" : "false") + "}}";
    request(index, Step::Hold, "POST", "/api/events/" + QByteArray::number(quint64(m_options.event)) + "/holds", body,
            "Authorization: Bearer " + u.bearer + "\r\nX-Admission-Token: " + u.token + "\r\nIdempotency-Key: h"
                + QByteArray::number(u.tries) + "\r\n");
}

void LoadGenerator::holdFromMap(User& u, std::uint32_t index, const QByteArray& availability)
{
    const QByteArray states = stringOf(jsonOf(availability), "seats");
    if (states.size() != qsizetype(m_seatIds.size()))
        return protocolError(&u, Step::Map, HttpAnswer { 200, "availability does not match the venue" });
    std::uniform_int_distribution<qsizetype> start(0, states.size() - 1);
    const qsizetype from = start(m_random);
    QByteArray seats;
    int found = 0;
    for (qsizetype i = 0; i < states.size() && found < u.seats; ++i) {
        const qsizetype at = (from + i) % states.size();
        if (states[at] != '0')
            continue;
        seats += (found++ ? "," : "") + QByteArray::number(m_seatIds[std::size_t(at)]);
    }
    if (found == 0) {
        // Only held seats left: abandoned holds come back, so wait a little for them; nothing held
        // either: sold out, this buyer goes home.
        if (states.contains('1') && ++u.tries < m_categories + kMapTriesMax)
            return at(1'000, index, Step::Map);
        return run(index, Step::Leave);
    }
    request(index, Step::Hold, "POST", "/api/events/" + QByteArray::number(quint64(m_options.event)) + "/holds",
            "{\"seats\":[" + seats + "]}",
            "Authorization: Bearer " + u.bearer + "\r\nX-Admission-Token: " + u.token + "\r\nIdempotency-Key: h"
                + QByteArray::number(u.tries) + "\r\n");
}

void LoadGenerator::holdFailed(User& u, std::uint32_t index)
{
    ++u.tries;
    if (u.tries < m_categories)
        return run(index, Step::Hold);
    if (u.tries < m_categories + kMapTriesMax)
        return at(200, index, Step::Map);
    run(index, Step::Leave); // could not get seats
}

void LoadGenerator::botAnswer(User& u, std::uint32_t index, Step step, const HttpAnswer& a)
{
    const auto lateMs = std::int64_t(m_options.heartbeatIntervalMs) * 3;
    switch (step) {
    case Step::Session:
        if (a.status != 201)
            return done(u);
        u.bearer = stringOf(jsonOf(a.body), "token");
        return run(index, u.solvesPow ? Step::Challenge : Step::Join);
    case Step::Challenge:
        if (a.status != 200)
            return done(u);
        return join(index, jsonOf(a.body));
    case Step::Join:
        if (a.status == 201) {
            const QJsonObject view = jsonOf(a.body);
            u.queueId = stringOf(view, "queueId");
            // 1 to 7 polls 50 ms apart: each one a rate-limit violation; five of them block the bot.
            u.hammer = std::uint8_t(std::uniform_int_distribution<int>(2, 8)(m_random));
            return at(50, index, Step::BotPoll);
        }
        if (a.status != 403 && a.status != 503)
            return protocolError(&u, step, a);
        ++m_summary.botsRefused;
        u.hammer = 2;
        return run(index, Step::BotHold); // refused: hammer the holds anyway
    case Step::BotPoll:
        if (a.status == 200 && jsonOf(a.body).value(QLatin1String("admitted")).toBool())
            return polled(u, index, jsonOf(a.body));
        if (a.status == 403) {
            ++m_summary.blockedBots;
            return done(u);
        }
        if (a.status == 410) // its poll came so late (queued behind other bots) that the place was lost
            return done(u);
        if (a.status != 200 && a.status != 429 && a.status != -1)
            return protocolError(&u, step, a);
        if (--u.hammer > 1)
            return at(50, index, Step::BotPoll);
        return run(index, Step::BotHold);
    case Step::BotHold:
        if (a.status != 403 && a.status != 401 && a.status != 429 && a.status != -1)
            return protocolError(&u, step, a);
        if (u.hammer > 0 && --u.hammer > 0)
            return at(200, index, Step::BotHold);
        if (u.queueId.isEmpty())
            return done(u);
        return at(lateMs, index, Step::BotLatePoll); // skips the heartbeats in between
    case Step::BotLatePoll:
        if (a.status == 200 && jsonOf(a.body).value(QLatin1String("admitted")).toBool())
            return polled(u, index, jsonOf(a.body));
        if (a.status == 403)
            ++m_summary.blockedBots;
        return done(u);
    default: return protocolError(&u, step, a);
    }
}

// Every seat is sold: the operator closes the queue (pauses the drain), as a site would show "sold
// out"; later admissions would only let people through to nothing. Buyers still queued leave.
void LoadGenerator::soldOut()
{
    m_summary.soldOut = true;
    m_summary.sellOutMs = nowMs() - m_onsaleMs;
    HttpCall call;
    call.method = "PUT";
    call.path = "/api/events/" + QByteArray::number(quint64(m_options.event)) + "/waiting-room";
    call.headers = "Authorization: Bearer " + m_options.adminToken + "\r\n";
    call.body = "{\"paused\":true}";
    call.user = kSystem;
    call.step = std::uint8_t(Step::Pause);
    m_pool->send(std::move(call), HttpPool::Priority::High);
}

void LoadGenerator::report()
{
    HttpCall call;
    call.method = "GET";
    call.path = "/api/events/" + QByteArray::number(quint64(m_options.event)) + "/waiting-room";
    call.headers = "Authorization: Bearer " + m_options.adminToken + "\r\n";
    call.user = kSystem;
    call.step = std::uint8_t(Step::RoomMetrics);
    if (!m_stopping)
        m_pool->send(std::move(call), HttpPool::Priority::High);
    m_holdsLastSecond = m_holdsThisSecond;
    m_holdsThisSecond = 0;
    const auto metric
        = [this](const char* name) { return qint64(m_roomMetrics.value(QLatin1String(name)).toDouble()); };
    std::FILE* out = m_options.json ? stderr : stdout;
    std::fprintf(out, "%s\n",
                 tr("t=%1s arrived=%2 queue=%3 prequeue=%4 admitted=%5 active=%6 holds/s=%7 sales=%8 seats=%9/%10 "
                    "conflicts=%11 429s=%12 in-flight=%13 queued=%14")
                     .arg(nowMs() / 1000)
                     .arg(m_nextArrival)
                     .arg(metric("depth"))
                     .arg(metric("prequeued"))
                     .arg(metric("admitted"))
                     .arg(metric("active"))
                     .arg(m_holdsLastSecond)
                     .arg(m_summary.sales)
                     .arg(m_summary.seatsSold)
                     .arg(m_summary.capacity)
                     .arg(m_summary.conflicts)
                     .arg(m_summary.tooManyRequests)
                     .arg(m_pool->busy())
                     .arg(m_pool->queued())
                     .toLocal8Bit()
                     .constData());
    std::fflush(out);
}

void LoadGenerator::finishRun()
{
    m_stopping = true;
    m_summary.elapsedMs = nowMs();
    m_summary.finished = m_nextArrival == m_options.users && m_active == 0;
    // Pause the drain: from here on admissions are final, and every session's fate can be read.
    int status = 0;
    QByteArray body;
    if (!blocking("PUT", "/api/events/" + QByteArray::number(quint64(m_options.event)) + "/waiting-room",
                  "{\"paused\":true}", &status, &body)
        || status != 200)
        protocolError(nullptr, Step::RoomMetrics, HttpAnswer { status, body });
}

void LoadGenerator::beginChecks()
{
    m_checking = true;
    for (std::uint32_t i = 0; i < m_users.size(); ++i) {
        const User& u = m_users[i];
        if (!u.queueId.isEmpty() && !u.admitted) {
            ++m_checksPending;
            run(i, Step::FinalPoll);
        }
    }
    const QByteArray auth = "Authorization: Bearer " + m_options.adminToken + "\r\n";
    for (std::size_t i = 0; i < m_orders.size(); ++i) {
        HttpCall call;
        call.method = "GET";
        call.path = "/api/orders/" + m_orders[i].id;
        call.headers = auth;
        call.user = std::uint32_t(i);
        call.step = std::uint8_t(Step::CheckOrder);
        ++m_checksPending;
        m_pool->send(std::move(call), HttpPool::Priority::High);
    }
}

void LoadGenerator::finalAnswer(std::uint32_t index, Step step, const HttpAnswer& a)
{
    if (step == Step::FinalPoll) {
        User& u = m_users[index];
        if (a.status == 429 && u.retries++ < kRetriesMax) // polled too recently
            return at(pollIntervalMinMs() + 100, index, Step::FinalPoll);
        --m_checksPending;
        const QJsonObject o = jsonOf(a.body);
        const bool admitted = (a.status == 200 && o.value(QLatin1String("admitted")).toBool())
            || (a.status == 410
                && o.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString()
                    == QLatin1String("admission_finished"));
        u.admitted = u.admitted || admitted;
        if (u.admitted && !u.token.isEmpty() && u.admittedAtMs < 0)
            u.admittedAtMs = tokenExpiryMs(u.token) - kAdmissionTtlMs;
        if (a.status == 200 && o.value(QLatin1String("admitted")).toBool() && u.admittedAtMs < 0) {
            u.token = stringOf(o, "admissionToken");
            u.admittedAtMs = tokenExpiryMs(u.token) - kAdmissionTtlMs;
        }
        if (a.status != 200 && a.status != 410 && a.status != 403 && a.status != 429)
            protocolError(&u, step, a);
        return;
    }
    --m_checksPending;
    Order& order = m_orders[index];
    if (a.status != 200)
        return protocolError(nullptr, step, a);
    ++m_summary.ordersChecked;
    std::vector<std::uint32_t> seats;
    for (const QJsonValue& t : jsonOf(a.body).value(QLatin1String("tickets")).toArray())
        if (t.toObject().value(QLatin1String("status")).toString() == QLatin1String("valid"))
            seats.push_back(std::uint32_t(t.toObject().value(QLatin1String("seat")).toDouble()));
    std::vector<std::uint32_t> expected = order.seats;
    std::sort(seats.begin(), seats.end());
    std::sort(expected.begin(), expected.end());
    if (seats != expected)
        protocolError(nullptr, step, HttpAnswer { a.status, "order " + order.id + " reads back other seats" });
    for (const std::uint32_t seat : seats) {
        ++m_summary.seatsInOrders;
        if (seat >= m_seatOwners.size())
            continue;
        if (m_seatOwners[seat] != 0)
            ++m_summary.oversells; // one seat in two orders
        m_seatOwners[seat] = std::uint32_t(index + 1);
    }
}

void LoadGenerator::summarize()
{
    m_timer.stop();
    m_checking = false;
    LoadSummary& s = m_summary;
    int status = 0;
    QByteArray body;
    const QByteArray eventPath = "/api/events/" + QByteArray::number(quint64(m_options.event));
    if (blocking("GET", eventPath + "/availability", {}, &status, &body) && status == 200) {
        s.availabilitySold = std::uint64_t(stringOf(jsonOf(body), "seats").count('2'));
        if (s.availabilitySold != s.seatsInOrders)
            ++s.countMismatches; // sold on the map and sold in our orders must agree
    } else {
        protocolError(nullptr, Step::Map, HttpAnswer { status, body });
    }
    if (s.seatsInOrders != s.seatsSold)
        ++s.countMismatches;
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    if (m_cacheReadAtStart && readCacheCounters(&hits, &misses) && hits >= m_cacheHitsAtStart
        && misses >= m_cacheMissesAtStart) {
        s.cacheRead = true;
        s.availabilityHits = hits - m_cacheHitsAtStart;
        s.availabilityMisses = misses - m_cacheMissesAtStart;
    }
    if (blocking("GET", eventPath + "/waiting-room", {}, &status, &body) && status == 200)
        s.admittedServer = std::uint64_t(
            jsonOf(body).value(QLatin1String("metrics")).toObject().value(QLatin1String("admitted")).toDouble());
    std::vector<double> arrival, admission;
    for (const User& u : m_users) {
        if (!u.admitted)
            continue;
        (u.bot ? s.admittedBots : s.admittedReal) += 1;
        if (!u.bot && u.afterOnsale && u.admittedAtMs >= 0) {
            arrival.push_back(double(u.joinOrder));
            admission.push_back(double(u.admittedAtMs));
        }
    }
    const std::uint64_t admitted = s.admittedReal + s.admittedBots;
    s.botAdmissionShare = admitted == 0 ? 0 : double(s.admittedBots) / double(admitted);
    s.fairnessSample = arrival.size();
    s.fairness = spearman(arrival, admission);
    s.holdsLeftOpen = s.holds - std::min(s.holds, s.sales + s.abandoned);
    s.requests = m_pool->requests();
    s.shed = m_pool->shed();
    s.reconnects = m_pool->reconnects();
    m_done(s);
}

} // namespace usher::loadgen
