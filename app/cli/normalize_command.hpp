#pragma once

#include "cli_context.hpp"

#include <string>

struct NormalizeOptions {
    std::string os;        // "linux", "windows" or "" to tell from each sample
    std::string isolation; // "hyperv" or "process": for the allotment figure of Windows samples
    std::string file;      // "" or "-": standard input
};

// isolens-cli normalize: raw stats JSON lines in, one normalized JSON line out for each.
int runNormalizeCommand(const NormalizeOptions& options);
