#pragma once

#include "cli_context.hpp"

// isolens-cli info: engine and host facts.
int runInfoCommand(const CliContext& context);
