#include "isolens/core/engine/engine_connection.hpp"

#include <utility>

namespace isolens {

Result<EngineConnection> connectToEngine(const EndpointRequest& request, const EnvironmentLookup& environment)
{
    auto resolved = resolveEndpoint(request, environment);
    if (!resolved)
        return resolved.error();
    EngineClientOptions options;
    options.pinnedApiVersion = resolved.value().pinnedApiVersion;
    EngineConnection connection;
    connection.client = std::make_shared<EngineClient>(resolved.value().endpoint, options);
    connection.resolved = std::move(resolved.value());
    return connection;
}

} // namespace isolens
