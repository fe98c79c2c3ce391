#include "isolens/core/stats_collector.hpp"

#include "scripted_http_server.hpp"

#include <gtest/gtest.h>

#include <thread>

using namespace isolens;
using namespace std::chrono_literals;

TEST(StatsCollector, AContainerThatGoesSilentIsMarkedAsAGapNotZero)
{
    // The fake engine sends one sample, then nothing while keeping the stream open.
    const std::string sample =
        R"({"read":"2026-11-28T00:39:05Z","preread":"2026-11-28T00:39:04Z","id":"abc","name":"/quiet",)"
        R"("cpu_stats":{"cpu_usage":{"total_usage":2},"system_cpu_usage":10,"online_cpus":1},)"
        R"("precpu_stats":{"cpu_usage":{"total_usage":1},"system_cpu_usage":5},"memory_stats":{"usage":100}})"
        "\n";
    ScriptedHttpServer engine(
        {{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"}, {http_script::chunk(sample)}},
        ScriptedHttpServer::Ending::HoldOpen);
    EngineClientOptions options;
    options.pinnedApiVersion = "1.41"; // no ping: the fake engine only speaks stats
    auto client = std::make_shared<EngineClient>(engine.endpoint(), options);

    std::mutex mutex;
    std::vector<CollectorEvent> events;
    {
        StatsCollector collector(
            client, EngineOs::Linux,
            [&](const CollectorEvent& event) {
                std::lock_guard lock(mutex);
                events.push_back(event);
            },
            300ms);
        collector.watch({"abc", "quiet", {}});
        std::this_thread::sleep_for(1200ms);
        const auto started = std::chrono::steady_clock::now();
        collector.unwatch("abc");
        EXPECT_LT(std::chrono::steady_clock::now() - started, 200ms)
            << "unwatch must stop the stream quickly";
        EXPECT_TRUE(collector.watched().empty());
    }
    std::lock_guard lock(mutex);
    ASSERT_GE(events.size(), 2u);
    EXPECT_EQ(events[0].kind, CollectorEvent::Kind::Sample);
    EXPECT_DOUBLE_EQ(events[0].sample.cpuPercent, 20.0);
    EXPECT_EQ(events[1].kind, CollectorEvent::Kind::Gap);
    int gaps = 0;
    for (const auto& event : events)
        gaps += event.kind == CollectorEvent::Kind::Gap ? 1 : 0;
    EXPECT_EQ(gaps, 1) << "one gap per silence, not one per watchdog tick";
}
