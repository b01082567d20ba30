#pragma once

// Percent-decoding of URL parts (RFC 3986 "%XX"), for usherd's query strings and the payment
// protocol's paths. Header-only, so usher_payments (which does not link usher_engine) shares it.

#include <optional>
#include <string>
#include <string_view>

namespace usher {

// '+' in a path is a plus; in a query string (application/x-www-form-urlencoded) it is a space.
enum class PlusSign { Plus, Space };

inline int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The decoded bytes, or nullopt for a '%' not followed by two hex digits.
inline std::optional<std::string> percentDecode(std::string_view text, PlusSign plus = PlusSign::Plus)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+' && plus == PlusSign::Space) {
            out.push_back(' ');
            continue;
        }
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        if (i + 2 >= text.size())
            return std::nullopt;
        const int high = hexDigitValue(text[i + 1]);
        const int low = hexDigitValue(text[i + 2]);
        if (high < 0 || low < 0)
            return std::nullopt;
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return out;
}

} // namespace usher
