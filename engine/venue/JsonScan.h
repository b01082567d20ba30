#pragma once

// A validating, allocation-free reader over JSON text: the fast path of the venue and event
// formats (docs/design/cold-start.md). It accepts a strict subset of what QJsonDocument accepts
// and reads it the same way; anything else (a string with escapes, a number out of the usual
// range, nesting deeper than depthMax...) makes it give up. A caller that gives up runs the
// QJsonDocument path, which is the reference for the formats and the source of every error
// message. So the fast path never produces an error of its own: it yields exactly what the
// reference would, or nothing.

#include <QJsonObject>

#include <memory>
#include <string>
#include <string_view>

namespace usher {

class Venue;

class JsonScan {
public:
    static constexpr int depthMax = 32;

    JsonScan(const char* begin, const char* end)
        : m_p(begin)
        , m_end(end)
    {
    }

    const char* position() const { return m_p; }
    const char* end() const { return m_end; }
    bool atEnd() { return skipSpace(), m_p == m_end; }
    // The next non-space byte, not consumed; '\0' at the end.
    char peek() { return skipSpace(), m_p == m_end ? '\0' : *m_p; }
    // Consumes `c` (after spaces); false when something else comes.
    bool take(char c);

    // A string without escapes or control characters, in valid UTF-8: *out views its bytes, which
    // are exactly what QJsonValue::toString().toStdString() answers for it.
    bool string(std::string_view* out);
    // A number in the strict JSON grammar. *out is what QJsonValue::toDouble() answers: an integer
    // that fits in 64 bits converted from the integer, anything else the correctly rounded double.
    // False for the cases Qt might treat otherwise: infinities, subnormals, negative zero.
    bool number(double* out);
    // The same in two steps: the text of a number in the strict grammar (and whether it has
    // neither fraction nor exponent), then its value as number() answers it.
    bool numberText(std::string_view* text, bool* integer);
    static bool toDouble(std::string_view text, bool integer, double* out);
    // Skips one value of any type, checking its syntax as strictly as the above.
    bool skipValue() { return skipValue(0); }

    // Object members: after take('{'), `first` true, nextMember() until it answers false; *key is
    // the member whose value comes next, *memberBegin where its key starts. False at the closing
    // brace (consumed) or on a syntax error: then failed().
    bool nextMember(bool* first, std::string_view* key, const char** memberBegin = nullptr);
    // Array elements: after take('['), `first` true; true when an element follows (the cursor is
    // at it), false at the closing bracket (consumed) or on a syntax error: then failed().
    bool nextElement(bool* first);
    bool failed() const { return m_failed; }
    bool fail()
    {
        m_failed = true;
        return false;
    }

private:
    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool skipValue(int depth);
    // The next member or element of an object or array whose closing character is `close`.
    bool nextItem(bool* first, char close);
    bool literal(std::string_view word);
    bool multiByte(); // one UTF-8 sequence of 2-4 bytes at m_p

    const char* m_p;
    const char* m_end;
    bool m_failed = false;
};

// The members of an object that the fast path leaves to the reference readers, gathered as the
// text of an object of their own for QJsonDocument.
class JsonRest {
public:
    void add(const char* memberBegin, const char* memberEnd);
    bool parse(QJsonObject* out); // false when QJsonDocument finds it is not a JSON object

private:
    std::string m_text = "{";
};

// The fast path of venueFromJson() for the venue object at the scanner's position (defined in
// VenueJson.cpp; the event format uses it for the venue it embeds): the finalized venue, or null
// to give up. On success the scanner stands after the object.
std::shared_ptr<Venue> scanVenue(JsonScan& scan);

} // namespace usher
