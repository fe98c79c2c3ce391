#pragma once

#include "cli_context.hpp"

#include <string>
#include <vector>

struct StatsOptions {
    std::vector<std::string> containers; // names or IDs; empty: every running container
    bool noStream = false;
    bool direct = false; // read the cgroup files on this host instead of the engine's stats
};

// isolens-cli stats: a live docker-stats-like table (or JSON) from the normalized samples.
int runStatsCommand(const CliContext& context, const StatsOptions& options);
