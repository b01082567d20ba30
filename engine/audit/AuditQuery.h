#pragma once

// Reads the audit index (AuditIndex) on a connection of its own: filtered pages by keyset in both
// directions, capped counts, single rows, and the seq/time lookups of the time-travel slider.
// Every page is an index range read from a key, never an OFFSET: the cost of a page does not grow
// with the journal. One thread at a time.

#include "audit/AuditRecord.h"
#include "audit/AuditSql.h"

#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace usher::audit {

enum class AuditOutcome : std::uint8_t { Any = 0, Ok = 1, Rejected = 2 };

struct AuditFilter {
    EventId event = 0;                     // 0: every event
    SeatId seat = 0;                       // 0: any; needs `event` (seat ids belong to a venue)
    OrderId order = 0;                     // 0: any; the order's records and those of the hold it came from
    ActorKind actorKind = ActorKind::None; // None: anyone
    std::uint64_t actorId = 0;             // 0 with a kind: anyone of that kind
    CommandKind kind = CommandKind(0);     // 0: any
    AuditOutcome outcome = AuditOutcome::Any;
    Timestamp from = 0; // inclusive; 0: from the start
    Timestamp to = 0;   // exclusive; 0: to the end
    std::string text;   // words, each matched as a prefix, all of them required

    bool hasKind() const { return kind != CommandKind(0); }
    friend bool operator==(const AuditFilter&, const AuditFilter&) = default;
};

enum class AuditDirection : std::uint8_t { Forward, Backward };

constexpr AuditKey kAuditKeyMin = std::numeric_limits<AuditKey>::min();
constexpr AuditKey kAuditKeyMax = std::numeric_limits<AuditKey>::max();

class AuditQuery {
public:
    static constexpr std::size_t kPageRowsMax = 10'000;

    static std::unique_ptr<AuditQuery> open(const std::string& indexPath, std::string* error);
    ~AuditQuery();
    AuditQuery(const AuditQuery&) = delete;
    AuditQuery& operator=(const AuditQuery&) = delete;

    // Up to `limit` rows matching `filter`, always in ascending key order: Forward, the first rows
    // with key > `from`; Backward, the last rows with key < `from`. So the newest page is
    // page(f, Backward, kAuditKeyMax) and a live tail is page(f, Forward, lastKeySeen).
    // InvalidArgument for a seat without an event, a limit of 0 or above kPageRowsMax.
    Status page(const AuditFilter& filter, AuditDirection direction, AuditKey from, std::size_t limit,
                std::vector<AuditRow>* rows, std::string* error);
    // How many rows match, counting at most `cap` of them (*capped when there are more). Exact
    // and immediate without filters or with only an event.
    Status count(const AuditFilter& filter, std::uint64_t cap, std::uint64_t* count, bool* capped, std::string* error);
    // One row by key; InvalidArgument when there is none.
    Status row(AuditKey key, AuditRow* row, std::string* error);
    // The row of (event, seq); InvalidArgument when it is not indexed.
    Status rowOfSeq(EventId event, Seq seq, AuditRow* row, std::string* error);
    // The first and last indexed seq of an event (0, 0 when none) and their times.
    Status seqRange(EventId event, Seq* first, Seq* last, Timestamp* firstAt, Timestamp* lastAt, std::string* error);
    // The events the index has rows of, by id.
    Status events(std::vector<EventId>* events, std::string* error);

    // Database pages this connection read from the file since it opened (SQLite cache misses): on a
    // cold file, what a query costs in reads.
    std::uint64_t pagesRead() const;

    // The FTS5 query for user text: every word quoted and prefix-matched ("jan" finds "Jane").
    static std::string ftsQuery(const std::string& text);

private:
    explicit AuditQuery(std::unique_ptr<AuditDb> db);
    Status fail(const char* what, std::string* error) const;

    std::unique_ptr<AuditDb> m_db;
};

} // namespace usher::audit
