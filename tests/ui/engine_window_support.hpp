#pragma once

// For the dashboard's tests against the private engine (Linux): its endpoint, a mode's place in the
// launcher, and the containers this test process created that are still there.
#include "launcher_panel.hpp"
#include "private_engine.hpp"

#include "isolens/core/engine/container_ownership.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/session/isolation_modes.hpp"
#include "isolens/core/transport/endpoint.hpp"
#include "isolens/core/transport/endpoint_resolver.hpp"

#include <unistd.h>

#include <string>
#include <vector>

inline isolens::EndpointRequest privateEndpoint()
{
    isolens::EndpointRequest endpoint;
    endpoint.hostFlag = privateEngine().var("ISOLENS_TEST_DOCKER_HOST");
    return endpoint;
}

inline int modeIndex(const LauncherPanel& launcher, const std::string& label)
{
    for (int i = 0; i < 10; ++i)
        if (launcher.mode(i) && launcher.mode(i)->label == label)
            return i;
    return -1;
}

inline std::vector<isolens::ContainerSummary> ownContainers()
{
    isolens::EngineClient client(
        isolens::parseHostUrl(privateEngine().var("ISOLENS_TEST_DOCKER_HOST")).value());
    auto listed = client.listContainers(
        {{"label", {std::string(isolens::kOwnerPidLabel) + "=" + std::to_string(getpid())}}}, /*all=*/true);
    return listed ? listed.value() : std::vector<isolens::ContainerSummary>{};
}
