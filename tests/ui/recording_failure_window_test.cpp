#include "dashboard_controller.hpp"
#include "dashboard_view.hpp"
#include "engine_window_support.hpp"
#include "launcher_panel.hpp"
#include "main_window.hpp"
#include "path_text.hpp"
#include "ui_test_support.hpp"

#include "private_engine.hpp"
#include "tiny_filesystem.hpp"

#include "isolens/core/engine/container_ownership.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/session/isolation_modes.hpp"
#include "isolens/core/transport/endpoint.hpp"

#include <gtest/gtest.h>

#include <QFile>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>

#include <unistd.h>

#include <algorithm>

using namespace isolens;

namespace {} // namespace

// The recordings folder's disk fills a few seconds into a pair: the window says so at once, with what
// to do, the status bar keeps saying it, and the charts keep filling.
TEST(DashboardRecordingFailure, AFullDiskIsShownAtOnceAndTheChartsKeepFilling)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "mounting the small tmpfs needs root; the test command runs as root";
    TinyFilesystem disk(64 * 1024);
    ASSERT_TRUE(disk.mounted()) << disk.why();
    disk.fill(8192);

    EndpointRequest endpoint;
    endpoint.hostFlag = privateEngine().var("ISOLENS_TEST_DOCKER_HOST");
    MainWindow window(endpoint);
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    ASSERT_TRUE(window.isShowingDashboard());
    auto* controller = window.controller();
    controller->setRecordingDirectory(qStringFromPath(disk.root()));
    QSignalSpy failed(controller, &DashboardController::recordingFailed);
    auto* launcher = window.dashboard()->launcher();
    launcher->setChoice(
        {QString::fromStdString(privateEngine().testImage()),
         "sleep 600",
         "",
         {modeIndex(*launcher, "runc"), modeIndex(*launcher, privateEngine().secondRuntime())}});
    window.startPair();
    ASSERT_TRUE(waitUntil([&] { return controller->isRunning() || !controller->isBusy(); }, 60000));
    ASSERT_TRUE(controller->isRunning()) << window.statusBar()->currentMessage().toStdString();

    ASSERT_TRUE(waitUntil([&] { return failed.count() > 0; }, 20000)) << "the full disk was never shown";
    EXPECT_EQ(failed.count(), 1);
    const auto message = failed.first().at(0).toString();
    const auto hint = failed.first().at(1).toString();
    EXPECT_TRUE(message.contains("No space left on device")) << message.toStdString();
    EXPECT_TRUE(hint.contains("is full: free space there")) << hint.toStdString();
    EXPECT_TRUE(hint.contains("Sampling goes on")) << hint.toStdString();
    EXPECT_TRUE(window.statusBar()->currentMessage().contains("could not be written"))
        << window.statusBar()->currentMessage().toStdString();

    // Sampling goes on: both modes' series keep growing after the failure.
    const auto keys = controller->modeKeys();
    const auto store = controller->store();
    const auto before0 = store->size(keys[0].toStdString());
    const auto before1 = store->size(keys[1].toStdString());
    ASSERT_TRUE(waitUntil(
        [&] {
            return store->size(keys[0].toStdString()) >= before0 + 2 &&
                   store->size(keys[1].toStdString()) >= before1 + 2;
        },
        10000));
    window.refresh();
    EXPECT_TRUE(window.statusText().contains("recording stopped after")) << window.statusText().toStdString();

    controller->stopPair();
    ASSERT_TRUE(waitUntil([&] { return !controller->isRunning() && !controller->isBusy(); }, 60000));
    EXPECT_TRUE(ownContainers().empty());

    // The CSV export has every sample: the recording's, then those it could not take.
    auto recorded = readRecording(controller->recordingPath().toStdString());
    ASSERT_TRUE(recorded) << recorded.error().message;
    QTemporaryDir exports;
    const auto csvPath = exports.filePath("session.csv");
    ASSERT_EQ(window.exportCsv(csvPath), QString());
    QFile csv(csvPath);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const auto rows = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
    for (const auto& key : keys) {
        const auto inCsv = std::count_if(rows.begin(), rows.end(),
                                         [&](const QString& row) { return row.section(',', 1, 1) == key; });
        const auto inFile = std::count_if(
            recorded.value().samples.begin(), recorded.value().samples.end(),
            [&](const auto& sample) { return sample.first == key.toStdString() && sample.second.valid; });
        EXPECT_GE(inCsv, inFile + 2) << key.toStdString();
    }
}
