#pragma once

#include "cli_context.hpp"

struct HostOptions {
    int top = 10; // busiest processes to list
};

// isolens-cli host: host CPU and memory, the busiest processes, VM workers, and which running
// containers' processes are visible on the host.
int runHostCommand(const CliContext& context, const HostOptions& options);
