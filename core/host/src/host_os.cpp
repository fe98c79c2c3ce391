#include "isolens/core/host/host_os.hpp"

#include <array>
#include <utility>

namespace isolens {

std::string windowsProductName(unsigned majorVersion, unsigned build, bool server)
{
    if (majorVersion < 10)
        return {};
    if (!server)
        return build >= 22000 ? "Windows 11" : "Windows 10";
    // Long-term servicing releases by build (Microsoft's Windows Server release information).
    constexpr std::array<std::pair<unsigned, const char*>, 4> releases{{{14393, "Windows Server 2016"},
                                                                        {17763, "Windows Server 2019"},
                                                                        {20348, "Windows Server 2022"},
                                                                        {26100, "Windows Server 2025"}}};
    for (const auto& [releaseBuild, name] : releases)
        if (build == releaseBuild)
            return name;
    return "Windows Server";
}

} // namespace isolens
