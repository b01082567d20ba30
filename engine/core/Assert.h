#pragma once

// Assertions that stay on in release builds (TigerBeetle style). A failed assertion is a bug in
// Usher, never bad input: bad input is answered with a Status.

#include <cstdio>
#include <cstdlib>

namespace usher::detail {
[[noreturn]] inline void assertFailed(const char* expr, const char* file, int line)
{
    std::fprintf(stderr, "usher: assertion failed: %s (%s:%d)\n", expr, file, line);
    std::fflush(stderr);
    std::abort();
}
} // namespace usher::detail

#define USHER_ASSERT(expr)                                                                                             \
    do {                                                                                                               \
        if (!(expr)) [[unlikely]]                                                                                      \
            ::usher::detail::assertFailed(#expr, __FILE__, __LINE__);                                                  \
    } while (false)
