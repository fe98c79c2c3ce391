#pragma once

#include "cli_context.hpp"

// isolens-cli cleanup: lists the containers of IsoLens sessions that are no longer running, and
// removes them with --yes.
int runCleanupCommand(const CliContext& context, bool yes);
