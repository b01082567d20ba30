#pragma once

// Internal to the ledger: writes a command's events into the open journal record and applies each
// one as it is written, so the journal and the state can never disagree.

#include "core/Assert.h"
#include "journal/HotEvents.h"
#include "ledger/Ledger.h"

namespace usher {

struct Ledger::Emitter {
    Emitter(Ledger& owner, const RecordHeader& recordHeader, std::size_t offset, CommandResult* answer)
        : ledger(owner)
        , header(recordHeader)
        , recordOffset(offset)
        , result(answer)
    {
    }

    // Journals the event, applies it, and folds it into the command's answer.
    void emit(const JournalEvent& event)
    {
        emit(event, [this](const JournalEvent& e) { ledger.applyEvent(header, e); });
    }
    // The same where the caller knows the event's type: `apply` is the applier applyEvent would
    // choose for it (the same function replay runs, so replay == live still holds), called
    // without applyEvent's dispatch. For the events of the hot commands (hold, confirm, release).
    template <typename Apply>
    void emit(const JournalEvent& event, Apply&& apply)
    {
        USHER_ASSERT(events < 0xffff);
        const std::size_t room = eventBytesBound(event);
        ledger.m_openSize += encodeEventAt(ledger.journalRoom(room), room, event);
        apply(event);
        foldEvent(result, event);
        ++events;
    }

    // The same for an event of one of the hot types (journal/HotEvents.h) known at compile time:
    // its encoder and fold inline, no switch on the type. `event.type` must be `Type`.
    template <EventType Type, typename Apply>
    void emitAs(const JournalEvent& event, Apply&& apply)
    {
        USHER_ASSERT(events < 0xffff && event.type == Type);
        ledger.m_openSize += encodeEventOf<Type>(ledger.journalRoom(eventBytesBoundOf<Type>(event)), event);
        apply(event);
        foldEventOf<Type>(result, event);
        ++events;
    }

    Ledger& ledger;
    const RecordHeader& header;
    const std::size_t recordOffset;
    CommandResult* result;
    Status status = Status::Ok;
    std::uint32_t detail = 0;
    std::uint16_t events = 0;
};

// The record's header and its patch, written inline (execute() runs both once per command).
inline std::size_t Ledger::beginJournalRecord(const RecordHeader& header)
{
    const std::size_t offset = m_openSize;
    encodeRecordHeaderInline(journalRoom(kRecordHeaderBytes), header);
    m_openSize += kRecordHeaderBytes;
    return offset;
}

inline void Ledger::endJournalRecord(std::size_t offset, Status status, std::uint32_t detail, std::uint16_t events)
{
    finishRecordInline(m_open->data() + offset, m_openSize - offset, status, detail, events);
}

} // namespace usher
