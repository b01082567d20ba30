#include "net/Usherd.h"

#include "event/EventSpecJson.h"
#include "net/Cluster.h"
#include "net/ClusterFeed.h"
#include "net/EventHub.h"
#include "net/Log.h"
#include "net/SearchService.h"
#include "net/SyncEndpoint.h"
#include "net/SystemdNotify.h"
#include "net/TokenStore.h"
#include "net/UsherdReload.h"
#include "net/WaitingRoomService.h"
#include "pgstore/PgNotify.h"
#include "pgstore/PgStorage.h"
#include "runtime/Clock.h"
#include "runtime/Engine.h"
#include "sync/SyncCentralStore.h"
#include "venue/SampleVenues.h"
#include "venue/VenueGenerator.h"

#include <QDir>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <pthread.h>

namespace usher::net {

namespace {

sigset_t terminationSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    return set;
}

bool createDemoEvents(Engine& engine, const UsherdOptions& options)
{
    const Timestamp now = systemClockNow();
    EventId id = 1;
    for (const SampleVenueInfo& sample : sampleVenues()) {
        auto venue = sample.build();
        if (!venue)
            continue;
        std::string error;
        const std::string name = "Demo: " + venue->name;
        EventSpec spec = makeDemoEvent(id++, name, std::move(venue), now);
        spec.performer = sample.performer; // search: performer, genre and city of the demo venue
        spec.genre = sample.genre;
        spec.city = sample.city;
        if (engine.createEvent(std::move(spec), &error) != Status::Ok) {
            LogLine(LogLevel::Error, "cannot create a demo event").str("error", error);
            return false;
        }
    }
    if (options.demoLargeSeats > 0) {
        auto venue = generateVenueWithSeats(options.demoLargeSeats);
        std::string error;
        if (!venue
            || engine.createEvent(makeDemoEvent(100, "Benchmark hall", std::move(venue), now), &error) != Status::Ok) {
            LogLine(LogLevel::Error, "cannot create the large demo event").str("error", error);
            return false;
        }
    }
    LogLine(LogLevel::Info, "demo events created").num("events", std::int64_t(engine.events().size()));
    return true;
}

// Returns on SIGTERM or SIGINT. Until warm() first says true it is polled every 20 ms, then
// onWarm() runs once; SIGHUP calls onHangup() (the tokens reload by themselves), once warm.
int waitForTermination(const std::function<bool()>& warm, const std::function<void()>& onWarm,
                       const std::function<void()>& onHangup)
{
    const sigset_t set = terminationSignals();
    bool warmed = false;
    bool hangupPending = false;
    for (;;) {
        if (!warmed && warm()) {
            warmed = true;
            onWarm();
        }
        if (warmed && hangupPending) {
            hangupPending = false;
            onHangup();
        }
        int signal = 0;
        if (warmed) {
            if (sigwait(&set, &signal) != 0)
                continue;
        } else {
            const timespec poll { 0, 20'000'000 };
            signal = sigtimedwait(&set, nullptr, &poll);
            if (signal < 0)
                continue; // timeout (EAGAIN) or EINTR: look at warm() again
        }
        if (signal == SIGHUP) {
            hangupPending = true;
            continue;
        }
        return signal;
    }
}

} // namespace

void blockTerminationSignals()
{
    const sigset_t set = terminationSignals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

int runUsherd(const UsherdOptions& options, PaymentGateway* gateway)
{
    if (options.dataDirectory.empty() || !QDir().mkpath(QString::fromStdString(options.dataDirectory))) {
        LogLine(LogLevel::Error, "cannot use the data directory").str("path", options.dataDirectory);
        return 1;
    }
    std::string error;
    auto tokens = TokenStore::open(options.dataDirectory, &error);
    if (!tokens) {
        LogLine(LogLevel::Error, "cannot open the token store").str("error", error);
        return 1;
    }
    EngineOptions engineOptions;
    engineOptions.dataDirectory = options.dataDirectory;
    engineOptions.synchronousFull = options.synchronousFull;
    if (!options.store.empty()) {
        if (!PgStorage::isPostgresUri(options.store)) {
            LogLine(LogLevel::Error, "unknown --store (expected postgresql://...)").str("store", options.store);
            return 1;
        }
        LogLine(LogLevel::Info, "engine storage: PostgreSQL").str("store", PgStorage::redacted(options.store));
        // A cluster node names its storage connections after itself: a node that fences a hung
        // one terminates them (pgstore/PgOwnership.h). It loads only the events it owns.
        const std::string applicationName = options.nodeId.empty() ? "usherd" : "usherd/" + options.nodeId;
        engineOptions.loadEventsAtOpen = options.nodeId.empty();
        // Its commits notify the other nodes, which follow the events they do not own (ClusterFeed).
        const std::string notifyChannel = options.nodeId.empty() ? std::string() : std::string(kChangesChannel);
        engineOptions.storageFactory = [conninfo = options.store, applicationName,
                                        notifyChannel](std::string* why) -> std::unique_ptr<Storage> {
            PgStorageOptions pg;
            pg.conninfo = conninfo;
            pg.applicationName = applicationName;
            pg.notifyChannel = notifyChannel;
            return PgStorage::open(pg, why);
        };
    }
    auto engine = Engine::open(engineOptions, &error);
    if (!engine) {
        LogLine(LogLevel::Error, "cannot open the engine").str("error", error);
        return 1;
    }
    LogLine(LogLevel::Info, "engine opened")
        .num("events", std::int64_t(engine->startup().events))
        .num("recordsReplayed", std::int64_t(engine->startup().recordsReplayed))
        .real("seconds", engine->startup().seconds);
    // usherd on several nodes: own what nobody owns (the events load here), serve only that.
    std::unique_ptr<ClusterNode> cluster;
    std::size_t storedEvents = 0;
    if (!options.nodeId.empty()) {
        if (options.store.empty()) {
            LogLine(LogLevel::Error, "--node-id needs --store postgresql://...");
            return 1;
        }
        ClusterOptions clusterOptions;
        clusterOptions.conninfo = options.store;
        clusterOptions.nodeId = options.nodeId;
        clusterOptions.advertiseUrl = options.advertiseUrl;
        clusterOptions.failoverTimeoutMs = options.failoverTimeoutMs;
        cluster = ClusterNode::open(clusterOptions, *engine, &error);
        if (!cluster || !cluster->claimOrphans(&storedEvents, &error)) {
            LogLine(LogLevel::Error, "cannot join the cluster").str("error", error);
            return 1;
        }
        LogLine(LogLevel::Info, "cluster node")
            .str("node", options.nodeId)
            .num("storedEvents", std::int64_t(storedEvents))
            .num("ownedEvents", std::int64_t(engine->events().size()));
    }
    if (options.demo && (cluster ? storedEvents == 0 : engine->events().empty())) {
        if (!createDemoEvents(*engine, options))
            return 1;
        if (cluster && !cluster->claimOrphans(&storedEvents, &error)) {
            LogLine(LogLevel::Error, "cannot own the demo events").str("error", error);
            return 1;
        }
    }

    std::unique_ptr<WaitingRoomService> waitingRooms
        = WaitingRoomService::open(options.dataDirectory, systemClockNow(), &error);
    if (!waitingRooms) {
        LogLine(LogLevel::Error, "cannot open the waiting rooms").str("error", error);
        return 1;
    }
    waitingRooms->startTicking(100);

    Metrics metrics;
    // Destroyed after the hub: the hub reads the feed's followed views until hub.stop().
    std::unique_ptr<ClusterFeed> feed;
    EventHub hub(HubOptions {}, metrics);
    ApiOptions apiOptions = options.api;
    apiOptions.dataDirectory = options.dataDirectory;
    ApiService api(apiOptions, *engine, hub, *tokens, metrics, gateway);
    if (!api.loadVenues(&error)) {
        LogLine(LogLevel::Error, "cannot load the venues").str("error", error);
        return 1;
    }
    if (!api.openPurchaseStore(options.synchronousFull, &error)) {
        LogLine(LogLevel::Error, "cannot open the purchase store").str("error", error);
        return 1;
    }
    api.setWaitingRooms(waitingRooms.get());
    SearchOptions searchOptions;
    searchOptions.store = options.store; // on PostgreSQL the catalog is in the same database
    std::unique_ptr<SearchService> search = SearchService::open(searchOptions, &error);
    if (!search) {
        LogLine(LogLevel::Error, "cannot open the search index").str("error", error);
        return 1;
    }
    api.setSearch(search.get()); // before the events are added: addEvent() indexes them
    if (cluster) {
        ClusterFeedOptions feedOptions;
        feedOptions.conninfo = options.store;
        feedOptions.nodeId = options.nodeId;
        feedOptions.ledger = engineOptions.shard.ledger;
        feed = ClusterFeed::open(feedOptions, *engine, hub, [node = cluster.get()] { return node->owned(); }, &error);
        if (!feed) {
            LogLine(LogLevel::Error, "cannot follow the other nodes' events").str("error", error);
            return 1;
        }
        cluster->setFeed(feed.get()); // followed(): availability of the others' events served here
        api.setOwnership(cluster.get());
    }
    for (EventId id : engine->events())
        api.addEvent(engine->event(id));
    api.recoverPurchases();

    // The box office sync (/sync and its routes): its own thread, started before the network.
    SyncEndpointOptions syncOptions;
    syncOptions.storePath = options.dataDirectory + "/usherd-sync.db";
    syncOptions.synchronousFull = options.synchronousFull;
    SyncEndpoint sync(syncOptions, *engine, *tokens);
    if (!sync.start(&error)) {
        LogLine(LogLevel::Error, "cannot open the sync store").str("error", error);
        api.close();
        search->stop();
        hub.stop();
        engine->close();
        return 1;
    }
    api.setSync(&sync);

    HttpServer server(options.server, api, api);
    server.setSyncHandler(&sync);
    sync.setGracefulClose([&server](const WsConnectionPtr& connection) { server.closeWhenSent(connection); });
    hub.setBroadcaster(&server);
    api.setServerStats([&server] { return server.stats(); });
    if (!server.start(&error)) {
        LogLine(LogLevel::Error, "cannot start the server").str("error", error);
        sync.stop();
        api.close();
        search->stop();
        hub.stop();
        engine->close();
        return 1;
    }
    LogLine(LogLevel::Info, "listening")
        .str("host", options.server.host)
        .num("port", server.port())
        .str("scheme", server.tls() ? "https" : "http")
        .num("threads", options.server.threads)
        .str("payments", gateway ? "on" : "off");
    if (cluster) {
        const std::string host = options.server.host.empty() || options.server.host == "0.0.0.0"
            ? std::string("127.0.0.1")
            : options.server.host;
        cluster->setAdvertiseUrl(!options.advertiseUrl.empty() ? options.advertiseUrl
                                                               : std::string(server.tls() ? "https://" : "http://")
                                         + host + ":" + std::to_string(server.port()));
        cluster->start([&api](EventShard* shard) { api.addEvent(shard); });
        feed->start(); // after the owned events are in the hub: the rest is followed
    }
    if (!options.portFile.empty()) {
        std::ofstream file(options.portFile + ".tmp");
        file << server.port() << "\n";
        file.close();
        std::rename((options.portFile + ".tmp").c_str(), options.portFile.c_str());
    }

    // systemd hears READY=1 only once the socket accepts, the port file is there and every event's
    // view is warm (/readyz says ready): `systemctl start usherd` returns when it can serve.
    const auto onWarm = [&options, &server] {
        LogLine(LogLevel::Info, "ready");
        systemdNotifyOrWarn("READY=1\nSTATUS=Serving on " + options.server.host + ":" + std::to_string(server.port()));
    };
    UsherdOptions running = options; // what SIGHUP compares a re-read configuration with
    const int signal
        = waitForTermination([&api] { return api.ready(); }, onWarm, [&running, &api] { reloadUsherd(running, api); });
    systemdNotifyOrWarn("STOPPING=1\nSTATUS=Shutting down");
    LogLine(LogLevel::Info, "shutting down").num("signal", signal);
    server.stopAccepting();
    if (cluster)
        cluster->stopPolling(); // no more take-overs; the locks stay held until the engine is closed
    api.drain(options.drainMs); // purchases in flight finish: charge and ticket, or refund
    sync.stop();                // finishes the ops batch in flight; the devices resend the rest
    api.close();                // from here nothing submits to the engine
    waitingRooms->stopTicking(); // its ticker pushes queue positions to WebSocket clients
    search->stop();             // unsubscribes from the shards, stops reading them
    if (feed)
        feed->stop();           // no more publications for the followed views
    hub.stop();                 // unsubscribes from the shards
    engine->close();            // finishes the batches in flight; their replies go out
    if (cluster)
        cluster->release(); // the locks go: the other nodes take the events over
    server.stop();
    LogLine(LogLevel::Info, "stopped");
    return 0;
}

int createToken(const std::string& dataDirectory, const std::string& roleText, const std::string& name)
{
    Role role = Role::Admin;
    if (!parseRole(roleText, &role) || role == Role::Buyer) {
        std::fprintf(stderr, "usherd: --role must be admin, promoter, clerk or device\n");
        return 2;
    }
    if (dataDirectory.empty() || !QDir().mkpath(QString::fromStdString(dataDirectory))) {
        std::fprintf(stderr, "usherd: cannot use the data directory '%s'\n", dataDirectory.c_str());
        return 1;
    }
    std::string error;
    auto tokens = TokenStore::open(dataDirectory, &error);
    std::string token;
    if (!tokens || !tokens->createToken(role, name, &token, &error)) {
        std::fprintf(stderr, "usherd: %s\n", error.c_str());
        return 1;
    }
    std::printf("%s\n", token.c_str());
    return 0;
}

int enrolDevice(const std::string& dataDirectory, const std::string& name, std::uint32_t channel)
{
    if (name.empty() || name.size() > kSyncTextBytesMax || channel < 1 || channel > 0xffff) {
        std::fprintf(stderr, "usherd: a device needs --name (1 to 1024 bytes) and --channel (1 to 65535)\n");
        return 2;
    }
    if (dataDirectory.empty() || !QDir().mkpath(QString::fromStdString(dataDirectory))) {
        std::fprintf(stderr, "usherd: cannot use the data directory '%s'\n", dataDirectory.c_str());
        return 1;
    }
    std::string error;
    // A running usherd holds the sync store (exclusive lock): then this fails after the busy
    // timeout and nothing is created.
    auto store = SyncCentralStore::open(dataDirectory + "/usherd-sync.db", SyncDurability::Full, &error);
    std::vector<SyncDeviceRecord> devices;
    if (!store || !store->loadDevices(&devices, &error)) {
        std::fprintf(stderr,
                     "usherd: cannot open the sync store (%s): is usherd running on this data directory? "
                     "Then enrol with POST /api/devices, or stop it first\n",
                     error.c_str());
        return 1;
    }
    for (const SyncDeviceRecord& d : devices)
        if (d.name == name) {
            std::fprintf(stderr, "usherd: device %s is already enrolled\n", name.c_str());
            return 1;
        }
    auto tokens = TokenStore::open(dataDirectory, &error);
    std::string token;
    if (!tokens || !tokens->createToken(Role::Device, name, &token, &error)) {
        std::fprintf(stderr, "usherd: %s\n", error.c_str());
        return 1;
    }
    SyncDeviceRecord record;
    record.name = name;
    record.tokenHash = syncTokenHash(token);
    record.channel = ChannelId(channel);
    if (!store->addDevice(&record, &error)) {
        std::fprintf(stderr, "usherd: %s\n", error.c_str());
        return 1;
    }
    std::printf("%s\n", token.c_str());
    return 0;
}

} // namespace usher::net
