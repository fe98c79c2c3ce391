#include "isolens/core/host/host_os.hpp"

#include <windows.h>

namespace isolens {

namespace {

using RtlGetVersionFn = LONG(WINAPI*)(OSVERSIONINFOW*);

// RtlGetVersion reports the real version; GetVersionEx lies to unmanifested programs.
bool realVersion(OSVERSIONINFOEXW& info)
{
    info.dwOSVersionInfoSize = sizeof info;
    auto ntdll = GetModuleHandleW(L"ntdll.dll");
    if (!ntdll)
        return false;
    auto rtlGetVersion =
        reinterpret_cast<RtlGetVersionFn>(reinterpret_cast<void*>(GetProcAddress(ntdll, "RtlGetVersion")));
    return rtlGetVersion && rtlGetVersion(reinterpret_cast<OSVERSIONINFOW*>(&info)) == 0;
}

std::optional<unsigned> updateBuildRevision()
{
    DWORD value = 0;
    DWORD size = sizeof value;
    if (RegGetValueW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", L"UBR",
                     RRF_RT_REG_DWORD, nullptr, &value, &size) != ERROR_SUCCESS)
        return std::nullopt;
    return static_cast<unsigned>(value);
}

} // namespace

HostOs readHostOs()
{
    HostOs os;
    os.family = "windows";
    OSVERSIONINFOEXW info{};
    if (!realVersion(info)) {
        os.description = "Windows (version unknown)";
        return os;
    }
    os.build = info.dwBuildNumber;
    os.revision = updateBuildRevision();
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "." + std::to_string(...).
    for (unsigned part :
         {static_cast<unsigned>(info.dwMajorVersion), static_cast<unsigned>(info.dwMinorVersion),
          static_cast<unsigned>(info.dwBuildNumber)}) {
        if (!os.version.empty())
            os.version += '.';
        os.version += std::to_string(part);
    }
    if (os.revision) {
        os.version += '.';
        os.version += std::to_string(*os.revision);
    }
    const auto product =
        windowsProductName(info.dwMajorVersion, info.dwBuildNumber, info.wProductType != VER_NT_WORKSTATION);
    // Appended, not concatenated with +: GCC 12's false -Wrestrict again.
    if (product.empty()) {
        os.description = "Windows ";
        os.description += os.version;
    } else {
        os.description = product;
        os.description += " (";
        os.description += os.version;
        os.description += ')';
    }
    return os;
}

} // namespace isolens
