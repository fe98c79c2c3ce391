// Session → Compare several images… against the private engine: two images of the local registry run
// one after the other, each with its own recording, and Cancel stops and removes the running pair.
#include "batch_dialog.hpp"
#include "batch_queue.hpp"
#include "dashboard_controller.hpp"
#include "dashboard_view.hpp"
#include "engine_status_view.hpp"
#include "engine_window_support.hpp"
#include "launcher_panel.hpp"
#include "main_window.hpp"
#include "path_text.hpp"
#include "ui_test_support.hpp"
#include "work_after_close.hpp"

#include "private_engine.hpp"
#include "run_command.hpp"

#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/batch/recorded_pair.hpp"
#include "isolens/core/report/html_text.hpp"

#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace isolens;

namespace {

// A window connected to the private engine, recording into a folder of its own, with its batch dialog open
// on imageA and imageB and the launcher's pair: a shell loop, runc and the second runtime.
struct OpenBatch {
    void open()
    {
        // Absent before, whatever ran earlier in this engine: the batch pulls them.
        (void)runCommand("docker -H " + privateEngine().var("ISOLENS_TEST_DOCKER_HOST") + " rmi " + imageA +
                         " " + imageB);
        window->show();
        ASSERT_TRUE(waitForProbe(*window));
        ASSERT_TRUE(window->isShowingDashboard()) << window->engineStatus()->bannerText().toStdString();
        controller = window->controller();
        controller->setRecordingDirectory(recordings.path());
        auto* launcher = window->dashboard()->launcher();
        launcher->setChoice(
            {QString::fromStdString(imageA),
             "sh -c 'while true; do sleep 1; done'",
             "",
             {modeIndex(*launcher, "runc"), modeIndex(*launcher, privateEngine().secondRuntime())}});
        dialog = window->batchDialog();
        dialog->showPrefilled();
        dialog->setImages({QString::fromStdString(imageA), QString::fromStdString(imageB)});
        dialog->setRunSeconds(2);
        start = dialog->findChild<QPushButton*>("startBatch");
        cancel = dialog->findChild<QPushButton*>("cancelBatch");
        ASSERT_TRUE(start && cancel);
        ASSERT_TRUE(start->isEnabled()) << dialog->startProblem().toStdString();
    }

    ~OpenBatch()
    {
        if (window && dialog->queue()->isActive())
            dialog->queue()->cancel();
        if (window)
            waitUntil([&] { return !dialog->queue()->isActive(); }, 30000);
    }

    // Starts a batch whose runs last a minute, and waits for its first pair to run.
    void startLongRuns()
    {
        dialog->setRunSeconds(60);
        bool started = false;
        const auto connection =
            QObject::connect(controller, &DashboardController::pairStarted, dialog, [&] { started = true; });
        start->click();
        const bool ran = waitUntil([&] { return started; }, 20000);
        QObject::disconnect(connection);
        ASSERT_TRUE(ran) << rowStatus(0).toStdString();
    }

    QString rowStatus(int row) const
    {
        auto* label = dialog->findChild<QLabel*>(QStringLiteral("rowStatus-%1").arg(row));
        return label ? label->text() : QString();
    }

    const std::string imageA = privateEngine().batchImage("a");
    const std::string imageB = privateEngine().batchImage("b");
    QTemporaryDir recordings;
    std::unique_ptr<MainWindow> window = std::make_unique<MainWindow>(privateEndpoint());
    DashboardController* controller = nullptr;
    BatchDialog* dialog = nullptr;
    QPushButton* start = nullptr;
    QPushButton* cancel = nullptr;
};

} // namespace

TEST(BatchDialog, RunsTwoImagesOneAfterTheOther)
{
    OpenBatch batch;
    ASSERT_NO_FATAL_FAILURE(batch.open());
    auto* controller = batch.controller;
    auto* dialog = batch.dialog;
    auto* start = batch.start;
    auto* cancel = batch.cancel;
    std::vector<QString> recorded; // each pair's recording, as it stops
    QObject::connect(controller, &DashboardController::pairStopped,
                     [&] { recorded.push_back(controller->recordingPath()); });
    int pulls = 0;
    QObject::connect(controller, &DashboardController::pullFinished, [&] { ++pulls; });
    start->click();
    EXPECT_TRUE(dialog->queue()->isActive());
    EXPECT_FALSE(start->isEnabled());
    EXPECT_TRUE(cancel->isEnabled());
    for (int row = 0; row < 2; ++row)
        EXPECT_NE(dialog->findChild<QProgressBar*>(QStringLiteral("runProgress-%1-0").arg(row)), nullptr);
    // One pair at a time: while the first runs, the second waits.
    ASSERT_TRUE(waitUntil([&] { return controller->isRunning(); }, 20000))
        << batch.rowStatus(0).toStdString();
    EXPECT_EQ(dialog->queue()->progress(1, 0).phase, RunPhase::Waiting);
    EXPECT_EQ(ownContainers().size(), 2u);
    ASSERT_TRUE(waitUntil([&] { return !dialog->queue()->isActive(); }, 22000))
        << batch.rowStatus(0).toStdString() << " | " << batch.rowStatus(1).toStdString();

    EXPECT_TRUE(ownContainers().empty());
    EXPECT_EQ(pulls, 2) << "both images were pulled, one per run";
    const auto table = dialog->queue()->table();
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_TRUE(table.allMeasured()) << batch.rowStatus(0).toStdString() << " | "
                                     << batch.rowStatus(1).toStdString();
    ASSERT_EQ(recorded.size(), 2u);
    EXPECT_NE(recorded[0], recorded[1]) << "each run has its own recording";
    for (int row = 0; row < 2; ++row) {
        EXPECT_TRUE(batch.rowStatus(row).contains("measured")) << batch.rowStatus(row).toStdString();
        ASSERT_EQ(table.rows[row].runs.size(), 1u);
        const auto& run = table.rows[row].runs.front();
        EXPECT_EQ(run.recording, pathFromQString(recorded[row]));
        const auto pair = readRecordedPair(run.recording);
        ASSERT_TRUE(pair) << pair.error().message;
        EXPECT_EQ(pair.value().header.image, row == 0 ? batch.imageA : batch.imageB);
        for (int side = 0; side < 2; ++side) {
            EXPECT_DOUBLE_EQ(run.figures.sides[side].memory.mean,
                             pair.value().figures.sides[side].memory.mean);
            EXPECT_DOUBLE_EQ(run.figures.sides[side].cpu.mean, pair.value().figures.sides[side].cpu.mean);
            EXPECT_GT(run.figures.sides[side].memory.count, 0u);
        }
    }
    auto* results = dialog->results();
    EXPECT_TRUE(results->isVisible());
    ASSERT_EQ(results->rowCount(), 2);
    EXPECT_EQ(results->item(0, 0)->text(), QString::fromStdString(batch.imageA));
    EXPECT_TRUE(start->isEnabled()) << dialog->startProblem().toStdString();

    // The batch's report: both images, each run's charts, nothing from elsewhere.
    auto* exportButton = dialog->findChild<QPushButton*>(QStringLiteral("exportBatchReport"));
    ASSERT_NE(exportButton, nullptr);
    EXPECT_TRUE(exportButton->isEnabled());
    const auto reportPath =
        std::filesystem::temp_directory_path() /
        ("isolens-batch-report-" + std::to_string(QCoreApplication::applicationPid()) + ".html");
    std::filesystem::remove(reportPath);
    EXPECT_EQ(dialog->exportReport(QString::fromStdString(reportPath.string())).toStdString(), "");
    std::ifstream in(reportPath);
    const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(reportPath);
    EXPECT_NE(html.find(htmlText(batch.imageA)), std::string::npos);
    EXPECT_NE(html.find(htmlText(batch.imageB)), std::string::npos);
    std::size_t charts = 0;
    for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
        ++charts;
    EXPECT_EQ(charts, 8u) << "CPU and memory of both sides, for each of the two runs";
    EXPECT_EQ(html.find("http"), std::string::npos);
}

TEST(BatchDialog, CancelStopsTheRunningPairAndLeavesNothing)
{
    OpenBatch batch;
    ASSERT_NO_FATAL_FAILURE(batch.open());
    auto* controller = batch.controller;
    auto* dialog = batch.dialog;
    auto* start = batch.start;
    auto* cancel = batch.cancel;
    ASSERT_NO_FATAL_FAILURE(batch.startLongRuns());
    EXPECT_EQ(ownContainers().size(), 2u);
    const auto recording = controller->recordingPath();
    cancel->click();
    EXPECT_FALSE(cancel->isEnabled());
    ASSERT_TRUE(waitUntil([&] { return !dialog->queue()->isActive(); }, 20000));

    EXPECT_TRUE(ownContainers().empty());
    EXPECT_FALSE(controller->isRunning());
    for (int row = 0; row < 2; ++row)
        EXPECT_TRUE(batch.rowStatus(row).contains("cancelled")) << batch.rowStatus(row).toStdString();
    const auto table = dialog->queue()->table();
    EXPECT_TRUE(table.cancelled);
    ASSERT_EQ(table.rows[0].runs.size(), 1u);
    EXPECT_EQ(table.rows[0].runs[0].outcome, RunOutcome::Cancelled);
    EXPECT_EQ(table.rows[0].runs[0].recording, pathFromQString(recording)) << "the partial recording is kept";
    EXPECT_TRUE(QFileInfo::exists(recording));
    EXPECT_EQ(QDir(batch.recordings.path()).entryList({"*.jsonl"}).size(), 1)
        << "the second image never started";
    // Idle, and ready to start again.
    EXPECT_TRUE(start->isEnabled()) << dialog->startProblem().toStdString();
    EXPECT_FALSE(cancel->isEnabled());

    // Not while a pair started from the launcher runs.
    batch.window->startPair();
    ASSERT_TRUE(waitUntil([&] { return controller->isRunning() || !controller->isBusy(); }, 20000));
    ASSERT_TRUE(controller->isRunning());
    EXPECT_FALSE(start->isEnabled());
    EXPECT_TRUE(dialog->startProblem().startsWith("A pair is running"))
        << dialog->startProblem().toStdString();
    controller->stopPair();
    ASSERT_TRUE(waitUntil([&] { return !controller->isRunning() && !controller->isBusy(); }, 20000));
    EXPECT_TRUE(start->isEnabled()) << dialog->startProblem().toStdString();
    EXPECT_TRUE(ownContainers().empty());
}

// The window closed mid-batch (destroyed as the application does once the close is accepted): the running
// pair is stopped and removed after close, and no further run starts.
TEST(BatchDialog, ClosingTheWindowMidBatchStopsCleanly)
{
    OpenBatch batch;
    ASSERT_NO_FATAL_FAILURE(batch.open());
    ASSERT_NO_FATAL_FAILURE(batch.startLongRuns());
    batch.window.reset();
    EXPECT_TRUE(waitForWorkAfterClose(std::chrono::seconds(30)));
    QTest::qWait(200);
    EXPECT_TRUE(ownContainers().empty());
    EXPECT_EQ(QDir(batch.recordings.path()).entryList({"*.jsonl"}).size(), 1);
}
