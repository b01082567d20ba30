#pragma once

// The cheap proof of work a waiting room asks of every join when its difficulty is above 0. The
// server hands out a challenge; the client finds a nonce such that SHA-256(challenge ":" nonce in
// decimal) starts with `difficulty` zero bits (2^difficulty hashes on average: 16 bits is about
// 65,000 hashes, tens of milliseconds in a browser, and a real cost for a bot farm joining a
// million times); the join carries both.
//
// Challenges are stateless (issue time, a random id and a truncated HMAC under the server key, in
// base64url), good for `challengeTtlMs`, and accepted once: the ids seen are kept for one TTL in
// two generations of a hash set, so memory is bounded by the join rate times two TTLs.
// Thread-safe.

#include "core/Types.h"
#include "waitroom/AdmissionToken.h"
#include "waitroom/FlatU64Map.h"

#include <mutex>
#include <string>
#include <string_view>

namespace usher {

// Stable numbers, in the order the checks run.
enum class PowCheck : std::uint8_t {
    Ok = 0,
    Malformed = 1,
    Forged = 2,   // not issued under this key
    Expired = 3,  // older than the TTL (or from the future)
    Unsolved = 4, // the nonce does not give enough zero bits
    Reused = 5,   // this challenge was already used for a join
};
const char* powCheckName(PowCheck check);

class ProofOfWork {
public:
    ProofOfWork(const AdmissionTokens::Key& key, Timestamp challengeTtlMs = 120'000);

    std::string challenge(Timestamp now);
    // Checks (and on Ok, uses up) the challenge.
    PowCheck verify(std::string_view challenge, std::uint64_t nonce, unsigned difficultyBits, Timestamp now);

    // The pure test of a solution, and a solver for clients, tests and the load generator: the
    // first nonce from `start` that solves, or false after `triesMax`.
    static bool solves(std::string_view challenge, std::uint64_t nonce, unsigned difficultyBits);
    static bool solve(std::string_view challenge, unsigned difficultyBits, std::uint64_t start, std::uint64_t triesMax,
                      std::uint64_t* nonce);

    Timestamp challengeTtlMs() const { return m_ttlMs; }
    std::size_t rememberedChallenges() const;

private:
    AdmissionTokens::Key m_key;
    const Timestamp m_ttlMs;
    mutable std::mutex m_mutex;
    FlatU64Map m_usedCurrent;
    FlatU64Map m_usedPrevious;
    Timestamp m_generationStart = 0;
};

} // namespace usher
