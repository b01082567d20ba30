#pragma once

// The unguessable id of one session in a waiting room: 128 random bits, written as 32 lowercase hex
// digits in the API.

#include <cstdint>
#include <string>
#include <string_view>

namespace usher {

struct QueueKey {
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;

    bool isNull() const { return hi == 0 && lo == 0; }
    friend bool operator==(const QueueKey&, const QueueKey&) = default;

    static QueueKey random(); // never null
    std::string toString() const;
    // False (and *key untouched) unless `text` is exactly 32 hex digits.
    static bool parse(std::string_view text, QueueKey* key);
};

} // namespace usher
