#include "isolens/core/isolation_modes.hpp"

namespace isolens {

ModeChoices availableModes(const EngineInfo& engine)
{
    ModeChoices choices;
    if (engine.osType == "windows") {
        choices.modes = {{"Hyper-V", "hyperv", ""}, {"process", "process", ""}};
        return choices;
    }
    for (const auto& runtime : engine.runtimes) {
        if (runtime.rfind("io.containerd.", 0) == 0)
            continue; // containerd's shim names for runc, not runtimes of their own
        choices.modes.push_back({runtime, "", runtime});
    }
    if (choices.modes.size() < 2)
        choices.reason =
            "This Linux engine offers " + std::to_string(choices.modes.size()) + " runtime" +
            (choices.modes.size() == 1 ? "" : "s") +
            " and only 'default' isolation: register a second runtime (for example a VM-backed one "
            "such as kata-runtime) under \"runtimes\" in daemon.json to compare two";
    return choices;
}

std::string hyperVModeLabel(const std::array<IsolationMode, 2>& modes, const EngineInfo& engine)
{
    if (engine.osType != "windows")
        return {};
    for (const auto& mode : modes) {
        const auto& isolation = mode.isolation.empty() ? engine.defaultIsolation : mode.isolation;
        if (isolation == "hyperv")
            return mode.label;
    }
    return {};
}

} // namespace isolens
