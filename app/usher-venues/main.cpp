// usher-venues: writes the sample venues (resources/venues), generates large venues and checks
// venue files. main() parses the arguments; the venues are built by engine/venue/SampleVenues.
// Exit status: 0 done, 1 a file is invalid or cannot be written, 2 a usage error.

#include "core/QtText.h"
#include "venue/SampleVenues.h"
#include "venue/VenueJson.h"

#include <QString>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace usher;

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

using Arguments = std::vector<std::string_view>;

void printUsage(std::FILE* out)
{
    std::fprintf(out,
                 "usage: usher-venues sample <venue> --out FILE\n"
                 "       usher-venues sample all --out-dir DIR\n"
                 "       usher-venues generate --seats N [--sections N] --out FILE\n"
                 "       usher-venues check FILE...\n"
                 "       usher-venues --help\n\n"
                 "sample venues:\n");
    for (const SampleVenueInfo& info : sampleVenues())
        std::fprintf(out, "  %-13.*s %.*s\n", int(info.key.size()), info.key.data(), int(info.description.size()),
                     info.description.data());
    std::fprintf(out,
                 "\ngenerate: a stadium bowl of as many tiers as needed with exactly N seats (%u to 2000000);\n"
                 "--sections sets the number of sections in all tiers together (default: about 25 seats wide).\n"
                 "check: loads each file, validates it and prints a summary.\n"
                 "Exit status: 0 done, 1 a file is invalid or cannot be written, 2 usage error.\n",
                 kLargeVenueSeatsMin);
}

int usageError(const std::string& message)
{
    std::fprintf(stderr, "usher-venues: %s\n(see usher-venues --help)\n", message.c_str());
    return kExitUsage;
}

int failed(const std::string& message)
{
    std::fprintf(stderr, "usher-venues: %s\n", message.c_str());
    return kExitFailed;
}

// Options of the form "--name value"; every option takes a value.
struct Options {
    std::vector<std::pair<std::string_view, std::string_view>> values;
    std::vector<std::string_view> positional;

    std::optional<std::string_view> get(std::string_view name) const
    {
        for (const auto& [key, value] : values) {
            if (key == name)
                return value;
        }
        return std::nullopt;
    }
};

// Fills *options; returns an error message, empty when the arguments are well formed.
std::string parseOptions(const Arguments& arguments, std::initializer_list<std::string_view> known, Options* options)
{
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string_view argument = arguments[i];
        if (!argument.starts_with("--")) {
            options->positional.push_back(argument);
            continue;
        }
        bool isKnown = false;
        for (std::string_view name : known)
            isKnown = isKnown || name == argument;
        if (!isKnown)
            return "unknown option " + std::string(argument);
        if (i + 1 >= arguments.size())
            return "option " + std::string(argument) + " needs a value";
        if (options->get(argument))
            return "option " + std::string(argument) + " given twice";
        options->values.push_back({ argument, arguments[++i] });
    }
    return {};
}

std::optional<std::uint32_t> parseCount(std::string_view text)
{
    std::uint32_t value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

int writeVenue(const Venue& venue, const QString& file)
{
    std::string error;
    if (!writeVenueJsonFile(venue, file, &error))
        return failed(error);
    std::printf("%s: %u seats, %zu sections, %zu areas\n", file.toUtf8().constData(), venue.seatCount(),
                venue.sections.size(), venue.areas.size());
    return kExitOk;
}

int runSample(const Arguments& arguments)
{
    Options options;
    if (std::string error = parseOptions(arguments, { "--out", "--out-dir" }, &options); !error.empty())
        return usageError("sample: " + error);
    if (options.positional.size() != 1)
        return usageError("sample: name one venue (theatre, concert-hall, arena, stadium) or all");
    const std::string_view name = options.positional[0];
    const auto out = options.get("--out");
    const auto outDir = options.get("--out-dir");
    if (name == "all") {
        if (!outDir || out)
            return usageError("sample all: give --out-dir DIR (and no --out)");
        for (const SampleVenueInfo& info : sampleVenues()) {
            if (int status = writeVenue(*info.build(), toQString(*outDir) + QLatin1Char('/') + toQString(info.fileName));
                status != kExitOk)
                return status;
        }
        return kExitOk;
    }
    const SampleVenueInfo* info = findSampleVenue(name);
    if (!info)
        return usageError("sample: unknown venue \"" + std::string(name)
                          + "\" (known: theatre, concert-hall, arena, stadium, all)");
    if (!out || outDir)
        return usageError("sample: give --out FILE");
    return writeVenue(*info->build(), toQString(*out));
}

int runGenerate(const Arguments& arguments)
{
    Options options;
    if (std::string error = parseOptions(arguments, { "--seats", "--sections", "--out" }, &options); !error.empty())
        return usageError("generate: " + error);
    if (!options.positional.empty())
        return usageError("generate: unexpected argument \"" + std::string(options.positional[0]) + "\"");
    const auto seats = options.get("--seats");
    const auto out = options.get("--out");
    if (!seats || !out)
        return usageError("generate: give --seats N and --out FILE");
    LargeVenueSpec spec;
    const auto seatCount = parseCount(*seats);
    if (!seatCount)
        return usageError("generate: --seats \"" + std::string(*seats) + "\" is not a whole number");
    spec.seats = *seatCount;
    if (const auto sections = options.get("--sections")) {
        const auto sectionCount = parseCount(*sections);
        if (!sectionCount || *sectionCount == 0)
            return usageError("generate: --sections \"" + std::string(*sections) + "\" is not a positive whole number");
        spec.sections = *sectionCount;
    }
    std::string error;
    const auto venue = generateLargeVenue(spec, &error);
    if (!venue)
        return usageError("generate: " + error);
    return writeVenue(*venue, toQString(*out));
}

int runCheck(const Arguments& arguments)
{
    if (arguments.empty())
        return usageError("check: name at least one venue file");
    int status = kExitOk;
    for (std::string_view file : arguments) {
        if (file.starts_with("--"))
            return usageError("check: unknown option " + std::string(file));
        VenueError error;
        const auto venue = venueFromJsonFile(toQString(file), &error);
        if (!venue) {
            const std::string message = error.message.starts_with(std::string(file))
                ? error.message
                : std::string(file) + ": " + error.message;
            status = failed(message);
            continue;
        }
        std::printf("%.*s: valid\n", int(file.size()), file.data());
        std::string summary = venueSummary(*venue);
        std::string indented = "  ";
        for (std::size_t i = 0; i < summary.size(); ++i) {
            indented += summary[i];
            if (summary[i] == '\n' && i + 1 < summary.size())
                indented += "  ";
        }
        std::fputs(indented.c_str(), stdout);
    }
    return status;
}

} // namespace

int main(int argc, char** argv)
{
    Arguments arguments(argv + 1, argv + argc);
    if (arguments.empty())
        return usageError("name a command: sample, generate or check");
    const std::string_view command = arguments.front();
    const Arguments rest(arguments.begin() + 1, arguments.end());
    if (command == "--help" || command == "-h" || command == "help") {
        printUsage(stdout);
        return kExitOk;
    }
    if (command == "sample")
        return runSample(rest);
    if (command == "generate")
        return runGenerate(rest);
    if (command == "check")
        return runCheck(rest);
    return usageError("unknown command \"" + std::string(command) + "\" (known: sample, generate, check)");
}
