#include "runtime/Engine.h"

#include "core/Assert.h"
#include "runtime/LedgerLoader.h"
#include "storage/SqliteStorage.h"

#include <chrono>
#include <filesystem>

namespace usher {

Timestamp systemClockNow()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Engine::Engine(const EngineOptions& options, std::unique_ptr<Committer> committer)
    : m_options(options)
    , m_committer(std::move(committer))
{
}

Engine::~Engine()
{
    close();
}

std::unique_ptr<Engine> Engine::open(const EngineOptions& options, std::string* error)
{
    const auto started = std::chrono::steady_clock::now();
    std::error_code ec;
    std::filesystem::create_directories(options.dataDirectory, ec);
    if (ec) {
        *error = "cannot create data directory " + options.dataDirectory + ": " + ec.message();
        return nullptr;
    }
    std::unique_ptr<Storage> storage;
    if (options.storageFactory) {
        storage = options.storageFactory(error);
    } else {
        SqliteStorageOptions sqlite;
        sqlite.path = (std::filesystem::path(options.dataDirectory) / "usher.db").string();
        sqlite.synchronousFull = options.synchronousFull;
        sqlite.vfs = options.sqliteVfs;
        storage = SqliteStorage::open(sqlite, error);
    }
    if (storage == nullptr)
        return nullptr;
    std::unique_ptr<Engine> engine(new Engine(options, std::make_unique<Committer>(std::move(storage))));
    if (options.loadEventsAtOpen && engine->loadEvents(error) != Status::Ok)
        return nullptr;
    engine->m_startup.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return engine;
}

Status Engine::loadEvents(std::string* error)
{
    Status status = Status::Ok;
    std::vector<std::unique_ptr<Ledger>> ledgers;
    m_committer->run([&](Storage& storage) {
        std::vector<EventSpec> specs;
        status = storage.listEvents(&specs, error);
        for (std::size_t i = 0; status == Status::Ok && i < specs.size(); ++i) {
            std::unique_ptr<Ledger> ledger;
            LoadStats stats;
            status = loadLedger(storage, specs[i], m_options.shard.ledger, &ledger, &stats, error);
            m_startup.recordsReplayed += stats.records;
            m_startup.bytesReplayed += stats.bytes;
            if (status == Status::Ok)
                ledgers.push_back(std::move(ledger));
        }
    });
    if (status != Status::Ok)
        return status;
    std::lock_guard lock(m_mutex);
    for (std::unique_ptr<Ledger>& ledger : ledgers) {
        const EventId id = ledger->spec().id;
        m_shards.emplace(id, std::make_unique<EventShard>(std::move(ledger), *m_committer, m_options.shard));
    }
    m_startup.events = m_shards.size();
    return Status::Ok;
}

Status Engine::loadEvent(EventId id, EventShard** shard, std::string* error)
{
    if (const Status status = loaded(id, shard); status != Status::EventNotFound)
        return status;
    Status status = Status::EventNotFound;
    std::unique_ptr<Ledger> ledger;
    m_committer->run([&](Storage& storage) {
        // The storage interface lists every spec; net/Cluster reads only the one it needs and
        // uses the overload below.
        std::vector<EventSpec> specs;
        status = storage.listEvents(&specs, error);
        if (status != Status::Ok)
            return;
        status = Status::EventNotFound;
        for (const EventSpec& spec : specs) {
            if (spec.id != id)
                continue;
            LoadStats stats;
            status = loadLedger(storage, spec, m_options.shard.ledger, &ledger, &stats, error);
            break;
        }
        if (status == Status::EventNotFound)
            *error = "event " + std::to_string(id) + " not found";
    });
    if (status != Status::Ok)
        return status;
    return install(std::move(ledger), shard);
}

Status Engine::loadEvent(const EventSpec& spec, Storage& storage, EventShard** shard, std::string* error)
{
    if (const Status status = loaded(spec.id, shard); status != Status::EventNotFound)
        return status;
    std::unique_ptr<Ledger> ledger;
    LoadStats stats;
    if (const Status status = loadLedger(storage, spec, m_options.shard.ledger, &ledger, &stats, error);
        status != Status::Ok)
        return status;
    return install(std::move(ledger), shard);
}

Status Engine::loaded(EventId id, EventShard** shard) const
{
    *shard = nullptr;
    std::lock_guard lock(m_mutex);
    if (m_closed)
        return Status::ShuttingDown;
    const auto it = m_shards.find(id);
    if (it == m_shards.end())
        return Status::EventNotFound;
    *shard = it->second.get();
    return Status::Ok;
}

Status Engine::install(std::unique_ptr<Ledger> ledger, EventShard** shard)
{
    USHER_ASSERT(ledger != nullptr);
    const EventId id = ledger->spec().id;
    std::lock_guard lock(m_mutex);
    if (m_closed)
        return Status::ShuttingDown;
    auto [it, added] = m_shards.emplace(id, nullptr);
    if (added)
        it->second = std::make_unique<EventShard>(std::move(ledger), *m_committer, m_options.shard);
    *shard = it->second.get();
    return Status::Ok;
}

Status Engine::createEvent(EventSpec spec, std::string* error)
{
    const std::string problem = spec.finalize();
    if (!problem.empty()) {
        *error = problem;
        return Status::InvalidArgument;
    }
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return Status::ShuttingDown;
        if (m_shards.count(spec.id) != 0) {
            *error = "event " + std::to_string(spec.id) + " exists";
            return Status::EventExists;
        }
    }
    Status status = Status::Ok;
    m_committer->run([&](Storage& storage) { status = storage.createEvent(spec, error); });
    if (status != Status::Ok)
        return status;
    auto ledger = std::make_unique<Ledger>(spec, m_options.shard.ledger);
    std::lock_guard lock(m_mutex);
    m_shards.emplace(spec.id, std::make_unique<EventShard>(std::move(ledger), *m_committer, m_options.shard));
    return Status::Ok;
}

Status Engine::updateEventSpec(EventId id, EventSpec spec, std::string* error, Actor actor)
{
    USHER_ASSERT(error != nullptr);
    EventShard* shard = event(id);
    if (shard == nullptr) {
        *error = "event " + std::to_string(id) + " not found";
        return Status::EventNotFound;
    }
    if (spec.id != id) {
        *error = "the spec is for event " + std::to_string(spec.id) + ", not " + std::to_string(id);
        return Status::InvalidArgument;
    }
    if (std::string problem = spec.finalize(); !problem.empty()) {
        *error = std::move(problem);
        return Status::InvalidArgument;
    }
    return shard->updateSpec(std::move(spec), actor, error);
}

std::vector<EventId> Engine::events() const
{
    std::lock_guard lock(m_mutex);
    std::vector<EventId> ids;
    for (const auto& [id, shard] : m_shards)
        ids.push_back(id);
    return ids;
}

EventShard* Engine::event(EventId id) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_shards.find(id);
    return it == m_shards.end() ? nullptr : it->second.get();
}

void Engine::withStorage(const std::function<void(Storage&)>& job)
{
    m_committer->run(job);
}

void Engine::close()
{
    std::map<EventId, std::unique_ptr<EventShard>> shards;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return;
        m_closed = true;
        shards.swap(m_shards);
    }
    for (auto& [id, shard] : shards)
        shard->stop();
    shards.clear();
    m_committer->stop();
}

} // namespace usher
