#pragma once

#include "cli_context.hpp"

#include <string>

struct PreflightOptions {
    std::string image;
    std::string hostBuild; // "N" or "N.R"
    bool offline = false;
};

// isolens-cli preflight: will this image run in each isolation mode on this host, and if not, why.
int runPreflightCommand(const CliContext& context, const PreflightOptions& options);
