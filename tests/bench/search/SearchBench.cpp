#include "SearchBench.h"

#include "LoadClient.h"
#include "core/Random.h"
#include "net/ApiSupport.h"
#include "net/HttpServer.h"
#include "net/SearchService.h"
#include "runtime/Clock.h"
#include "search/SqliteEventSearch.h"

#ifdef USHER_BENCH_SEARCH_PG
#include "pgstore/PgEventSearch.h"
#include "support/PgCluster.h"
#endif

#include <QDir>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <ctime>
#include <sys/resource.h>
#include <unistd.h>

namespace usher::bench {

namespace {

using namespace usher::search;

constexpr Timestamp kDayMs = 24ll * 3600 * 1000;

constexpr std::array kCities = { "Zürich",
                                 "Genève",
                                 "Bern",
                                 "Basel",
                                 "Lausanne",
                                 "München",
                                 "Köln",
                                 "Berlin",
                                 "Hamburg",
                                 "Düsseldorf",
                                 "Frankfurt am Main",
                                 "Stuttgart",
                                 "Leipzig",
                                 "Dresden",
                                 "Nürnberg",
                                 "Wien",
                                 "Graz",
                                 "Salzburg",
                                 "Linz",
                                 "Paris",
                                 "Lyon",
                                 "Besançon",
                                 "Montréal",
                                 "Québec",
                                 "São Paulo",
                                 "Kraków",
                                 "Łódź",
                                 "Praha",
                                 "Brno",
                                 "Malmö",
                                 "Göteborg",
                                 "Stockholm",
                                 "Oslo",
                                 "Tromsø",
                                 "København",
                                 "Århus",
                                 "Helsinki",
                                 "Reykjavík",
                                 "Amsterdam",
                                 "Rotterdam",
                                 "Antwerpen",
                                 "Bruxelles",
                                 "London",
                                 "Manchester",
                                 "Dublin",
                                 "Madrid",
                                 "Málaga",
                                 "Córdoba",
                                 "Lisboa",
                                 "Porto",
                                 "Milano",
                                 "Torino",
                                 "Roma",
                                 "Napoli",
                                 "Athína",
                                 "İstanbul",
                                 "Budapest",
                                 "Pécs",
                                 "Ljubljana",
                                 "Zagreb" };
constexpr std::array kVenueKinds
    = { "Arena",      "Stadthalle",  "Theater",      "Opernhaus", "Tonhalle", "Club",  "Stadion",      "Kulturzentrum",
        "Jazzkeller", "Konzerthaus", "Philharmonie", "Festsaal",  "Halle",    "Bühne", "Kammerspiele", "Open Air" };
constexpr std::array kGenres = { "Rock",  "Pop",     "Jazz",       "Classical", "Opera",  "Theatre", "Comedy",
                                 "Dance", "Hip-Hop", "Electronic", "Folk",      "Family", "Musical", "Sports" };
constexpr std::array kFirst
    = { "Anna",    "Björn",    "Chloé", "Dávid",   "Elif",  "François", "Greta",  "Håkon", "Inès",  "János",
        "Kári",    "Léa",      "Malte", "Noémie",  "Oskar", "Paulína",  "Rémi",   "Søren", "Tomás", "Ülkü",
        "Valérie", "Wojciech", "Xenia", "Yannick", "Zoë",   "Jürgen",   "Maëlle", "Nils",  "Olga",  "Pietro" };
constexpr std::array kLast
    = { "Müller",   "Schäfer", "Nørgaard", "Dvořák",       "Öztürk",   "Lefèvre", "Johansson", "García",
        "Kowalski", "Novák",   "Rossi",    "Papadopoulos", "Svensson", "Martín",  "Horváth",   "Janssens",
        "O'Brien",  "Fischer", "Weiß",     "Kühn",         "Łukasik",  "Ibáñez",  "Coelho",    "Virtanen",
        "Jónsson",  "Bianchi", "Dubois",   "Meyer",        "Schmid",   "Brunner" };
constexpr std::array kBandA = { "Electric", "Silent",   "Velvet", "Golden", "Broken", "Wild",    "Neon",     "Crimson",
                                "Paper",    "Midnight", "Frozen", "Lucky",  "Hollow", "Burning", "Northern", "Rusty" };
constexpr std::array kBandB
    = { "Wolves", "Lanterns", "Orchestra", "Tigers", "Echoes",   "Pilots",    "Sisters", "Machines",
        "Ghosts", "Rivers",   "Comets",    "Kings",  "Dreamers", "Strangers", "Foxes",   "Quartet" };
constexpr std::array kTitles = { "live",
                                 "Tour",
                                 "in concert",
                                 "unplugged",
                                 "Farewell Tour",
                                 "Greatest Hits",
                                 "Jubiläumskonzert",
                                 "Neujahrskonzert",
                                 "Sommernachtstraum",
                                 "Matinée",
                                 "Gala",
                                 "Festival",
                                 "Premiere",
                                 "Dernière",
                                 "Open Air",
                                 "Weihnachtskonzert" };

template <typename Array>
const char* pick(Prng& random, const Array& values)
{
    return values[random.below(values.size())];
}

std::string performer(Prng& random)
{
    if (random.chance(55))
        return std::string(pick(random, kFirst)) + " " + pick(random, kLast);
    return std::string("The ") + pick(random, kBandA) + " " + pick(random, kBandB);
}

} // namespace

std::vector<CatalogEvent> generateEvents(std::size_t count, std::uint64_t seed, Timestamp now)
{
    Prng random(seed);
    // About 5,000 venues: a kind in a city, numbered when a city has several of a kind.
    std::vector<std::pair<std::string, std::string>> venues; // name, city
    for (std::size_t v = 0; v < 5000; ++v) {
        const char* city = kCities[v % kCities.size()];
        std::string name = std::string(pick(random, kVenueKinds)) + " " + city;
        if (v >= kCities.size() * kVenueKinds.size() / 2)
            name += " " + std::to_string(v / kCities.size());
        venues.emplace_back(std::move(name), city);
    }
    std::vector<CatalogEvent> events;
    events.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        CatalogEvent e;
        e.id = EventId(i + 1);
        e.performer = performer(random);
        e.name = random.chance(70) ? e.performer + " " + pick(random, kTitles)
                                   : std::string(pick(random, kTitles)) + " " + pick(random, kGenres);
        const auto& venue = venues[random.below(venues.size())];
        e.venue = venue.first;
        e.city = venue.second;
        e.genre = pick(random, kGenres);
        const Timestamp day = now - 365 * kDayMs + Timestamp(random.below(730)) * kDayMs;
        e.startsAt = day - day % kDayMs + (18 * 60 + Timestamp(random.below(6)) * 30) * 60'000;
        e.timeZone = "Europe/Zurich";
        e.currency = random.chance(30) ? "CHF" : "EUR";
        e.priceMin = 1500 + Amount(random.below(76)) * 100;
        e.priceMax = e.priceMin * Amount(1 + random.below(5));
        const std::uint64_t channel = random.below(100);
        e.channels = channel < 80 ? (ChannelOnline | ChannelBoxOffice)
            : channel < 95        ? ChannelOnline
                                  : ChannelBoxOffice;
        events.push_back(std::move(e));
    }
    return events;
}

namespace {

struct Options {
    std::size_t events = 1'000'000;
    std::size_t queries = 300; // per kind
    double httpSeconds = 5;
    std::size_t connections = 32;
    std::string index; // keep the index in this file (and reuse it when it exists)
    bool pg = false;   // PostgreSQL (PgEventSearch) on a private throw-away cluster
    std::string store; // PostgreSQL (PgEventSearch) on this server: postgresql://...
    bool http = true;  // --no-http: the engine figures only
};

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// A process's CPU time (user + system) from /proc, -1 when it cannot be read (another host).
[[maybe_unused]] double processCpuSeconds(int pid)
{
    std::FILE* f = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
    if (f == nullptr)
        return -1;
    char buffer[1024] = {};
    const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, f);
    std::fclose(f);
    // Fields after the command name (which may hold spaces, so start after its closing parenthesis):
    // state is field 3, utime 14 and stime 15.
    const char* p = std::strrchr(buffer, ')');
    if (n == 0 || p == nullptr)
        return -1;
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    if (std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2)
        return -1;
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

double loadAverage()
{
    double load[1] = { 0 };
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

// `finish` runs after the bulk load (SQLite: merge the FTS b-trees; PostgreSQL: VACUUM ANALYZE).
bool buildIndex(EventSearchIndex& index, const Options& o, Timestamp now,
                const std::function<SearchStatus(std::string*)>& finish, const char* finishName)
{
    std::printf("generating %zu events...\n", o.events);
    std::fflush(stdout);
    const std::vector<CatalogEvent> events = generateEvents(o.events, 42, now);
    const std::int64_t start = nowNs();
    const double cpuStart = cpuSeconds();
    std::string error;
    constexpr std::size_t kBatch = 10'000;
    for (std::size_t i = 0; i < events.size(); i += kBatch) {
        const std::vector<CatalogEvent> batch(events.begin() + std::ptrdiff_t(i),
                                              events.begin() + std::ptrdiff_t(std::min(events.size(), i + kBatch)));
        if (index.upsert(batch, &error) != SearchStatus::Ok) {
            std::fprintf(stderr, "usher-bench: %s\n", error.c_str());
            return false;
        }
    }
    const double insertSeconds = double(nowNs() - start) / 1e9;
    const std::int64_t optimizeStart = nowNs();
    if (finish(&error) != SearchStatus::Ok) {
        std::fprintf(stderr, "usher-bench: %s\n", error.c_str());
        return false;
    }
    const double optimizeSeconds = double(nowNs() - optimizeStart) / 1e9;
    std::size_t moved = 0;
    const std::int64_t archiveStart = nowNs();
    if (index.archiveBefore(now - 7 * kDayMs, &moved, &error) != SearchStatus::Ok) {
        std::fprintf(stderr, "usher-bench: %s\n", error.c_str());
        return false;
    }
    const double archiveSeconds = double(nowNs() - archiveStart) / 1e9;
    std::printf("index build: %zu events in %.1f s (%.0f events/s, CPU of this process %.1f s); %s %.1f s\n",
                events.size(), insertSeconds, double(events.size()) / insertSeconds, cpuSeconds() - cpuStart,
                finishName, optimizeSeconds);
    std::printf("archive: %zu events that started more than 7 days ago moved in %.1f s; current %zu, archive %zu\n",
                moved, archiveSeconds, index.size(Partition::Current), index.size(Partition::Archive));
    return true;
}

// The word mix of typical queries: performers, cities typed without accents, prefixes as typed.
std::vector<std::string> words(Prng& random, std::size_t n, bool prefix)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) {
        std::string word;
        switch (random.below(4)) {
        case 0: word = pick(random, kLast); break;
        case 1: word = pick(random, kCities); break;
        case 2: word = pick(random, kBandA); break;
        default: word = pick(random, kFirst); break;
        }
        // Strip to ASCII letters the way people type without accents ("Zurich" for "Zürich").
        std::string plain;
        for (const char c : word)
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                plain.push_back(c);
        if (prefix)
            plain = plain.substr(0, std::min<std::size_t>(plain.size(), 3 + random.below(2)));
        out.push_back(plain.empty() ? std::string("live") : plain);
    }
    return out;
}

struct Kind {
    const char* name;
    std::function<SearchQuery(Prng&)> make;
};

std::vector<Kind> queryKinds(Timestamp now)
{
    const Timestamp dayStart = now - now % kDayMs;
    const auto base = [dayStart] {
        SearchQuery q;
        q.dayStart = dayStart;
        return q;
    };
    return {
        { "full text, one word (\"muller \")",
          [base](Prng& r) {
              SearchQuery q = base();
              q.text = words(r, 1, false)[0] + " ";
              return q;
          } },
        { "prefix as typed (\"zur\")",
          [base](Prng& r) {
              SearchQuery q = base();
              q.text = words(r, 1, true)[0];
              return q;
          } },
        { "two words (\"golden kraków\")",
          [base](Prng& r) {
              SearchQuery q = base();
              const auto w = words(r, 2, false);
              q.text = w[0] + " " + w[1];
              return q;
          } },
        { "facets only: city + genre",
          [base](Prng& r) {
              SearchQuery q = base();
              q.cities = { pick(r, kCities) };
              q.genres = { pick(r, kGenres) };
              return q;
          } },
        { "faceted full text: word + city + 30 days + on sale",
          [base, dayStart](Prng& r) {
              SearchQuery q = base();
              q.text = words(r, 1, true)[0];
              q.cities = { pick(r, kCities) };
              q.from = dayStart;
              q.to = dayStart + 30 * kDayMs;
              q.availability = 1u << std::uint8_t(Availability::OnSale);
              return q;
          } },
        { "faceted full text: genre word + price + channel",
          [base](Prng& r) {
              SearchQuery q = base();
              q.text = std::string(pick(r, kTitles)) + " ";
              q.maxPrice = 5000;
              q.channels = ChannelBoxOffice;
              return q;
          } },
        { "no text, no filter (all current, all facets)", [base](Prng&) { return base(); } },
    };
}

// This thread's CPU time: on a shared machine the wall clock also counts the time other processes
// held the core, so the CPU columns say what a query costs and the wall columns what it took here.
std::int64_t threadCpuNs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// The CPU columns are this thread's. With PostgreSQL the words are matched in the server process
// (the facets and the page are counted here): `serverCpuSeconds`, when given, reads that backend's
// CPU time, and the last column is its mean per query (the kernel counts it in 10 ms ticks, so
// only the mean over a kind's queries means anything).
bool measureQueries(EventSearchIndex& index, const Options& o, Timestamp now, const char* title,
                    const std::function<double()>& serverCpuSeconds = {})
{
    std::printf("\n%-54s %9s %9s %9s %10s %10s %10s%s\n", title, "p50 ms", "p99 ms", "max ms", "results", "CPU p50",
                "CPU p99", serverCpuSeconds ? " server CPU mean" : "");
    Prng random(7);
    for (const Kind& kind : queryKinds(now)) {
        std::vector<std::int64_t> ns;
        std::vector<std::int64_t> cpuNs;
        std::uint64_t results = 0;
        const double serverStart = serverCpuSeconds ? serverCpuSeconds() : 0;
        for (std::size_t i = 0; i < o.queries; ++i) {
            const SearchQuery q = kind.make(random);
            SearchResult r;
            std::string error;
            const std::int64_t start = nowNs();
            const std::int64_t cpuStart = threadCpuNs();
            if (index.search(q, &r, &error) != SearchStatus::Ok) {
                std::fprintf(stderr, "usher-bench: query \"%s\" failed: %s\n", q.text.c_str(), error.c_str());
                return false;
            }
            ns.push_back(nowNs() - start);
            cpuNs.push_back(threadCpuNs() - cpuStart);
            results += r.total;
        }
        const Percentiles p = percentiles(std::move(ns));
        const Percentiles cpu = percentiles(std::move(cpuNs));
        std::printf("%-54s %9.2f %9.2f %9.2f %10.0f %10.2f %10.2f", kind.name, p.p50Ms, p.p99Ms, p.maxMs,
                    double(results) / double(o.queries), cpu.p50Ms, cpu.p99Ms);
        if (serverCpuSeconds)
            std::printf(" %15.2f", (serverCpuSeconds() - serverStart) * 1e3 / double(o.queries));
        std::printf("\n");
        std::fflush(stdout);
    }
    return true;
}

class SearchHandler final : public net::HttpHandler, public net::WsHandler {
public:
    explicit SearchHandler(net::SearchService& search)
        : m_search(search)
    {
    }
    void handle(net::HttpRequest&& request, net::Reply reply) override
    {
        m_search.handle(request, net::ApiReply(std::move(reply), net::Route::Events, net::steadyNowNs(), &m_metrics));
    }
    void opened(const net::WsConnectionPtr& connection, const net::HttpRequest&) override { connection->close(); }
    void message(const net::WsConnectionPtr&, std::string&&) override { }
    void closed(const net::WsConnectionPtr&) override { }

private:
    net::SearchService& m_search;
    net::Metrics m_metrics;
};

bool measureHttp(const std::string& indexPath, const std::string& store, const Options& o)
{
    net::SearchOptions options;
    options.indexPath = indexPath;
    options.store = store;
    std::string error;
    const double openStart = double(nowNs());
    auto search = net::SearchService::open(options, &error);
    if (!search) {
        std::fprintf(stderr, "usher-bench: %s\n", error.c_str());
        return false;
    }
    std::printf("\nHTTP: SearchService opened the index in %.1f s\n", (double(nowNs()) - openStart) / 1e9);
    SearchHandler handler(*search);
    net::ServerOptions serverOptions;
    serverOptions.port = 0;
    net::HttpServer server(serverOptions, handler, handler);
    if (!server.start(&error)) {
        std::fprintf(stderr, "usher-bench: %s\n", error.c_str());
        return false;
    }
    // 64 typical query strings, each asked once to warm the answer cache.
    std::vector<std::string> requests;
    Prng random(11);
    for (int i = 0; i < 64; ++i) {
        const auto w = words(random, 1, true);
        std::string path = "/api/events?q=" + w[0];
        if (i % 2)
            path += "&city=Berlin&availability=on_sale";
        if (i % 3 == 0)
            path += "&category=Rock&maxPrice=8000";
        requests.push_back(httpRequest("GET", path, {}, {}));
    }
    {
        BlockingConnection warm(server.port());
        for (const std::string& r : requests)
            if (!warm.ok() || warm.request(r).status != 200) {
                std::fprintf(stderr, "usher-bench: a warm-up search failed\n");
                return false;
            }
    }
    const double cpuBefore = cpuSeconds();
    const LoadResult r = runClosedLoop(server.port(), o.connections, o.httpSeconds,
                                       [&](std::size_t c, std::uint64_t n) { return requests[(c * 7 + n) % 64]; });
    const double cpu = cpuSeconds() - cpuBefore;
    const Percentiles p = percentiles(r.latenciesNs);
    std::uint64_t ok = 0;
    for (const auto& [status, count] : r.statuses)
        ok += status == 200 ? count : 0;
    std::printf("%-54s %12s %9s %9s %9s %8s\n", "HTTP search, warm cache, loopback", "req/s", "p50 ms", "p99 ms",
                "max ms", "200s");
    std::printf("%-54s %12.0f %9.2f %9.2f %9.2f %7.1f%%\n",
                (std::to_string(o.connections) + " connections, 64 query strings").c_str(),
                double(r.requests) / r.seconds, p.p50Ms, p.p99Ms, p.maxMs,
                r.requests ? 100.0 * double(ok) / double(r.requests) : 0.0);
    std::printf("CPU (server and client in this process): %.1f us per request; cache hits %llu, misses %llu\n",
                r.requests ? cpu * 1e6 / double(r.requests) : 0.0, static_cast<unsigned long long>(search->cacheHits()),
                static_cast<unsigned long long>(search->cacheMisses()));
    server.stopAccepting();
    search->stop();
    server.stop();
    return ok == r.requests && r.requests > 0;
}

bool parse(const std::vector<std::string_view>& arguments, Options* o)
{
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string_view a = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        const auto number = [&](auto* out) {
            const std::string_view v = arguments[++i];
            return std::from_chars(v.data(), v.data() + v.size(), *out).ec == std::errc();
        };
        if (a == "--quick") {
            o->events = 20'000;
            o->queries = 50;
            o->httpSeconds = 1;
        } else if (a == "--events" && hasValue) {
            if (!number(&o->events) || o->events == 0)
                return false;
        } else if (a == "--queries" && hasValue) {
            if (!number(&o->queries) || o->queries == 0)
                return false;
        } else if (a == "--connections" && hasValue) {
            if (!number(&o->connections) || o->connections == 0)
                return false;
        } else if (a == "--seconds" && hasValue) {
            if (!number(&o->httpSeconds) || o->httpSeconds <= 0)
                return false;
        } else if (a == "--index" && hasValue) {
            o->index = std::string(arguments[++i]);
        } else if (a == "--pg") {
            o->pg = true;
        } else if (a == "--no-http") {
            o->http = false;
        } else if (a == "--store" && hasValue) {
            o->store = std::string(arguments[++i]);
        } else {
            return false;
        }
    }
    return true;
}

// The same build and queries on PostgreSQL (PgEventSearch): on --store's server (its catalog is
// emptied first: give it a database of its own), or a private throw-away cluster with --pg.
int runPg(const Options& o)
{
#ifdef USHER_BENCH_SEARCH_PG
    std::printf("usher-bench search (PostgreSQL): %zu events, %zu queries per kind; load average %.2f\n", o.events,
                o.queries, loadAverage());
    test::PgCluster cluster;
    std::string store = o.store;
    std::string error;
    if (store.empty()) {
        // fsync off: the build is a bulk load and the queries read; durability is not measured here.
        if (!cluster.start(&error, false) || !cluster.createDatabase("search_bench", &error)) {
            std::fprintf(stderr, "usher-bench: %s\n", error.c_str());
            return 1;
        }
        store = cluster.uri("search_bench");
    }
    const Timestamp now = systemClockNow();
    {
        PgEventSearchOptions options;
        options.conninfo = store;
        auto index = PgEventSearch::open(options, &error);
        if (!index) {
            std::fprintf(stderr, "usher-bench: %s\n", error.c_str());
            return 1;
        }
        if (index->size(Partition::All) != 0) {
            std::fprintf(stderr, "usher-bench: the database already holds a search catalog; give the benchmark a "
                                 "database of its own\n");
            return 1;
        }
        if (!buildIndex(
                *index, o, now, [&index](std::string* why) { return index->vacuumAnalyze(why); }, "VACUUM ANALYZE"))
            return 1;
        std::printf("index size: %.1f MB (tables and indexes; %zu current, %zu archived)\n",
                    double(index->databaseBytes()) / 1e6, index->size(Partition::Current),
                    index->size(Partition::Archive));
    }
    {
        // Another node opening the catalog: every row's facet columns loaded into memory.
        PgEventSearchOptions options;
        options.conninfo = store;
        const std::int64_t openStart = nowNs();
        const double cpuStart = cpuSeconds();
        auto index = PgEventSearch::open(options, &error);
        if (!index) {
            std::fprintf(stderr, "usher-bench: %s\n", error.c_str());
            return 1;
        }
        std::printf("opening the index (facet columns of %zu events loaded from PostgreSQL): %.1f s, CPU of this "
                    "process %.1f s\n",
                    index->size(Partition::All), double(nowNs() - openStart) / 1e9, cpuSeconds() - cpuStart);
        const int backend = index->backendPid();
        const auto serverCpu = [backend] { return processCpuSeconds(backend); };
        if (!measureQueries(*index, o, now, "engine query (PostgreSQL tsvector/GIN words + column facets)",
                            backend > 0 && processCpuSeconds(backend) >= 0 ? std::function<double()>(serverCpu)
                                                                           : std::function<double()>()))
            return 1;
    }
    if (o.http && !measureHttp({}, store, o))
        return 1;
    std::printf("load average at the end %.2f\n", loadAverage());
    return 0;
#else
    (void)o;
    std::fprintf(stderr, "usher-bench: this build has no PostgreSQL (libpq)\n");
    return 1;
#endif
}

} // namespace

int runSearchBenchCommand(const std::vector<std::string_view>& arguments)
{
    Options o;
    if (!parse(arguments, &o)) {
        std::fprintf(stderr,
                     "usage: usher-bench search [--quick] [--events N] [--queries N] [--connections N] "
                     "[--seconds S] [--no-http] [--index FILE | --pg | --store postgresql://...]\n");
        return 2;
    }
    if (o.pg || !o.store.empty())
        return runPg(o);
    std::printf("usher-bench search: %zu events, %zu queries per kind; load average %.2f\n", o.events, o.queries,
                loadAverage());
    QTemporaryDir dir;
    const bool reuse = !o.index.empty() && QDir().exists(QString::fromStdString(o.index));
    const std::string path = o.index.empty() ? (dir.path() + QStringLiteral("/search.db")).toStdString() : o.index;
    const Timestamp now = systemClockNow();
    {
        std::string error;
        auto index = search::SqliteEventSearch::open(path, &error);
        if (!index) {
            std::fprintf(stderr, "usher-bench: %s\n", error.c_str());
            return 1;
        }
        if (!reuse
            && !buildIndex(
                *index, o, now, [&index](std::string* why) { return index->optimize(why); }, "FTS optimize"))
            return 1;
        std::printf("index size: %.1f MB on disk (%zu current, %zu archived)\n", double(index->databaseBytes()) / 1e6,
                    index->size(Partition::Current), index->size(Partition::Archive));
        if (!measureQueries(*index, o, now, "engine query (SQLite FTS5 + column facets)"))
            return 1;
    }
    if (o.http && !measureHttp(path, {}, o))
        return 1;
    std::printf("load average at the end %.2f\n", loadAverage());
    return 0;
}

} // namespace usher::bench
