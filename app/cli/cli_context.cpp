#include "cli_context.hpp"

#include "isolens/core/base/safe_text.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

using namespace isolens;

Result<EngineConnection> connectToEngine(const CliContext& context)
{
    auto engine = isolens::connectToEngine(context.endpointRequest);
    if (!engine)
        return engine.error();
    for (const auto& warning : engine.value().resolved.warnings)
        std::cerr << escapeForTerminal(warning) << '\n';
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
