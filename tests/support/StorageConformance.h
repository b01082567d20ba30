#pragma once

// The storage conformance suite: what every Storage implementation must do, written once against
// the Storage interface and run by TestSqliteStorage (SQLite) and TestPgStorage (PostgreSQL). Each
// check is a plain function using QVERIFY/QCOMPARE: call it from a test slot.
//
// The checks see the store itself only through a StoreUnderTest: opening a fresh store, reopening
// it (a restart), counting rows with plain SQL (the same text works on SQLite and PostgreSQL) and
// overwriting a blob (to plant corruption).

#include "storage/Storage.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace usher::test {

class StoreUnderTest {
public:
    virtual ~StoreUnderTest() = default;
    // A storage on a new, empty store; null (with a warning) on failure.
    virtual std::unique_ptr<Storage> openFresh() = 0;
    // Opens the store of the last openFresh() again.
    virtual std::unique_ptr<Storage> reopen() = 0;
    // The first column of the first row of `sql` as an integer; -1 on failure.
    virtual std::int64_t queryInt(const std::string& sql) = 0;
    // UPDATE <table> SET <column> = bytes [WHERE <where>]; false on failure.
    virtual bool setBlob(const std::string& table, const std::string& column, const std::string& where,
                         const std::vector<std::uint8_t>& bytes)
        = 0;
    // The storage with the two test events (kEvent, kOtherEvent) created.
    std::unique_ptr<Storage> openFreshWithEvents();
};

constexpr EventId kEvent = 1;
constexpr EventId kOtherEvent = 2;

// A batch of `count` hold records starting at `firstSeq`, with a seat delta per record.
JournalBatch holdBatch(EventId event, Seq firstSeq, std::size_t count);
// A batch of one Confirm record: order `order` with one seat ticket and one GA ticket.
JournalBatch confirmBatch(EventId event, Seq seq, OrderId order, SeatId seat);
CommitItem item(EventId event, const JournalBatch* batch);
Status commitOne(Storage& storage, EventId event, const JournalBatch& batch, std::string* error);
// Every batch of the event from `fromSeq`, as bytes; false on an error.
bool readAll(Storage& storage, EventId event, Seq fromSeq, std::vector<BatchBytes>* out, std::string* error);
Seq lastSeqOf(const std::vector<JournalBatch>& batches);
// Reads the whole journal of kEvent back and compares it with what was committed; empty when equal.
std::string journalMismatch(Storage& storage, const std::vector<JournalBatch>& committed);

// The checks.
namespace conformance {
void eventsRoundTrip(StoreUnderTest& store);
void journalRoundTrip(StoreUnderTest& store);
void journalFromSeqFilters(StoreUnderTest& store);
void journalVisitorStopsEarly(StoreUnderTest& store);
void commitRefusesInvalidBatches(StoreUnderTest& store);
void commitRefusesSeqGapsAndDuplicates(StoreUnderTest& store);
void commitForUnknownEventFails(StoreUnderTest& store);
void ordersAndTicketsAreProjected(StoreUnderTest& store);
void refundsAndExchangesUpdateTickets(StoreUnderTest& store);
void rejectedRecordsProjectNothing(StoreUnderTest& store);
void orderSearches(StoreUnderTest& store);
void outboxRowsAndCursor(StoreUnderTest& store);
void snapshotUpsertKeepsTheNewest(StoreUnderTest& store);
void snapshotCrcIsChecked(StoreUnderTest& store);
void multiItemCommitIsAtomic(StoreUnderTest& store);
void bigGroupCommitRoundTrips(StoreUnderTest& store);
} // namespace conformance

} // namespace usher::test
