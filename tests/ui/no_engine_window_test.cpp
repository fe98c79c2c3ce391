// The main window with no engine to reach: what it says, that it tries again, what it remembers, and
// the dashboard's command line without a display. None of these needs Docker.
#include "dashboard_view.hpp"
#include "engine_probe.hpp"
#include "engine_status_view.hpp"
#include "launcher_panel.hpp"
#include "main_window.hpp"
#include "time_window_bar.hpp"
#include "ui_test_support.hpp"

#ifdef ISOLENS_DASHBOARD_PATH
#include "run_command.hpp"
#endif

#include <gtest/gtest.h>

#include <QImage>
#include <QLabel>
#include <QTemporaryDir>

using namespace isolens;

TEST(DashboardWindow, WithoutAnEngineShowsWhatWasTriedAndWhatToDo)
{
    MainWindow window(unreachableEndpoint());
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    auto* status = window.engineStatus();
    EXPECT_FALSE(window.isShowingDashboard());
    EXPECT_TRUE(status->isShowingBanner());
    const auto banner = status->bannerText();
    EXPECT_TRUE(banner.contains("No Docker engine")) << banner.toStdString();
    EXPECT_TRUE(banner.contains(kUnreachableEngine)) << banner.toStdString();
    EXPECT_TRUE(banner.contains("Start the Docker engine")) << banner.toStdString();
    auto* label = window.findChild<QLabel*>("noEngineBanner");
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->isVisible());
}

TEST(DashboardWindow, RetryAfterAFailureProbesAgain)
{
    MainWindow window(unreachableEndpoint());
    ASSERT_TRUE(waitForProbe(window));
    emit window.engineStatus()->retryRequested();
    EXPECT_TRUE(window.engineProbe()->isRunning());
    ASSERT_TRUE(waitForProbe(window));
    EXPECT_TRUE(window.engineStatus()->isShowingBanner());
}

TEST(DashboardWindow, RemembersTheLastChoicesAndTheView)
{
    {
        MainWindow window(unreachableEndpoint());
        ASSERT_TRUE(waitForProbe(window));
        window.dashboard()->launcher()->setChoice({"example/image:1", "sleep 5", "ping localhost", {0, 1}});
        window.dashboard()->setOverlay(true);
        window.dashboard()->timeBar()->setWidthIndex(3);
    } // closing saves
    MainWindow again(unreachableEndpoint());
    ASSERT_TRUE(waitForProbe(again));
    const auto choice = again.dashboard()->launcher()->choice();
    EXPECT_EQ(choice.image, "example/image:1");
    EXPECT_EQ(choice.command, "sleep 5");
    EXPECT_EQ(choice.workload, "ping localhost");
    EXPECT_TRUE(again.dashboard()->isOverlay());
    EXPECT_EQ(again.dashboard()->timeBar()->widthIndex(), 3);
    again.dashboard()->setOverlay(false);
    again.dashboard()->timeBar()->setWidthIndex(1);
}

#ifdef ISOLENS_DASHBOARD_PATH
TEST(DashboardCommandLine, ExportsAPngWithoutADisplay)
{
    QTemporaryDir dir;
    const auto png = dir.filePath("replay.png").toStdString();
    const auto run =
        runCommand("QT_QPA_PLATFORM=offscreen " + std::string(ISOLENS_DASHBOARD_PATH) +
                   " --host unix:///nonexistent-isolens/docker.sock --replay sample --export-png " + png +
                   " --after 1 --size 1400x900");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    QImage image(QString::fromStdString(png));
    ASSERT_FALSE(image.isNull()) << run.output;
    EXPECT_EQ(image.size(), QSize(1400, 900));

    const auto bad = runCommand("QT_QPA_PLATFORM=offscreen " + std::string(ISOLENS_DASHBOARD_PATH) +
                                " --replay /nonexistent-isolens.jsonl --export-png " + png);
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_NE(bad.output.find("cannot replay"), std::string::npos) << bad.output;
    const auto badSize = runCommand("QT_QPA_PLATFORM=offscreen " + std::string(ISOLENS_DASHBOARD_PATH) +
                                    " --export-png " + png + " --size big");
    EXPECT_EQ(badSize.exitCode, 2);
    EXPECT_NE(badSize.output.find("WIDTHxHEIGHT"), std::string::npos) << badSize.output;
}
#endif
