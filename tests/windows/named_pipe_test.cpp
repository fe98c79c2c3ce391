// The named-pipe transport end to end, against a pipe server in this process (run under Wine in CI).
#include "cancel_check.hpp"
#include "scripted_pipe_server.hpp"

#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/transport/http_transport.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace isolens;
using namespace std::chrono_literals;

namespace {

HttpRequest get(const std::string& target)
{
    return HttpRequest{HttpMethod::Get, target, std::nullopt};
}

RequestOptions quick()
{
    RequestOptions options;
    options.connectTimeout = 2s;
    options.responseTimeout = 3s;
    return options;
}

} // namespace

TEST(NamedPipe, AnHttpExchangeWithContentLength)
{
    ScriptedPipeServer server({{http_script::reply(200, R"({"OSType":"windows"})", {}, "windows")}});
    auto reply = sendRequest(server.endpoint(), get("/v1.41/info"), quick());
    ASSERT_TRUE(reply) << reply.error().describe();
    EXPECT_EQ(reply.value().status, 200);
    EXPECT_EQ(reply.value().body, R"({"OSType":"windows"})");
    EXPECT_EQ(server.lastRequest().rfind("GET /v1.41/info HTTP/1.1\r\n", 0), 0u) << server.lastRequest();
}

TEST(NamedPipe, TheEngineClientNegotiatesAndReadsInfoOverAPipe)
{
    ScriptedPipeServer server({{http_script::reply(
        200, R"({"OSType":"windows","Isolation":"hyperv","NCPU":16,"MemTotal":68719476736})")}});
    EngineClient client(server.endpoint());
    auto info = client.info(); // a ping first (same scripted reply, its headers), then /info
    ASSERT_TRUE(info) << info.error().describe();
    EXPECT_EQ(info.value().defaultIsolation, "hyperv");
    EXPECT_EQ(info.value().cpus, 16);
    EXPECT_EQ(client.apiVersion().value(), (ApiVersion{1, 41}));
    EXPECT_GE(server.connections(), 2);
}

TEST(NamedPipe, AStreamArrivesLineByLine)
{
    ScriptedPipeServer server({{http_script::kChunkedHead, 20ms},
                               {http_script::chunk("{\"n\":1}\n{\"n\""), 20ms},
                               {http_script::chunk(":2}\n"), 20ms},
                               {"0\r\n\r\n"}});
    std::vector<std::string> lines;
    auto reply = streamRequest(
        server.endpoint(), get("/events"),
        [&](std::string_view line) {
            lines.emplace_back(line);
            return true;
        },
        quick());
    ASSERT_TRUE(reply) << reply.error().describe();
    EXPECT_EQ(lines, (std::vector<std::string>{R"({"n":1})", R"({"n":2})"}));
}

TEST(NamedPipe, CancelStopsAStreamWithin100ms)
{
    ScriptedPipeServer server({{http_script::kChunkedHead}, {http_script::chunk("{\"first\":true}\n")}},
                              ScriptedPipeServer::Ending::HoldOpen);
    expectCancelStopsQuietStreamWithin100ms(server.endpoint());
}

TEST(NamedPipe, AMissingPipeIsEngineUnreachableWithTheHint)
{
    auto reply =
        sendRequest(parseHostUrl("npipe:////./pipe/isolens-no-such-engine").value(), get("/_ping"), quick());
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::EngineUnreachable);
    EXPECT_NE(reply.error().message.find("npipe:////./pipe/isolens-no-such-engine"), std::string::npos)
        << reply.error().message;
    EXPECT_NE(reply.error().hint.find("Docker Desktop"), std::string::npos);
}

TEST(NamedPipe, ABusyPipeIsWaitedForThenTimesOut)
{
    // One instance only, held by a first client: the second waits (WaitNamedPipe) until its time-out.
    ScriptedPipeServer server({{http_script::reply(200, "{}")}}, ScriptedPipeServer::Ending::HoldOpen,
                              /*maxInstances=*/1);
    const auto address = server.endpoint().address; // \\.\pipe\isolens-test-N
    const std::wstring name(address.begin(), address.end());
    HANDLE holder =
        CreateFileW(name.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING, 0, nullptr);
    ASSERT_NE(holder, INVALID_HANDLE_VALUE);
    auto options = quick();
    options.connectTimeout = 300ms;
    const auto started = std::chrono::steady_clock::now();
    auto reply = sendRequest(server.endpoint(), get("/_ping"), options);
    const auto waited = std::chrono::steady_clock::now() - started;
    CloseHandle(holder);
    ASSERT_FALSE(reply);
    EXPECT_TRUE(reply.error().kind == ErrorKind::Timeout) << reply.error().describe();
    EXPECT_GE(waited, 250ms);
    EXPECT_LT(waited, 3s);
}
