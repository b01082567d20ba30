#include "net/WaitingRoomService.h"

#include "core/Random.h"
#include "net/ApiSupport.h"
#include "net/Log.h"
#include "runtime/Clock.h"
#include "waitroom/CapacityPlanner.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace usher::net {

namespace {

constexpr const char* kKeyFile = "waitroom.key";
constexpr const char* kSettingsFile = "waiting-rooms.json";

// A new or renamed file is durable once its directory entry is: fsync the directory too.
void syncDirectory(const std::string& directory)
{
    const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

bool readKey(const std::string& path, AdmissionTokens::Key* key, bool* exists, std::string* error)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *exists = false;
        if (errno == ENOENT)
            return true;
        *error = path + ": " + std::strerror(errno);
        return false;
    }
    *exists = true;
    std::uint8_t buffer[AdmissionTokens::kKeyBytes + 1];
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    ::close(fd);
    if (got != static_cast<ssize_t>(AdmissionTokens::kKeyBytes)) {
        *error = path + " is damaged (" + std::to_string(got < 0 ? 0 : got)
            + " bytes, 32 expected): restore it from a backup, or delete it to start with a new key "
              "(every admission token issued so far becomes invalid)";
        return false;
    }
    std::memcpy(key->data(), buffer, key->size());
    return true;
}

bool writeKey(const std::string& directory, const std::string& path, const AdmissionTokens::Key& key,
              std::string* error)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = path + ": " + std::strerror(errno);
        return false;
    }
    const bool written = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!written) {
        ::unlink(path.c_str());
        *error = path + ": " + std::strerror(savedErrno);
        return false;
    }
    syncDirectory(directory);
    return true;
}

std::uint64_t addressHash(std::string_view remote)
{
    // "1.2.3.4:5678" or "[::1]:5678": the address without the port.
    const std::size_t colon = remote.rfind(':');
    if (colon != std::string_view::npos && (remote.find('.') != std::string_view::npos || remote.starts_with('[')))
        remote = remote.substr(0, colon);
    const std::uint64_t hash = std::hash<std::string_view> {}(remote);
    return hash == 0 ? 1 : hash;
}

std::string number(double value)
{
    char text[40];
    if (std::floor(value) == value && std::abs(value) < 1e15)
        std::snprintf(text, sizeof text, "%.0f", value);
    else
        std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

bool integerField(const QJsonValue& value, double max, std::uint64_t* out)
{
    if (!value.isDouble())
        return false;
    const double v = value.toDouble();
    if (!(v >= 0) || v > max || std::floor(v) != v)
        return false;
    *out = static_cast<std::uint64_t>(v);
    return true;
}

// Merges the fields of `body` into *config. Empty when it worked; otherwise the 400's message.
std::string mergeSettings(const QJsonObject& body, WaitingRoomConfig* config)
{
    struct U32Field {
        const char* name;
        std::uint32_t WaitingRoomConfig::* member;
    };
    static constexpr U32Field kU32Fields[] = {
        { "batchIntervalMs", &WaitingRoomConfig::batchIntervalMs },
        { "activeAdmittedMax", &WaitingRoomConfig::activeAdmittedMax },
        { "heartbeatIntervalMs", &WaitingRoomConfig::heartbeatIntervalMs },
        { "heartbeatsMissedMax", &WaitingRoomConfig::heartbeatsMissedMax },
        { "queueTtlMs", &WaitingRoomConfig::queueTtlMs },
        { "admissionTtlMs", &WaitingRoomConfig::admissionTtlMs },
        { "bandSize", &WaitingRoomConfig::bandSize },
        { "sessionsPerAddressMax", &WaitingRoomConfig::sessionsPerAddressMax },
        { "sessionsMax", &WaitingRoomConfig::sessionsMax },
        { "powDifficultyBits", &WaitingRoomConfig::powDifficultyBits },
        { "rateViolationsMax", &WaitingRoomConfig::rateViolationsMax },
        { "botSignalsMax", &WaitingRoomConfig::botSignalsMax },
        { "pollIntervalMinMs", &WaitingRoomConfig::pollIntervalMinMs },
    };
    for (auto it = body.begin(); it != body.end(); ++it) {
        const std::string name = it.key().toStdString();
        const QJsonValue value = it.value();
        const U32Field* field = nullptr;
        for (const U32Field& f : kU32Fields)
            if (name == f.name)
                field = &f;
        std::uint64_t integer = 0;
        if (field != nullptr) {
            if (!integerField(value, 4294967295.0, &integer))
                return name + " must be a whole number from 0 to 4294967295";
            config->*(field->member) = static_cast<std::uint32_t>(integer);
        } else if (name == "enabled" || name == "paused") {
            if (!value.isBool())
                return name + " must be true or false";
            (name == "enabled" ? config->enabled : config->paused) = value.toBool();
        } else if (name == "drainRatePerSecond") {
            if (!value.isDouble())
                return "drainRatePerSecond must be a number";
            config->drainRatePerSecond = value.toDouble();
        } else if (name == "onsaleAtMs") {
            if (!integerField(value, 9e15, &integer))
                return "onsaleAtMs must be milliseconds since 1970 (a whole number)";
            config->onsaleAt = static_cast<Timestamp>(integer);
        } else if (name == "onsaleAt") {
            const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
            if (!value.isString() || !at.isValid() || at.timeSpec() == Qt::LocalTime)
                return "onsaleAt must be an ISO 8601 time with a zone, e.g. 2026-12-01T10:00:00Z";
            config->onsaleAt = at.toMSecsSinceEpoch();
        } else if (name == "capacity") {
            // The capacity planner: R = 0.8 × C / T, unless drainRatePerSecond is given too.
            const QJsonObject capacity = value.toObject();
            CapacityInputs in;
            in.concurrentPurchaseSessions = capacity.value(QStringLiteral("concurrentPurchaseSessions")).toDouble(-1);
            in.averagePurchaseSeconds = capacity.value(QStringLiteral("averagePurchaseSeconds")).toDouble(-1);
            std::string error = value.isObject() ? validateCapacityInputs(in) : "capacity must be an object";
            if (!error.empty())
                return "capacity: " + error;
            if (!body.contains(QStringLiteral("drainRatePerSecond")))
                config->drainRatePerSecond = planCapacity(in).drainRatePerSecond;
        } else {
            return "unknown field '" + name + "'";
        }
    }
    return {};
}

std::string settingsJson(EventId event, const WaitingRoomConfig& c, const WaitingRoomMetrics* m)
{
    std::string body = "{\"event\":" + std::to_string(event) + ",\"enabled\":" + (c.enabled ? "true" : "false")
        + ",\"paused\":" + (c.paused ? "true" : "false") + ",\"onsaleAt\":\"" + isoTime(c.onsaleAt)
        + "\",\"onsaleAtMs\":" + std::to_string(c.onsaleAt) + ",\"drainRatePerSecond\":" + number(c.drainRatePerSecond)
        + ",\"batchIntervalMs\":" + std::to_string(c.batchIntervalMs)
        + ",\"activeAdmittedMax\":" + std::to_string(c.activeAdmittedMax)
        + ",\"heartbeatIntervalMs\":" + std::to_string(c.heartbeatIntervalMs)
        + ",\"heartbeatsMissedMax\":" + std::to_string(c.heartbeatsMissedMax)
        + ",\"queueTtlMs\":" + std::to_string(c.queueTtlMs) + ",\"admissionTtlMs\":" + std::to_string(c.admissionTtlMs)
        + ",\"bandSize\":" + std::to_string(c.bandSize)
        + ",\"sessionsPerAddressMax\":" + std::to_string(c.sessionsPerAddressMax)
        + ",\"sessionsMax\":" + std::to_string(c.sessionsMax)
        + ",\"powDifficultyBits\":" + std::to_string(c.powDifficultyBits)
        + ",\"rateViolationsMax\":" + std::to_string(c.rateViolationsMax)
        + ",\"botSignalsMax\":" + std::to_string(c.botSignalsMax)
        + ",\"pollIntervalMinMs\":" + std::to_string(c.pollIntervalMinMs);
    if (m != nullptr) {
        body += ",\"metrics\":{\"depth\":" + std::to_string(m->depth) + ",\"prequeued\":" + std::to_string(m->prequeued)
            + ",\"joined\":" + std::to_string(m->joined) + ",\"admitted\":" + std::to_string(m->admitted)
            + ",\"active\":" + std::to_string(m->active) + ",\"finished\":" + std::to_string(m->finished)
            + ",\"abandoned\":" + std::to_string(m->abandoned)
            + ",\"expiredHeartbeat\":" + std::to_string(m->expiredHeartbeat)
            + ",\"expiredTtl\":" + std::to_string(m->expiredTtl)
            + ",\"admissionsExpired\":" + std::to_string(m->admissionsExpired)
            + ",\"botsBlocked\":" + std::to_string(m->botsBlocked)
            + ",\"joinsRefused\":" + std::to_string(m->joinsRefused)
            + ",\"onsaleStarted\":" + (m->onsaleStarted ? "true" : "false")
            + ",\"etaSamples\":" + std::to_string(m->etaSamples)
            + ",\"etaMeanAbsErrorSeconds\":" + number(m->etaMeanAbsErrorSeconds)
            + ",\"etaWithin10PercentShare\":" + number(m->etaWithin10PercentShare) + "}";
    }
    return body + "}";
}

// How a session that is out of the queue is answered (poll) and told (WebSocket push).
struct SessionEnd {
    int status;
    const char* code;
    const char* message;
};

SessionEnd sessionEnd(QueueState state)
{
    switch (state) {
    case QueueState::Blocked:
        return { 403, "blocked", "this session was blocked for bot signals" };
    case QueueState::Expired:
        return { 410, "queue_expired",
                 "this place in the queue was lost (missed heartbeats or the queue's time limit): join again" };
    case QueueState::Left:
        return { 410, "queue_left", "this session left the queue" };
    case QueueState::Finished:
        return { 410, "admission_finished", "this admission is used up or expired" };
    case QueueState::PreQueue:
    case QueueState::Waiting:
    case QueueState::Admitted:
        break;
    }
    return { 500, "internal", "unexpected queue state" };
}

// A watched session is refreshed (and so heartbeated) at least twice per heartbeat interval.
Timestamp watchRefreshMs(const WaitingRoomConfig& config)
{
    return std::min<Timestamp>(WaitingRoomService::kWatchRefreshMs, config.heartbeatIntervalMs / 2);
}

std::shared_ptr<const std::string> wsError(std::string_view queueId, const char* code, const char* message)
{
    std::string text = "{\"type\":\"error\",\"queueId\":\"";
    appendJsonEscaped(text, queueId.substr(0, 80));
    text += std::string("\",\"error\":{\"code\":\"") + code + "\",\"message\":\"" + message + "\"}}";
    return std::make_shared<const std::string>(std::move(text));
}

} // namespace

std::string waitingRoomQueueId(EventId event, const QueueKey& key)
{
    return std::to_string(event) + "-" + key.toString();
}

std::unique_ptr<WaitingRoomService> WaitingRoomService::open(const std::string& dataDirectory, Timestamp now,
                                                             std::string* error)
{
    const std::string path = dataDirectory + "/" + kKeyFile;
    AdmissionTokens::Key key {};
    bool exists = false;
    if (!readKey(path, &key, &exists, error))
        return nullptr;
    if (!exists) {
        key = AdmissionTokens::randomKey();
        if (!writeKey(dataDirectory, path, key, error))
            return nullptr;
    }
    auto service = std::make_unique<WaitingRoomService>(key);
    service->m_settingsPath = dataDirectory + "/" + kSettingsFile;
    if (!service->loadSettings(now, error))
        return nullptr;
    return service;
}

bool WaitingRoomService::loadSettings(Timestamp now, std::string* error)
{
    QFile file(QString::fromStdString(m_settingsPath));
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = m_settingsPath + ": " + file.errorString().toStdString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonValue rooms = document.object().value(QStringLiteral("rooms"));
    if (parseError.error != QJsonParseError::NoError || !rooms.isArray()) {
        *error = m_settingsPath + " is damaged (not {\"rooms\": [...]}); restore it or delete it (every waiting room "
                                  "is then off)";
        return false;
    }
    for (const QJsonValue& value : rooms.toArray()) {
        QJsonObject fields = value.toObject();
        std::uint64_t event = 0;
        const bool hasEvent = integerField(fields.value(QStringLiteral("event")), 9e15, &event);
        fields.remove(QStringLiteral("event"));
        fields.remove(QStringLiteral("onsaleAt")); // onsaleAtMs is exact
        WaitingRoomConfig config;
        std::string problem = hasEvent ? mergeSettings(fields, &config) : "a room without an event id";
        if (problem.empty())
            problem = validateWaitingRoomConfig(config);
        if (!problem.empty()) {
            *error = m_settingsPath + ": " + problem;
            return false;
        }
        std::uint64_t seed = 0;
        secureRandom(&seed, sizeof seed);
        auto room = std::make_unique<Room>();
        room->room = std::make_unique<WaitingRoom>(event, config, &m_tokens, &m_pow, seed, now);
        m_rooms[event] = std::move(room);
    }
    return true;
}

bool WaitingRoomService::saveSettings(std::string* error) const
{
    if (m_settingsPath.empty())
        return true;
    std::string body = "{\"rooms\":[";
    bool first = true;
    for (const auto& [event, room] : m_rooms) {
        std::lock_guard lock(room->mutex);
        body += (first ? "\n" : ",\n") + settingsJson(event, room->room->config(), nullptr);
        first = false;
    }
    body += "\n]}\n";
    // Write a new file and rename it over the old one: a crash leaves either the old or the new.
    const std::string temporary = m_settingsPath + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    bool ok = fd >= 0 && ::write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size()) && ::fsync(fd) == 0;
    const int savedErrno = errno;
    if (fd >= 0)
        ::close(fd);
    ok = ok && ::rename(temporary.c_str(), m_settingsPath.c_str()) == 0;
    if (!ok) {
        *error = m_settingsPath + ": " + std::strerror(savedErrno != 0 ? savedErrno : errno);
        ::unlink(temporary.c_str());
        return false;
    }
    syncDirectory(m_settingsPath.substr(0, m_settingsPath.rfind('/')));
    return true;
}

WaitingRoomService::WaitingRoomService(const AdmissionTokens::Key& key)
    : m_tokens(key)
    , m_pow(key)
{
}

WaitingRoomService::Room* WaitingRoomService::find(EventId event) const
{
    std::shared_lock lock(m_roomsMutex);
    const auto it = m_rooms.find(event);
    return it == m_rooms.end() ? nullptr : it->second.get();
}

bool WaitingRoomService::enabled(EventId event) const
{
    Room* room = find(event);
    if (room == nullptr)
        return false;
    std::lock_guard lock(room->mutex);
    return room->room->config().enabled;
}

TokenCheck WaitingRoomService::checkToken(EventId event, const Principal& principal, std::string_view admissionToken,
                                          Timestamp now) const
{
    if (principal.role != Role::Buyer)
        return TokenCheck::Ok; // staff sell at the counter and manage events: no queue
    Room* room = find(event);
    if (room == nullptr)
        return TokenCheck::Ok;
    std::lock_guard lock(room->mutex);
    if (!room->room->config().enabled)
        return TokenCheck::Ok;
    AdmissionClaims claims;
    const TokenCheck check = m_tokens.check(admissionToken, event, now, &claims);
    if (check != TokenCheck::Ok)
        return check;
    // A session blocked after its admission loses it; a session this process does not know (issued
    // before a restart) keeps it, since the token is genuine.
    QueueState state = QueueState::Admitted;
    return room->room->stateOf(claims.session, &state) && state == QueueState::Blocked ? TokenCheck::Forged
                                                                                       : TokenCheck::Ok;
}

bool WaitingRoomService::admits(EventId event, const Principal& principal, std::string_view admissionToken) const
{
    return checkToken(event, principal, admissionToken, systemClockNow()) == TokenCheck::Ok;
}

HttpResponse WaitingRoomService::getSettings(EventId event) const
{
    Room* room = find(event);
    if (room == nullptr) {
        WaitingRoomConfig defaults;
        defaults.enabled = false;
        return jsonResponse(200, settingsJson(event, defaults, nullptr));
    }
    std::lock_guard lock(room->mutex);
    const WaitingRoomMetrics m = room->room->metrics();
    return jsonResponse(200, settingsJson(event, room->room->config(), &m));
}

HttpResponse WaitingRoomService::putSettings(EventId event, std::string_view body, Timestamp now)
{
    QJsonParseError parseError;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray(body.data(), static_cast<qsizetype>(body.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return errorResponse(400, "invalid_json", "the body must be a JSON object");
    std::unique_lock lock(m_roomsMutex);
    auto it = m_rooms.find(event);
    WaitingRoomConfig config;
    if (it != m_rooms.end()) {
        std::lock_guard roomLock(it->second->mutex);
        config = it->second->room->config();
    } else {
        config.onsaleAt = now;
    }
    if (std::string error = mergeSettings(document.object(), &config); !error.empty())
        return errorResponse(400, "invalid_settings", error);
    if (std::string error = validateWaitingRoomConfig(config); !error.empty())
        return errorResponse(422, "invalid_settings", error);
    std::string error;
    if (it == m_rooms.end()) {
        std::uint64_t seed = 0;
        secureRandom(&seed, sizeof seed);
        auto room = std::make_unique<Room>();
        room->room = std::make_unique<WaitingRoom>(event, config, &m_tokens, &m_pow, seed, now);
        it = m_rooms.emplace(event, std::move(room)).first;
        if (!saveSettings(&error)) {
            m_rooms.erase(it);
            return errorResponse(503, "storage_failed", "the settings could not be saved: " + error);
        }
    } else {
        WaitingRoomConfig before;
        {
            std::lock_guard roomLock(it->second->mutex);
            before = it->second->room->config();
            if (error = it->second->room->reconfigure(config, now); !error.empty())
                return errorResponse(409, "settings_conflict", error);
        }
        if (!saveSettings(&error)) {
            std::lock_guard roomLock(it->second->mutex);
            it->second->room->reconfigure(before, now); // back to what is on disk
            return errorResponse(503, "storage_failed", "the settings could not be saved: " + error);
        }
    }
    std::lock_guard roomLock(it->second->mutex);
    const WaitingRoomMetrics m = it->second->room->metrics();
    return jsonResponse(200, settingsJson(event, it->second->room->config(), &m));
}

HttpResponse WaitingRoomService::challenge(EventId event, Timestamp now)
{
    Room* room = find(event);
    unsigned difficulty = 0;
    if (room != nullptr) {
        std::lock_guard lock(room->mutex);
        difficulty = room->room->config().powDifficultyBits;
    }
    return jsonResponse(200, "{\"challenge\":\"" + m_pow.challenge(now) + "\",\"difficultyBits\":"
                                 + std::to_string(difficulty) + ",\"validForMs\":"
                                 + std::to_string(m_pow.challengeTtlMs())
                                 + ",\"algorithm\":\"sha256(challenge + ':' + decimal nonce) has difficultyBits "
                                   "leading zero bits\"}");
}

HttpResponse WaitingRoomService::join(EventId event, std::string_view body, std::string_view address, Timestamp now)
{
    JoinRequest request;
    request.address = addressHash(address);
    QJsonObject fields;
    if (!body.empty()) {
        QJsonParseError parseError;
        const QJsonDocument document
            = QJsonDocument::fromJson(QByteArray(body.data(), static_cast<qsizetype>(body.size())), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return errorResponse(400, "invalid_json", "the body must be a JSON object (or empty)");
        fields = document.object();
    }
    std::string challengeText;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString& name = it.key();
        const QJsonValue& value = it.value();
        std::uint64_t integer = 0;
        if (name == QLatin1String("verifiedAccount") && value.isBool())
            request.signals.verifiedAccount = value.toBool();
        else if (name == QLatin1String("paymentMethodOnFile") && value.isBool())
            request.signals.paymentMethodOnFile = value.toBool();
        else if (name == QLatin1String("botSignals") && integerField(value, 1000, &integer))
            request.signals.botSignals = static_cast<std::uint32_t>(integer);
        else if (name == QLatin1String("powChallenge") && value.isString())
            challengeText = value.toString().toStdString();
        else if (name == QLatin1String("powNonce") && integerField(value, 9007199254740992.0, &integer))
            request.powNonce = integer;
        else
            return errorResponse(400, "invalid_join",
                                 "unknown field or wrong type: '" + name.toStdString()
                                     + "' (verifiedAccount, paymentMethodOnFile: booleans; botSignals, powNonce: "
                                       "whole numbers; powChallenge: a string)");
    }
    request.powChallenge = challengeText;

    Room* room = find(event);
    if (room == nullptr)
        return errorResponse(409, "waiting_room_off", "this event has no waiting room: go straight to the sale");
    std::lock_guard lock(room->mutex);
    const QueueView view = room->room->join(request, now);
    switch (view.status) {
    case WaitStatus::Ok:
        return jsonResponse(201, viewJson(event, view, room->room->config()));
    case WaitStatus::Closed:
        return errorResponse(409, "waiting_room_off", "the waiting room of this event is off: go straight to the sale");
    case WaitStatus::QueueFull:
        return errorResponse(503, "queue_full", "the queue is full: try again shortly");
    case WaitStatus::ProofOfWorkRequired:
        return errorResponse(403, "proof_of_work_required",
                             "get a challenge from GET /api/events/" + std::to_string(event)
                                 + "/queue/challenge, solve it and send powChallenge and powNonce");
    case WaitStatus::ProofOfWorkInvalid:
        return errorResponse(403, "proof_of_work_invalid",
                             std::string("the proof of work was refused: ") + powCheckName(view.powCheck));
    case WaitStatus::Blocked:
        return errorResponse(403, "blocked", "this session was refused for bot signals");
    case WaitStatus::TooManySessionsFromAddress:
        return errorResponse(429, "too_many_sessions", "too many queue sessions from this address");
    case WaitStatus::NotFound:
    case WaitStatus::PolledTooOften:
        break;
    }
    return errorResponse(500, "internal", "unexpected waiting room status");
}

bool WaitingRoomService::parseQueueId(std::string_view text, Room** room, QueueKey* key) const
{
    const std::size_t dash = text.find('-');
    std::uint64_t event = 0;
    if (dash == std::string_view::npos || !parseUnsigned(text.substr(0, dash), &event)
        || !QueueKey::parse(text.substr(dash + 1), key))
        return false;
    *room = find(event);
    return *room != nullptr;
}

HttpResponse WaitingRoomService::poll(std::string_view queueId, Timestamp now)
{
    Room* room = nullptr;
    QueueKey key;
    if (!parseQueueId(queueId, &room, &key))
        return errorResponse(404, "queue_not_found", "no such queue session");
    std::lock_guard lock(room->mutex);
    const QueueView view = room->room->poll(key, now);
    if (view.status == WaitStatus::NotFound)
        return errorResponse(404, "queue_not_found", "no such queue session");
    if (view.status == WaitStatus::PolledTooOften && view.state != QueueState::Blocked) {
        HttpResponse response = errorResponse(429, "polled_too_often", "poll at most once a second");
        return response;
    }
    if (view.state == QueueState::PreQueue || view.state == QueueState::Waiting || view.state == QueueState::Admitted)
        return jsonResponse(200, viewJson(room->room->event(), view, room->room->config()));
    const SessionEnd end = sessionEnd(view.state);
    return errorResponse(end.status, end.code, end.message);
}

HttpResponse WaitingRoomService::leave(std::string_view queueId, Timestamp now)
{
    Room* room = nullptr;
    QueueKey key;
    if (!parseQueueId(queueId, &room, &key))
        return errorResponse(404, "queue_not_found", "no such queue session");
    std::lock_guard lock(room->mutex);
    if (room->room->leave(key, now) == WaitStatus::NotFound)
        return errorResponse(404, "queue_not_found", "no such queue session");
    HttpResponse response;
    response.status = 204;
    response.contentType = nullptr;
    return response;
}

std::string WaitingRoomService::viewJson(EventId event, const QueueView& view, const WaitingRoomConfig& config) const
{
    std::string body = "{\"queueId\":\"" + waitingRoomQueueId(event, view.key) + "\",\"event\":"
        + std::to_string(event) + ",\"state\":\"" + queueStateName(view.state) + "\",\"position\":"
        + std::to_string(view.position) + ",\"etaSeconds\":" + std::to_string(view.etaSeconds)
        + ",\"onsaleAt\":\"" + isoTime(view.onsaleAt) + "\",\"heartbeatIntervalMs\":"
        + std::to_string(config.heartbeatIntervalMs) + ",\"paused\":" + (config.paused ? "true" : "false")
        + ",\"admitted\":" + (view.state == QueueState::Admitted ? "true" : "false");
    if (view.state == QueueState::Admitted)
        body += ",\"admissionToken\":\"" + view.admissionToken + "\",\"admissionExpiresAt\":\""
            + isoTime(view.admissionExpiresAt) + "\"";
    return body + "}";
}

void WaitingRoomService::finish(EventId event, std::string_view admissionToken, Timestamp now)
{
    AdmissionClaims claims;
    if (m_tokens.check(admissionToken, event, now, &claims) != TokenCheck::Ok)
        return;
    if (Room* room = find(event)) {
        std::lock_guard lock(room->mutex);
        room->room->finish(claims.session, now);
    }
}

std::string WaitingRoomService::watchMessage(const Room& room, const QueueView& view, bool* final) const
{
    const EventId event = room.room->event();
    *final = true;
    if (view.status == WaitStatus::NotFound)
        return *wsError(waitingRoomQueueId(event, view.key), "queue_not_found", "no such queue session");
    const char* type = "queue.ended";
    switch (view.state) {
    case QueueState::PreQueue:
    case QueueState::Waiting:
        type = "queue.position";
        *final = false;
        break;
    case QueueState::Admitted:
        type = "queue.admitted";
        break;
    default:
        break;
    }
    std::string text = std::string("{\"type\":\"") + type + "\",";
    if (!*final || view.state == QueueState::Admitted) {
        text += std::string_view(viewJson(event, view, room.room->config())).substr(1);
        return text;
    }
    const SessionEnd end = sessionEnd(view.state);
    text += "\"queueId\":\"" + waitingRoomQueueId(event, view.key) + "\",\"event\":" + std::to_string(event)
        + ",\"state\":\"" + queueStateName(view.state) + "\",\"admitted\":false,\"error\":{\"code\":\"" + end.code
        + "\",\"message\":\"" + end.message + "\"}}";
    return text;
}

void WaitingRoomService::watch(const WsConnectionPtr& connection, std::string_view queueId, Timestamp now)
{
    Room* room = nullptr;
    QueueKey key;
    if (!parseQueueId(queueId, &room, &key))
        return void(connection->send(wsError(queueId, "queue_not_found", "no such queue session")));
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    {
        std::lock_guard lock(m_watchMutex);
        std::vector<ConnectionWatch>& mine = m_connectionWatches[connection->id()];
        std::erase_if(mine, [](const ConnectionWatch& w) { return w.cancelled->load(); });
        for (const ConnectionWatch& w : mine)
            if (w.queueId == queueId)
                return; // already watched: the updates keep coming
        if (mine.size() >= kWatchesPerConnectionMax)
            return void(connection->send(
                wsError(queueId, "limit_exceeded", "at most 16 queue sessions per connection are watched")));
        if (m_watchCount.load() >= kWatchesMax)
            return void(connection->send(
                wsError(queueId, "limit_exceeded", "the server watches as many queue sessions as it can: poll")));
        mine.push_back({ std::string(queueId), cancelled });
    }
    std::string first;
    bool final = false;
    {
        std::lock_guard lock(room->mutex);
        const QueueView view = room->room->watch(key, now);
        first = watchMessage(*room, view, &final);
        if (!final) {
            Watch w;
            w.key = key;
            w.connection = connection;
            w.cancelled = cancelled;
            w.nextRefreshAt = now + watchRefreshMs(room->room->config());
            w.position = view.position;
            w.etaSeconds = view.etaSeconds;
            w.state = view.state;
            w.paused = room->room->config().paused;
            room->watches.push_back(std::move(w));
            ++m_watchCount;
        }
    }
    if (final)
        cancelled->store(true);
    connection->send(std::make_shared<const std::string>(std::move(first)));
}

void WaitingRoomService::unwatch(const WsConnectionPtr& connection, std::string_view queueId)
{
    std::lock_guard lock(m_watchMutex);
    const auto it = m_connectionWatches.find(connection->id());
    if (it == m_connectionWatches.end())
        return;
    std::erase_if(it->second, [queueId](const ConnectionWatch& w) {
        if (w.queueId != queueId && !w.cancelled->load())
            return false;
        w.cancelled->store(true); // tick() drops the room's side
        return true;
    });
}

void WaitingRoomService::disconnected(const WsConnectionPtr& connection)
{
    std::lock_guard lock(m_watchMutex);
    const auto it = m_connectionWatches.find(connection->id());
    if (it == m_connectionWatches.end())
        return;
    for (const ConnectionWatch& w : it->second)
        w.cancelled->store(true);
    m_connectionWatches.erase(it);
}

// With the room's mutex held. A watch is refreshed (a heartbeat, and a message when something the
// client sees changed) every watchRefreshMs(), and at once when this tick admitted its session.
void WaitingRoomService::refreshWatches(Room& room, std::vector<QueueKey>& admitted, Timestamp now, Outgoing* out)
{
    const auto byKey = [](const QueueKey& a, const QueueKey& b) { return a.lo != b.lo ? a.lo < b.lo : a.hi < b.hi; };
    std::sort(admitted.begin(), admitted.end(), byKey);
    const bool paused = room.room->config().paused;
    const Timestamp refresh = watchRefreshMs(room.room->config());
    std::vector<Watch>& watches = room.watches;
    for (std::size_t i = 0; i < watches.size();) {
        Watch& w = watches[i];
        WsConnectionPtr connection = w.connection.lock();
        bool drop = connection == nullptr || w.cancelled->load();
        if (!drop && (now >= w.nextRefreshAt || std::binary_search(admitted.begin(), admitted.end(), w.key, byKey))) {
            w.nextRefreshAt = now + refresh;
            const QueueView view = room.room->watch(w.key, now);
            bool final = false;
            if (view.status == WaitStatus::NotFound || view.state != w.state || view.position != w.position
                || view.etaSeconds != w.etaSeconds || paused != w.paused)
                out->emplace_back(std::move(connection),
                                  std::make_shared<const std::string>(watchMessage(room, view, &final)));
            w.position = view.position;
            w.etaSeconds = view.etaSeconds;
            w.state = view.state;
            w.paused = paused;
            drop = final;
        }
        if (!drop) {
            ++i;
            continue;
        }
        w.cancelled->store(true);
        if (i + 1 != watches.size())
            w = std::move(watches.back());
        watches.pop_back();
        --m_watchCount;
    }
}

void WaitingRoomService::tick(Timestamp now)
{
    Outgoing out;
    {
        std::shared_lock lock(m_roomsMutex);
        for (const auto& [event, room] : m_rooms) {
            std::lock_guard roomLock(room->mutex);
            if (room->watches.empty()) {
                room->room->tick(now);
                continue;
            }
            std::vector<QueueKey> admitted;
            room->room->tick(now, &admitted);
            refreshWatches(*room, admitted, now, &out);
        }
    }
    for (auto& [connection, message] : out)
        connection->send(std::move(message));
}

void WaitingRoomService::startTicking(int intervalMs)
{
    stopTicking();
    m_tickStop = false;
    m_ticker = std::thread([this, intervalMs] {
        std::unique_lock lock(m_tickMutex);
        while (!m_tickWake.wait_for(lock, std::chrono::milliseconds(intervalMs), [this] { return m_tickStop; })) {
            lock.unlock();
            tick(systemClockNow());
            lock.lock();
        }
    });
}

void WaitingRoomService::stopTicking()
{
    {
        std::lock_guard lock(m_tickMutex);
        m_tickStop = true;
    }
    m_tickWake.notify_all();
    if (m_ticker.joinable())
        m_ticker.join();
}

WaitingRoomService::~WaitingRoomService()
{
    stopTicking();
}

bool WaitingRoomService::metrics(EventId event, WaitingRoomMetrics* metrics) const
{
    Room* room = find(event);
    if (room == nullptr)
        return false;
    std::lock_guard lock(room->mutex);
    *metrics = room->room->metrics();
    return true;
}

void WaitingRoomService::appendMetrics(std::string* out) const
{
    struct Series {
        const char* name;
        const char* type;
        const char* help;
        double (*value)(const WaitingRoomMetrics&);
    };
    static constexpr Series kSeries[] = {
        { "usher_waiting_room_depth", "gauge", "Sessions waiting with a position.",
          [](const WaitingRoomMetrics& m) { return double(m.depth); } },
        { "usher_waiting_room_prequeued", "gauge", "Sessions waiting for the onsale.",
          [](const WaitingRoomMetrics& m) { return double(m.prequeued); } },
        { "usher_waiting_room_active", "gauge", "Admitted sessions not finished yet.",
          [](const WaitingRoomMetrics& m) { return double(m.active); } },
        { "usher_waiting_room_joined_total", "counter", "Joins (inflow).",
          [](const WaitingRoomMetrics& m) { return double(m.joined); } },
        { "usher_waiting_room_admitted_total", "counter", "Admissions (outflow).",
          [](const WaitingRoomMetrics& m) { return double(m.admitted); } },
        { "usher_waiting_room_finished_total", "counter", "Admitted sessions that finished.",
          [](const WaitingRoomMetrics& m) { return double(m.finished); } },
        { "usher_waiting_room_abandoned_total", "counter", "Sessions that left the queue.",
          [](const WaitingRoomMetrics& m) { return double(m.abandoned); } },
        { "usher_waiting_room_expired_heartbeat_total", "counter", "Places lost to missed heartbeats.",
          [](const WaitingRoomMetrics& m) { return double(m.expiredHeartbeat); } },
        { "usher_waiting_room_expired_ttl_total", "counter", "Places lost to the queue TTL.",
          [](const WaitingRoomMetrics& m) { return double(m.expiredTtl); } },
        { "usher_waiting_room_admissions_expired_total", "counter", "Admissions that expired unused.",
          [](const WaitingRoomMetrics& m) { return double(m.admissionsExpired); } },
        { "usher_waiting_room_bots_blocked_total", "counter", "Joins refused or sessions blocked for bot signals.",
          [](const WaitingRoomMetrics& m) { return double(m.botsBlocked); } },
        { "usher_waiting_room_joins_refused_total", "counter", "Joins refused for any reason.",
          [](const WaitingRoomMetrics& m) { return double(m.joinsRefused); } },
        { "usher_waiting_room_drain_rate", "gauge", "Drain rate, users per second.",
          [](const WaitingRoomMetrics& m) { return m.drainRatePerSecond; } },
        { "usher_waiting_room_paused", "gauge", "1 while the drain is paused.",
          [](const WaitingRoomMetrics& m) { return m.paused ? 1.0 : 0.0; } },
        { "usher_waiting_room_eta_abs_error_seconds", "gauge", "Mean |admission - predicted admission|.",
          [](const WaitingRoomMetrics& m) { return m.etaMeanAbsErrorSeconds; } },
        { "usher_waiting_room_eta_within_10pct_ratio", "gauge", "Share of admissions within 10 % (or 5 s) of the ETA.",
          [](const WaitingRoomMetrics& m) { return m.etaWithin10PercentShare; } },
    };
    std::vector<std::pair<EventId, WaitingRoomMetrics>> all;
    {
        std::shared_lock lock(m_roomsMutex);
        for (const auto& [event, room] : m_rooms) {
            std::lock_guard roomLock(room->mutex);
            all.emplace_back(event, room->room->metrics());
        }
    }
    for (const Series& series : kSeries) {
        *out += std::string("# HELP ") + series.name + " " + series.help + "\n# TYPE " + series.name + " "
            + series.type + "\n";
        for (const auto& [event, m] : all)
            *out += std::string(series.name) + "{event=\"" + std::to_string(event) + "\"} " + number(series.value(m))
                + "\n";
    }
}

} // namespace usher::net
