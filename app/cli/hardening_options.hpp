#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/engine/hardening.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

// compare's hardening options as typed: --hardened (all three), or each on its own.
struct HardeningOptions {
    bool hardened = false;
    std::optional<std::string> network;   // only "none" is taken
    std::optional<std::string> pidsLimit; // text, so that a bad value gets IsoLens' own message and exit code
    bool noNewPrivileges = false;
};

// Adds the options to a command, in a help group that says they change what is measured.
void addHardeningOptions(CLI::App& command, HardeningOptions& options);

// The hardening asked for, or an InvalidInput error naming the option and its bad value.
isolens::Result<isolens::Hardening> hardeningFrom(const HardeningOptions& options);
