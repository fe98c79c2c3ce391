#pragma once

#include "isolens/core/stats/latest_stats.hpp"

#include <string>
#include <vector>

// The docker stats table for the engine's OS: Linux shows MEM USAGE / LIMIT, MEM % and PIDS,
// Windows PRIV WORKING SET. Containers without a live sample show "--".
std::string renderStatsTable(const std::vector<isolens::LatestStats::Entry>& entries, isolens::EngineOs os);
