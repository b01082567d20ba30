#pragma once

// The JSON reader and writer of the sync protocol's codec (SyncMessage.cpp). Not QJsonDocument:
// uploading an offline backlog parses one op object per sale on central (and per outbox row on
// the box office), and QJsonDocument's UTF-16 strings and CBOR containers were a large part of
// the cost per op (docs/performance.md, "Sync"). Strict RFC 8259: one value, UTF-8 only (no lone
// surrogates), no duplicate keys in an object, nesting at most kSyncJsonDepthMax. Numbers are
// doubles, as in QJsonDocument, so that 1.0, 1e3 and 1.5 mean what they meant before.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace usher {

constexpr std::size_t kSyncJsonDepthMax = 32;

class SyncJson {
public:
    enum class Type : std::uint8_t { Null, Bool, Number, String, Array, Object };
    struct Node {
        Type type = Type::Null;
        bool boolean = false;
        double number = 0;
        std::string_view text; // a string's decoded value
        std::string_view key;  // a member's key in its object
        std::uint32_t first = 0; // array, object: the first child (0: none; the root is node 0)
        std::uint32_t next = 0;  // the next sibling (0: none)
        std::uint32_t count = 0; // array, object: children
    };

    // False with *error (where and what) unless `text` is exactly one JSON value. The nodes refer
    // to `text`, which must outlive them.
    bool parse(std::string_view text, std::string* error);
    const Node& root() const { return m_nodes.front(); }
    const Node& node(std::uint32_t index) const { return m_nodes[index]; }
    // The member `key` of an object; nullptr when there is none.
    const Node* member(const Node& object, std::string_view key) const;

    // The length of the valid UTF-8 sequence at text[pos] (1 to 4), 0 when it is not one.
    static std::size_t utf8Length(std::string_view text, std::size_t pos);

private:
    bool value(std::size_t depth, std::uint32_t* index);
    bool string(std::string_view* out);
    bool number(double* out);
    bool literal(std::string_view word);
    bool fail(const char* what);
    void skipSpace();
    std::uint32_t add(Type type);

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::string* m_error = nullptr;
    std::vector<Node> m_nodes;
    std::string m_decoded; // strings with escapes, decoded; reserved up front so views stay valid
};

// Appends JSON text. Members and list entries get their commas; the caller nests begin/end.
class SyncJsonWriter {
public:
    explicit SyncJsonWriter(std::string& out)
        : m_out(out)
    {
    }
    SyncJsonWriter& beginObject(const char* key = nullptr);
    SyncJsonWriter& endObject();
    SyncJsonWriter& beginArray(const char* key = nullptr);
    SyncJsonWriter& endArray();
    SyncJsonWriter& number(const char* key, std::int64_t value);
    SyncJsonWriter& unsignedNumber(const char* key, std::uint64_t value);
    // Invalid UTF-8 becomes U+FFFD (as QString::fromUtf8 did), so the peer's strict reader never
    // refuses what this side wrote.
    SyncJsonWriter& string(const char* key, std::string_view value);
    template <typename T>
    SyncJsonWriter& numbers(const char* key, const std::vector<T>& values)
    {
        beginArray(key);
        for (T v : values)
            unsignedNumber(nullptr, static_cast<std::uint64_t>(v));
        return endArray();
    }

private:
    void separate(const char* key);
    std::string& m_out;
    bool m_first = true; // nothing written yet in the innermost object or array
};

} // namespace usher
