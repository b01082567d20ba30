#pragma once

// What every search store does the same way with a SearchQuery before it asks its index: split
// the text into words, check the limits, read the paging cursor. Shared by SqliteEventSearch and
// PgEventSearch (engine/pgstore) so that both accept and refuse exactly the same queries and
// hand out the same cursors. See docs/design/search.md.

#include "search/EventCatalog.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace usher::search {

// A character that is part of a word: a letter, digit or mark of Unicode 6.1 (the version of
// SQLite's tokenizer tables; a newer letter separates words, so every word is one token there).
bool isWordCharacter(char16_t c);

// The words of a query text, in order; `lastIsPrefix` when the text does not end with a separator
// (search as you type). The words are as typed (a store folds them as its index does).
struct QueryWords {
    std::vector<std::string> words;
    bool lastIsPrefix = false;
};

// The words of a catalog text (name, performer...) folded the way a query word is: NFC, case
// folded, joined by single spaces. A store that tokenizes itself gets the same words on both sides.
std::string foldedWords(const std::string& text);
// The same for one query word.
std::string foldedWord(const std::string& word);

// The order of results: relevance (descending), start, id. A cursor is "relevance_start_id".
struct SearchKey {
    std::uint8_t relevance = 0;
    Timestamp startsAt = 0;
    EventId id = 0;
    bool before(const SearchKey& o) const
    {
        if (relevance != o.relevance)
            return relevance > o.relevance;
        if (startsAt != o.startsAt)
            return startsAt < o.startsAt;
        return id < o.id;
    }
};
std::string encodeCursor(const SearchKey& key);
bool decodeCursor(const std::string& text, SearchKey* key);

// The checks every store makes, in this order: text length, words, cursor, limit, offset, date
// and price ranges, filter value counts. False with the message (starting with the parameter's
// name) for SearchStatus::InvalidQuery.
bool checkQuery(const SearchQuery& query, QueryWords* words, std::optional<SearchKey>* after, std::string* error);

// The fixed facet buckets.
constexpr std::array<Amount, 3> kPriceBucketBounds = { 2000, 5000, 10000 };
constexpr std::array<const char*, 4> kPriceBuckets = { "0-2000", "2000-5000", "5000-10000", "10000+" };
constexpr std::array<const char*, 5> kDateBuckets = { "past", "today", "next_7_days", "next_30_days", "later" };
constexpr Timestamp kSearchDayMs = 24ll * 3600 * 1000;

// Sorted by count (descending), then value; empty values dropped; at most facetValuesMax.
std::vector<FacetValue> topFacetValues(std::vector<FacetValue> values);

} // namespace usher::search
