#include "waitroom/QueueKey.h"

#include "core/Random.h"

namespace usher {

QueueKey QueueKey::random()
{
    QueueKey key;
    do
        secureRandom(&key, sizeof key);
    while (key.isNull());
    return key;
}

std::string QueueKey::toString() const
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text(32, '0');
    for (int i = 0; i < 16; ++i) {
        text[static_cast<std::size_t>(15 - i)] = kDigits[(hi >> (4 * i)) & 0xf];
        text[static_cast<std::size_t>(31 - i)] = kDigits[(lo >> (4 * i)) & 0xf];
    }
    return text;
}

bool QueueKey::parse(std::string_view text, QueueKey* key)
{
    if (text.size() != 32)
        return false;
    std::uint64_t parts[2] = { 0, 0 };
    for (std::size_t i = 0; i < 32; ++i) {
        const char c = text[i];
        std::uint64_t digit = 0;
        if (c >= '0' && c <= '9')
            digit = static_cast<std::uint64_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = static_cast<std::uint64_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            digit = static_cast<std::uint64_t>(c - 'A' + 10);
        else
            return false;
        parts[i / 16] = (parts[i / 16] << 4) | digit;
    }
    key->hi = parts[0];
    key->lo = parts[1];
    return true;
}

} // namespace usher
