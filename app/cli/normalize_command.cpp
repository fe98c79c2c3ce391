#include "normalize_command.hpp"

#include "isolens/core/base/safe_text.hpp"

#include "isolens/core/platform/system_text.hpp"
#include "isolens/core/stats/sample_json.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

using namespace isolens;

int runNormalizeCommand(const NormalizeOptions& options)
{
    std::optional<EngineOs> forced;
    if (!options.os.empty()) {
        forced = parseEngineOs(options.os);
        if (!forced) {
            std::cerr << "isolens-cli: error: --os must be linux or windows, not '" << options.os << "'\n";
            return 2;
        }
    }
    std::ifstream file;
    if (!options.file.empty() && options.file != "-") {
        file.open(pathFromUtf8(options.file));
        if (!file) {
            std::cerr << "isolens-cli: error: cannot read " << escapeForTerminal(options.file)
                      << ": check the file's name and that you may read it, or pass the lines on standard "
                         "input\n";
            return 1;
        }
    }
    std::istream& in = file.is_open() ? static_cast<std::istream&>(file) : std::cin;
    ContainerLimits limits;
    limits.effectiveIsolation = options.isolation;

    std::string line;
    int lineNumber = 0;
    int failures = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        auto raw = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        const auto os = raw.is_object() ? (forced ? forced : guessEngineOs(raw)) : std::nullopt;
        if (!os) {
            std::cerr << "isolens-cli: line " << lineNumber
                      << (raw.is_object() ? ": cannot tell a Linux from a Windows sample; pass --os\n"
                                          : ": not a JSON object; skipped\n");
            ++failures;
            continue;
        }
        std::cout << dumpJson(sampleToJson(normalizeStats(raw, *os, limits))) << '\n';
    }
    if (failures > 0)
        std::cerr << "isolens-cli: " << failures << " of " << lineNumber
                  << " lines could not be normalized\n";
    return failures > 0 ? 1 : 0;
}
