#include "admin/PrometheusMetrics.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace usher::ui {

namespace {

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

QString tr(const char* text)
{
    return QCoreApplication::translate("usher::ui::PrometheusSnapshot", text); // lupdate's context
}

bool matches(const PrometheusSample& sample, const PrometheusLabels& filter)
{
    for (const auto& [key, value] : filter) {
        const QString* found = sample.label(key);
        if (found == nullptr || *found != value)
            return false;
    }
    return true;
}

// Reads a quoted label value starting after the opening quote; *pos ends after the closing quote.
bool readLabelValue(const QByteArray& line, qsizetype* pos, QString* value)
{
    QByteArray bytes;
    qsizetype i = *pos;
    while (i < line.size()) {
        const char c = line[i];
        if (c == '"') {
            *value = QString::fromUtf8(bytes);
            *pos = i + 1;
            return true;
        }
        if (c == '\\') {
            if (i + 1 >= line.size())
                return false;
            const char e = line[i + 1];
            bytes += e == 'n' ? '\n' : e; // \\ and \" stand for themselves; \n is a newline
            i += 2;
            continue;
        }
        bytes += c;
        ++i;
    }
    return false;
}

} // namespace

const QString* PrometheusSample::label(const QByteArray& key) const
{
    for (const auto& [k, v] : labels)
        if (k == key)
            return &v;
    return nullptr;
}

bool parsePrometheusValue(const QByteArray& text, double* value)
{
    if (text.isEmpty())
        return false;
    if (text == "NaN") {
        *value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (text == "+Inf" || text == "Inf") {
        *value = std::numeric_limits<double>::infinity();
        return true;
    }
    if (text == "-Inf") {
        *value = -std::numeric_limits<double>::infinity();
        return true;
    }
    bool ok = false;
    const double parsed = text.toDouble(&ok); // C locale, decimal or exponent notation
    if (!ok)
        return false;
    *value = parsed;
    return true;
}

bool PrometheusSnapshot::parseLine(const QByteArray& line, PrometheusSample* sample, QString* error) const
{
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n && isBlank(line[i]))
        ++i;
    const qsizetype nameStart = i;
    if (i >= n || !isNameStart(line[i])) {
        *error = tr("a metric name was expected");
        return false;
    }
    while (i < n && isNameChar(line[i]))
        ++i;
    sample->name = line.mid(nameStart, i - nameStart);
    while (i < n && isBlank(line[i]))
        ++i;
    if (i < n && line[i] == '{') {
        ++i;
        for (;;) {
            while (i < n && isBlank(line[i]))
                ++i;
            if (i < n && line[i] == '}') {
                ++i;
                break;
            }
            const qsizetype keyStart = i;
            while (i < n && isNameChar(line[i]))
                ++i;
            if (i == keyStart) {
                *error = tr("a label name was expected");
                return false;
            }
            const QByteArray key = line.mid(keyStart, i - keyStart);
            while (i < n && isBlank(line[i]))
                ++i;
            if (i >= n || line[i] != '=') {
                *error = tr("a label needs =\"value\"");
                return false;
            }
            ++i;
            while (i < n && isBlank(line[i]))
                ++i;
            if (i >= n || line[i] != '"') {
                *error = tr("a label needs =\"value\"");
                return false;
            }
            ++i;
            QString value;
            if (!readLabelValue(line, &i, &value)) {
                *error = tr("a label value is not closed");
                return false;
            }
            sample->labels.emplace_back(key, value);
            while (i < n && isBlank(line[i]))
                ++i;
            if (i < n && line[i] == ',') {
                ++i;
                continue;
            }
            if (i < n && line[i] == '}') {
                ++i;
                break;
            }
            *error = tr("a label list is not closed");
            return false;
        }
    }
    while (i < n && isBlank(line[i]))
        ++i;
    const qsizetype valueStart = i;
    while (i < n && !isBlank(line[i]))
        ++i;
    if (!parsePrometheusValue(line.mid(valueStart, i - valueStart), &sample->value)) {
        *error = tr("the value is not a number");
        return false;
    }
    while (i < n && isBlank(line[i]))
        ++i;
    if (i < n) { // an optional timestamp (ms), ignored
        bool ok = false;
        line.mid(i).trimmed().toLongLong(&ok);
        if (!ok) {
            *error = tr("unexpected text after the value");
            return false;
        }
    }
    return true;
}

PrometheusSnapshot PrometheusSnapshot::parse(const QByteArray& text)
{
    PrometheusSnapshot snapshot;
    const QByteArray body = text.size() > kTextBytesMax ? text.left(kTextBytesMax) : text;
    if (body.size() < text.size()) {
        ++snapshot.m_badLines;
        snapshot.m_firstError = tr("the scrape is larger than 16 MiB: the rest was ignored");
    }
    qsizetype start = 0;
    int lineNumber = 0;
    while (start < body.size()) {
        qsizetype end = body.indexOf('\n', start);
        if (end < 0)
            end = body.size();
        QByteArray line = body.mid(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (line.endsWith('\r'))
            line.chop(1);
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#'))
            continue;
        if (snapshot.m_samples.size() >= kSamplesMax) {
            ++snapshot.m_badLines;
            if (snapshot.m_firstError.isEmpty())
                snapshot.m_firstError = tr("more than %1 samples: the rest was ignored").arg(kSamplesMax);
            break;
        }
        PrometheusSample sample;
        QString error;
        if (!snapshot.parseLine(trimmed, &sample, &error)) {
            ++snapshot.m_badLines;
            if (snapshot.m_firstError.isEmpty())
                //: %1 is a line number, %2 what is wrong with the line.
                snapshot.m_firstError = tr("line %1: %2").arg(lineNumber).arg(error);
            continue;
        }
        snapshot.m_samples.push_back(std::move(sample));
    }
    return snapshot;
}

std::optional<double> PrometheusSnapshot::value(const QByteArray& name, const PrometheusLabels& filter) const
{
    for (const PrometheusSample& sample : m_samples)
        if (sample.name == name && matches(sample, filter))
            return sample.value;
    return std::nullopt;
}

std::optional<double> PrometheusSnapshot::sum(const QByteArray& name, const PrometheusLabels& filter) const
{
    std::optional<double> total;
    for (const PrometheusSample& sample : m_samples)
        if (sample.name == name && matches(sample, filter))
            total = total.value_or(0) + sample.value;
    return total;
}

std::vector<QString> PrometheusSnapshot::labelValues(const QByteArray& name, const QByteArray& label) const
{
    std::vector<QString> values;
    for (const PrometheusSample& sample : m_samples) {
        if (sample.name != name)
            continue;
        const QString* value = sample.label(label);
        if (value != nullptr && std::find(values.begin(), values.end(), *value) == values.end())
            values.push_back(*value);
    }
    return values;
}

} // namespace usher::ui
