#include "disposable_engine.hpp"
#include "private_engine.hpp"
#include "run_command.hpp"

#include "isolens/core/recording/recording.hpp"
#include "isolens/core/stats/stats_collector.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <random>
#include <thread>

using namespace isolens;

TEST(EngineOutage, AnEngineThatStoppedIsReportedAsUnreachableWithAHint)
{
    DisposableEngine engine;
    ASSERT_TRUE(engine.started()) << "could not start a second private engine";
    const auto endpoint = engine.endpoint();
    EngineClient client(endpoint);
    ASSERT_TRUE(client.ping());

    ASSERT_EQ(engine.stop(), 0);
    auto info = client.info();
    ASSERT_FALSE(info);
    EXPECT_EQ(info.error().kind, ErrorKind::EngineUnreachable);
    EXPECT_NE(info.error().message.find("Cannot connect to the Docker engine at " + endpoint.url),
              std::string::npos)
        << info.error().message;
    EXPECT_NE(info.error().hint.find("Start the Docker engine"), std::string::npos);
}

TEST(EngineOutage, SamplingResumesAfterTheEngineRestartsAndNothingIsLostOrDuplicated)
{
    DisposableEngine engine(/*liveRestore=*/true); // its containers outlive dockerd, as in a service restart
    ASSERT_TRUE(engine.started());
    auto client = std::make_shared<EngineClient>(engine.endpoint());
    ContainerSpec spec;
    spec.name = "outage-survivor";
    spec.image = privateEngine().testImage();
    spec.command = {"sleep", "600"};
    auto created = client->createContainer(spec);
    ASSERT_TRUE(created) << created.error().describe();
    ASSERT_TRUE(client->startContainer(created.value().id));

    std::mutex mutex;
    std::vector<CollectorEvent> events;
    auto countOf = [&](CollectorEvent::Kind kind) {
        std::lock_guard lock(mutex);
        return std::count_if(events.begin(), events.end(),
                             [&](const CollectorEvent& e) { return e.kind == kind; });
    };
    StatsCollector collector(client, EngineOs::Linux, [&](const CollectorEvent& event) {
        std::lock_guard lock(mutex);
        events.push_back(event);
    });
    collector.watch({created.value().id, spec.name, {}});
    for (int i = 0; i < 50 && countOf(CollectorEvent::Kind::Sample) < 2; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto samplesBefore = countOf(CollectorEvent::Kind::Sample);
    ASSERT_GE(samplesBefore, 2);

    ASSERT_EQ(engine.engineDown(), 0);
    std::this_thread::sleep_for(std::chrono::seconds(3));
    EXPECT_EQ(countOf(CollectorEvent::Kind::Sample), samplesBefore) << "no samples while the engine is down";
    EXPECT_GE(countOf(CollectorEvent::Kind::Gap), 1) << "the outage is marked as a gap";
    EXPECT_GE(countOf(CollectorEvent::Kind::Error), 1) << "the outage is reported";

    ASSERT_EQ(engine.engineUp(), 0);
    const auto answering = std::chrono::steady_clock::now(); // engine-up returns once the engine answers
    while (countOf(CollectorEvent::Kind::Sample) == samplesBefore &&
           std::chrono::steady_clock::now() - answering < std::chrono::seconds(10))
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto resumedAfter = std::chrono::steady_clock::now() - answering;
    EXPECT_GT(countOf(CollectorEvent::Kind::Sample), samplesBefore);
    EXPECT_LT(resumedAfter, std::chrono::seconds(3))
        << "sampling must resume within 3 s of the engine answering";
    EXPECT_EQ(countOf(CollectorEvent::Kind::Stopped), 0);

    auto listed = client->listContainers({{"name", {"outage-survivor"}}});
    ASSERT_TRUE(listed);
    EXPECT_EQ(listed.value().size(), 1u) << "no duplicate containers";
    auto details = client->inspectContainer(created.value().id);
    ASSERT_TRUE(details) << details.error().describe();
    EXPECT_TRUE(details.value().running) << "the container is not lost with the engine";
    collector.unwatch(created.value().id);
    // No sample is delivered twice: the stream opened after the restart starts after the last one before.
    std::lock_guard lock(mutex);
    std::int64_t previous = 0;
    for (const auto& event : events)
        if (event.kind == CollectorEvent::Kind::Sample) {
            EXPECT_GT(event.sample.timeNanos, previous) << "a sample repeated or went back in time";
            previous = event.sample.timeNanos;
        }
}

TEST(EngineOutage, ComparingThroughARestartSaysSoResumesAndKeepsTheRecording)
{
    DisposableEngine engine(/*liveRestore=*/true);
    ASSERT_TRUE(engine.started());
    const auto recording = std::filesystem::temp_directory_path() /
                           ("isolens-outage-" + std::to_string(std::random_device{}()) + ".jsonl");
    auto compare = std::async(std::launch::async, [&] {
        return runCommand(std::string(ISOLENS_CLI_PATH) + " --host " + engine.endpoint().url +
                          " compare --image " + privateEngine().testImage() +
                          " --cmd 'sleep 600' --runtimes runc," + privateEngine().secondRuntime() +
                          " --duration 30 --record " + recording.string());
    });
    // Samples first, then the engine goes away for a while and comes back.
    for (int i = 0; i < 100 && !std::filesystem::exists(recording); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::this_thread::sleep_for(std::chrono::seconds(6));
    ASSERT_EQ(engine.engineDown(), 0);
    std::this_thread::sleep_for(std::chrono::seconds(5));
    ASSERT_EQ(engine.engineUp(), 0);
    const auto run = compare.get();
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("retrying every second"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("sampling again"), std::string::npos) << run.output;

    auto recorded = readRecording(recording);
    ASSERT_TRUE(recorded) << recorded.error().message;
    std::map<std::string, int> gaps, resumed, removed;
    for (const auto& event : recorded.value().events) {
        gaps[event.mode] += event.kind == "gap";
        resumed[event.mode] += event.kind == "resumed";
        removed[event.mode] += event.kind == "removed";
    }
    for (const auto& mode : {std::string("runc"), privateEngine().secondRuntime()}) {
        EXPECT_GE(gaps[mode], 1) << mode << ": the silence is marked";
        EXPECT_GE(resumed[mode], 1) << mode << ": sampling came back";
        EXPECT_EQ(removed[mode], 1) << mode << ": one container per mode, removed once";
        std::int64_t firstGap = 0;
        for (const auto& event : recorded.value().events)
            if (event.mode == mode && event.kind == "gap" && firstGap == 0)
                firstGap = event.timeNanos;
        int before = 0;
        int after = 0;
        for (const auto& [sampleMode, sample] : recorded.value().samples)
            if (sampleMode == mode && sample.valid)
                (sample.timeNanos < firstGap ? before : after)++;
        EXPECT_GE(before, 3) << mode << ": the samples before the outage are kept";
        EXPECT_GE(after, 3) << mode << ": and new ones follow it";
    }
    std::filesystem::remove(recording);
}
