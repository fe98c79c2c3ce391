#pragma once

#include "cli_context.hpp"

struct CleanupOptions {
    bool remove = false;            // --yes
    bool includeOtherHosts = false; // --include-other-hosts: also other machines' sessions, maybe live
};

// isolens-cli cleanup: lists the containers of IsoLens sessions that are no longer running, and
// removes them (never their volumes) with --yes. Only containers this machine's IsoLens recorded
// creating count as its own; other machines' are listed, and removed only when asked for.
int runCleanupCommand(const CliContext& context, const CleanupOptions& options);
