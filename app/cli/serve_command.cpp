#include "serve_command.hpp"

#include "interrupts.hpp"
#include "windows_service.hpp"

#include "isolens/core/base/safe_text.hpp"
#include "isolens/core/exporter/container_watcher.hpp"
#include "isolens/core/exporter/exporter.hpp"
#include "isolens/core/exporter/exporter_state.hpp"
#include "isolens/core/exporter/host_watcher.hpp"
#include "isolens/core/exporter/listen_address.hpp"
#include "isolens/core/exporter/metrics_endpoint.hpp"

#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

using namespace isolens;

namespace {

int serve(const CliContext& context, const ServeOptions& options)
{
    auto listen = parseListenAddress(options.listen);
    if (!listen)
        return reportError(context, listen.error());
    auto engine = connectToEngine(context);
    if (!engine)
        return reportError(context, engine.error());
    const auto& endpoint = engine.value().resolved.endpoint;

    handleInterrupts();
    ExporterState state;
    Exporter exporter(state);
    auto served = MetricsEndpoint::start(listen.value(), [&exporter] { return exporter.collect(); });
    if (!served)
        return reportError(context, served.error());
    ContainerWatcher containers(engine.value().client, state);
    // The host's figures are the engine's only when the engine runs on this machine.
    std::unique_ptr<HostWatcher> host;
    if (endpoint.isOnThisMachine())
        host = std::make_unique<HostWatcher>(makeHostMetrics(), state);

    const auto address = served.value()->address();
    std::cout << "serving http://" << address.text() << "/metrics" << std::endl;
    std::cerr << "isolens-cli serve: the containers of " << escapeForTerminal(endpoint.url)
              << ", watched without changing anything; Ctrl+C stops.\n";
    if (!address.loopback())
        std::cerr << "isolens-cli serve: listening on " << address.text()
                  << ": anyone who can reach this machine there can read its containers' names, images and "
                     "figures.\n";
    if (!host)
        std::cerr
            << "isolens-cli serve: the engine is on another machine, so this machine's CPU, memory and VM "
               "workers are not reported as its host.\n";

    while (!interrupted())
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    served.value().reset(); // no scrape reads the state while the watchers stop
    std::cerr << "isolens-cli serve: stopped.\n";
    return 0;
}

} // namespace

int runServeCommand(const CliContext& context, const ServeOptions& options)
{
    if (!options.windowsService)
        return serve(context, options);
    std::string failure;
    const int code = runAsWindowsService([&] { return serve(context, options); }, failure);
    if (code < 0) {
        std::cerr << "isolens-cli serve: " << failure << "\n";
        return 2;
    }
    return code;
}
