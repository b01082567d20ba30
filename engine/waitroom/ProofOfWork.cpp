#include "waitroom/ProofOfWork.h"

#include "core/Assert.h"
#include "core/Random.h"

#include <sodium.h>

#include <array>
#include <charconv>
#include <cstring>

namespace usher {

namespace {

constexpr std::size_t kMacBytes = 16; // truncated HMAC-SHA-256
constexpr std::size_t kChallengeBytes = 8 + 8 + kMacBytes;
constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

void putU64(std::uint8_t* out, std::uint64_t value)
{
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<std::uint8_t>(value >> (8 * i));
}

std::uint64_t getU64(const std::uint8_t* in)
{
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | in[i];
    return value;
}

void macOf(const AdmissionTokens::Key& key, const std::uint8_t* body, std::uint8_t* mac)
{
    std::array<std::uint8_t, crypto_auth_hmacsha256_BYTES> full {};
    crypto_auth_hmacsha256(full.data(), body, 16, key.data());
    std::memcpy(mac, full.data(), kMacBytes);
}

unsigned leadingZeroBits(const std::uint8_t* hash, std::size_t size)
{
    unsigned bits = 0;
    for (std::size_t i = 0; i < size; ++i) {
        if (hash[i] == 0) {
            bits += 8;
            continue;
        }
        for (int b = 7; b >= 0 && ((hash[i] >> b) & 1) == 0; --b)
            ++bits;
        break;
    }
    return bits;
}

} // namespace

const char* powCheckName(PowCheck check)
{
    switch (check) {
    case PowCheck::Ok:
        return "ok";
    case PowCheck::Malformed:
        return "malformed";
    case PowCheck::Forged:
        return "forged";
    case PowCheck::Expired:
        return "expired";
    case PowCheck::Unsolved:
        return "unsolved";
    case PowCheck::Reused:
        return "reused";
    }
    return "unknown";
}

ProofOfWork::ProofOfWork(const AdmissionTokens::Key& key, Timestamp challengeTtlMs)
    : m_key(key)
    , m_ttlMs(challengeTtlMs)
{
    USHER_ASSERT(challengeTtlMs > 0);
    initSodium();
}

std::string ProofOfWork::challenge(Timestamp now)
{
    std::array<std::uint8_t, kChallengeBytes> bytes {};
    putU64(bytes.data(), static_cast<std::uint64_t>(now));
    std::uint64_t id = 0;
    do
        secureRandom(&id, sizeof id);
    while (id == 0);
    putU64(bytes.data() + 8, id);
    macOf(m_key, bytes.data(), bytes.data() + 16);
    std::string text(sodium_base64_ENCODED_LEN(kChallengeBytes, kVariant), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kVariant);
    text.resize(std::strlen(text.c_str()));
    return text;
}

PowCheck ProofOfWork::verify(std::string_view challenge, std::uint64_t nonce, unsigned difficultyBits, Timestamp now)
{
    std::array<std::uint8_t, kChallengeBytes> bytes {};
    std::size_t written = 0;
    const char* end = nullptr;
    if (challenge.size() > 64
        || sodium_base642bin(bytes.data(), bytes.size(), challenge.data(), challenge.size(), nullptr, &written, &end,
                             kVariant)
            != 0
        || written != bytes.size() || end != challenge.data() + challenge.size())
        return PowCheck::Malformed;
    std::array<std::uint8_t, kMacBytes> mac {};
    macOf(m_key, bytes.data(), mac.data());
    if (sodium_memcmp(mac.data(), bytes.data() + 16, kMacBytes) != 0)
        return PowCheck::Forged;
    const auto issuedAt = static_cast<Timestamp>(getU64(bytes.data()));
    if (issuedAt > now + 1000 || now - issuedAt > m_ttlMs)
        return PowCheck::Expired;
    if (!solves(challenge, nonce, difficultyBits))
        return PowCheck::Unsolved;

    const std::uint64_t id = getU64(bytes.data() + 8);
    std::lock_guard lock(m_mutex);
    if (now - m_generationStart > m_ttlMs) {
        // Everything in the previous generation is older than one TTL by now: forget it.
        std::swap(m_usedCurrent, m_usedPrevious);
        m_usedCurrent.clear();
        m_generationStart = now;
    }
    if (m_usedPrevious.find(id) != nullptr)
        return PowCheck::Reused;
    bool inserted = false;
    m_usedCurrent.insert(id, 1, &inserted);
    return inserted ? PowCheck::Ok : PowCheck::Reused;
}

bool ProofOfWork::solves(std::string_view challenge, std::uint64_t nonce, unsigned difficultyBits)
{
    if (difficultyBits == 0)
        return true;
    if (difficultyBits > 64 || challenge.size() > 64)
        return false;
    char input[64 + 1 + 20];
    std::memcpy(input, challenge.data(), challenge.size());
    input[challenge.size()] = ':';
    char* digits = input + challenge.size() + 1;
    const auto [last, error] = std::to_chars(digits, input + sizeof input, nonce);
    USHER_ASSERT(error == std::errc {});
    std::array<std::uint8_t, crypto_hash_sha256_BYTES> hash {};
    crypto_hash_sha256(hash.data(), reinterpret_cast<const unsigned char*>(input),
                       static_cast<unsigned long long>(last - input));
    return leadingZeroBits(hash.data(), hash.size()) >= difficultyBits;
}

bool ProofOfWork::solve(std::string_view challenge, unsigned difficultyBits, std::uint64_t start,
                        std::uint64_t triesMax, std::uint64_t* nonce)
{
    for (std::uint64_t i = 0; i < triesMax; ++i) {
        if (solves(challenge, start + i, difficultyBits)) {
            *nonce = start + i;
            return true;
        }
    }
    return false;
}

std::size_t ProofOfWork::rememberedChallenges() const
{
    std::lock_guard lock(m_mutex);
    return m_usedCurrent.size() + m_usedPrevious.size();
}

} // namespace usher
