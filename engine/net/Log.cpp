#include "net/Log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace usher::net {

namespace {

std::atomic<int> g_level { int(LogLevel::Info) };
std::mutex g_mutex;

const char* levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warn: return "warn";
    case LogLevel::Error: return "error";
    }
    return "info";
}

void appendTimestamp(std::string& out)
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc {};
    gmtime_r(&seconds, &utc);
    char buffer[96];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, int(millis));
    out.append(buffer, std::size_t(n));
}

} // namespace

void setLogLevel(LogLevel level)
{
    g_level.store(int(level), std::memory_order_relaxed);
}

bool logEnabled(LogLevel level)
{
    return int(level) >= g_level.load(std::memory_order_relaxed);
}

bool parseLogLevel(std::string_view text, LogLevel* level)
{
    for (LogLevel candidate : { LogLevel::Debug, LogLevel::Info, LogLevel::Warn, LogLevel::Error }) {
        if (text == levelName(candidate)) {
            *level = candidate;
            return true;
        }
    }
    return false;
}

void appendJsonEscaped(std::string& out, std::string_view text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (u < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", unsigned(u));
            out.append(buffer);
        } else {
            out.push_back(c);
        }
    }
}

LogLine::LogLine(LogLevel level, std::string_view message)
    : m_enabled(logEnabled(level))
{
    if (!m_enabled)
        return;
    m_line.reserve(160);
    m_line.append("{\"ts\":\"");
    appendTimestamp(m_line);
    m_line.append("\",\"level\":\"").append(levelName(level)).append("\",\"msg\":\"");
    appendJsonEscaped(m_line, message);
    m_line.push_back('"');
}

LogLine::~LogLine()
{
    if (!m_enabled)
        return;
    m_line.append("}\n");
    std::lock_guard lock(g_mutex);
    std::fwrite(m_line.data(), 1, m_line.size(), stderr);
    std::fflush(stderr);
}

LogLine& LogLine::str(std::string_view key, std::string_view value)
{
    if (m_enabled) {
        m_line.append(",\"").append(key).append("\":\"");
        appendJsonEscaped(m_line, value);
        m_line.push_back('"');
    }
    return *this;
}

LogLine& LogLine::num(std::string_view key, std::int64_t value)
{
    if (m_enabled)
        m_line.append(",\"").append(key).append("\":").append(std::to_string(value));
    return *this;
}

LogLine& LogLine::real(std::string_view key, double value)
{
    if (m_enabled) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.6g", value);
        m_line.append(",\"").append(key).append("\":").append(buffer);
    }
    return *this;
}

} // namespace usher::net
