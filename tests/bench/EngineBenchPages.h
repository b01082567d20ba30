#pragma once

// Which pages back a ledger's tables, for `usher-bench engine` (diagnostics, stderr):
//
//   USHER_BENCH_TABLE_PAGES=huge|small|heap   how the tables are backed (setTablePages): their own
//                                             mappings with huge pages (the default) or with 4 KiB
//                                             pages only, or session 12's heap tables
//   USHER_BENCH_VERBOSE=1                     per in-memory ledger, per table: bytes mapped and of
//                                             those on transparent huge pages
//
// The in-memory confirm rate swung 3x between invocations seconds apart with the heap tables; these
// say which table had huge pages in which run (docs/performance.md, session 13).

#include "ledger/Ledger.h"

#include <cstdio>

namespace usher::bench {

// Applies USHER_BENCH_TABLE_PAGES (before any table exists); returns the name of the policy in force.
const char* applyTablePagesFromEnvironment();
bool verboseTables();
// One line per table of `ledger` on `out`: "<when>: seats 1.6 MiB, mapped 1.6, huge 2.0 ..."
// Huge pages are read from /proc/self/pagemap and /proc/kpageflags (root); without root only what
// is mapped is known, and huge shows "?".
void printTablePages(std::FILE* out, const Ledger& ledger, const char* when);

} // namespace usher::bench
