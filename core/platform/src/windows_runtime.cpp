#include "isolens/core/platform/windows_runtime.hpp"

#ifdef _WIN32
#include <windows.h>
#endif

namespace isolens {

std::optional<std::string> wineVersion()
{
#ifdef _WIN32
    using WineGetVersion = const char*(__cdecl*)();
    if (auto ntdll = GetModuleHandleW(L"ntdll.dll"))
        if (auto function = reinterpret_cast<WineGetVersion>(
                reinterpret_cast<void*>(GetProcAddress(ntdll, "wine_get_version"))))
            return std::string(function());
#endif
    return std::nullopt;
}

} // namespace isolens
