#pragma once

// Structured logs: one JSON object per line on stderr, e.g.
//   {"ts":"2026-11-28T07:40:01.123Z","level":"info","msg":"listening","host":"127.0.0.1","port":8080}
// Lines are written whole under a mutex, so threads never interleave within a line.

#include <cstdint>
#include <string>
#include <string_view>

namespace usher::net {

enum class LogLevel : std::uint8_t { Debug = 0, Info = 1, Warn = 2, Error = 3 };

void setLogLevel(LogLevel level);
bool logEnabled(LogLevel level);
// Parses "debug", "info", "warn", "error".
bool parseLogLevel(std::string_view text, LogLevel* level);

// Appends `text` to `out` as the inside of a JSON string (quotes not included).
void appendJsonEscaped(std::string& out, std::string_view text);

class LogLine {
public:
    LogLine(LogLevel level, std::string_view message);
    ~LogLine(); // writes the line
    LogLine(const LogLine&) = delete;
    LogLine& operator=(const LogLine&) = delete;

    LogLine& str(std::string_view key, std::string_view value);
    LogLine& num(std::string_view key, std::int64_t value);
    LogLine& real(std::string_view key, double value);

private:
    bool m_enabled;
    std::string m_line;
};

} // namespace usher::net
