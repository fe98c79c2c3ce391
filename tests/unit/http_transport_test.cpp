#include "isolens/core/transport/http_transport.hpp"

#include "cancel_check.hpp"
#include "scripted_http_server.hpp"

#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <thread>

using namespace isolens;
using namespace std::chrono_literals;
using Step = ScriptedHttpServer::Step;

namespace {

HttpRequest get(const std::string& target)
{
    return HttpRequest{HttpMethod::Get, target, std::nullopt};
}

RequestOptions quick()
{
    RequestOptions options;
    options.connectTimeout = 2s;
    options.responseTimeout = 2s;
    return options;
}

} // namespace

TEST(HttpTransport, ReadsAContentLengthReply)
{
    ScriptedHttpServer server({{http_script::reply(200, R"({"ok":true})", "Ostype: linux\r\n")}});
    auto reply = sendRequest(server.endpoint(), get("/v1.41/info"), quick());
    ASSERT_TRUE(reply) << reply.error().message;
    EXPECT_EQ(reply.value().status, 200);
    EXPECT_EQ(reply.value().body, R"({"ok":true})");
    EXPECT_EQ(reply.value().header("ostype"), "linux");
    EXPECT_EQ(reply.value().header("api-version"), "1.41");
}

TEST(HttpTransport, SendsMethodTargetHostAndJsonBody)
{
    ScriptedHttpServer server({{http_script::reply(201, R"({"Id":"x"})")}});
    HttpRequest request{HttpMethod::Post, "/v1.41/containers/create?name=a%20b",
                        std::string(R"({"Image":"x"})")};
    auto reply = sendRequest(server.endpoint(), request, quick());
    ASSERT_TRUE(reply);
    const auto sent = server.lastRequest();
    EXPECT_EQ(sent.rfind("POST /v1.41/containers/create?name=a%20b HTTP/1.1\r\n", 0), 0u) << sent;
    EXPECT_NE(sent.find("Host: docker\r\n"), std::string::npos);
    EXPECT_NE(sent.find("Content-Type: application/json\r\n"), std::string::npos);
    EXPECT_NE(sent.find("Content-Length: 13\r\n"), std::string::npos);
    EXPECT_NE(sent.find("User-Agent: IsoLens/"), std::string::npos);
}

TEST(HttpTransport, ReadsAChunkedReplyArrivingInPieces)
{
    ScriptedHttpServer server({{http_script::kChunkedHead, 10ms},
                               {http_script::chunk("[{\"Id\":"), 10ms},
                               {http_script::chunk("\"a\"}]"), 10ms},
                               {"0\r\n\r\n"}});
    auto reply = sendRequest(server.endpoint(), get("/images/json"), quick());
    ASSERT_TRUE(reply) << reply.error().message;
    EXPECT_EQ(reply.value().body, R"([{"Id":"a"}])");
}

TEST(HttpTransport, HeadRepliesHaveNoBody)
{
    ScriptedHttpServer server({{"HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\n"}});
    auto reply =
        sendRequest(server.endpoint(), HttpRequest{HttpMethod::Head, "/_ping", std::nullopt}, quick());
    ASSERT_TRUE(reply) << reply.error().message;
    EXPECT_EQ(reply.value().status, 200);
    EXPECT_TRUE(reply.value().body.empty());
}

TEST(HttpTransport, StreamsLinesAsTheyArriveAcrossChunkBoundaries)
{
    ScriptedHttpServer server({{http_script::kChunkedHead},
                               {http_script::chunk("{\"n\":1}\n{\"n\""), 20ms},
                               {http_script::chunk(":2}\n"), 20ms},
                               {http_script::chunk("{\"n\":3}\n"), 20ms},
                               {"0\r\n\r\n"}});
    std::vector<std::string> lines;
    auto reply = streamRequest(
        server.endpoint(), get("/events"),
        [&](std::string_view line) {
            lines.emplace_back(line);
            return true;
        },
        quick());
    ASSERT_TRUE(reply) << reply.error().message;
    EXPECT_EQ(lines, (std::vector<std::string>{R"({"n":1})", R"({"n":2})", R"({"n":3})"}));
}

TEST(HttpTransport, StreamErrorRepliesComeBackWholeWithoutCallingTheHandler)
{
    ScriptedHttpServer server({{http_script::reply(404, R"({"message":"No such container: x"})")}});
    bool called = false;
    auto reply = streamRequest(
        server.endpoint(), get("/containers/x/stats"),
        [&](std::string_view) {
            called = true;
            return true;
        },
        quick());
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply.value().status, 404);
    EXPECT_EQ(reply.value().body, R"({"message":"No such container: x"})");
    EXPECT_FALSE(called);
}

TEST(HttpTransport, AStreamStopsWhenTheHandlerReturnsFalse)
{
    ScriptedHttpServer server({{http_script::kChunkedHead}, {http_script::chunk("a\nb\nc\n")}},
                              ScriptedHttpServer::Ending::HoldOpen);
    int seen = 0;
    auto reply = streamRequest(
        server.endpoint(), get("/events"), [&](std::string_view) { return ++seen < 2; }, quick());
    ASSERT_TRUE(reply) << reply.error().message;
    EXPECT_EQ(seen, 2);
}

TEST(HttpTransport, CancelFromAnotherThreadStopsAStreamWithin100ms)
{
    // The engine sends one line, then goes quiet forever (an idle events stream).
    ScriptedHttpServer server({{http_script::kChunkedHead}, {http_script::chunk("{\"first\":true}\n")}},
                              ScriptedHttpServer::Ending::HoldOpen);
    expectCancelStopsQuietStreamWithin100ms(server.endpoint());
    for (int i = 0; i < 100 && !server.sawClientClose(); ++i)
        std::this_thread::sleep_for(5ms);
    EXPECT_TRUE(server.sawClientClose()) << "the connection must be closed, not left hanging";
}

TEST(HttpTransport, CancelBeforeStartNeverConnects)
{
    ScriptedHttpServer server({{http_script::reply(200, "{}")}});
    CancelToken cancel;
    cancel.cancel();
    auto reply = sendRequest(server.endpoint(), get("/info"), quick(), &cancel);
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::Cancelled);
    EXPECT_NE(reply.error().message.find("Stopped by the user"), std::string::npos) << reply.error().message;
    std::this_thread::sleep_for(50ms); // a connection would have been accepted by now
    EXPECT_EQ(server.connections(), 0);
}

TEST(HttpTransport, ASilentEngineTimesOut)
{
    ScriptedHttpServer server({}, ScriptedHttpServer::Ending::HoldOpen);
    auto options = quick();
    options.responseTimeout = 200ms;
    const auto started = std::chrono::steady_clock::now();
    auto reply = sendRequest(server.endpoint(), get("/info"), options);
    const auto took = std::chrono::steady_clock::now() - started;
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::Timeout);
    EXPECT_NE(reply.error().message.find("waiting for the reply"), std::string::npos)
        << reply.error().message;
    EXPECT_LT(took, 2s);
}

TEST(HttpTransport, AStreamIdleTimeoutEndsADeadStream)
{
    ScriptedHttpServer server({{http_script::kChunkedHead}, {http_script::chunk("one\n")}},
                              ScriptedHttpServer::Ending::HoldOpen);
    auto options = quick();
    options.streamIdleTimeout = 150ms;
    int lines = 0;
    auto reply = streamRequest(
        server.endpoint(), get("/stats"), [&](std::string_view) { return ++lines > 0; }, options);
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::Timeout);
    EXPECT_NE(reply.error().message.find("silent for more than 150 ms"), std::string::npos)
        << reply.error().message;
    EXPECT_EQ(lines, 1);
}

TEST(HttpTransport, OversizedHeadersAreRefused)
{
    const std::string huge = "X-Junk: " + std::string(100 * 1024, 'j') + "\r\n";
    ScriptedHttpServer server({{http_script::reply(200, "{}", huge)}});
    auto reply = sendRequest(server.endpoint(), get("/info"), quick());
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::ProtocolError);
    EXPECT_NE(reply.error().message.find("headers were larger"), std::string::npos) << reply.error().message;
}

TEST(HttpTransport, OversizedBodiesAreRefused)
{
    ScriptedHttpServer server({{http_script::reply(200, std::string(5000, 'x'))}});
    auto options = quick();
    options.maxBodyBytes = 1000;
    auto reply = sendRequest(server.endpoint(), get("/info"), options);
    ASSERT_FALSE(reply) << reply.value().status << " " << reply.value().body.size();
    EXPECT_NE(reply.error().message.find("larger than allowed"), std::string::npos) << reply.error().message;
}

TEST(HttpTransport, ALineWithoutEndIsCutOffAtTheCap)
{
    std::vector<Step> script{{http_script::kChunkedHead}};
    for (int i = 0; i < 64; ++i)
        script.push_back({http_script::chunk(std::string(1024, 'z'))});
    ScriptedHttpServer server(script, ScriptedHttpServer::Ending::HoldOpen);
    auto options = quick();
    options.maxLineBytes = 16 * 1024;
    auto reply = streamRequest(
        server.endpoint(), get("/events"), [](std::string_view) { return true; }, options);
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::ProtocolError);
    EXPECT_NE(reply.error().message.find("longer than 16384 bytes"), std::string::npos);
}

TEST(HttpTransport, InvalidHttpIsAProtocolError)
{
    ScriptedHttpServer server({{"SSH-2.0-OpenSSH_9.2\r\n"}});
    auto reply = sendRequest(server.endpoint(), get("/info"), quick());
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::ProtocolError);
}

TEST(HttpTransport, AConnectionClosedMidReplySaysTheEngineMayHaveStopped)
{
    ScriptedHttpServer server({{"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial"}});
    auto reply = sendRequest(server.endpoint(), get("/info"), quick());
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::EngineUnreachable);
    EXPECT_NE(reply.error().message.find("connection broke"), std::string::npos) << reply.error().message;
}

TEST(HttpTransport, AMissingSocketIsEngineUnreachable)
{
    auto endpoint = parseHostUrl("unix:///tmp/isolens-no-such-dir/docker.sock").value();
    auto reply = sendRequest(endpoint, get("/_ping"), quick());
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::EngineUnreachable);
    EXPECT_NE(reply.error().message.find("unix:///tmp/isolens-no-such-dir/docker.sock"), std::string::npos);
    EXPECT_NE(reply.error().message.find("Is the engine running?"), std::string::npos);
}

TEST(HttpTransport, AStaleSocketLeftByAStoppedEngineIsEngineUnreachable)
{
    // A socket file whose listener is gone, as a crashed dockerd leaves behind.
    const auto path = std::filesystem::temp_directory_path() / "isolens-stale.sock";
    std::filesystem::remove(path);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ::close(fd);

    auto reply = sendRequest(parseHostUrl("unix://" + path.string()).value(), get("/_ping"), quick());
    std::filesystem::remove(path);
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::EngineUnreachable);
    EXPECT_NE(reply.error().message.find("Connection refused"), std::string::npos) << reply.error().message;
}

TEST(HttpTransport, NamedPipesAreExplainedOffWindows)
{
#ifndef _WIN32
    auto reply = sendRequest(parseHostUrl("npipe:////./pipe/docker_engine").value(), get("/_ping"), quick());
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::InvalidEndpoint);
    EXPECT_NE(reply.error().message.find("only on Windows"), std::string::npos);
#endif
}

TEST(HttpTransport, PlainTcpConnectionRefusedIsEngineUnreachable)
{
    auto endpoint = parseHostUrl("tcp://127.0.0.1:1").value();
    auto reply = sendRequest(endpoint, get("/_ping"), quick());
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::EngineUnreachable);
}

TEST(HttpTransport, AnEngineThatDripsOneByteAtATimeCannotHoldARequestOpen)
{
    std::vector<Step> script{{"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"}};
    for (int i = 0; i < 40; ++i)
        script.push_back({"x", 100ms}); // a byte every 100 ms: never silent, never done in time
    ScriptedHttpServer server(script);
    auto options = quick();
    options.responseTimeout = 700ms;
    const auto started = std::chrono::steady_clock::now();
    auto reply = sendRequest(server.endpoint(), get("/info"), options);
    const auto took = std::chrono::steady_clock::now() - started;
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::Timeout);
    EXPECT_LT(took, 1500ms);
}

TEST(HttpTransport, AChunkSizeLineWithoutEndIsRefused)
{
    // Boost 1.74's parser does not cap a chunk-size line: only the buffer's limit stops it.
    std::vector<Step> script{{http_script::kChunkedHead}};
    for (int i = 0; i < 256; ++i)
        script.push_back({std::string(4096, 'f')});
    ScriptedHttpServer server(script, ScriptedHttpServer::Ending::HoldOpen);
    auto options = quick();
    options.streamIdleTimeout = 1s; // without a bound the read would wait for the CRLF forever
    const auto started = std::chrono::steady_clock::now();
    auto reply = streamRequest(
        server.endpoint(), get("/events"), [](std::string_view) { return true; }, options);
    const auto took = std::chrono::steady_clock::now() - started;
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, ErrorKind::ProtocolError) << reply.error().message;
    EXPECT_NE(reply.error().message.find("longer than 65536 bytes"), std::string::npos)
        << reply.error().message;
    EXPECT_LT(took, 1s);
}

TEST(HttpTransport, ChunksLargerThanTheBufferLimitStillArrive)
{
    const std::string big(300 * 1024, 'b');
    ScriptedHttpServer server({{http_script::kChunkedHead}, {http_script::chunk(big)}, {"0\r\n\r\n"}});
    auto reply = sendRequest(server.endpoint(), get("/images/json"), quick());
    ASSERT_TRUE(reply) << reply.error().message;
    EXPECT_EQ(reply.value().body.size(), big.size());
}
