#pragma once

#include "isolens/core/engine_types.hpp"
#include "isolens/core/error.hpp"

#include <array>
#include <string>
#include <vector>

namespace isolens {

// One side of a comparison: an isolation mode on Windows, a runtime on Linux.
struct IsolationMode {
    std::string label;     // "Hyper-V", "process", "runc", "kata"
    std::string isolation; // HostConfig.Isolation: "hyperv", "process", or "" (Linux)
    std::string runtime;   // HostConfig.Runtime: "" for the engine's default
};

struct ModeChoices {
    std::vector<IsolationMode> modes;
    std::string reason; // why fewer than two modes can be compared, when that is so
};

// What this engine can compare: Hyper-V against process isolation on Windows; on Linux, where only
// "default" isolation exists, its registered runtimes (containerd's internal shim names left out).
ModeChoices availableModes(const EngineInfo& engine);

// Which offered mode a user's word names: its label, isolation or runtime ("Hyper-V", "hyperv",
// "kata"); otherwise an error listing what this engine offers.
Result<std::size_t> findMode(const ModeChoices& offered, const EngineInfo& engine, std::string_view name);

// The label of the side that runs in a Hyper-V utility VM (explicitly, or by the Windows engine's
// default), whose memory the isolation tax is measured against; empty when neither does.
std::string hyperVModeLabel(const std::array<IsolationMode, 2>& modes, const EngineInfo& engine);

} // namespace isolens
