#pragma once

// usherd's record of waiting-room changes: every PUT /api/events/{id}/waiting-room (pause, resume,
// drain rate, onsale time...), applied or refused, with who made it, from where and the answer's
// status. The waiting room is not part of an event's ledger, so these are not journal records;
// they go to `<data>/waiting-room-audit.jsonl`, one JSON object a line, each line written and
// flushed to disk (fdatasync) before the change is answered. GET /api/audit/waiting-room serves them
// to the app's audit browser (docs/api/openapi.yaml). A torn last line (a crash mid-write: that
// change was never answered) is skipped on open and overwritten by the next change.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace usher::net {

struct WaitingRoomChange {
    std::uint64_t seq = 0; // 1, 2, ... in the order usherd answered them
    std::int64_t at = 0;   // ms since the epoch, UTC
    std::uint64_t event = 0;
    std::string actorRole; // "admin", "promoter"
    std::uint64_t actorId = 0;
    std::string actorName;
    std::string remote;
    std::string change; // the request body as sent, at most changeBytesMax
    int status = 0;     // the answer's HTTP status
};

class WaitingRoomAudit {
public:
    static constexpr std::size_t changeBytesMax = 2048;
    static constexpr std::size_t pageMax = 1000;

    // Opens (creates) `path` and reads the changes recorded before; an empty path keeps them in
    // memory only (tests). Null with *error when the file cannot be read or written.
    static std::unique_ptr<WaitingRoomAudit> open(const std::string& path, std::string* error);
    ~WaitingRoomAudit();
    WaitingRoomAudit(const WaitingRoomAudit&) = delete;
    WaitingRoomAudit& operator=(const WaitingRoomAudit&) = delete;

    // Gives `change` the next seq and appends it durably; false with *error when the disk refused
    // (the change stays in memory and is served all the same).
    bool append(WaitingRoomChange change, std::string* error);
    // Up to `limit` (at most pageMax) changes with seq > `after`, of `event` (0: every event);
    // *last: the last seq scanned (all changes up to it were looked at: the next `after`).
    std::vector<WaitingRoomChange> after(std::uint64_t after, std::uint64_t event, std::size_t limit,
                                         std::uint64_t* last) const;
    std::uint64_t lastSeq() const;

    static std::string lineOf(const WaitingRoomChange& change); // one JSON object, no newline
    static bool parseLine(const std::string& line, WaitingRoomChange* change);
    // {"changes":[...],"last":N}: N the `after` of the next page (a live tail's position).
    static std::string pageJson(const std::vector<WaitingRoomChange>& changes, std::uint64_t last);

private:
    WaitingRoomAudit() = default;
    std::uint64_t lastSeqLocked() const;

    mutable std::mutex m_mutex;
    std::vector<WaitingRoomChange> m_changes; // in seq order
    int m_fd = -1;
    std::string m_path;
};

} // namespace usher::net
