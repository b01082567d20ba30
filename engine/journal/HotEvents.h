#pragma once

// The journal's encoding and answer-folding of the events on the ledger's hot path (SEAT_HELD,
// SEAT_RELEASED, ORDER_CREATED, SEAT_CONFIRMED, GA_CONFIRMED), one function per type, inline; and
// the record header's encoding and patch, inline (encodeRecordHeaderAt and finishRecordAt call them).
//
// JournalFormat.cpp's encodeEventAt and foldEvent call these same functions for these types (their
// switch picks one), and the ledger's Emitter calls them directly where it knows the type at compile
// time (emitAs<Type>): same bytes, same answer, without the switch, the call and the work on
// fields the type does not have. Internal to the journal and the ledger (not included by
// JournalFormat.h, so the widely included header does not carry it).

#include "core/Assert.h"
#include "core/SmallCopy.h"
#include "journal/JournalFormat.h"

#include <cstring>
#include <string_view>
#include <type_traits>

namespace usher {

// Writes at a position with room the caller made, unchecked: encodeEventAt checks once that the
// room holds eventBytesBound() (a payload's fixed fields take at most 64 bytes, plus every text
// with its length), and that the payload's length fits its 16 bits (which a text of more than
// 0xffff bytes would break). One check per event instead of one per text.
class RawWriter {
public:
    explicit RawWriter(std::uint8_t* at) : m_start(at), m_at(at) {}

    template <typename T> void put(T value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        std::memcpy(m_at, &value, sizeof(T));
        m_at += sizeof(T);
    }
    void putBytes(const void* data, std::size_t size)
    {
        if (size > 0)
            std::memcpy(m_at, data, size);
        m_at += size;
    }
    void putText(std::string_view text)
    {
        put<std::uint16_t>(static_cast<std::uint16_t>(text.size()));
        copySmall(m_at, text.data(), text.size());
        m_at += text.size();
    }
    std::size_t size() const { return std::size_t(m_at - m_start); }

private:
    std::uint8_t* m_start;
    std::uint8_t* m_at;
};

// A record's header (kRecordHeaderBytes at `at`): encodeRecordHeaderAt, inline for the ledger.
inline void encodeRecordHeaderInline(std::uint8_t* at, const RecordHeader& h)
{
    RawWriter w(at);
    w.put<std::uint32_t>(0); // length, patched by finishRecordAt
    w.put<Seq>(h.seq);
    w.put<std::uint8_t>(static_cast<std::uint8_t>(h.kind));
    w.put<std::uint8_t>(static_cast<std::uint8_t>(h.status));
    w.put<ChannelId>(h.channel);
    w.put<std::uint8_t>(static_cast<std::uint8_t>(h.actor.kind));
    w.put<std::uint64_t>(h.actor.id);
    w.put<Timestamp>(h.now);
    w.put<std::uint64_t>(h.key.hi);
    w.put<std::uint64_t>(h.key.lo);
    w.put<std::uint64_t>(h.fingerprint);
    w.put<std::uint32_t>(h.detail);
    // The event count (patched by finishRecordAt), the fingerprint's version, then 2 reserved bytes:
    // one 4-byte store and one byte (little-endian, as every field).
    w.put<std::uint32_t>(std::uint32_t(h.fingerprintVersion) << 16);
    w.put<std::uint8_t>(0);
    USHER_ASSERT(w.size() == kRecordHeaderBytes);
}

// Patches a record's length, outcome and event count: finishRecordAt, inline for the ledger.
inline void finishRecordInline(std::uint8_t* record, std::size_t length, Status status, std::uint32_t detail,
                               std::uint16_t eventCount)
{
    // Field offsets inside a record header.
    constexpr std::size_t kStatusOffset = 4 + 8 + 1;
    constexpr std::size_t kDetailOffset = 4 + 8 + 1 + 1 + 2 + 1 + 8 + 8 + 16 + 8;
    constexpr std::size_t kEventCountOffset = kDetailOffset + 4;
    USHER_ASSERT(length >= kRecordHeaderBytes && length <= 0xffffffffu);
    USHER_ASSERT(status == Status::Ok || eventCount == 0); // a refused command changes nothing
    const auto length32 = static_cast<std::uint32_t>(length);
    const auto status8 = static_cast<std::uint8_t>(status);
    std::memcpy(record, &length32, 4);
    std::memcpy(record + kStatusOffset, &status8, 1);
    std::memcpy(record + kDetailOffset, &detail, 4);
    std::memcpy(record + kEventCountOffset, &eventCount, 2);
}

// The hot types: these have a payload encoder and a fold below.
template <EventType Type>
constexpr bool kHotEvent = Type == EventType::SeatHeld || Type == EventType::SeatReleased
    || Type == EventType::OrderCreated || Type == EventType::SeatConfirmed || Type == EventType::AreaConfirmed;

// The payload of one event of type `Type` (the event's own type field is not read).
template <EventType Type>
inline void encodePayloadOf(RawWriter& w, const JournalEvent& e)
{
    static_assert(kHotEvent<Type>);
    if constexpr (Type == EventType::SeatHeld) {
        w.put(e.seat), w.put(e.hold), w.put(e.expiresAt);
    } else if constexpr (Type == EventType::SeatReleased) {
        w.put(e.seat), w.put(e.hold), w.put(e.reason);
    } else if constexpr (Type == EventType::OrderCreated) {
        w.put(e.order), w.put(e.hold), w.put(e.amount), w.putText(e.text);
        w.putText(e.buyerName), w.putText(e.buyerEmail), w.putText(e.buyerPhone);
    } else if constexpr (Type == EventType::SeatConfirmed) {
        w.put(e.seat), w.put(e.order), w.put(e.ticket), w.put(e.priceType), w.put(e.amount);
        w.putBytes(e.code.data(), e.code.size());
    } else {
        w.put(e.area), w.put(e.channel), w.put(e.order), w.put(e.ticket), w.put(e.priceType), w.put(e.amount);
        w.putBytes(e.code.data(), e.code.size());
    }
}

// The most bytes an event of type `Type` takes: a constant for the types without text.
template <EventType Type>
inline std::size_t eventBytesBoundOf(const JournalEvent& e)
{
    if constexpr (Type == EventType::OrderCreated)
        return eventBytesBound(e);
    else
        return kEventFixedBytesMax;
}

// The whole event (type, payload length, payload) at `at`, which has room for
// eventBytesBoundOf<Type>(e); returns its size. The length is a constant where the type has no text.
template <EventType Type>
inline std::size_t encodeEventOf(std::uint8_t* at, const JournalEvent& e)
{
    RawWriter w(at + 3);
    encodePayloadOf<Type>(w, e);
    const std::size_t length = w.size();
    USHER_ASSERT(length <= 0xffff);
    // Then the type and the length (a constant where the type has no text).
    const auto length16 = static_cast<std::uint16_t>(length);
    at[0] = static_cast<std::uint8_t>(Type);
    std::memcpy(at + 1, &length16, 2);
    return 3 + length;
}

// A confirmed ticket as the answer lists it.
inline void foldConfirmedTicket(CommandResult* result, const JournalEvent& e)
{
    IssuedTicket t;
    t.id = e.ticket;
    t.seat = e.seat;
    t.area = e.area;
    t.priceType = e.priceType;
    t.amount = e.amount;
    t.code = e.code;
    result->tickets.push_back(t);
}

// What an event of type `Type` adds to the command's answer (the event's type field is not read).
template <EventType Type>
inline void foldEventOf(CommandResult* result, const JournalEvent& e)
{
    static_assert(kHotEvent<Type>);
    if constexpr (Type == EventType::SeatHeld)
        result->hold = e.hold, result->expiresAt = e.expiresAt, result->seats.push_back(e.seat);
    else if constexpr (Type == EventType::SeatReleased)
        result->hold = e.hold, result->seats.push_back(e.seat);
    else if constexpr (Type == EventType::OrderCreated)
        result->order = e.order, result->hold = e.hold, result->amount = e.amount;
    else
        foldConfirmedTicket(result, e);
}

} // namespace usher
