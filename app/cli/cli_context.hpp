#pragma once

#include "isolens/core/endpoint_resolver.hpp"
#include "isolens/core/engine_client.hpp"
#include "isolens/core/error.hpp"

#include <memory>
#include <optional>
#include <string>

// What every isolens-cli command shares: how the engine was named, and how to report a failure.
struct CliContext {
    isolens::EndpointRequest endpointRequest;
    bool json = false;
};

struct ConnectedEngine {
    isolens::ResolvedEndpoint resolved;
    std::unique_ptr<isolens::EngineClient> client;
};

// Resolves the endpoint (printing its warnings to stderr) and makes a client for it.
isolens::Result<ConnectedEngine> connectToEngine(const CliContext& context);

// A connected engine and its /info, which most commands need first.
struct EngineWithInfo {
    isolens::ResolvedEndpoint resolved;
    std::shared_ptr<isolens::EngineClient> client;
    isolens::EngineInfo info;
};
isolens::Result<EngineWithInfo> connectWithInfo(const CliContext& context);

// Prints the error for people on stderr (and as JSON on stdout with --json); returns the exit code.
int reportError(const CliContext& context, const isolens::Error& error);
