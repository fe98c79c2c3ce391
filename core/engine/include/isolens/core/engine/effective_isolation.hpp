#pragma once

#include "isolens/core/engine/engine_types.hpp"

#include <string>
#include <string_view>

namespace isolens {

// The isolation a container runs with, from what it asked for (HostConfig.Isolation, or a mode's
// isolation): "" and "default" mean the engine's default (Info.Isolation, "hyperv" or "process" on
// Windows). A Linux engine names no default (only "default" exists there): the request stays as it is.
std::string effectiveIsolation(std::string_view requested, const EngineInfo& engine);

} // namespace isolens
