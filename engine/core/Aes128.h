#pragma once

// AES-128 encryption of one block (FIPS-197), for the ledger's ticket codes (docs/design/ticket-codes.md).
// Not a general cipher API: no modes, no decryption.

#include <array>
#include <cstdint>

namespace usher {

using AesBlock = std::array<std::uint8_t, 16>;

// E_key(block). With AES-NI (x86-64 CPUs since 2010) the expanded key of the last key used on this
// thread is kept, so repeated calls under one key cost about 50 instructions; elsewhere the portable
// implementation below runs, with the same output.
AesBlock aes128Encrypt(const std::uint8_t* key, const AesBlock& block);

// The reference: portable C++, byte by byte, used where the CPU has no AES instructions and by the
// tests to check the hardware path. Its S-box lookups are indexed by secret bytes (a cache-timing
// channel to a co-resident attacker); only CPUs without AES-NI run it.
AesBlock aes128EncryptPortable(const std::uint8_t* key, const AesBlock& block);

// Whether aes128Encrypt uses the CPU's AES instructions.
bool aes128Hardware();

// One key, expanded once: for a caller that encrypts many blocks under a key it holds (the
// ledger's ticket codes). encrypt() is the 11 rounds and nothing else: no key comparison, no
// thread-local schedule (aes128Encrypt's cost beyond the rounds). Same output as aes128Encrypt.
class Aes128Key {
public:
    explicit Aes128Key(const std::uint8_t* key);
    // E_key(lo | hi), the block's two halves as little-endian 64-bit words (bytes 0-7 and 8-15).
    AesBlock encrypt(std::uint64_t lo, std::uint64_t hi) const;

private:
    // FIPS-197's expanded key (11 round keys of 16 bytes), the same bytes for both paths.
    alignas(16) std::array<std::uint8_t, 176> m_roundKeys;
};

} // namespace usher
