#include "search/SearchQueryParts.h"

#include "core/QtText.h"

#include <QString>

#include <algorithm>
#include <charconv>

namespace usher::search {

bool isWordCharacter(char16_t code)
{
    const QChar c(code);
    return (c.isLetterOrNumber() || c.isMark()) && !c.isSurrogate()
        && c.unicodeVersion() != QChar::Unicode_Unassigned && c.unicodeVersion() <= QChar::Unicode_6_1;
}

namespace {

QString fold(const QString& word)
{
    return word.normalized(QString::NormalizationForm_C).toCaseFolded();
}

// Calls `add` with each word of `text`; true when the text ends inside a word.
template <typename Add>
bool splitWords(const QString& text, Add add)
{
    QString word;
    for (const QChar c : text) {
        if (isWordCharacter(c.unicode())) {
            word.append(c);
        } else if (!word.isEmpty()) {
            add(word);
            word.clear();
        }
    }
    if (word.isEmpty())
        return false;
    add(word);
    return true;
}

} // namespace

std::string foldedWords(const std::string& text)
{
    QString out;
    splitWords(toQString(text), [&out](const QString& word) {
        if (!out.isEmpty())
            out.append(QLatin1Char(' '));
        out.append(fold(word));
    });
    return out.toStdString();
}

std::string foldedWord(const std::string& word)
{
    return fold(toQString(word)).toStdString();
}

std::string encodeCursor(const SearchKey& key)
{
    return std::to_string(key.relevance) + "_" + std::to_string(key.startsAt) + "_" + std::to_string(key.id);
}

bool decodeCursor(const std::string& text, SearchKey* key)
{
    const char* p = text.data();
    const char* end = p + text.size();
    unsigned relevance = 0;
    auto r = std::from_chars(p, end, relevance);
    if (r.ec != std::errc() || r.ptr == end || *r.ptr != '_' || relevance > 2)
        return false;
    r = std::from_chars(r.ptr + 1, end, key->startsAt);
    if (r.ec != std::errc() || r.ptr == end || *r.ptr != '_')
        return false;
    r = std::from_chars(r.ptr + 1, end, key->id);
    key->relevance = std::uint8_t(relevance);
    return r.ec == std::errc() && r.ptr == end;
}

bool checkQuery(const SearchQuery& q, QueryWords* words, std::optional<SearchKey>* after, std::string* error)
{
    if (q.text.size() > searchlimits::textBytesMax) {
        *error = "q: longer than " + std::to_string(searchlimits::textBytesMax) + " bytes";
        return false;
    }
    words->words.clear();
    words->lastIsPrefix
        = splitWords(toQString(q.text),
                     [words](const QString& word) { words->words.push_back(word.toStdString()); });
    if (words->words.size() > searchlimits::termsMax) {
        *error = "q: more than " + std::to_string(searchlimits::termsMax) + " words";
        return false;
    }
    after->reset();
    if (!q.after.empty()) {
        SearchKey key;
        if (!decodeCursor(q.after, &key)) {
            *error = "page: not a cursor this server gave out";
            return false;
        }
        *after = key;
    }
    if (q.limit == 0 || q.limit > searchlimits::pageSizeMax) {
        *error = "limit: expected 1.." + std::to_string(searchlimits::pageSizeMax);
        return false;
    }
    if (q.offset > searchlimits::offsetMax) {
        *error = "page: beyond the first " + std::to_string(searchlimits::offsetMax) + " results; narrow the search";
        return false;
    }
    if (q.from && q.to && *q.from >= *q.to) {
        *error = "from: must be before to";
        return false;
    }
    if (q.minPrice && q.maxPrice && *q.minPrice > *q.maxPrice) {
        *error = "minPrice: must not be above maxPrice";
        return false;
    }
    for (const auto& [values, name] : { std::pair { &q.venues, "venue" }, std::pair { &q.cities, "city" },
                                        std::pair { &q.genres, "category" } }) {
        if (values->size() > searchlimits::filterValuesMax) {
            *error = std::string(name) + ": more than " + std::to_string(searchlimits::filterValuesMax) + " values";
            return false;
        }
    }
    return true;
}

std::vector<FacetValue> topFacetValues(std::vector<FacetValue> values)
{
    std::erase_if(values, [](const FacetValue& v) { return v.count == 0 || v.value.empty(); });
    std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (values.size() > searchlimits::facetValuesMax)
        values.resize(searchlimits::facetValuesMax);
    return values;
}

} // namespace usher::search
