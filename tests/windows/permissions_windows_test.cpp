// Elevation and the installed Docker, read for real (under Wine in CI).
#include "isolens/core/platform/windows_permissions.hpp"

#include <gtest/gtest.h>

#include <windows.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

using namespace isolens;

namespace {

// Sets an environment variable for the test's duration, and puts the old value back.
class ScopedEnvironment {
public:
    ScopedEnvironment(const wchar_t* name, const std::wstring& value)
        : name_(name)
    {
        wchar_t buffer[32768];
        const DWORD length = GetEnvironmentVariableW(name, buffer, 32768);
        if (length > 0 && length < 32768)
            old_ = std::wstring(buffer, length);
        SetEnvironmentVariableW(name, value.c_str());
    }
    ~ScopedEnvironment() { SetEnvironmentVariableW(name_, old_ ? old_->c_str() : nullptr); }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    const wchar_t* name_;
    std::optional<std::wstring> old_;
};

void touch(const std::filesystem::path& file)
{
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << "MZ";
}

} // namespace

TEST(WindowsHost, ElevationIsReadFromTheToken)
{
    // Wine's default prefix user is an administrator, and its token says so; a real non-elevated Windows
    // session says NotElevated. Either way the token answers: Unknown would mean the call failed.
    EXPECT_NE(currentElevation(), Elevation::Unknown);
}

TEST(WindowsHost, TheInstalledDockerIsFoundInItsProgramFolders)
{
    const auto root = std::filesystem::temp_directory_path() /
                      (L"isolens-programs-" + std::to_wstring(GetCurrentProcessId()));
    const auto programs = root / L"Program Files";
    const auto data = root / L"ProgramData";
    std::filesystem::create_directories(programs);
    std::filesystem::create_directories(data);
    {
        ScopedEnvironment programFiles(L"ProgramFiles", programs.wstring());
        ScopedEnvironment programData(L"ProgramData", data.wstring());
        EXPECT_EQ(installedWindowsEngineProduct(), WindowsEngineProduct::Unknown);

        std::filesystem::create_directories(data / L"docker" / L"config");
        EXPECT_EQ(installedWindowsEngineProduct(), WindowsEngineProduct::DockerEngineService);

        touch(programs / L"Docker" / L"Docker" / L"Docker Desktop.exe");
        EXPECT_EQ(installedWindowsEngineProduct(), WindowsEngineProduct::DockerDesktop)
            << "Docker Desktop, when present, serves the pipe";
    }
    std::error_code ec;
    std::filesystem::remove_all(root, ec);
}
