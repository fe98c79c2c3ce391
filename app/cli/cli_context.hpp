#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/engine/engine_connection.hpp"
#include "isolens/core/transport/endpoint_resolver.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

// What every isolens-cli command shares: how the engine was named, and how to report a failure.
struct CliContext {
    isolens::EndpointRequest endpointRequest;
    bool json = false;
    std::vector<std::string> invocation; // the command line as typed, for the recordings' headers
};

// The engine the flags name (isolens::connectToEngine), with its warnings printed to stderr.
isolens::Result<isolens::EngineConnection> connectToEngine(const CliContext& context);

// A connected engine and its /info, which most commands need first.
struct EngineWithInfo {
    isolens::ResolvedEndpoint resolved;
    std::shared_ptr<isolens::EngineClient> client;
    isolens::EngineInfo info;
};
isolens::Result<EngineWithInfo> connectWithInfo(const CliContext& context);

// Prints the error for people on stderr (and as JSON on stdout with --json); returns the exit code.
int reportError(const CliContext& context, const isolens::Error& error);
