#include "ledger/CommandResult.h"

namespace usher {

namespace {
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kCodeChars = 26; // 130 bits: the 128-bit code plus two leading zero bits

// The 5-bit value of a Crockford base32 character, or -1. I and L read as 1, O as 0, any case.
int crockfordValue(char c)
{
    if (c >= 'a' && c <= 'z')
        c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O')
        return 0;
    if (c == 'I' || c == 'L')
        return 1;
    for (int i = 0; i < 32; ++i) {
        if (kCrockford[i] == c)
            return i;
    }
    return -1;
}
} // namespace

std::string ticketCodeText(const TicketCode& code)
{
    // The code is read as one big-endian 128-bit number, most significant group first (as ULIDs
    // do), so the first character is always 0-7.
    std::string text(kCodeChars, '0');
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        hi = (hi << 8) | code[i];
        lo = (lo << 8) | code[8 + i];
    }
    for (std::size_t i = kCodeChars; i-- > 0;) {
        text[i] = kCrockford[lo & 31];
        lo = (lo >> 5) | (hi << 59);
        hi >>= 5;
    }
    return text;
}

bool parseTicketCode(std::string_view text, TicketCode* code)
{
    if (text.size() != kCodeChars)
        return false;
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;
    for (std::size_t i = 0; i < kCodeChars; ++i) {
        const int value = crockfordValue(text[i]);
        // The first character carries only the top 3 bits; anything above 7 would overflow.
        if (value < 0 || (i == 0 && value > 7))
            return false;
        hi = (hi << 5) | (lo >> 59);
        lo = (lo << 5) | std::uint64_t(value);
    }
    for (std::size_t i = 8; i-- > 0;) {
        (*code)[i] = static_cast<std::uint8_t>(hi);
        (*code)[8 + i] = static_cast<std::uint8_t>(lo);
        hi >>= 8;
        lo >>= 8;
    }
    return true;
}

bool CommandResult::sameAnswer(const CommandResult& other) const
{
    return status == other.status && kind == other.kind && seq == other.seq && hold == other.hold
        && order == other.order && expiresAt == other.expiresAt && seats == other.seats && area == other.area
        && quantity == other.quantity && amount == other.amount && count == other.count && tickets == other.tickets;
}

} // namespace usher
