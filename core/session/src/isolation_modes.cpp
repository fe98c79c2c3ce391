#include "isolens/core/session/isolation_modes.hpp"

#include "isolens/core/engine/effective_isolation.hpp"

#include <string_view>

namespace isolens {

namespace {

// Docker Desktop's switch: its notification-area menu's "Switch to Windows containers..." (Docker's
// "Install Docker Desktop on Windows", section "Switch between Windows and Linux containers"), and the same
// from a shell with DockerCli.exe -SwitchWindowsEngine (-SwitchDaemon toggles). Not run here: no Windows.
constexpr std::string_view kSwitchToWindowsContainers =
    "This engine runs Linux containers: Hyper-V against process isolation needs Windows containers. "
    "With Docker Desktop, right-click its icon in the notification area and choose \"Switch to Windows "
    "containers...\" (or run & \"$Env:ProgramFiles\\Docker\\Docker\\DockerCli.exe\" "
    "-SwitchWindowsEngine), then reconnect";

} // namespace

bool isSwitchableToWindowsContainers(const EngineInfo& engine, ClientPlatform client)
{
    if (engineOsFromOsType(engine.osType) == EngineOs::Windows)
        return false;
    if (client == ClientPlatform::Windows)
        return true;
    return engine.operatingSystem.find("Docker Desktop") != std::string::npos &&
           engine.kernelVersion.find("WSL2") != std::string::npos;
}

ModeChoices availableModes(const EngineInfo& engine, ClientPlatform client)
{
    ModeChoices choices;
    if (engineOsFromOsType(engine.osType) == EngineOs::Windows) {
        choices.modes = {{"Hyper-V", "hyperv", ""}, {"process", "process", ""}};
        return choices;
    }
    for (const auto& runtime : engine.runtimes) {
        if (runtime.rfind("io.containerd.", 0) == 0)
            continue; // containerd's shim names for runc, not runtimes of their own
        choices.modes.push_back({runtime, "", runtime});
    }
    if (isSwitchableToWindowsContainers(engine, client))
        choices.reason =
            std::string(kSwitchToWindowsContainers) +
            (choices.modes.size() < 2 ? "." : "; until then, this engine compares its runtimes.");
    else if (choices.modes.size() < 2)
        choices.reason =
            "This Linux engine offers " + std::to_string(choices.modes.size()) + " runtime" +
            (choices.modes.size() == 1 ? "" : "s") +
            " and only 'default' isolation: register a second runtime (for example a VM-backed one "
            "such as kata-runtime) under \"runtimes\" in daemon.json to compare two";
    return choices;
}

Result<std::size_t> findMode(const ModeChoices& offered, const EngineInfo& engine, std::string_view name)
{
    for (std::size_t i = 0; i < offered.modes.size(); ++i) {
        const auto& mode = offered.modes[i];
        if (mode.label == name || (!mode.isolation.empty() && mode.isolation == name) ||
            (!mode.runtime.empty() && mode.runtime == name))
            return i;
    }
    std::string list;
    for (const auto& mode : offered.modes)
        list += (list.empty() ? "" : ", ") + mode.label;
    return makeError(ErrorKind::InvalidInput, "This " + engine.osType + " engine has no mode '" +
                                                  std::string(name) + "'; it offers: " + list);
}

std::string hyperVModeLabel(const std::array<IsolationMode, 2>& modes, const EngineInfo& engine)
{
    if (engineOsFromOsType(engine.osType) != EngineOs::Windows)
        return {};
    for (const auto& mode : modes) {
        if (effectiveIsolation(mode.isolation, engine) == "hyperv")
            return mode.label;
    }
    return {};
}

} // namespace isolens
