// The launcher's Hardened checkbox: labelled as changing what is measured, carried in the choice, and
// refused before a start on an engine that cannot apply it.
#include "launcher_panel.hpp"

#include "isolens/core/session/isolation_modes.hpp"
#include "isolens/core/stats/stats_sample.hpp"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QPushButton>

using namespace isolens;

namespace {

// A launcher as a connected engine leaves it: two modes, a valid image.
void connect(LauncherPanel& launcher, EngineOs os, std::vector<IsolationMode> modes)
{
    launcher.setModes(modes, {});
    launcher.setEngineOs(os);
    launcher.setEnabledForEngine(true);
}

} // namespace

TEST(LauncherHardening, TheCheckboxSaysItChangesWhatIsMeasured)
{
    LauncherPanel launcher;
    auto* hardened = launcher.findChild<QCheckBox*>("hardened");
    ASSERT_NE(hardened, nullptr);
    EXPECT_TRUE(hardened->text().contains("changes what is measured")) << hardened->text().toStdString();
    const auto tip = hardened->toolTip();
    EXPECT_TRUE(tip.contains("no network, at most 256 processes, no new privileges")) << tip.toStdString();
    EXPECT_TRUE(tip.contains("This changes what is measured: no network traffic")) << tip.toStdString();
    EXPECT_FALSE(hardened->isChecked()) << "a default pair is not hardened";
}

TEST(LauncherHardening, TheChoiceCarriesIt)
{
    LauncherPanel launcher;
    connect(launcher, EngineOs::Linux, {{"runc", "", "runc"}, {"kata", "", "kata"}});
    EXPECT_FALSE(launcher.choice().hardened);
    launcher.setChoice({"busybox", "", "", {0, 1}, true});
    EXPECT_TRUE(launcher.choice().hardened);
    EXPECT_TRUE(launcher.findChild<QCheckBox*>("hardened")->isChecked());
    EXPECT_EQ(launcher.inputProblem(), "") << "a Linux engine applies all three";
    launcher.setChoice({"busybox", "", "", {0, 1}, false});
    EXPECT_FALSE(launcher.choice().hardened);
}

TEST(LauncherHardening, AWindowsEngineIsRefusedBeforeAStart)
{
    LauncherPanel launcher;
    connect(launcher, EngineOs::Windows, {{"Hyper-V", "hyperv", ""}, {"process", "process", ""}});
    launcher.setChoice({"mcr.microsoft.com/windows/nanoserver:ltsc2022", "", "", {0, 1}, true});
    const auto problem = launcher.inputProblem();
    EXPECT_TRUE(problem.startsWith("Hardened: A Windows engine cannot apply a PIDs limit"))
        << problem.toStdString();
    EXPECT_TRUE(problem.contains("--network none")) << problem.toStdString();
    auto* start = launcher.findChild<QPushButton*>("startPair");
    ASSERT_NE(start, nullptr);
    EXPECT_FALSE(start->isEnabled()) << "refused before a start: Start cannot be clicked";
    launcher.setChoice({"mcr.microsoft.com/windows/nanoserver:ltsc2022", "", "", {0, 1}, false});
    EXPECT_EQ(launcher.inputProblem(), "");
    EXPECT_TRUE(start->isEnabled());
}
