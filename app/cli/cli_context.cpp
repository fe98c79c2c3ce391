#include "cli_context.hpp"

#include "isolens/core/safe_text.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

using namespace isolens;

Result<ConnectedEngine> connectToEngine(const CliContext& context)
{
    auto env = processEnvironment();
    auto resolved = resolveEndpoint(context.endpointRequest, env);
    if (!resolved)
        return resolved.error();
    for (const auto& warning : resolved.value().warnings)
        std::cerr << escapeForTerminal(warning) << '\n';
    EngineClientOptions options;
    options.pinnedApiVersion = resolved.value().pinnedApiVersion;
    ConnectedEngine engine;
    engine.client = std::make_unique<EngineClient>(resolved.value().endpoint, options);
    engine.resolved = std::move(resolved.value());
    return engine;
}

Result<EngineWithInfo> connectWithInfo(const CliContext& context)
{
    auto engine = connectToEngine(context);
    if (!engine)
        return engine.error();
    EngineWithInfo connected{std::move(engine.value().resolved), std::move(engine.value().client), {}};
    auto info = connected.client->info();
    if (!info)
        return info.error();
    connected.info = std::move(info.value());
    return connected;
}

int reportError(const CliContext& context, const Error& error)
{
    std::cerr << "isolens-cli: error: " << escapeForTerminal(error.message);
    if (error.httpStatus != 0)
        std::cerr << " (HTTP " << error.httpStatus << ")";
    std::cerr << "\n  what to do: " << escapeForTerminal(error.hint) << '\n';
    if (context.json) {
        nlohmann::json out = {{"error",
                               {{"kind", toString(error.kind)},
                                {"message", error.message},
                                {"hint", error.hint},
                                {"http_status", error.httpStatus}}}};
        std::cout << dumpJson(out, 2) << '\n';
    }
    return 1;
}
