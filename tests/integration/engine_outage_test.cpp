#include "disposable_engine.hpp"
#include "private_engine.hpp"

#include <gtest/gtest.h>

#include "isolens/core/stats_collector.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
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
    collector.unwatch(created.value().id);
}
