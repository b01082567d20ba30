#pragma once

// `usher-bench search`: event search over a generated catalog of realistic events (1,000,000 by
// default): index build time and size, query p50/p99 in the engine for typical full-text, prefix
// and faceted queries, and requests/s over HTTP on loopback with a warm answer cache (an
// in-process HttpServer + SearchService over the same index file).

#include "search/EventCatalog.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace usher::bench {

// Deterministic for a seed: names, performers, venues, cities (with diacritics), genres, dates
// from a year ago to a year ahead of `now`, price ranges and channels.
std::vector<search::CatalogEvent> generateEvents(std::size_t count, std::uint64_t seed, Timestamp now);

int runSearchBenchCommand(const std::vector<std::string_view>& arguments);

} // namespace usher::bench
