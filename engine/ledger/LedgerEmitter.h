#pragma once

// Internal to the ledger: writes a command's events into the open journal record and applies each
// one as it is written, so the journal and the state can never disagree.

#include "core/Assert.h"
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
        USHER_ASSERT(events < 0xffff);
        const std::size_t room = eventBytesBound(event);
        ledger.m_openSize += encodeEventAt(ledger.journalRoom(room), room, event);
        ledger.applyEvent(header, event);
        foldEvent(result, event);
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

} // namespace usher
