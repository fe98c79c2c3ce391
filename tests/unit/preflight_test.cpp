#include "isolens/core/session/preflight.hpp"

#include "run_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace isolens;

namespace {

PreflightReport offline(const std::string& image, unsigned hostBuild)
{
    PreflightRequest request;
    request.offline = true;
    request.hostBuild = hostBuild;
    auto report = runPreflight(parseImageReference(image).value(), request, nullptr);
    EXPECT_TRUE(report) << report.error().message;
    return report.value();
}

} // namespace

TEST(Preflight, OfflineFromTheTagAndHostBuild)
{
    const auto report = offline("mcr.microsoft.com/windows/servercore:ltsc2019", 20348);
    EXPECT_EQ(report.imageBuild, 17763u);
    EXPECT_EQ(report.imageBuildSource, "tag");
    ASSERT_EQ(report.modes.size(), 2u);
    EXPECT_EQ(report.modes[0].mode.isolation, "hyperv");
    EXPECT_EQ(report.modes[0].verdict, windows::Verdict::Ok);
    EXPECT_EQ(report.modes[1].mode.isolation, "process");
    EXPECT_EQ(report.modes[1].verdict, windows::Verdict::OsMismatch);
    EXPECT_NE(report.modes[1].message.find("does not match the host operating system"), std::string::npos);
    EXPECT_EQ(report.modes[1].suggestion, "mcr.microsoft.com/windows/servercore:ltsc2022");
}

TEST(Preflight, AnUntaggedBuildIsUnknownWithAReason)
{
    const auto report =
        offline("mcr.microsoft.com/windows/servercore", 20348); // no tag: "latest" does not exist
    EXPECT_FALSE(report.imageBuild);
    for (const auto& mode : report.modes) {
        EXPECT_EQ(mode.verdict, windows::Verdict::Unknown);
        EXPECT_NE(mode.message.find("names no Windows build"), std::string::npos);
        EXPECT_EQ(mode.suggestion, "mcr.microsoft.com/windows/servercore:ltsc2022");
    }
}

TEST(Preflight, OfflineWithoutAHostBuildIsRefused)
{
    PreflightRequest request;
    request.offline = true;
    auto report = runPreflight(parseImageReference("x:ltsc2022").value(), request, nullptr);
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().kind, ErrorKind::InvalidInput);
    EXPECT_NE(report.error().message.find("--offline needs --host-build"), std::string::npos);
}

TEST(PreflightCommand, OfflineVerdictsAsJson)
{
    auto run = runCommand(
        std::string(ISOLENS_CLI_PATH) +
        " preflight mcr.microsoft.com/windows/servercore:ltsc2022 --host-build 17763.5458 --offline --json");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto json = nlohmann::json::parse(run.output);
    EXPECT_EQ(json["host_build"], 17763);
    EXPECT_EQ(json["image_build"], 20348);
    for (const auto& mode : json["modes"]) {
        EXPECT_EQ(mode["verdict"], "no-matching-manifest");
        EXPECT_EQ(mode["suggestion"], "mcr.microsoft.com/windows/servercore:ltsc2019");
    }
    EXPECT_EQ(json["modes"][0]["isolation"], "hyperv");
    EXPECT_EQ(json["modes"][1]["isolation"], "process");
}

TEST(PreflightCommand, ProcessIsolationMismatchIsExplainedWithTheEnginesWords)
{
    auto run =
        runCommand(std::string(ISOLENS_CLI_PATH) +
                   " preflight mcr.microsoft.com/windows/nanoserver:1809 --host-build 20348 --offline");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("Hyper-V       ok"), std::string::npos) << run.output;
    EXPECT_NE(
        run.output.find("process       os-mismatch: The container operating system does not match the host "
                        "operating system"),
        std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("use instead: mcr.microsoft.com/windows/nanoserver:ltsc2022"),
              std::string::npos);
}

TEST(PreflightCommand, BadInputFailsBeforeAnythingElse)
{
    auto bad =
        runCommand(std::string(ISOLENS_CLI_PATH) + " preflight 'Not A Ref' --offline --host-build 20348");
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.output.find("Invalid image reference 'Not A Ref'"), std::string::npos) << bad.output;
    auto badBuild =
        runCommand(std::string(ISOLENS_CLI_PATH) + " preflight x:ltsc2022 --offline --host-build soon");
    EXPECT_EQ(badBuild.exitCode, 1);
    EXPECT_NE(badBuild.output.find("--host-build 'soon' is not a Windows build"), std::string::npos);
}
