#pragma once

// copySmall(to, from, n): exactly `n` bytes, for the short texts the ledger writes on its hot path
// (payment references, most names: 16 bytes or fewer). Those are two overlapping fixed-size copies,
// each one load and one store; a variable-size memcpy is a library call. Longer runs use memcpy.
// `from` may be null when `n` is 0 (an empty string_view's data()).

#include <cstddef>
#include <cstring>

namespace usher {

namespace detail {
template <std::size_t N>
inline void copyFixed(char* to, const char* from)
{
    char bytes[N];
    std::memcpy(bytes, from, N);
    std::memcpy(to, bytes, N);
}
} // namespace detail

inline void copySmall(void* destination, const void* source, std::size_t n)
{
    char* const to = static_cast<char*>(destination);
    const char* const from = static_cast<const char*>(source);
    if (n == 0) // most texts (the buyer's fields are optional)
        return;
    if (n > 16)
        std::memcpy(to, from, n);
    else if (n >= 8)
        detail::copyFixed<8>(to, from), detail::copyFixed<8>(to + n - 8, from + n - 8);
    else if (n >= 4)
        detail::copyFixed<4>(to, from), detail::copyFixed<4>(to + n - 4, from + n - 4);
    else if (n >= 2)
        detail::copyFixed<2>(to, from), detail::copyFixed<2>(to + n - 2, from + n - 2);
    else
        *to = *from;
}

} // namespace usher
