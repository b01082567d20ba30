#pragma once

// The purchases usherd has started and not yet finished, in a small SQLite file of its own
// (<data>/usherd-purchases.db, apart from the engine's usher.db so the committer never waits on
// it). A row is written before the hold is marked payment-pending and the card is charged, and
// removed once the purchase ends (sold, declined, refunded). After a crash, the rows left are the
// payments whose outcome usherd never learnt: at start-up each is looked up at the gateway by its
// idempotency key and confirmed or failed with the arguments the buyer gave (price types, buyer
// details), so a crash never leaves a charge without its tickets.
//
// Thread-safe (one mutex); every call is a short SQLite statement, meant for worker threads.

#include "core/Types.h"
#include "ledger/Command.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

struct sqlite3;

namespace usher::net {

struct PendingPurchase {
    EventId event = 0;
    HoldId hold = 0;
    Actor actor;
    ChannelId channel = 0;
    std::vector<std::uint8_t> priceTypes;
    Buyer buyer;
    Amount amount = 0;
    std::string payKey;
    Timestamp createdAt = 0;
};

class PurchaseStore {
public:
    // Opens or creates <directory>/usherd-purchases.db. `synchronousFull`: fsync every write.
    static std::unique_ptr<PurchaseStore> open(const std::string& directory, bool synchronousFull, std::string* error);
    ~PurchaseStore();
    PurchaseStore(const PurchaseStore&) = delete;
    PurchaseStore& operator=(const PurchaseStore&) = delete;

    // Records (or replaces) the purchase of a hold; false with *error when it could not be written.
    bool put(const PendingPurchase& purchase, std::string* error);
    // Forgets the purchase of a hold (no-op when there is none); false with *error on a failure.
    bool remove(EventId event, HoldId hold, std::string* error);
    // Every purchase recorded, oldest first, at most `max`.
    bool list(std::size_t max, std::vector<PendingPurchase>* out, std::string* error);
    std::size_t count();

private:
    explicit PurchaseStore(sqlite3* db);
    std::mutex m_mutex;
    sqlite3* m_db = nullptr;
};

} // namespace usher::net
