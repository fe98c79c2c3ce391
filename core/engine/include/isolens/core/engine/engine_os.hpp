#pragma once

#include <optional>
#include <string_view>

namespace isolens {

// Which kind of containers an engine runs: its OSType ("linux" or "windows"), the one rule for it.
enum class EngineOs { Linux, Windows };

// "linux" or "windows" exactly; anything else is not an engine OS.
std::optional<EngineOs> parseEngineOs(std::string_view osType);
// An engine's OSType as the engine reports it: "windows" is Windows, anything else (a Linux engine,
// or an engine too old to say) runs Linux containers.
EngineOs engineOsFromOsType(std::string_view osType);
std::string_view toString(EngineOs os);

} // namespace isolens
