#include "isolens/core/engine/engine_os.hpp"

namespace isolens {

std::optional<EngineOs> parseEngineOs(std::string_view osType)
{
    if (osType == "linux")
        return EngineOs::Linux;
    if (osType == "windows")
        return EngineOs::Windows;
    return std::nullopt;
}

EngineOs engineOsFromOsType(std::string_view osType)
{
    return parseEngineOs(osType).value_or(EngineOs::Linux);
}

std::string_view toString(EngineOs os)
{
    return os == EngineOs::Windows ? "windows" : "linux";
}

} // namespace isolens
