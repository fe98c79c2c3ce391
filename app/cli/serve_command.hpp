#pragma once

#include "cli_context.hpp"

#include <string>

struct ServeOptions {
    std::string listen = "127.0.0.1:9464"; // ADDRESS:PORT; another address than loopback only when asked
    bool windowsService = false;           // started by the Service Control Manager (sc.exe create ...)
};

// isolens-cli serve: the Prometheus exporter. Watches the engine's running containers and the host,
// starts nothing and changes nothing on the engine, and serves /metrics until Ctrl+C or SIGTERM.
int runServeCommand(const CliContext& context, const ServeOptions& options);
