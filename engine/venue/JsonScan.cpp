#include "venue/JsonScan.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace usher {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isContinuation(unsigned char byte)
{
    return (byte & 0xc0) == 0x80;
}

} // namespace

bool JsonScan::take(char c)
{
    skipSpace();
    if (m_p == m_end || *m_p != c)
        return fail();
    ++m_p;
    return true;
}

bool JsonScan::multiByte()
{
    // RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF. Noncharacters are left to
    // the reference path too, although Qt keeps them: giving up is always safe.
    const auto* p = reinterpret_cast<const unsigned char*>(m_p);
    const auto left = m_end - m_p;
    const unsigned char lead = p[0];
    int length = 0;
    unsigned char low = 0x80; // allowed range of the second byte
    unsigned char high = 0xbf;
    char32_t code = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2, code = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3, code = lead & 0x0f;
        low = lead == 0xe0 ? 0xa0 : 0x80;
        high = lead == 0xed ? 0x9f : 0xbf;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4, code = lead & 0x07;
        low = lead == 0xf0 ? 0x90 : 0x80;
        high = lead == 0xf4 ? 0x8f : 0xbf;
    } else {
        return fail();
    }
    if (left < length || p[1] < low || p[1] > high)
        return fail();
    for (int i = 1; i < length; ++i) {
        if (!isContinuation(p[i]))
            return fail();
        code = (code << 6) | (p[i] & 0x3f);
    }
    if ((code & 0xfffe) == 0xfffe || (code >= 0xfdd0 && code <= 0xfdef))
        return fail();
    m_p += length;
    return true;
}

bool JsonScan::string(std::string_view* out)
{
    if (!take('"'))
        return false;
    const char* begin = m_p;
    while (m_p != m_end) {
        const auto byte = static_cast<unsigned char>(*m_p);
        if (byte == '"') {
            *out = std::string_view(begin, std::size_t(m_p - begin));
            ++m_p;
            return true;
        }
        if (byte == '\\' || byte < 0x20)
            return fail();
        if (byte < 0x80)
            ++m_p;
        else if (!multiByte())
            return false;
    }
    return fail();
}

bool JsonScan::numberText(std::string_view* text, bool* integer)
{
    skipSpace();
    const char* begin = m_p;
    if (m_p != m_end && *m_p == '-')
        ++m_p;
    if (m_p == m_end || !isDigit(*m_p))
        return fail();
    if (*m_p == '0') {
        ++m_p;
    } else {
        while (m_p != m_end && isDigit(*m_p))
            ++m_p;
    }
    *integer = true;
    if (m_p != m_end && *m_p == '.') {
        *integer = false;
        ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return fail();
        while (m_p != m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
        *integer = false;
        ++m_p;
        if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return fail();
        while (m_p != m_end && isDigit(*m_p))
            ++m_p;
    }
    *text = std::string_view(begin, std::size_t(m_p - begin));
    return true;
}

bool JsonScan::toDouble(std::string_view text, bool integer, double* out)
{
    const char* end = text.data() + text.size();
    if (integer) {
        // Qt keeps integers that fit in 64 bits as integers; toDouble() converts them.
        std::int64_t n = 0;
        if (const auto result = std::from_chars(text.data(), end, n); result.ec == std::errc() && result.ptr == end) {
            *out = double(n);
            return true;
        }
    }
    double d = 0;
    const auto result = std::from_chars(text.data(), end, d);
    if (result.ec != std::errc() || result.ptr != end || !std::isfinite(d) || (d != 0 && std::fabs(d) < DBL_MIN)
        || (d == 0 && std::signbit(d)))
        return false;
    *out = d;
    return true;
}

bool JsonScan::number(double* out)
{
    std::string_view text;
    bool integer = false;
    return numberText(&text, &integer) && (toDouble(text, integer, out) || fail());
}

bool JsonScan::nextMember(bool* first, std::string_view* key, const char** memberBegin)
{
    if (!nextItem(first, '}'))
        return false;
    skipSpace();
    if (memberBegin != nullptr)
        *memberBegin = m_p;
    return string(key) && take(':');
}

bool JsonScan::nextElement(bool* first)
{
    return nextItem(first, ']');
}

bool JsonScan::nextItem(bool* first, char close)
{
    skipSpace();
    if (m_p == m_end)
        return fail();
    if (*m_p == close) {
        ++m_p;
        return false;
    }
    if (!*first && !take(','))
        return false;
    *first = false;
    return true;
}

bool JsonScan::literal(std::string_view word)
{
    if (std::size_t(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word)
        return fail();
    m_p += word.size();
    return true;
}

bool JsonScan::skipValue(int depth)
{
    if (depth > depthMax)
        return fail();
    bool first = true;
    std::string_view text;
    double d = 0;
    switch (peek()) {
    case '{':
        ++m_p;
        while (nextMember(&first, &text)) {
            if (!skipValue(depth + 1))
                return false;
        }
        return !m_failed;
    case '[':
        ++m_p;
        while (nextElement(&first)) {
            if (!skipValue(depth + 1))
                return false;
        }
        return !m_failed;
    case '"': return string(&text);
    case 't': return literal("true");
    case 'f': return literal("false");
    case 'n': return literal("null");
    default: return number(&d);
    }
}

void JsonRest::add(const char* memberBegin, const char* memberEnd)
{
    if (m_text.size() > 1)
        m_text += ',';
    m_text.append(memberBegin, memberEnd);
}

bool JsonRest::parse(QJsonObject* out)
{
    m_text += '}';
    QJsonParseError error;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromRawData(m_text.data(), qsizetype(m_text.size())), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    *out = document.object();
    return true;
}

} // namespace usher
