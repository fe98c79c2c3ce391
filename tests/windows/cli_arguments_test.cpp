// Arguments from the UTF-16 command line: on Windows main's argv is in the ANSI code page, which has no
// "テスト" (and, in many, no "é"). isolens-cli's manifest asks for UTF-8 as that code page, which Windows
// 10 1903 and later (and Wine) honour, older builds not; this test program has no such manifest, so
// its argv is in the legacy code page (1252 under Wine here) and shows what commandLineArguments repairs.
#include "isolens/core/base/utf16.hpp"
#include "isolens/core/platform/system_text.hpp"

#include "non_ascii_folder.hpp"
#include "scoped_environment.hpp"

#include <gtest/gtest.h>

#include <windows.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace isolens;

namespace {

// A path of the build; under Wine the build's own (Linux) paths are reached through drive Z:.
std::string buildPath(const std::string& path)
{
    return !path.empty() && path.front() == '/' ? "Z:" + path : path;
}

struct CliRun {
    DWORD exitCode = 1;
    std::string output; // stdout and stderr
};

// Runs a program of the build, stdout and stderr collected.
CliRun runProgram(const std::wstring& program, const std::wstring& arguments)
{
    CliRun run;
    SECURITY_ATTRIBUTES inherit{sizeof inherit, nullptr, TRUE};
    HANDLE readEnd = nullptr, writeEnd = nullptr;
    if (!CreatePipe(&readEnd, &writeEnd, &inherit, 0))
        return run;
    SetHandleInformation(readEnd, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdOutput = writeEnd;
    startup.hStdError = writeEnd;
    PROCESS_INFORMATION process{};
    std::wstring line = L"\"" + program + L"\" " + arguments;
    const bool started =
        CreateProcessW(nullptr, line.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &startup, &process);
    CloseHandle(writeEnd);
    if (started) {
        char buffer[4096];
        DWORD got = 0;
        while (ReadFile(readEnd, buffer, sizeof buffer, &got, nullptr) && got > 0)
            run.output.append(buffer, got);
        WaitForSingleObject(process.hProcess, 60000);
        GetExitCodeProcess(process.hProcess, &run.exitCode);
        CloseHandle(process.hThread);
        CloseHandle(process.hProcess);
    } else {
        run.output = "CreateProcessW failed: " + std::to_string(GetLastError());
    }
    CloseHandle(readEnd);
    return run;
}

CliRun runCli(const std::wstring& arguments)
{
    return runProgram(wideFromUtf8(buildPath(ISOLENS_CLI_PATH)), arguments);
}

const char* kChildArgument = "ISOLENS_CHILD_ARGUMENT";
const std::string kNonAscii = "Jos\u00e9-\u30c6\u30b9\u30c8 \u00e9t\u00e9";

} // namespace

// Run by the next test as a program of its own, with kNonAscii as its last argument.
TEST(WindowsCommandLine, ChildProcessSeesItsArgumentsAsUtf8)
{
    const auto expected = environmentVariable(kChildArgument);
    if (!expected)
        GTEST_SKIP()
            << "runs only as the child of WindowsCommandLine.ArgumentsOutsideTheAnsiCodePageArriveAsUtf8";
    const auto arguments = commandLineArguments(__argc, __argv);
    ASSERT_FALSE(arguments.empty());
    EXPECT_EQ(arguments.back(), *expected);
    EXPECT_NE(std::string(__argv[__argc - 1]), *expected) << "argv is in the ANSI code page, not UTF-8";
}

TEST(WindowsCommandLine, ArgumentsOutsideTheAnsiCodePageArriveAsUtf8)
{
    wchar_t self[MAX_PATH * 2];
    ASSERT_GT(GetModuleFileNameW(nullptr, self, MAX_PATH * 2), 0u);
    ScopedEnvironment child(kChildArgument, kNonAscii);
    const auto run =
        runProgram(self, L"--gtest_filter=WindowsCommandLine.ChildProcessSeesItsArgumentsAsUtf8 \"" +
                             wideFromUtf8(kNonAscii) + L"\"");
    EXPECT_EQ(run.exitCode, 0u) << run.output;
    EXPECT_NE(run.output.find("[       OK ] WindowsCommandLine.ChildProcessSeesItsArgumentsAsUtf8"),
              std::string::npos)
        << run.output;
}

TEST(WindowsCommandLine, AFileNamedOutsideTheAnsiCodePageIsOpenedAndNamedAsItIs)
{
    NonAsciiFolder folder;
    const auto samples = folder.path() / pathFromUtf8("stats-\u00e9t\u00e9.jsonl");
    {
        std::ifstream in(pathFromUtf8(buildPath(ISOLENS_TEST_DATA_DIR "/stats/windows-documented.jsonl")),
                         std::ios::binary);
        ASSERT_TRUE(in) << "the test data are missing";
        std::ofstream(samples, std::ios::binary) << in.rdbuf();
    }
    const auto read = runCli(L"normalize \"" + samples.native() + L"\"");
    EXPECT_EQ(read.exitCode, 0u) << read.output;
    EXPECT_NE(read.output.find("\"name\":\"pair-hyperv\""), std::string::npos) << read.output;

    const auto missing = folder.path() / pathFromUtf8("absent-\u30c6\u30b9\u30c8.jsonl");
    const auto refused = runCli(L"normalize \"" + missing.native() + L"\"");
    EXPECT_EQ(refused.exitCode, 1u) << refused.output;
    EXPECT_NE(refused.output.find("cannot read " + utf8FromPath(missing)), std::string::npos)
        << refused.output;
}
