// Why two modes cannot be compared, shown under the modes: a long reason wraps in the launcher's width.
#include "launcher_panel.hpp"

#include "isolens/core/session/isolation_modes.hpp"

#include <gtest/gtest.h>

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
