#pragma once

#include <optional>
#include <string>

namespace isolens {

// The operating system IsoLens runs on. On Windows the build decides which images process
// isolation can run (see the compatibility rule in the preflight).
struct HostOs {
    std::string family;               // "windows" or "linux"
    std::string description;          // "Debian GNU/Linux 12 (bookworm)", "Windows 10.0.20348.2113"
    std::string version;              // Windows: "10.0.20348.2113"; Linux: kernel release
    unsigned build = 0;               // Windows build number (20348); 0 elsewhere
    std::optional<unsigned> revision; // Windows UBR; absent when the registry has none (e.g. Wine)
};

HostOs readHostOs();

} // namespace isolens
