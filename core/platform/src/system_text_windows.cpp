#include "isolens/core/platform/system_text.hpp"

#include "isolens/core/base/utf16.hpp"

#include <windows.h>

#include <shellapi.h>

namespace isolens {

std::filesystem::path pathFromUtf8(std::string_view utf8)
{
    return std::filesystem::path(wideFromUtf8(utf8));
}

std::string utf8FromPath(const std::filesystem::path& path)
{
    return utf8FromWide(path.native());
}

// GetEnvironmentVariableW reads the process's environment block, which SetEnvironmentVariableW and
// _wputenv both change (std::getenv reads the C runtime's narrow copy, in the ANSI code page).
std::optional<std::string> environmentVariable(std::string_view name)
{
    const auto wideName = wideFromUtf8(name);
    std::wstring value(64, L'\0');
    for (;;) {
        SetLastError(ERROR_SUCCESS);
        const DWORD length =
            GetEnvironmentVariableW(wideName.c_str(), value.data(), static_cast<DWORD>(value.size()));
        if (length == 0)
            return GetLastError() == ERROR_ENVVAR_NOT_FOUND ? std::nullopt : std::optional<std::string>("");
        if (length < value.size()) {
            value.resize(length);
            return utf8FromWide(value);
        }
        value.resize(length); // too small: length is the size needed, the terminating null included
    }
}

// The executables' manifest asks for UTF-8 as the ANSI code page (activeCodePage), but Windows honours
// that only from Windows 10 1903 on ("Use UTF-8 code pages in Windows apps", Microsoft Learn); Windows
// Server 2019 (1809) and older builds give argv in the legacy code page. The UTF-16 command line is
// right on all of them.
std::vector<std::string> commandLineArguments(int argc, char** argv)
{
    int count = 0;
    LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &count);
    if (!wide)
        return std::vector<std::string>(argv, argv + argc);
    std::vector<std::string> arguments;
    for (int i = 0; i < count; ++i)
        arguments.push_back(utf8FromWide(wide[i]));
    LocalFree(wide);
    return arguments;
}

} // namespace isolens
