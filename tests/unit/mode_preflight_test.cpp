#include "isolens/core/session/preflight.hpp"

#include <gtest/gtest.h>

using namespace isolens;

namespace {

PreflightReport report()
{
    PreflightReport report;
    report.image = "mcr.microsoft.com/windows/nanoserver:1809";
    report.modes = {
        {{"Hyper-V", "hyperv", ""}, windows::Verdict::Ok, "", ""},
        {{"process", "process", ""},
         windows::Verdict::OsMismatch,
         "The container operating system does not match the host operating system.",
         "mcr.microsoft.com/windows/nanoserver:ltsc2022"},
        {{"later", "process", ""}, windows::Verdict::NoMatchingManifest, "no matching manifest", ""},
        {{"unsure", "process", ""},
         windows::Verdict::Unknown,
         "the image's Windows build could not be found",
         ""},
    };
    return report;
}

struct Case {
    const char* label;
    ModePreflight::State state;
    windows::Verdict verdict;
    const char* message;
    const char* suggestion;
};

} // namespace

// The display is handed the verdict itself, with its reason and suggestion, never a text to compare.
TEST(ModePreflight, EachModeGetsItsVerdictFromTheReport)
{
    using State = ModePreflight::State;
    const Case cases[] = {
        {"Hyper-V", State::Judged, windows::Verdict::Ok, "", ""},
        {"process", State::Judged, windows::Verdict::OsMismatch,
         "The container operating system does not match the host operating system.",
         "mcr.microsoft.com/windows/nanoserver:ltsc2022"},
        {"later", State::Judged, windows::Verdict::NoMatchingManifest, "no matching manifest", ""},
        {"unsure", State::Judged, windows::Verdict::Unknown, "the image's Windows build could not be found",
         ""},
        {"runc", State::NotChecked, windows::Verdict::Unknown, "", ""},
        {"", State::NotChecked, windows::Verdict::Unknown, "", ""},
    };
    const Result<PreflightReport> ready = report();
    for (const auto& c : cases) {
        SCOPED_TRACE(c.label);
        const auto preflight = preflightOfMode(ready, c.label);
        EXPECT_EQ(preflight.state, c.state);
        EXPECT_EQ(preflight.verdict, c.verdict);
        EXPECT_EQ(preflight.message, c.message);
        EXPECT_EQ(preflight.suggestion, c.suggestion);
    }
}

TEST(ModePreflight, AFailedCheckSaysWhyForEveryMode)
{
    const Result<PreflightReport> failed =
        makeError(ErrorKind::EngineUnreachable, "Cannot reach the engine at unix:///var/run/docker.sock");
    for (const char* label : {"Hyper-V", "runc"}) {
        const auto preflight = preflightOfMode(failed, label);
        EXPECT_EQ(preflight.state, ModePreflight::State::CheckFailed) << label;
        EXPECT_EQ(preflight.verdict, windows::Verdict::Unknown) << label;
        EXPECT_EQ(preflight.message, "Cannot reach the engine at unix:///var/run/docker.sock") << label;
        EXPECT_EQ(preflight.suggestion, "") << label;
    }
}

TEST(ModePreflight, ANewOneIsStillBeingChecked)
{
    const ModePreflight checking;
    EXPECT_EQ(checking.state, ModePreflight::State::Checking);
    EXPECT_EQ(checking.verdict, windows::Verdict::Unknown);
    EXPECT_TRUE(checking.message.empty());
}

// The CLI's JSON output names where each build came from in these words.
TEST(BuildSource, EachSourceHasItsWords)
{
    const std::pair<BuildSource, const char*> cases[] = {
        {BuildSource::None, ""},
        {BuildSource::HostBuildOption, "--host-build"},
        {BuildSource::Engine, "engine"},
        {BuildSource::Tag, "tag"},
        {BuildSource::LocalImage, "local image"},
        {BuildSource::Registry, "registry"},
    };
    for (const auto& [source, words] : cases)
        EXPECT_EQ(toString(source), words) << words;
}
