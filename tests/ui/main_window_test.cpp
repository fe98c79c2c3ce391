#include "comparison_panel.hpp"
#include "dashboard_controller.hpp"
#include "dashboard_view.hpp"
#include "engine_probe.hpp"
#include "engine_status_view.hpp"
#include "engine_window_support.hpp"
#include "host_process_model.hpp"
#include "launcher_panel.hpp"
#include "main_window.hpp"
#include "path_text.hpp"
#include "process_view.hpp"
#include "series_chart.hpp"
#include "time_window_bar.hpp"
#include "ui_test_support.hpp"
#include "work_after_close.hpp"

#include "disposable_engine.hpp"
#include "private_engine.hpp"
#include "run_command.hpp"

#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/session/pair_session.hpp"
#include "isolens/core/transport/endpoint.hpp"
#include "isolens/core/transport/endpoint_resolver.hpp"

#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

using namespace isolens;

namespace {

// A shown window connected to the private engine, recording into a folder of its own, named outside
// ASCII as under the profile of a user named José.
class ConnectedWindow : public ::testing::Test {
protected:
    void SetUp() override
    {
        window.show();
        ASSERT_TRUE(waitForProbe(window));
        ASSERT_TRUE(window.isShowingDashboard()) << window.engineStatus()->bannerText().toStdString();
        controller = window.controller();
        controller->setRecordingDirectory(recordings.path());
        launcher = window.dashboard()->launcher();
    }

    QTemporaryDir recordings{QDir::tempPath() + QStringLiteral("/Jos\u00e9-\u30c6\u30b9\u30c8-XXXXXX")};
    MainWindow window{privateEndpoint()};
    DashboardController* controller = nullptr;
    LauncherPanel* launcher = nullptr;
};

// The launcher's fields that describe the pair, as shown: image, command, workload and both modes.
std::vector<QWidget*> launcherFields(const LauncherPanel& launcher)
{
    return {launcher.findChild<QComboBox*>("imagePicker"), launcher.findChild<QLineEdit*>("command"),
            launcher.findChild<QLineEdit*>("workload"), launcher.findChild<QComboBox*>("mode0"),
            launcher.findChild<QComboBox*>("mode1")};
}

} // namespace

TEST(DashboardWindow, WithThePrivateEngineShowsTheDashboardAndTheEnginesFacts)
{
    MainWindow window(privateEndpoint());
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    auto* status = window.engineStatus();
    ASSERT_FALSE(status->isShowingBanner()) << status->bannerText().toStdString();
    EXPECT_TRUE(window.isShowingDashboard());
    const auto facts = status->factsText();
    EXPECT_TRUE(facts.contains("<td>linux</td>")) << facts.toStdString();
    EXPECT_TRUE(facts.contains("1.41 (negotiated)")) << facts.toStdString();
    EXPECT_TRUE(facts.contains(QString::fromStdString(privateEngine().secondRuntime())));
    const auto bar = window.dashboard()->engineSummary();
    EXPECT_TRUE(bar.contains("connected")) << bar.toStdString();
    EXPECT_TRUE(bar.contains("linux")) << bar.toStdString();
    auto* launcher = window.dashboard()->launcher();
    EXPECT_GE(modeIndex(*launcher, "runc"), 0);
    EXPECT_GE(modeIndex(*launcher, privateEngine().secondRuntime()), 0);
}

TEST(DashboardWindow, RefusesABadImageNameBeforeAskingTheEngine)
{
    MainWindow window(privateEndpoint());
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    auto* launcher = window.dashboard()->launcher();
    launcher->setChoice({"Not A Valid Image!", "", "", {0, 1}});
    EXPECT_FALSE(launcher->inputProblem().isEmpty());
    EXPECT_FALSE(launcher->findChild<QPushButton*>("startPair")->isEnabled());
    launcher->setChoice({QString::fromStdString(privateEngine().testImage()), "", "", {0, 1}});
    EXPECT_EQ(launcher->inputProblem(), "");
    EXPECT_TRUE(launcher->findChild<QPushButton*>("startPair")->isEnabled());
}

TEST_F(ConnectedWindow, AMissingImageSaysWhatHappenedAndLeavesNothingBehind)
{
    const auto registry = QString::fromStdString(privateEngine().var("ISOLENS_TEST_REGISTRY"));
    launcher->setChoice({registry + "/isolens/no-such-image:1", "", "", {0, 1}});
    window.startPair();
    ASSERT_TRUE(waitUntil([&] { return !window.controller()->isBusy(); }, 60000));
    EXPECT_FALSE(window.controller()->isRunning());
    const auto message = window.statusBar()->currentMessage();
    EXPECT_TRUE(message.contains("The pair did not start")) << message.toStdString();
    EXPECT_TRUE(message.contains("What to do")) << message.toStdString();
    EXPECT_TRUE(ownContainers().empty());
}

TEST_F(ConnectedWindow, OneClickStartsAPairBothColumnsFillAndStopRemovesIt)
{
    const int runc = modeIndex(*launcher, "runc");
    const int vm = modeIndex(*launcher, privateEngine().secondRuntime());
    ASSERT_GE(runc, 0);
    ASSERT_GE(vm, 0);
    // Typed as in a shell: the quotes keep the loop one word for sh -c.
    launcher->setChoice({QString::fromStdString(privateEngine().testImage()),
                         "sh -c 'while true; do sleep 1; done'",
                         "sh -c \"dd if=/dev/zero of=/dev/null bs=1k count=100\"",
                         {runc, vm}});
    ASSERT_TRUE(launcher->findChild<QPushButton*>("startPair")->isEnabled())
        << launcher->inputProblem().toStdString();
    launcher->findChild<QPushButton*>("startPair")->click();

    ASSERT_TRUE(waitUntil([&] { return controller->isRunning() || !controller->isBusy(); }, 60000));
    ASSERT_TRUE(controller->isRunning()) << window.statusBar()->currentMessage().toStdString();
    EXPECT_EQ(ownContainers().size(), 2u);
    const auto keys = controller->modeKeys();
    ASSERT_TRUE(waitUntil(
        [&] {
            const auto store = controller->store();
            return store->size(keys[0].toStdString()) >= 3 && store->size(keys[1].toStdString()) >= 3;
        },
        20000));
    // Samples a second apart can share one of the 5-minute view's buckets: wait until the charts,
    // refreshed once a second, show three points each (as a user watching would see them fill).
    auto* comparison = window.dashboard()->comparison();
    waitUntil(
        [&] {
            for (int side = 0; side < 2; ++side)
                if (comparison->cpuChart(side)->drawnPoints() < 3 ||
                    comparison->memoryChart(side)->drawnPoints() < 3)
                    return false;
            return true;
        },
        20000);
    window.refresh();
    for (int side = 0; side < 2; ++side) {
        EXPECT_GE(comparison->cpuChart(side)->drawnPoints(), 3) << side;
        EXPECT_GE(comparison->memoryChart(side)->drawnPoints(), 3) << side;
    }
    EXPECT_TRUE(window.statusText().contains("runc: live")) << window.statusText().toStdString();
    EXPECT_TRUE(window.statusText().contains("recorded")) << window.statusText().toStdString();

    // runc runs the container's sleep as a host process: the process list names it.
    auto* model = window.dashboard()->processes()->model();
    const bool named = waitUntil(
        [&] {
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->index(row, HostProcessModel::Role)
                        .data()
                        .toString()
                        .startsWith("container process: runc"))
                    return true;
            return false;
        },
        15000);
    EXPECT_TRUE(named);

    launcher->findChild<QPushButton*>("stopPair")->click();
    ASSERT_TRUE(waitUntil([&] { return !controller->isRunning() && !controller->isBusy(); }, 60000));
    EXPECT_TRUE(ownContainers().empty()) << "Stop removes both containers";
    auto recording = readRecording(pathFromQString(controller->recordingPath()));
    ASSERT_TRUE(recording) << recording.error().message;
    std::size_t samples[2] = {0, 0};
    for (const auto& [mode, sample] : recording.value().samples)
        for (int side = 0; side < 2; ++side)
            samples[side] += mode == keys[side].toStdString();
    EXPECT_GE(samples[0], 3u);
    EXPECT_GE(samples[1], 3u);
    EXPECT_EQ(recording.value().header.recordedBy, "isolens dashboard");
    EXPECT_EQ(recording.value().header.command,
              (std::vector<std::string>{"sh", "-c", "while true; do sleep 1; done"}));
    for (const auto& event : recording.value().events)
        EXPECT_NE(event.kind, EventKind::Exited) << event.mode << ": " << event.detail;
}

TEST_F(ConnectedWindow, AnUnterminatedQuoteIsShownAndNothingStarts)
{
    launcher->setChoice({QString::fromStdString(privateEngine().testImage()), "sh -c 'sleep 1", "", {0, 1}});
    EXPECT_FALSE(launcher->findChild<QPushButton*>("startPair")->isEnabled());
    EXPECT_TRUE(launcher->inputProblem().startsWith("Command: The command has an unterminated ' quote"))
        << launcher->inputProblem().toStdString();
    launcher->setChoice({QString::fromStdString(privateEngine().testImage()),
                         "[\"sh\",\"-c\",\"sleep 1\"]",
                         "ps | wc",
                         {0, 1}});
    EXPECT_TRUE(launcher->inputProblem().startsWith("Workload: The command has an unquoted '|'"))
        << launcher->inputProblem().toStdString();
}

TEST_F(ConnectedWindow, AContainerThatExitsIsShownPerModeWithItsOutputNotAsAnOutage)
{
    const int runc = modeIndex(*launcher, "runc");
    const int vm = modeIndex(*launcher, privateEngine().secondRuntime());
    launcher->setChoice({QString::fromStdString(privateEngine().testImage()),
                         "sh -c 'echo it ends here >&2; exit 4'",
                         "",
                         {runc, vm}});
    window.startPair();
    ASSERT_TRUE(waitUntil([&] { return controller->isRunning() || !controller->isBusy(); }, 60000));
    ASSERT_TRUE(controller->isRunning()) << window.statusBar()->currentMessage().toStdString();
    auto* comparison = window.dashboard()->comparison();
    const bool shown = waitUntil(
        [&] {
            return comparison->caption(0).contains("exited with code 4") &&
                   comparison->caption(1).contains("exited with code 4");
        },
        20000);
    ASSERT_TRUE(shown) << comparison->caption(0).toStdString() << " | "
                       << comparison->caption(1).toStdString();
    for (int side = 0; side < 2; ++side)
        EXPECT_TRUE(comparison->caption(side).contains("it ends here"))
            << comparison->caption(side).toStdString();
    // Longer than the outage warning's 5 s: the exit explains the silence, the engine is fine.
    QTest::qWait(6500);
    window.refresh();
    const auto caption = window.dashboard()->sessionCaption();
    EXPECT_FALSE(caption.contains("engine may")) << caption.toStdString();
    EXPECT_TRUE(caption.contains("Both containers have exited")) << caption.toStdString();
    EXPECT_TRUE(window.statusText().contains("runc: exited with code 4"))
        << window.statusText().toStdString();

    controller->stopPair();
    ASSERT_TRUE(waitUntil([&] { return !controller->isRunning() && !controller->isBusy(); }, 60000));
    EXPECT_TRUE(ownContainers().empty());
    // The recording tells the same story, and its replay shows it.
    const auto path = controller->recordingPath();
    auto recording = readRecording(path.toStdString());
    ASSERT_TRUE(recording) << recording.error().message;
    int exits = 0;
    for (const auto& event : recording.value().events)
        if (event.kind == EventKind::Exited) {
            ++exits;
            EXPECT_EQ(event.data.value("exit_code", -1), 4);
        }
    EXPECT_EQ(exits, 2);
    ASSERT_EQ(window.openRecording(path, true), "");
    EXPECT_TRUE(comparison->caption(0).contains("exited with code 4"))
        << comparison->caption(0).toStdString();
}

TEST(DashboardWindow, AReplayStaysWhenTheEngineConnectsAndOnReconnect)
{
    MainWindow window(privateEndpoint());
    window.show();
    // Opened while the engine probe is still under way: its answer must not wipe the replay.
    ASSERT_EQ(window.openSampleRecording(true), "");
    const auto keys = window.controller()->modeKeys();
    const auto samples = window.controller()->store()->size(keys[0].toStdString());
    ASSERT_GT(samples, 10u);
    ASSERT_TRUE(waitForProbe(window));
    ASSERT_TRUE(window.controller()->hasEngine()) << "the probe found the private engine";
    for (int round = 0; round < 2; ++round) {
        window.refresh();
        EXPECT_TRUE(window.controller()->isReplay()) << round;
        EXPECT_EQ(window.controller()->store()->size(keys[0].toStdString()), samples) << round;
        EXPECT_GT(window.dashboard()->comparison()->cpuChart(0)->drawnPoints(), 10) << round;
        const auto summary = window.dashboard()->summary()->toPlainText();
        EXPECT_FALSE(summary.contains(QRegularExpression(QStringLiteral("Samples\\s+0\\b"))))
            << summary.toStdString();
        EXPECT_TRUE(window.dashboard()->sessionCaption().contains("Replaying")) << round;
        window.reconnect(); // the second round: after Reconnect (F5)
        ASSERT_TRUE(waitForProbe(window));
    }
}

// However a pair is started (here as --start does it), the launcher shows the choice that runs, read-only
// from the start (a pull can take minutes) until Stop, and keeps it afterwards for another Start.
TEST(DashboardWindow, APairStartedOnConnectIsShownInTheLauncherReadOnlyUntilStopAndKeptAfter)
{
    QTemporaryDir recordings;
    MainWindow window(privateEndpoint());
    auto* controller = window.controller();
    controller->setRecordingDirectory(recordings.path());
    auto* launcher = window.dashboard()->launcher();
    const auto fields = launcherFields(*launcher);
    for (auto* field : fields)
        ASSERT_NE(field, nullptr);
    std::vector<QString> editableWhileStarting;
    QObject::connect(controller, &DashboardController::pairStarting, launcher, [&] {
        if (controller->isRunning())
            return; // stopping
        for (auto* field : fields)
            if (field->isEnabled())
                editableWhileStarting.push_back(field->objectName());
    });

    const auto image = QString::fromStdString(privateEngine().testImage());
    const auto second = QString::fromStdString(privateEngine().secondRuntime());
    // Not the order the launcher offers by default (the engine lists its runtimes by name).
    window.startPairOnConnect(image, "sleep 30", "", {"runc", second});
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    ASSERT_TRUE(waitUntil([&] { return controller->isRunning() || !controller->isBusy(); }, 60000));
    ASSERT_TRUE(controller->isRunning()) << window.statusBar()->currentMessage().toStdString();

    const auto showsTheChoice = [&](const char* when) {
        SCOPED_TRACE(when);
        EXPECT_EQ(qobject_cast<QComboBox*>(fields[0])->currentText().toStdString(), image.toStdString());
        EXPECT_EQ(qobject_cast<QLineEdit*>(fields[1])->text().toStdString(), "sleep 30");
        EXPECT_EQ(qobject_cast<QLineEdit*>(fields[2])->text().toStdString(), "");
        EXPECT_EQ(qobject_cast<QComboBox*>(fields[3])->currentText().toStdString(), "runc");
        EXPECT_EQ(qobject_cast<QComboBox*>(fields[4])->currentText().toStdString(), second.toStdString());
        const auto choice = launcher->choice();
        ASSERT_NE(launcher->mode(choice.modeIndexes[0]), nullptr);
        ASSERT_NE(launcher->mode(choice.modeIndexes[1]), nullptr);
        EXPECT_EQ(launcher->mode(choice.modeIndexes[0])->label, "runc");
        EXPECT_EQ(launcher->mode(choice.modeIndexes[1])->label, second.toStdString());
    };
    const auto readOnly = [&](const char* when) {
        SCOPED_TRACE(when);
        for (auto* field : fields)
            EXPECT_FALSE(field->isEnabled())
                << field->objectName().toStdString() << " describes the running pair";
        EXPECT_FALSE(launcher->findChild<QPushButton*>("startPair")->isEnabled());
        EXPECT_TRUE(launcher->findChild<QPushButton*>("stopPair")->isEnabled());
    };
    EXPECT_TRUE(editableWhileStarting.empty())
        << editableWhileStarting.front().toStdString() << " could be edited while the pair was starting";
    showsTheChoice("running");
    readOnly("running");
    window.refresh();
    EXPECT_TRUE(window.dashboard()->sessionCaption().contains(image))
        << window.dashboard()->sessionCaption().toStdString();

    // Connecting again while the pair runs lists the engine's modes again: the running ones stay shown.
    window.reconnect();
    ASSERT_TRUE(waitForProbe(window));
    ASSERT_TRUE(controller->isRunning());
    showsTheChoice("running, after a reconnect");
    readOnly("running, after a reconnect");

    launcher->findChild<QPushButton*>("stopPair")->click();
    ASSERT_TRUE(waitUntil([&] { return !controller->isRunning() && !controller->isBusy(); }, 60000));
    showsTheChoice("stopped");
    for (auto* field : fields)
        EXPECT_TRUE(field->isEnabled()) << field->objectName().toStdString();
    EXPECT_TRUE(launcher->findChild<QPushButton*>("startPair")->isEnabled())
        << launcher->inputProblem().toStdString();
    EXPECT_TRUE(ownContainers().empty());
}

TEST(DashboardCommandLine, StartsAPairFromTheCommandLineAndRemovesItOnExit)
{
    QTemporaryDir dir;
    const auto png = dir.filePath("live.png").toStdString();
    const auto host = privateEngine().var("ISOLENS_TEST_DOCKER_HOST");
    const auto run = runCommand("QT_QPA_PLATFORM=offscreen XDG_DATA_HOME=" + dir.path().toStdString() + " " +
                                std::string(ISOLENS_DASHBOARD_PATH) + " --host " + host + " --start " +
                                privateEngine().testImage() + " --cmd 'sleep 600' --modes runc," +
                                privateEngine().secondRuntime() + " --export-png " + png + " --after 6");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    QImage image(QString::fromStdString(png));
    ASSERT_FALSE(image.isNull()) << run.output;
    // It recorded into the data folder it was given, and left no container behind.
    const auto folder = dir.path() + "/IsoLens/recordings"; // as the README says
    const auto recordings = QDir(folder).entryList({"*.jsonl"});
    ASSERT_EQ(recordings.size(), 1) << run.output;
    EngineClient client(parseHostUrl(host).value());
    auto left = client.listContainers({{"label", {std::string(kSessionLabel)}}}, /*all=*/true);
    ASSERT_TRUE(left);
    auto recording = readRecording((folder + "/" + recordings.front()).toStdString());
    ASSERT_TRUE(recording);
    std::map<std::string, int> samples;
    for (const auto& [mode, sample] : recording.value().samples)
        ++samples[mode];
    EXPECT_GE(samples["runc"], 3) << "both modes were sampled";
    EXPECT_GE(samples[privateEngine().secondRuntime()], 3);
    std::vector<std::string> created; // the containers' IDs, one per mode
    for (const auto& event : recording.value().events)
        if (event.kind == EventKind::Created)
            created.push_back(event.detail);
    ASSERT_EQ(created.size(), 2u) << "both containers' creation is recorded";
    for (const auto& container : left.value())
        for (const auto& id : created)
            EXPECT_NE(container.id, id) << "a container of the pair is still there";

    const auto badModes = runCommand("QT_QPA_PLATFORM=offscreen " + std::string(ISOLENS_DASHBOARD_PATH) +
                                     " --start x --modes onlyone --export-png " + png);
    EXPECT_EQ(badModes.exitCode, 2);
    EXPECT_NE(badModes.output.find("two modes"), std::string::npos) << badModes.output;
}

TEST_F(ConnectedWindow, PullsAMissingImageWithProgressAndCanCancelAPull)
{
    const auto host = privateEngine().var("ISOLENS_TEST_DOCKER_HOST");
    const auto layered = privateEngine().registry() + "/isolens/layered:1.0";
    const auto other = privateEngine().registry() + "/isolens/busybox:2.0";
    // Absent before, whatever ran earlier in this engine.
    (void)runCommand("docker -H " + host + " rmi " + layered + " " + other);

    const int runc = modeIndex(*launcher, "runc");
    const int vm = modeIndex(*launcher, privateEngine().secondRuntime());

    // Progress reaches the launcher's bar, per layer, and then the pair starts.
    std::vector<double> fractions;
    QString lastDetail;
    auto progress = QObject::connect(controller, &DashboardController::pullProgress,
                                     [&](double fraction, const QString& detail) {
                                         fractions.push_back(fraction);
                                         lastDetail = detail;
                                     });
    launcher->setChoice({QString::fromStdString(layered), "sleep 3600", "", {runc, vm}});
    window.startPair();
    ASSERT_TRUE(waitUntil([&] { return controller->isRunning() || !controller->isBusy(); }, 60000));
    ASSERT_TRUE(controller->isRunning()) << window.statusBar()->currentMessage().toStdString();
    ASSERT_FALSE(fractions.empty()) << "a pull of a missing image reports progress";
    EXPECT_DOUBLE_EQ(fractions.back(), 1.0);
    for (double fraction : fractions) {
        EXPECT_GE(fraction, 0.0);
        EXPECT_LE(fraction, 1.0);
    }
    EXPECT_TRUE(lastDetail.contains("layers done")) << lastDetail.toStdString();
    QObject::disconnect(progress);
    controller->stopPair();
    ASSERT_TRUE(waitUntil([&] { return !controller->isRunning() && !controller->isBusy(); }, 60000));
    EXPECT_TRUE(ownContainers().empty());

    // Cancelled at once: the pair does not start, and says so plainly.
    launcher->setChoice({QString::fromStdString(other), "sleep 3600", "", {runc, vm}});
    window.startPair();
    controller->cancelPull();
    ASSERT_TRUE(waitUntil([&] { return !controller->isBusy(); }, 60000));
    EXPECT_FALSE(controller->isRunning());
    EXPECT_TRUE(window.statusBar()->currentMessage().contains("The pull was cancelled"))
        << window.statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(ownContainers().empty());
}

TEST(DashboardWindow, WarnsWhenTheEngineStopsMidPairAndKeepsTheRecording)
{
    DisposableEngine engine; // stopping the shared engine would disturb other tests
    ASSERT_TRUE(engine.started());
    EndpointRequest endpoint;
    endpoint.hostFlag = engine.endpoint().url;
    MainWindow window(endpoint);
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    ASSERT_TRUE(window.isShowingDashboard()) << window.engineStatus()->bannerText().toStdString();
    QTemporaryDir recordings;
    auto* controller = window.controller();
    controller->setRecordingDirectory(recordings.path());
    auto* launcher = window.dashboard()->launcher();
    launcher->setChoice(
        {QString::fromStdString(privateEngine().testImage()),
         "sleep 3600",
         "",
         {modeIndex(*launcher, "runc"), modeIndex(*launcher, privateEngine().secondRuntime())}});
    window.startPair();
    ASSERT_TRUE(waitUntil([&] { return controller->isRunning() || !controller->isBusy(); }, 60000));
    ASSERT_TRUE(controller->isRunning()) << window.statusBar()->currentMessage().toStdString();
    const auto keys = controller->modeKeys();
    ASSERT_TRUE(waitUntil(
        [&] {
            return controller->store()->size(keys[0].toStdString()) >= 2 &&
                   controller->store()->size(keys[1].toStdString()) >= 2;
        },
        20000));
    EXPECT_FALSE(window.dashboard()->sessionCaption().contains("No samples"));

    ASSERT_EQ(engine.engineDown(), 0);
    const bool warned = waitUntil(
        [&] {
            return window.dashboard()->sessionCaption().contains("No samples from the running containers");
        },
        30000);
    EXPECT_TRUE(warned) << window.dashboard()->sessionCaption().toStdString();
    EXPECT_TRUE(window.statusText().contains("gap")) << window.statusText().toStdString();

    ASSERT_EQ(engine.engineUp(), 0);
    controller->stopPair();
    ASSERT_TRUE(waitUntil([&] { return !controller->isRunning() && !controller->isBusy(); }, 90000));
    auto recording = readRecording(pathFromQString(controller->recordingPath()));
    ASSERT_TRUE(recording) << recording.error().message;
    EXPECT_FALSE(recording.value().truncatedTail);
    for (const auto& key : keys) {
        const bool gapRecorded =
            std::any_of(recording.value().events.begin(), recording.value().events.end(),
                        [&](const RecordedEvent& event) {
                            return event.mode == key.toStdString() && event.kind == EventKind::Gap;
                        });
        EXPECT_TRUE(gapRecorded) << key.toStdString();
    }
}

TEST_F(ConnectedWindow, HardenedStartsBothContainersHardenedAndTheRecordingSaysSo)
{
    const int runc = modeIndex(*launcher, "runc");
    const int vm = modeIndex(*launcher, privateEngine().secondRuntime());
    ASSERT_GE(runc, 0);
    ASSERT_GE(vm, 0);
    launcher->setChoice(
        {QString::fromStdString(privateEngine().testImage()), "sleep 600", "", {runc, vm}, true});
    ASSERT_TRUE(launcher->findChild<QPushButton*>("startPair")->isEnabled())
        << launcher->inputProblem().toStdString();
    launcher->findChild<QPushButton*>("startPair")->click();
    ASSERT_TRUE(waitUntil([&] { return controller->isRunning() || !controller->isBusy(); }, 60000));
    ASSERT_TRUE(controller->isRunning()) << window.statusBar()->currentMessage().toStdString();

    const auto containers = ownContainers();
    EXPECT_EQ(containers.size(), 2u);
    EngineClient client(parseHostUrl(privateEngine().var("ISOLENS_TEST_DOCKER_HOST")).value());
    for (const auto& container : containers) {
        auto details = client.inspectContainer(container.id);
        ASSERT_TRUE(details) << details.error().describe();
        EXPECT_EQ(details.value().networkMode, "none") << container.name;
        EXPECT_EQ(details.value().pidsLimit, kDefaultHardenedPidsLimit) << container.name;
        EXPECT_EQ(details.value().securityOptions, std::vector<std::string>{"no-new-privileges"})
            << container.name;
    }

    const QString note = "hardened: no network, at most 256 processes, no new privileges (changes what is "
                         "measured)";
    window.refresh();
    EXPECT_TRUE(window.dashboard()->sessionCaption().contains(note))
        << window.dashboard()->sessionCaption().toStdString();

    launcher->findChild<QPushButton*>("stopPair")->click();
    ASSERT_TRUE(waitUntil([&] { return !controller->isRunning() && !controller->isBusy(); }, 60000));
    EXPECT_TRUE(ownContainers().empty());
    const auto path = controller->recordingPath();
    auto recording = readRecording(path.toStdString());
    ASSERT_TRUE(recording) << recording.error().message;
    EXPECT_EQ(recording.value().header.hardening["description"],
              "no network, at most 256 processes, no new privileges")
        << recording.value().header.hardening.dump();

    // Its replay says so too.
    ASSERT_EQ(controller->openRecording(path), "");
    window.refresh();
    const auto caption = window.dashboard()->sessionCaption();
    EXPECT_TRUE(caption.contains("Replaying")) << caption.toStdString();
    EXPECT_TRUE(caption.contains(note)) << caption.toStdString();
}

namespace {

// The longest the GUI thread went without running its event loop while `during` ran, measured with a
// 10 ms timer (a stalled loop delays its ticks).
template <typename Fn>
qint64 longestEventLoopStall(int millis, Fn&& during)
{
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 longest = 0;
    QTimer tick;
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const auto now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    tick.start();
    during();
    waitUntil([&] { return clock.elapsed() >= millis; }, millis + 1000);
    tick.stop();
    return std::max(longest, clock.elapsed() - last);
}

// Whether the process list names a process of the pair's runc container.
bool namesARuncProcess(HostProcessModel& model)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, HostProcessModel::Role).data().toString().startsWith("container process: runc"))
            return true;
    return false;
}

// Freezes the private engine's dockerd (SIGSTOP: its socket still takes connections, and every request
// waits, as in a hung engine) until the guard goes.
class FrozenEngine {
public:
    FrozenEngine()
    {
        std::ifstream in(privateEngine().var("ISOLENS_TEST_STATE_DIR") + "/dockerd.pid");
        in >> pid_;
        frozen_ = pid_ > 0 && ::kill(pid_, SIGSTOP) == 0;
    }
    ~FrozenEngine()
    {
        if (frozen_)
            ::kill(pid_, SIGCONT);
    }
    FrozenEngine(const FrozenEngine&) = delete;
    FrozenEngine& operator=(const FrozenEngine&) = delete;
    bool frozen() const { return frozen_; }

private:
    pid_t pid_ = 0;
    bool frozen_ = false;
};

void startLoopingPair(LauncherPanel& launcher, DashboardController& controller)
{
    launcher.setChoice({QString::fromStdString(privateEngine().testImage()),
                        "sh -c 'while true; do sleep 1; done'",
                        "",
                        {modeIndex(launcher, "runc"), modeIndex(launcher, privateEngine().secondRuntime())}});
    launcher.findChild<QPushButton*>("startPair")->click();
    ASSERT_TRUE(waitUntil([&] { return controller.isRunning() || !controller.isBusy(); }, 60000));
    ASSERT_TRUE(controller.isRunning());
}

} // namespace

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitizedBuild = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitizedBuild = true;
#else
constexpr bool kSanitizedBuild = false;
#endif
#else
constexpr bool kSanitizedBuild = false;
#endif

// The host sampler keeps the client it was started with, and the engine's docker top calls run on their own
// thread: reconnecting (a new client, on the GUI thread) while the pair is sampled races with nothing (this
// suite runs under AddressSanitizer too), and the pair's processes stay named throughout.
TEST_F(ConnectedWindow, ReconnectingWhileAPairIsSampledKeepsNamingItsProcesses)
{
    ASSERT_NO_FATAL_FAILURE(startLoopingPair(*launcher, *controller));
    auto* model = window.dashboard()->processes()->model();
    ASSERT_TRUE(waitUntil([&] { return namesARuncProcess(*model); }, 15000));
    const auto stall = longestEventLoopStall(100, [&] {
        for (int round = 0; round < 8; ++round) {
            window.reconnect();
            ASSERT_TRUE(waitForProbe(window));
            ASSERT_TRUE(window.isShowingDashboard());
            QTest::qWait(150 * (round % 3)); // some reconnects land while a docker top round runs
        }
    });
    // This test is the reconnect race under AddressSanitizer. There, everything on the GUI thread (chart
    // redraws of a running pair included) is several times slower, and a stall near the limit says
    // nothing about waiting on the engine; the outage test below holds the 100 ms limit for that.
    if (!kSanitizedBuild)
        EXPECT_LT(stall, 100) << "the event loop stalled " << stall << " ms while reconnecting";
    else
        RecordProperty("event_loop_stall_ms", static_cast<int>(stall));
    EXPECT_TRUE(controller->isRunning());
    const auto keys = controller->modeKeys();
    const auto before = controller->store()->size(keys[0].toStdString());
    EXPECT_TRUE(
        waitUntil([&] { return controller->store()->size(keys[0].toStdString()) >= before + 2; }, 10000))
        << "sampling goes on after the reconnects";
    EXPECT_TRUE(waitUntil([&] { return namesARuncProcess(*model); }, 15000));
    launcher->findChild<QPushButton*>("stopPair")->click();
    ASSERT_TRUE(waitUntil([&] { return !controller->isRunning() && !controller->isBusy(); }, 60000));
    EXPECT_TRUE(ownContainers().empty());
}

// A hung engine (every request waits for its time-out) during a pair: the window keeps answering, while the
// host is sampled, docker top waits, the user asks to reconnect and to stop.
TEST_F(ConnectedWindow, AHungEngineNeverStallsTheWindow)
{
    ASSERT_NO_FATAL_FAILURE(startLoopingPair(*launcher, *controller));
    ASSERT_TRUE(
        waitUntil([&] { return namesARuncProcess(*window.dashboard()->processes()->model()); }, 15000));
    qint64 stall = 0;
    {
        FrozenEngine frozen;
        ASSERT_TRUE(frozen.frozen());
        stall = longestEventLoopStall(6000, [&] {
            QTimer::singleShot(2500, &window, [&] { window.reconnect(); });
            QTimer::singleShot(3500, &window,
                               [&] { launcher->findChild<QPushButton*>("stopPair")->click(); });
        });
    }
    EXPECT_LT(stall, 100) << "the event loop stalled " << stall << " ms while the engine hung";
    // Thawed: the stop that waited goes through, and nothing is left behind.
    ASSERT_TRUE(waitUntil([&] { return !controller->isRunning() && !controller->isBusy(); }, 90000));
    waitUntil([&] { return ownContainers().empty(); }, 30000);
    EXPECT_TRUE(ownContainers().empty());
}

// Closing the window while the engine hangs: the window goes at once (the GUI thread never waits on an
// engine request), and the pair is still stopped after close: once the engine answers again, both
// containers are removed and the recording says so. (Destroyed as the application does after the close
// is accepted; the close's own question is a dialog, which the offscreen platform cannot answer.)
TEST(DashboardWindow, ClosingWhileTheEngineHangsNeverStallsAndStillRemovesThePair)
{
    QTemporaryDir recordings;
    auto window = std::make_unique<MainWindow>(privateEndpoint());
    window->show();
    ASSERT_TRUE(waitForProbe(*window));
    ASSERT_TRUE(window->isShowingDashboard()) << window->engineStatus()->bannerText().toStdString();
    auto* controller = window->controller();
    controller->setRecordingDirectory(recordings.path());
    ASSERT_NO_FATAL_FAILURE(startLoopingPair(*window->dashboard()->launcher(), *controller));
    ASSERT_EQ(ownContainers().size(), 2u);
    const auto keys = controller->modeKeys();
    const auto path = controller->recordingPath();
    qint64 stall = 0;
    {
        FrozenEngine frozen;
        ASSERT_TRUE(frozen.frozen());
        QTest::qWait(1500); // the stats streams and the docker top round now wait on the engine
        // From the close on: the window's own ticks before it (its charts' redraws) are not what is measured.
        stall = longestEventLoopStall(2500, [&] { window.reset(); });
        EXPECT_FALSE(window) << "the window was destroyed while the engine hung";
        EXPECT_GT(workAfterCloseRunning(), 0)
            << "the pair's removal waits for the engine, off the GUI thread";
    }
    EXPECT_LT(stall, 100) << "the event loop stalled " << stall << " ms while the window closed";
    // Thawed: the removal that waited goes through.
    EXPECT_TRUE(waitForWorkAfterClose(std::chrono::seconds(90)));
    EXPECT_TRUE(ownContainers().empty());
    auto recording = readRecording(pathFromQString(path));
    ASSERT_TRUE(recording) << recording.error().message;
    for (const auto& key : keys)
        EXPECT_TRUE(std::any_of(recording.value().events.begin(), recording.value().events.end(),
                                [&](const RecordedEvent& event) {
                                    return event.mode == key.toStdString() &&
                                           event.kind == EventKind::Removed;
                                }))
            << key.toStdString();
}
