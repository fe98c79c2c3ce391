#include "isolens/core/recording/recording.hpp"
#include "isolens/core/stats/stats_collector.hpp"
#include "isolens/core/transport/http_transport.hpp"

#include "run_command.hpp"
#include "scripted_http_server.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace isolens;
using namespace std::chrono_literals;

namespace {

// A stats stream that sends one sample (20 % CPU), then nothing: the caller holds it open.
std::vector<ScriptedHttpServer::Step> oneSampleThenSilence(const std::string& name)
{
    const std::string sample =
        R"({"read":"2026-11-28T00:39:05Z","preread":"2026-11-28T00:39:04Z","id":"abc","name":"/)" + name +
        R"(","cpu_stats":{"cpu_usage":{"total_usage":2},"system_cpu_usage":10,"online_cpus":1},)"
        R"("precpu_stats":{"cpu_usage":{"total_usage":1},"system_cpu_usage":5},"memory_stats":{"usage":100}})"
        "\n";
    return {{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"}, {http_script::chunk(sample)}};
}

// The collector's events, gathered from its threads.
struct EventLog {
    std::mutex mutex;
    std::vector<CollectorEvent> events;

    StatsCollector::Sink sink()
    {
        return [this](const CollectorEvent& event) {
            std::lock_guard lock(mutex);
            events.push_back(event);
        };
    }
};

} // namespace

TEST(StatsCollector, AContainerThatGoesSilentIsMarkedAsAGapNotZero)
{
    // The fake engine sends one sample, then nothing while keeping the stream open.
    ScriptedHttpServer engine(oneSampleThenSilence("quiet"), ScriptedHttpServer::Ending::HoldOpen);
    EngineClientOptions options;
    options.pinnedApiVersion = "1.41"; // no ping: the fake engine only speaks stats
    auto client = std::make_shared<EngineClient>(engine.endpoint(), options);

    EventLog log;
    {
        StatsCollector collector(client, EngineOs::Linux, log.sink(), 300ms);
        collector.watch({"abc", "quiet", {}});
        std::this_thread::sleep_for(1200ms);
        const auto started = std::chrono::steady_clock::now();
        collector.unwatch("abc");
        EXPECT_LT(std::chrono::steady_clock::now() - started, 200ms)
            << "unwatch must stop the stream quickly";
        EXPECT_TRUE(collector.watched().empty());
    }
    std::lock_guard lock(log.mutex);
    const auto& events = log.events;
    ASSERT_GE(events.size(), 2u);
    EXPECT_EQ(events[0].kind, CollectorEvent::Kind::Sample);
    EXPECT_DOUBLE_EQ(events[0].sample.cpuPercent, 20.0);
    EXPECT_EQ(events[1].kind, CollectorEvent::Kind::Gap);
    int gaps = 0;
    for (const auto& event : events)
        gaps += event.kind == CollectorEvent::Kind::Gap ? 1 : 0;
    EXPECT_EQ(gaps, 1) << "one gap per silence, not one per watchdog tick";
}

TEST(StatsCollector, AStatsStreamSilentPastItsIdleTimeoutFailsSoTheRetryRuns)
{
    // One sample, then a stream that stays open and silent: a hung engine or a half-open connection.
    ScriptedHttpServer engine(oneSampleThenSilence("hung"), ScriptedHttpServer::Ending::HoldOpen);
    EngineClientOptions options;
    options.pinnedApiVersion = "1.41";
    options.requests.responseTimeout = 300ms; // the inspect after the failure meets the same engine
    auto client = std::make_shared<EngineClient>(engine.endpoint(), options);

    EventLog log;
    {
        StatsCollector collector(client, EngineOs::Linux, log.sink(), 200ms, 300ms);
        collector.watch({"abc", "hung", {}});
        std::this_thread::sleep_for(1200ms);
        collector.unwatch("abc");
    }
    std::lock_guard lock(log.mutex);
    const auto& events = log.events;
    const auto failed = std::find_if(events.begin(), events.end(), [](const CollectorEvent& event) {
        return event.kind == CollectorEvent::Kind::Error;
    });
    ASSERT_NE(failed, events.end()) << "a silent stream must not block the collector forever";
    ASSERT_TRUE(failed->error);
    EXPECT_EQ(failed->error->kind, ErrorKind::Timeout);
    EXPECT_NE(failed->error->message.find("silent for more than 300 ms"), std::string::npos)
        << failed->error->message;
}

// nlohmann takes a NUL byte for the end of input: a reply must not pass as JSON for what precedes one.
TEST(HostileEngine, AReplyWithANulByteIsNoJson)
{
    ScriptedHttpServer engine({{http_script::reply(200, std::string("{\"Id\":\"c1\"}\0junk", 16))}});
    EngineClientOptions options;
    options.pinnedApiVersion = "1.41";
    EngineClient client(engine.endpoint(), options);
    auto details = client.inspectContainer("c1");
    ASSERT_FALSE(details);
    EXPECT_EQ(details.error().kind, ErrorKind::ProtocolError);

    ScriptedHttpServer stream({{http_script::kChunkedHead},
                               {http_script::chunk(std::string("{\"Type\":\"container\"}\0junk\n", 26))},
                               {"0\r\n\r\n"}});
    EngineClient streaming(stream.endpoint(), options);
    int events = 0;
    auto streamed = streaming.streamEvents({}, [&](const EngineEvent&) { return ++events > 0; });
    ASSERT_FALSE(streamed);
    EXPECT_EQ(streamed.error().kind, ErrorKind::ProtocolError);
    EXPECT_EQ(events, 0);
}

TEST(HostileEngine, InvalidJsonInAStreamIsAClearErrorNotACrash)
{
    ScriptedHttpServer engine({{http_script::kChunkedHead},
                               {http_script::chunk("{\"Type\":\"container\",\"Action\":\"start\"}\n")},
                               {http_script::chunk("{this is not json\n")},
                               {"0\r\n\r\n"}});
    EngineClientOptions options;
    options.pinnedApiVersion = "1.41";
    EngineClient client(engine.endpoint(), options);
    int events = 0;
    auto streamed = client.streamEvents({}, [&](const EngineEvent&) { return ++events > 0; });
    ASSERT_FALSE(streamed);
    EXPECT_EQ(streamed.error().kind, ErrorKind::ProtocolError);
    EXPECT_NE(streamed.error().message.find("not JSON"), std::string::npos) << streamed.error().message;
    EXPECT_EQ(events, 1) << "what came before the bad line was delivered";
}

TEST(HostileEngine, AnEndlessChunkedBodyIsCutAtTheCap)
{
    std::vector<ScriptedHttpServer::Step> script{{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"}};
    for (int i = 0; i < 100; ++i)
        script.push_back({http_script::chunk(std::string(4096, 'x'))});
    ScriptedHttpServer engine(script, ScriptedHttpServer::Ending::HoldOpen);
    RequestOptions options;
    options.maxBodyBytes = 64 * 1024;
    options.responseTimeout = std::chrono::seconds(5);
    auto reply = sendRequest(engine.endpoint(), HttpRequest{HttpMethod::Get, "/info", std::nullopt}, options);
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::ProtocolError);
    EXPECT_NE(reply.error().message.find("larger than allowed"), std::string::npos) << reply.error().message;
}

TEST(HostileEngine, InvalidUtf8FromTheEngineIsRecordedNotACrash)
{
    // A stats line with a raw 0xFF in the name, and a two-byte character where a 200-byte excerpt
    // of the line is cut: neither may end the process from the collector's thread.
    const std::string line = "{\"name\":\"/\xff" + std::string(188, 'x') + "\xc3\xa9\",\"read\":\"\"}\n";
    ScriptedHttpServer engine({{http_script::kChunkedHead}, {http_script::chunk(line)}, {"0\r\n\r\n"}});
    EngineClientOptions options;
    options.pinnedApiVersion = "1.41";
    auto client = std::make_shared<EngineClient>(engine.endpoint(), options);
    const auto path = std::filesystem::temp_directory_path() /
                      ("isolens-bad-bytes-" + std::to_string(::getpid()) + ".jsonl");
    std::filesystem::remove(path); // recordings are created exclusively
    auto recorder = RecordingWriter::create(path, {{"test", true}});
    ASSERT_TRUE(recorder) << recorder.error().message;

    std::atomic<int> errors{0};
    std::string firstError;
    {
        StatsCollector collector(client, EngineOs::Linux, [&](const CollectorEvent& event) {
            if (event.kind != CollectorEvent::Kind::Error)
                return;
            if (errors++ == 0)
                firstError = event.error ? event.error->message : "";
            auto written = recorder.value()->event("a", event.timeNanos, "error",
                                                   event.error ? event.error->message : "");
            EXPECT_TRUE(written) << written.error().message;
        });
        collector.watch({"abc", "bad", {}});
        for (int i = 0; i < 40 && errors == 0; ++i)
            std::this_thread::sleep_for(50ms);
        collector.unwatch("abc");
    }
    ASSERT_GT(errors.load(), 0);
    EXPECT_NE(firstError.find("not JSON"), std::string::npos) << firstError;
    EXPECT_NE(firstError.back(), '\xc3') << "the excerpt ends on a character boundary";
    recorder.value().reset();
    std::ifstream in(path);
    std::string text;
    int lines = 0;
    while (std::getline(in, text)) {
        auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
        EXPECT_FALSE(parsed.is_discarded()) << "line " << lines << " is not valid JSON";
        ++lines;
    }
    EXPECT_GE(lines, 2) << "the header and the error event";
    std::filesystem::remove(path);
}

TEST(HostileEngine, AnEngineMessageReachesTheTerminalWithItsControlsEscaped)
{
    const std::string body = R"({"message":"\u001b[2Jgone\u0007\r\u009b31m"})";
    ScriptedHttpServer engine({{"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                                "Content-Length: " +
                                std::to_string(body.size()) + "\r\n\r\n" + body}});
    const auto url = engine.endpoint().url;
    auto run = runCommand("DOCKER_HOST=" + url + " " + std::string(ISOLENS_CLI_PATH) + " info");
    EXPECT_NE(run.exitCode, 0);
    EXPECT_NE(run.output.find("\\x1b[2Jgone\\x07\\x0d\\u009b31m"), std::string::npos) << run.output;
    EXPECT_EQ(run.output.find('\x1b'), std::string::npos) << "no raw ESC";
    EXPECT_EQ(run.output.find('\r'), std::string::npos) << "no raw CR";
    EXPECT_EQ(run.output.find("\xc2\x9b"), std::string::npos) << "no raw CSI";
}

TEST(StatsCollector, UnwatchDoesNotWaitForAnInspectTheEngineNeverAnswers)
{
    // The stream ends on its first line (an invalid sample), and the inspect that follows gets no reply.
    ScriptedHttpServer engine({{http_script::kChunkedHead}, {http_script::chunk("{}\n"), 60s}},
                              ScriptedHttpServer::Ending::HoldOpen);
    EngineClientOptions options;
    options.pinnedApiVersion = "1.41";
    auto client = std::make_shared<EngineClient>(engine.endpoint(), options);
    StatsCollector collector(client, EngineOs::Linux, [](const CollectorEvent&) {});
    collector.watch({"abc", "mute", {}});
    // The server plays one connection at a time: the inspect waits behind the first one's silence.
    std::this_thread::sleep_for(500ms);
    const auto started = std::chrono::steady_clock::now();
    collector.unwatch("abc");
    EXPECT_LT(std::chrono::steady_clock::now() - started, 500ms) << "unwatch waited for the inspect";
}
