#pragma once

// Change notifications between usherd nodes on one PostgreSQL database (issue 9: fan-out across
// nodes; docs/design/cluster-fanout.md).
//
// * The writer: PgStorage::commit() with PgStorageOptions::notifyChannel set sends
//   pg_notify(channel, "E:S,E:S,...") inside the commit's transaction, one pair per batch, in
//   commit order (S = the batch's last seq). PostgreSQL delivers a notification only when its
//   transaction commits, so a notification exists if and only if the batch is durable. Each pair
//   may carry its batch ("E:S:HEX", the journal bytes in hex) when it fits: a listener whose copy
//   ends just before the batch applies it without reading the journal (one query less per node
//   and commit). A batch that does not fit goes as "E:S", and the listener reads the journal; so
//   the 8,000-byte payload limit never truncates a change.
// * The reader: PgListener, one dedicated connection that LISTENs on the channel. A lost
//   connection loses the notifications sent meanwhile, so its user must re-read from the last seq
//   it has seen after every reconnect (wait() says when it reconnected).
// * Not thread-safe: one thread uses a listener.

#include "core/Types.h"
#include "journal/JournalFormat.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;

namespace usher {

struct EventChange {
    EventId event = 0;
    Seq lastSeq = 0;
    BatchPtr batch; // the batch ending at lastSeq, when the payload carried it (unverified)
};

// The channel usherd uses (PgStorageOptions::notifyChannel, PgListener).
inline constexpr const char* kChangesChannel = "usher_changes";
// PostgreSQL refuses payloads of 8,000 bytes or more; ours stay below this.
inline constexpr std::size_t kNotifyPayloadBytesMax = 7'900;

// "E:S[:HEX],..." payloads, each at most kNotifyPayloadBytesMax bytes, covering every change, in
// order; a batch goes along only while its pair fits in one payload.
std::vector<std::string> encodeChangePayloads(const std::vector<EventChange>& changes);
// False (and *out unchanged) for a payload that is not one of ours.
bool decodeChangePayload(std::string_view payload, std::vector<EventChange>* out);

struct PgListenerOptions {
    std::string conninfo;
    std::string channel = kChangesChannel;
    std::string applicationName = "usher-listen";
    int connectTimeoutSeconds = 5;
};

class PgListener {
public:
    explicit PgListener(const PgListenerOptions& options);
    ~PgListener();
    PgListener(const PgListener&) = delete;
    PgListener& operator=(const PgListener&) = delete;

    enum class Wait : std::uint8_t {
        Notified = 0,    // *changes has what arrived (possibly nothing, on a timeout)
        Reconnected = 1, // the connection was (re)opened and LISTENs again: notifications sent while
                         // it was down are lost; re-read everything after the last seq seen
        Down = 2,        // cannot connect now (*error); call again later
    };
    // Waits up to timeoutMs for notifications (connecting first when needed) and appends them.
    Wait wait(int timeoutMs, std::vector<EventChange>* changes, std::string* error);
    // Drops the connection (tests: a lost LISTEN session); the next wait() reconnects.
    void disconnect();
    bool connected() const { return m_conn != nullptr; }
    int backendPid() const { return m_pid; }

private:
    bool connect(std::string* error);

    const PgListenerOptions m_options;
    pg_conn* m_conn = nullptr;
    int m_pid = 0;
};

} // namespace usher
