#include "net/PurchaseStore.h"

#include <sqlite3.h>

namespace usher::net {

namespace {

bool exec(sqlite3* db, const char* sql, std::string* error)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    *error = message ? message : "sqlite error";
    sqlite3_free(message);
    return false;
}

// A prepared statement that finalizes itself.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr); }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    sqlite3_stmt* get() const { return m_statement; }
    explicit operator bool() const { return m_statement != nullptr; }
    void bind(int index, std::int64_t value) { sqlite3_bind_int64(m_statement, index, value); }
    void bind(int index, const std::string& text)
    {
        sqlite3_bind_text(m_statement, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
    }
    std::string text(int column) const
    {
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
        return data ? std::string(data, std::size_t(sqlite3_column_bytes(m_statement, column))) : std::string();
    }
    std::int64_t number(int column) const { return sqlite3_column_int64(m_statement, column); }

private:
    sqlite3_stmt* m_statement = nullptr;
};

std::string priceTypesText(const std::vector<std::uint8_t>& types)
{
    std::string text;
    for (std::uint8_t type : types) {
        if (!text.empty())
            text.push_back(',');
        text += std::to_string(type);
    }
    return text;
}

std::vector<std::uint8_t> parsePriceTypes(const std::string& text)
{
    std::vector<std::uint8_t> types;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find(',', at);
        if (end == std::string::npos)
            end = text.size();
        types.push_back(static_cast<std::uint8_t>(std::stoul(text.substr(at, end - at))));
        at = end + 1;
    }
    return types;
}

} // namespace

std::unique_ptr<PurchaseStore> PurchaseStore::open(const std::string& directory, bool synchronousFull,
                                                   std::string* error)
{
    const std::string path = directory + "/usherd-purchases.db";
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr)
        != SQLITE_OK) {
        *error = path + ": " + (db ? sqlite3_errmsg(db) : "cannot open");
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 2000);
    std::unique_ptr<PurchaseStore> store(new PurchaseStore(db));
    const char* synchronous = synchronousFull ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=OFF;";
    if (!exec(db, "PRAGMA journal_mode=WAL;", error) || !exec(db, synchronous, error)
        || !exec(db,
                 "CREATE TABLE IF NOT EXISTS pending_purchase("
                 " event INTEGER NOT NULL, hold INTEGER NOT NULL, actor_kind INTEGER NOT NULL,"
                 " actor_id INTEGER NOT NULL, channel INTEGER NOT NULL, price_types TEXT NOT NULL,"
                 " buyer_name TEXT NOT NULL, buyer_email TEXT NOT NULL, buyer_phone TEXT NOT NULL,"
                 " amount INTEGER NOT NULL, pay_key TEXT NOT NULL, created_at INTEGER NOT NULL,"
                 " PRIMARY KEY(event, hold));",
                 error)) {
        *error = path + ": " + *error;
        return nullptr;
    }
    return store;
}

PurchaseStore::PurchaseStore(sqlite3* db)
    : m_db(db)
{
}

PurchaseStore::~PurchaseStore()
{
    sqlite3_close(m_db);
}

bool PurchaseStore::put(const PendingPurchase& p, std::string* error)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "INSERT OR REPLACE INTO pending_purchase VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!s) {
        *error = sqlite3_errmsg(m_db);
        return false;
    }
    s.bind(1, std::int64_t(p.event));
    s.bind(2, std::int64_t(p.hold));
    s.bind(3, std::int64_t(p.actor.kind));
    s.bind(4, std::int64_t(p.actor.id));
    s.bind(5, std::int64_t(p.channel));
    s.bind(6, priceTypesText(p.priceTypes));
    s.bind(7, p.buyer.name);
    s.bind(8, p.buyer.email);
    s.bind(9, p.buyer.phone);
    s.bind(10, std::int64_t(p.amount));
    s.bind(11, p.payKey);
    s.bind(12, std::int64_t(p.createdAt));
    if (sqlite3_step(s.get()) != SQLITE_DONE) {
        *error = sqlite3_errmsg(m_db);
        return false;
    }
    return true;
}

bool PurchaseStore::remove(EventId event, HoldId hold, std::string* error)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "DELETE FROM pending_purchase WHERE event = ? AND hold = ?");
    if (!s) {
        *error = sqlite3_errmsg(m_db);
        return false;
    }
    s.bind(1, std::int64_t(event));
    s.bind(2, std::int64_t(hold));
    if (sqlite3_step(s.get()) != SQLITE_DONE) {
        *error = sqlite3_errmsg(m_db);
        return false;
    }
    return true;
}

bool PurchaseStore::list(std::size_t max, std::vector<PendingPurchase>* out, std::string* error)
{
    std::lock_guard lock(m_mutex);
    out->clear();
    Statement s(m_db,
                "SELECT event, hold, actor_kind, actor_id, channel, price_types, buyer_name, buyer_email,"
                " buyer_phone, amount, pay_key, created_at FROM pending_purchase ORDER BY created_at LIMIT ?");
    if (!s) {
        *error = sqlite3_errmsg(m_db);
        return false;
    }
    s.bind(1, std::int64_t(max));
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(s.get())) == SQLITE_ROW) {
        PendingPurchase p;
        p.event = EventId(s.number(0));
        p.hold = HoldId(s.number(1));
        p.actor.kind = static_cast<ActorKind>(s.number(2));
        p.actor.id = std::uint64_t(s.number(3));
        p.channel = ChannelId(s.number(4));
        try {
            p.priceTypes = parsePriceTypes(s.text(5));
        } catch (const std::exception&) {
            *error = "a stored purchase has malformed price types";
            return false;
        }
        p.buyer.name = s.text(6);
        p.buyer.email = s.text(7);
        p.buyer.phone = s.text(8);
        p.amount = Amount(s.number(9));
        p.payKey = s.text(10);
        p.createdAt = Timestamp(s.number(11));
        out->push_back(std::move(p));
    }
    if (step != SQLITE_DONE) {
        *error = sqlite3_errmsg(m_db);
        return false;
    }
    return true;
}

std::size_t PurchaseStore::count()
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db, "SELECT count(*) FROM pending_purchase");
    return s && sqlite3_step(s.get()) == SQLITE_ROW ? std::size_t(s.number(0)) : 0;
}

} // namespace usher::net
