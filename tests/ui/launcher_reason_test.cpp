// Why two modes cannot be compared, shown under the modes: a long reason wraps in the launcher's width.
// And each mode's preflight badge, worded from the verdict it is handed.
#include "launcher_panel.hpp"

#include "isolens/core/session/isolation_modes.hpp"
#include "isolens/core/session/preflight.hpp"

#include <gtest/gtest.h>

#include <QLabel>

using namespace isolens;

TEST(LauncherModeReason, ALongReasonWrapsInsteadOfWideningThePanel)
{
    // Docker Desktop's Linux engine from Windows: the reason names
    // $Env:ProgramFiles\Docker\...\DockerCli.exe, one long word.
    EngineInfo engine;
    engine.osType = "linux";
    engine.runtimes = {"runc"};
    const auto choices = availableModes(engine, ClientPlatform::Windows);
    ASSERT_NE(choices.reason.find("DockerCli.exe"), std::string::npos);

    LauncherPanel launcher;
    launcher.setModes(choices.modes, {});
    launcher.setEnabledForEngine(true);
    launcher.setChoice({"busybox", "", "", {0, 0}});
    launcher.show();
    const int without = launcher.minimumSizeHint().width();
    launcher.setModes(choices.modes, QString::fromStdString(choices.reason));
    EXPECT_LE(launcher.minimumSizeHint().width(), without);
    EXPECT_EQ(launcher.inputProblem().toStdString(), choices.reason)
        << "the reason is told as the core wrote it";
}

namespace {

struct Badge {
    const char* name;
    ModePreflight preflight;
    const char* mark;   // ✓, ✗ or ?
    const char* color;  // green, red or grey
    const char* detail; // the words, in full in the tooltip
};

} // namespace

// The launcher decides from the verdict's fields what to show, and words it: nothing is compared as text.
TEST(LauncherPreflight, EachBadgeIsWordedFromTheVerdict)
{
    using State = ModePreflight::State;
    const Badge badges[] = {
        {"checking", {}, "?", "#868e96", "checking\u2026"},
        {"check failed",
         {State::CheckFailed, windows::Verdict::Unknown, "Cannot reach the engine", ""},
         "?",
         "#868e96",
         "Cannot reach the engine"},
        {"not checked",
         {State::NotChecked, windows::Verdict::Unknown, "", ""},
         "?",
         "#868e96",
         "not checked"},
        {"will run", {State::Judged, windows::Verdict::Ok, "", ""}, "\u2713", "#2b8a3e", "will run"},
        {"runs, with a reason",
         {State::Judged, windows::Verdict::Ok, "a Linux engine runs the same images with every runtime", ""},
         "\u2713",
         "#2b8a3e",
         "a Linux engine runs the same images with every runtime"},
        {"mismatch, with a suggestion",
         {State::Judged, windows::Verdict::OsMismatch, "does not match the host", "servercore:ltsc2022"},
         "\u2717",
         "#c92a2a",
         "does not match the host \u2014 try servercore:ltsc2022"},
        {"no manifest",
         {State::Judged, windows::Verdict::NoMatchingManifest, "no matching manifest", ""},
         "\u2717",
         "#c92a2a",
         "no matching manifest"},
        {"unknown",
         {State::Judged, windows::Verdict::Unknown, "no build", "x:1"},
         "?",
         "#868e96",
         "no build \u2014 try x:1"},
    };
    LauncherPanel launcher;
    for (const auto& badge : badges) {
        SCOPED_TRACE(badge.name);
        for (int side = 0; side < 2; ++side) {
            launcher.setPreflight(side, badge.preflight);
            auto* label = launcher.findChild<QLabel*>(QStringLiteral("preflight%1").arg(side));
            ASSERT_NE(label, nullptr);
            const auto detail = QString::fromUtf8(badge.detail);
            EXPECT_EQ(label->toolTip(), detail);
            EXPECT_EQ(label->text(), QStringLiteral("<span style='color:%1'><b>%2</b> %3</span>")
                                         .arg(QString::fromUtf8(badge.color), QString::fromUtf8(badge.mark),
                                              detail.toHtmlEscaped()));
        }
    }
}
