#pragma once

// The filter and facet fields of every catalog event in memory, as column arrays per partition
// (start, prices, venue/city/genre ids, channels, availability class), with posting lists per
// venue, city and genre, and the one pass over them that applies the filters, counts all seven
// facets and keeps the page. Both search stores use it: SqliteEventSearch (a slot is the FTS5
// rowid - 1) and PgEventSearch (slots handed out here, the columns loaded from PostgreSQL and kept
// current through its change counter). The stores find the words (FTS5, tsvector/GIN) and read
// the page's rows; everything between is this class. See docs/design/search.md ("Facets").
//
// Not thread-safe: the stores call it under their own mutex. A query is begin(), visits, finish().

#include "search/EventCatalog.h"
#include "search/SearchQueryParts.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace usher::search {

// Where an event's fields are: partition 0 (current) or 1 (archive), and its slot there.
struct CatalogSlot {
    std::uint8_t partition = 0;
    std::uint32_t slot = 0;
};

// A result of the page, in page order.
struct PageSlot {
    SearchKey key;
    CatalogSlot at;
};

// Whether a query over `partition` reads partition p (0 current, 1 archive).
bool searchesPartition(Partition partition, std::uint8_t p);

class CatalogColumns {
public:
    CatalogColumns();
    ~CatalogColumns();
    CatalogColumns(const CatalogColumns&) = delete;
    CatalogColumns& operator=(const CatalogColumns&) = delete;

    // ---- Slots --------------------------------------------------------------------------------
    const CatalogSlot* find(EventId id) const;
    // A new, empty slot at the end of the partition.
    std::uint32_t append(std::uint8_t partition);
    // Fills the slot with the event's fields (its availability class is left as it is).
    void set(CatalogSlot at, const CatalogEvent& event);
    void clear(CatalogSlot at);
    // The event's fields where the event is, moved to `partition` (a new slot; the availability
    // class goes with it) or appended when it is unknown; for a store that hands out slots here.
    CatalogSlot place(const CatalogEvent& event, std::uint8_t partition);
    // Forgets every event.
    void reset();

    std::uint8_t availability(CatalogSlot at) const;
    // True when the class changed.
    bool setAvailability(CatalogSlot at, Availability availability);
    std::size_t live(std::uint8_t partition) const;
    std::size_t slots(std::uint8_t partition) const;
    EventId id(CatalogSlot at) const; // 0: a free slot
    Timestamp startsAt(CatalogSlot at) const;
    // Drops posting-list entries of slots that lost their value (after many moves).
    void rebuildPostings(std::uint8_t partition);

    // ---- One query ------------------------------------------------------------------------------
    // Compiles the filters against the dictionaries; false with *error when a filter has too many
    // values (SearchStatus::InvalidQuery; checkQuery() has checked every other limit).
    bool begin(const SearchQuery& query, const std::optional<SearchKey>& after, std::string* error);
    // A document that holds every word (relevance 2 or 1); a free slot is ignored.
    void visit(CatalogSlot at, std::uint8_t relevance);
    // A query without words: every event of the partition that can count (the union of the
    // posting lists when two or more of venue, city and genre are filtered, else every slot).
    void visitAll(std::uint8_t partition);
    // The total, the facets and the next page's cursor into *result (its hits left empty), and
    // the slots of the page (offset .. offset + limit) in page order.
    void finish(SearchResult* result, std::vector<PageSlot>* page);

    struct State;

private:
    std::unique_ptr<State> m_state;
};

} // namespace usher::search
