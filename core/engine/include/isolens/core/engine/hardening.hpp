#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/engine/engine_os.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace isolens {

// Restrictions a pair can ask for, applied alike to both of its containers (a comparison must be
// fair). Each changes what is measured, so recordings and summaries name them.
struct Hardening {
    bool noNetwork = false;                // HostConfig.NetworkMode "none": a loopback interface only
    std::optional<std::int64_t> pidsLimit; // HostConfig.PidsLimit: at most this many processes (Linux)
    bool noNewPrivileges = false;          // HostConfig.SecurityOpt ["no-new-privileges"] (Linux)

    bool any() const { return noNetwork || pidsLimit.has_value() || noNewPrivileges; }
    bool operator==(const Hardening&) const = default;
};

// --hardened without a limit of its own: room for a shell, a workload and its helpers, not a fork bomb.
inline constexpr std::int64_t kDefaultHardenedPidsLimit = 256;
// The engine takes 0 and -1 as "unlimited"; above the kernel's PID_MAX_LIMIT (2^22) a limit limits nothing.
inline constexpr std::int64_t kMinPidsLimit = 1;
inline constexpr std::int64_t kMaxPidsLimit = 4194304;

// All three, with the default limit.
Hardening fullHardening();

// Whether an engine of this OS can apply the hardening as asked: checked before anything is created.
Result<void> checkHardening(const Hardening& hardening, EngineOs os);

// Adds the hardening's fields to a create body's HostConfig; leaves it alone when there is none.
void addHardeningTo(nlohmann::json& hostConfig, const Hardening& hardening);

// "no network, at most 256 processes, no new privileges"; empty when there is none.
std::string describeHardening(const Hardening& hardening);
// What the hardening changes in the figures: "no network traffic (...), ..."; empty when there is none.
std::string hardeningEffects(const Hardening& hardening);
// "hardened: <description> — this changes what is measured: <effects>"; empty when there is none.
std::string hardeningSentence(const Hardening& hardening);

// For the recording header and JSON output: null when there is none.
nlohmann::json hardeningToJson(const Hardening& hardening);

} // namespace isolens
