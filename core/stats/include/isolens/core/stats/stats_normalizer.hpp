#pragma once

#include "isolens/core/stats/stats_sample.hpp"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string_view>

namespace isolens {

// Turns one raw stats object from GET /containers/{id}/stats into a StatsSample with the docker
// CLI's formulas for the engine's OS. Missing or mistyped fields count as zero, as in the CLI.
StatsSample normalizeStats(const nlohmann::json& raw, EngineOs os, const ContainerLimits& limits = {});

// Which formulas a raw sample needs, from its own fields (newer engines send "os_type").
std::optional<EngineOs> guessEngineOs(const nlohmann::json& raw);

} // namespace isolens
