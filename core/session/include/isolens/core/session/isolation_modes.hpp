#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/engine/engine_types.hpp"

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
    // Why Hyper-V against process isolation, or any two modes, cannot be compared here, when that is
    // so; also set beside two runtimes when the user most likely wanted Windows containers.
    std::string reason;
};

// The system IsoLens itself runs on (not the engine's).
enum class ClientPlatform { Linux, Windows };
#ifdef _WIN32
inline constexpr ClientPlatform kThisClientPlatform = ClientPlatform::Windows;
#else
inline constexpr ClientPlatform kThisClientPlatform = ClientPlatform::Linux;
#endif

// What this engine can compare: Hyper-V against process isolation on Windows; on Linux, where only
// "default" isolation exists, its registered runtimes (containerd's internal shim names left out).
// Docker Desktop's Linux engine on a Windows PC (its default mode) is told to switch to Windows
// containers rather than to register a runtime.
ModeChoices availableModes(const EngineInfo& engine, ClientPlatform client = kThisClientPlatform);

// Whether this Linux engine is Docker Desktop's on a Windows PC, which can switch to Windows containers:
// IsoLens runs on Windows, or /info names Docker Desktop with a WSL 2 kernel ("...-microsoft-standard-
// WSL2"). Docker Desktop on a Mac also says "Docker Desktop" but has no Windows containers.
bool isSwitchableToWindowsContainers(const EngineInfo& engine, ClientPlatform client);

// Which offered mode a user's word names: its label, isolation or runtime ("Hyper-V", "hyperv",
// "kata"); otherwise an error listing what this engine offers.
Result<std::size_t> findMode(const ModeChoices& offered, const EngineInfo& engine, std::string_view name);

// The label of the side that runs in a Hyper-V utility VM (explicitly, or by the Windows engine's
// default), whose memory the isolation tax is measured against; empty when neither does.
std::string hyperVModeLabel(const std::array<IsolationMode, 2>& modes, const EngineInfo& engine);

} // namespace isolens
