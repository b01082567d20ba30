#include "sync/SyncJson.h"

#include "core/Assert.h"
#include "core/PercentDecode.h"

#include <charconv>
#include <limits>

namespace usher {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

void appendUtf8(std::string& out, std::uint32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

} // namespace

std::size_t SyncJson::utf8Length(std::string_view text, std::size_t pos)
{
    const auto byte = [&](std::size_t i) { return pos + i < text.size() ? std::uint8_t(text[pos + i]) : 0; };
    const std::uint8_t c = byte(0);
    const auto cont = [&](std::size_t i, std::uint8_t lo = 0x80, std::uint8_t hi = 0xBF) {
        return byte(i) >= lo && byte(i) <= hi;
    };
    if (c < 0x80)
        return pos < text.size() ? 1 : 0;
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c == 0xE0)
        return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        return cont(1) && cont(2) ? 3 : 0;
    if (c == 0xED)
        return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0; // not a surrogate
    if (c == 0xF0)
        return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3)
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c == 0xF4)
        return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

bool SyncJson::fail(const char* what)
{
    if (m_error->empty())
        *m_error = std::string(what) + " at byte " + std::to_string(m_pos);
    return false;
}

void SyncJson::skipSpace()
{
    while (m_pos < m_text.size()
           && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' || m_text[m_pos] == '\t'))
        ++m_pos;
}

std::uint32_t SyncJson::add(Type type)
{
    m_nodes.emplace_back();
    m_nodes.back().type = type;
    return static_cast<std::uint32_t>(m_nodes.size() - 1);
}

bool SyncJson::parse(std::string_view text, std::string* error)
{
    error->clear();
    m_text = text;
    m_pos = 0;
    m_error = error;
    m_nodes.clear();
    m_nodes.reserve(64);
    m_decoded.clear();
    m_decoded.reserve(text.size()); // a decoded string is never longer than its JSON form
    std::uint32_t root = 0;
    if (!value(0, &root))
        return false;
    USHER_ASSERT(root == 0);
    skipSpace();
    return m_pos == m_text.size() || fail("text after the JSON value");
}

const SyncJson::Node* SyncJson::member(const Node& object, std::string_view key) const
{
    if (object.type != Type::Object)
        return nullptr;
    for (std::uint32_t i = object.first; i != 0; i = m_nodes[i].next)
        if (m_nodes[i].key == key)
            return &m_nodes[i];
    return nullptr;
}

bool SyncJson::literal(std::string_view word)
{
    if (m_text.substr(m_pos, word.size()) != word)
        return fail("not a JSON value");
    m_pos += word.size();
    return true;
}

bool SyncJson::value(std::size_t depth, std::uint32_t* index)
{
    skipSpace();
    if (m_pos >= m_text.size())
        return fail("unexpected end");
    const char c = m_text[m_pos];
    if (c == '"') {
        std::string_view s;
        if (!string(&s))
            return false;
        *index = add(Type::String);
        m_nodes[*index].text = s;
        return true;
    }
    if (c == '-' || isDigit(c)) {
        double d = 0;
        if (!number(&d))
            return false;
        *index = add(Type::Number);
        m_nodes[*index].number = d;
        return true;
    }
    if (c == 't' || c == 'f' || c == 'n') {
        const bool ok = c == 't' ? literal("true") : c == 'f' ? literal("false") : literal("null");
        *index = add(c == 'n' ? Type::Null : Type::Bool);
        m_nodes[*index].boolean = c == 't';
        return ok;
    }
    if (c != '{' && c != '[')
        return fail("not a JSON value");
    if (depth >= kSyncJsonDepthMax)
        return fail("nested too deep");
    const bool isObject = c == '{';
    const char close = isObject ? '}' : ']';
    const std::uint32_t self = add(isObject ? Type::Object : Type::Array);
    *index = self;
    ++m_pos;
    skipSpace();
    if (m_pos < m_text.size() && m_text[m_pos] == close) {
        ++m_pos;
        return true;
    }
    std::uint32_t last = 0;
    for (;;) {
        std::string_view key;
        if (isObject) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                return fail("expected a key");
            if (!string(&key))
                return false;
            for (std::uint32_t i = m_nodes[self].first; i != 0; i = m_nodes[i].next)
                if (m_nodes[i].key == key)
                    return fail("a key twice in one object");
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                return fail("expected ':'");
            ++m_pos;
        }
        std::uint32_t child = 0;
        if (!value(depth + 1, &child))
            return false;
        m_nodes[child].key = key;
        if (last == 0)
            m_nodes[self].first = child;
        else
            m_nodes[last].next = child;
        last = child;
        ++m_nodes[self].count;
        skipSpace();
        if (m_pos >= m_text.size())
            return fail("unexpected end");
        if (m_text[m_pos] == close) {
            ++m_pos;
            return true;
        }
        if (m_text[m_pos] != ',')
            return fail(isObject ? "expected ',' or '}'" : "expected ',' or ']'");
        ++m_pos;
    }
}

bool SyncJson::number(double* out)
{
    const std::size_t start = m_pos;
    if (m_text[m_pos] == '-')
        ++m_pos;
    if (m_pos < m_text.size() && m_text[m_pos] == '0') {
        ++m_pos;
    } else if (m_pos < m_text.size() && isDigit(m_text[m_pos])) {
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
    } else {
        return fail("not a number");
    }
    bool integral = true;
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
        integral = false;
        ++m_pos;
        if (m_pos >= m_text.size() || !isDigit(m_text[m_pos]))
            return fail("not a number");
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        integral = false;
        ++m_pos;
        if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
            ++m_pos;
        if (m_pos >= m_text.size() || !isDigit(m_text[m_pos]))
            return fail("not a number");
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
    }
    const std::string_view digits = m_text.substr(start, m_pos - start);
    const bool negative = digits.front() == '-';
    if (integral && digits.size() - (negative ? 1 : 0) <= 15) { // exact in a double: the common case
        std::int64_t v = 0;
        for (std::size_t i = negative ? 1 : 0; i < digits.size(); ++i)
            v = v * 10 + (digits[i] - '0');
        *out = double(negative ? -v : v);
        return true;
    }
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), *out);
    if (ec == std::errc::result_out_of_range) {
        // Beyond a double: no integer check accepts an infinity (a tiny 1e-400 too is refused).
        *out = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        return true;
    }
    return (ec == std::errc() && end == digits.data() + digits.size()) || fail("not a number");
}

bool SyncJson::string(std::string_view* out)
{
    ++m_pos; // the opening quote
    const std::size_t start = m_pos;
    while (m_pos < m_text.size()) {
        const auto c = std::uint8_t(m_text[m_pos]);
        if (c == '"') {
            *out = m_text.substr(start, m_pos - start);
            ++m_pos;
            return true;
        }
        if (c == '\\')
            break;
        if (c < 0x20)
            return fail("a control character in a string");
        if (c < 0x80) {
            ++m_pos;
            continue;
        }
        const std::size_t n = utf8Length(m_text, m_pos);
        if (n == 0)
            return fail("a string that is not UTF-8");
        m_pos += n;
    }
    if (m_pos >= m_text.size())
        return fail("an unterminated string");
    // Escapes: decode into m_decoded (reserved: no reallocation, the earlier views stay valid).
    const std::size_t from = m_decoded.size();
    m_decoded.append(m_text.substr(start, m_pos - start));
    while (m_pos < m_text.size()) {
        const auto c = std::uint8_t(m_text[m_pos]);
        if (c == '"') {
            ++m_pos;
            USHER_ASSERT(m_decoded.size() <= m_text.size()); // within the reserve: no view moved
            *out = std::string_view(m_decoded).substr(from);
            return true;
        }
        if (c < 0x20)
            return fail("a control character in a string");
        if (c >= 0x80) {
            const std::size_t n = utf8Length(m_text, m_pos);
            if (n == 0)
                return fail("a string that is not UTF-8");
            m_decoded.append(m_text.substr(m_pos, n));
            m_pos += n;
            continue;
        }
        if (c != '\\') {
            m_decoded += char(c);
            ++m_pos;
            continue;
        }
        if (m_pos + 1 >= m_text.size())
            return fail("an unterminated string");
        const char e = m_text[m_pos + 1];
        m_pos += 2;
        switch (e) {
        case '"': m_decoded += '"'; continue;
        case '\\': m_decoded += '\\'; continue;
        case '/': m_decoded += '/'; continue;
        case 'b': m_decoded += '\b'; continue;
        case 'f': m_decoded += '\f'; continue;
        case 'n': m_decoded += '\n'; continue;
        case 'r': m_decoded += '\r'; continue;
        case 't': m_decoded += '\t'; continue;
        case 'u': break;
        default: return fail("an unknown escape in a string");
        }
        const auto hex4 = [this](std::uint32_t* code) {
            if (m_pos + 4 > m_text.size())
                return false;
            *code = 0;
            for (std::size_t i = 0; i < 4; ++i) {
                const int h = hexDigitValue(m_text[m_pos + i]);
                if (h < 0)
                    return false;
                *code = *code * 16 + std::uint32_t(h);
            }
            m_pos += 4;
            return true;
        };
        std::uint32_t code = 0;
        if (!hex4(&code))
            return fail("a bad \\u escape");
        if (code >= 0xDC00 && code <= 0xDFFF)
            return fail("a lone surrogate in a string");
        if (code >= 0xD800 && code <= 0xDBFF) {
            std::uint32_t low = 0;
            if (m_text.substr(m_pos, 2) != "\\u")
                return fail("a lone surrogate in a string");
            m_pos += 2;
            if (!hex4(&low) || low < 0xDC00 || low > 0xDFFF)
                return fail("a lone surrogate in a string");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        appendUtf8(m_decoded, code);
    }
    return fail("an unterminated string");
}

// ---- writer ----

void SyncJsonWriter::separate(const char* key)
{
    if (!m_first)
        m_out += ',';
    m_first = false;
    if (key != nullptr) {
        m_out += '"';
        m_out += key; // the protocol's own keys: nothing to escape
        m_out += "\":";
    }
}

SyncJsonWriter& SyncJsonWriter::beginObject(const char* key)
{
    separate(key);
    m_out += '{';
    m_first = true;
    return *this;
}

SyncJsonWriter& SyncJsonWriter::endObject()
{
    m_out += '}';
    m_first = false;
    return *this;
}

SyncJsonWriter& SyncJsonWriter::beginArray(const char* key)
{
    separate(key);
    m_out += '[';
    m_first = true;
    return *this;
}

SyncJsonWriter& SyncJsonWriter::endArray()
{
    m_out += ']';
    m_first = false;
    return *this;
}

SyncJsonWriter& SyncJsonWriter::number(const char* key, std::int64_t value)
{
    separate(key);
    char buffer[24];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    USHER_ASSERT(ec == std::errc());
    m_out.append(buffer, end);
    return *this;
}

SyncJsonWriter& SyncJsonWriter::unsignedNumber(const char* key, std::uint64_t value)
{
    separate(key);
    char buffer[24];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    USHER_ASSERT(ec == std::errc());
    m_out.append(buffer, end);
    return *this;
}

SyncJsonWriter& SyncJsonWriter::string(const char* key, std::string_view value)
{
    separate(key);
    static const char kHex[] = "0123456789abcdef";
    m_out += '"';
    std::size_t plain = 0; // the start of the run of bytes copied as they are
    for (std::size_t i = 0; i < value.size();) {
        const auto c = std::uint8_t(value[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = c >= 0x80 ? SyncJson::utf8Length(value, i) : 1;
        if (c >= 0x80 && n != 0) {
            i += n;
            continue;
        }
        m_out.append(value.substr(plain, i - plain));
        if (c >= 0x80) {
            m_out += "\xEF\xBF\xBD"; // U+FFFD for a byte that starts no valid sequence
            n = 1;
        } else if (c == '"' || c == '\\') {
            m_out += '\\';
            m_out += char(c);
        } else if (c == '\n') {
            m_out += "\\n";
        } else if (c == '\t') {
            m_out += "\\t";
        } else if (c == '\r') {
            m_out += "\\r";
        } else {
            m_out += "\\u00";
            m_out += kHex[c >> 4];
            m_out += kHex[c & 15];
        }
        i += n;
        plain = i;
    }
    m_out.append(value.substr(plain));
    m_out += '"';
    return *this;
}

} // namespace usher
