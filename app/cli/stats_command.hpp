#pragma once

#include "cli_context.hpp"

#include <string>
#include <vector>

struct StatsOptions {
    std::vector<std::string> containers; // names or IDs; empty: every running container
    bool noStream = false;
};

// isolens-cli stats: a live docker-stats-like table (or JSON) from the normalized samples.
int runStatsCommand(const CliContext& context, const StatsOptions& options);
