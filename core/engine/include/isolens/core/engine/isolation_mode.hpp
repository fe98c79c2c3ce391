#pragma once

#include <string>

namespace isolens {

// One side of a comparison: an isolation mode on Windows, a runtime on Linux.
struct IsolationMode {
    std::string label;     // "Hyper-V", "process", "runc", "kata"
    std::string isolation; // HostConfig.Isolation: "hyperv", "process", or "" (Linux)
    std::string runtime;   // HostConfig.Runtime: "" for the engine's default
    bool operator==(const IsolationMode&) const = default;
};

} // namespace isolens
