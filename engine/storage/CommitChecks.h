#pragma once

// What every Storage implementation checks the same way, whatever it writes to (SQLite,
// PostgreSQL): a commit item before its transaction starts, and a stored batch when it is read.

#include "storage/Storage.h"

#include <string>

namespace usher {

// Everything about a commit item that can be checked without the database: its batch verifies
// (magic, version, size, event id, CRC and the header's reserved fields) and agrees with the
// item's first seq, last seq and record count; its spec and snapshot belong to its event.
Status checkCommitItem(const CommitItem& item, std::string* error);

// A batch read back from storage is intact: verifyBatch, plus the header's reserved fields, which
// the CRC does not cover (the row's columns cover the header's other fields).
bool verifyStoredBatch(const BatchBytes& bytes, EventId event, BatchHeader* header);

// The command kinds whose events are projected into the order and ticket tables.
bool isProjectedKind(CommandKind kind);

} // namespace usher
