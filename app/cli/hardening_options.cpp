#include "hardening_options.hpp"

#include <charconv>

using namespace isolens;

void addHardeningOptions(CLI::App& command, HardeningOptions& options)
{
    const std::string group = "Hardening (both containers alike; each CHANGES WHAT IS MEASURED)";
    command
        .add_flag("--hardened", options.hardened,
                  "All three below: --network none, --pids-limit " +
                      std::to_string(kDefaultHardenedPidsLimit) +
                      " (unless given), --no-new-privileges. The figures are then those of a hardened "
                      "pair, not of a default one")
        ->group(group);
    command
        .add_option_function<std::string>(
            "--network", [&options](const std::string& value) { options.network = value; },
            "No network, a loopback interface only (no network traffic is measured; a workload "
            "that needs the network fails)")
        ->type_name("none")
        ->group(group);
    command
        .add_option_function<std::string>(
            "--pids-limit", [&options](const std::string& value) { options.pidsLimit = value; },
            "At most N processes in each container (Linux; a workload that starts more is "
            "refused the rest)")
        ->type_name("N")
        ->group(group);
    command
        .add_flag("--no-new-privileges", options.noNewPrivileges,
                  "No privilege gained through setuid or file capabilities (Linux; such programs run "
                  "without them or fail)")
        ->group(group);
}

Result<Hardening> hardeningFrom(const HardeningOptions& options)
{
    Hardening hardening = options.hardened ? fullHardening() : Hardening{};
    if (options.network) {
        if (*options.network != "none")
            return makeError(ErrorKind::InvalidInput,
                             "--network takes only none (without it the containers use the engine's default "
                             "network), not '" +
                                 *options.network + "'");
        hardening.noNetwork = true;
    }
    if (options.pidsLimit) {
        const auto& text = *options.pidsLimit;
        std::int64_t limit = 0;
        const auto* end = text.data() + text.size();
        const auto [last, failure] = std::from_chars(text.data(), end, limit);
        if (failure != std::errc{} || last != end)
            return makeError(ErrorKind::InvalidInput,
                             "--pids-limit takes a whole number of processes, not '" + text + "'");
        if (limit < kMinPidsLimit || limit > kMaxPidsLimit)
            return makeError(ErrorKind::InvalidInput, "--pids-limit must be between " +
                                                          std::to_string(kMinPidsLimit) + " and " +
                                                          std::to_string(kMaxPidsLimit) + ", not " + text);
        hardening.pidsLimit = limit;
    }
    if (options.noNewPrivileges)
        hardening.noNewPrivileges = true;
    // What the engine's OS allows is checked by the pair, before it creates anything.
    return hardening;
}
