#include "isolens/core/engine/effective_isolation.hpp"

namespace isolens {

std::string effectiveIsolation(std::string_view requested, const EngineInfo& engine)
{
    const bool engineDefault = requested.empty() || requested == "default";
    if (engineDefault && !engine.defaultIsolation.empty())
        return engine.defaultIsolation;
    return std::string(requested);
}

} // namespace isolens
