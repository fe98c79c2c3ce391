#include "isolens/core/platform/windows_permissions.hpp"

#include "isolens/core/platform/system_text.hpp"

#include <windows.h>

#include <filesystem>
#include <string>

namespace isolens {

namespace {

std::filesystem::path environmentFolder(std::string_view name)
{
    return environmentPath(name).value_or(std::filesystem::path());
}

bool isPresent(const std::filesystem::path& path)
{
    std::error_code ec;
    return !path.empty() && std::filesystem::exists(path, ec);
}

} // namespace

Elevation currentElevation()
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return Elevation::Unknown;
    TOKEN_ELEVATION elevation{};
    DWORD size = 0;
    const BOOL known = GetTokenInformation(token, TokenElevation, &elevation, sizeof elevation, &size);
    CloseHandle(token);
    if (!known)
        return Elevation::Unknown;
    return elevation.TokenIsElevated ? Elevation::Elevated : Elevation::NotElevated;
}

WindowsEngineProduct installedWindowsEngineProduct()
{
    const auto programs = environmentFolder("ProgramFiles");
    if (isPresent(programs / L"Docker" / L"Docker" / L"Docker Desktop.exe"))
        return WindowsEngineProduct::DockerDesktop;
    // Docker's and Microsoft's install scripts for Windows Server put dockerd.exe here, and its
    // configuration under %ProgramData%\docker.
    if (isPresent(programs / L"Docker" / L"dockerd.exe") ||
        isPresent(environmentFolder("ProgramData") / L"docker" / L"config"))
        return WindowsEngineProduct::DockerEngineService;
    return WindowsEngineProduct::Unknown;
}

} // namespace isolens
