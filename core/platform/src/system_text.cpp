#include "isolens/core/platform/system_text.hpp"

namespace isolens {

std::optional<std::filesystem::path> environmentPath(std::string_view name)
{
    auto value = environmentVariable(name);
    if (!value || value->empty())
        return std::nullopt;
    return pathFromUtf8(*value);
}

} // namespace isolens
