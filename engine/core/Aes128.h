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

} // namespace usher
