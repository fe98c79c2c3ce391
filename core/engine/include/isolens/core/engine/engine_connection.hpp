#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/transport/endpoint_resolver.hpp"

#include <memory>

namespace isolens {

// An engine as the user named it, and a client for it.
struct EngineConnection {
    ResolvedEndpoint resolved; // where, from what, and the warnings to show (e.g. plain TCP)
    std::shared_ptr<EngineClient> client;
};

// The one way IsoLens connects, for the command line and the dashboard alike: the endpoint chosen as
// the docker CLI chooses it (flags, DOCKER_HOST, contexts), and a client that keeps to a
// DOCKER_API_VERSION pin. Makes no request yet; fails only when no usable endpoint is named.
Result<EngineConnection> connectToEngine(const EndpointRequest& request,
                                         const EnvironmentLookup& environment = processEnvironment());

} // namespace isolens
