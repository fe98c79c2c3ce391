#pragma once

#include <optional>
#include <string>

namespace isolens {

// The operating system IsoLens runs on. On Windows the build decides which images process
// isolation can run (see the compatibility rule in the preflight).
struct HostOs {
    std::string family;      // "windows" or "linux"
    std::string description; // "Debian GNU/Linux 12 (bookworm)", "Windows Server 2022 (10.0.20348.2113)"
    std::string version;     // Windows: "10.0.20348.2113"; Linux: kernel release
    unsigned build = 0;      // Windows build number (20348); 0 elsewhere
    std::optional<unsigned> revision; // Windows UBR; absent when the registry has none (e.g. Wine)
};

HostOs readHostOs();

// The product a Windows version is known by: Windows 11 is still version 10.0 (builds from 22000 on), and
// Windows Server is told apart by its product type, not its number: "Windows 11", "Windows 10",
// "Windows Server 2022", "Windows Server"; empty before version 10.
std::string windowsProductName(unsigned majorVersion, unsigned build, bool server);

} // namespace isolens
