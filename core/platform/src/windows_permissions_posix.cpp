#include "isolens/core/platform/windows_permissions.hpp"

#include <unistd.h>

namespace isolens {

Elevation currentElevation()
{
    return geteuid() == 0 ? Elevation::Elevated : Elevation::NotElevated;
}

WindowsEngineProduct installedWindowsEngineProduct()
{
    return WindowsEngineProduct::Unknown; // no Windows engine pipe here
}

} // namespace isolens
