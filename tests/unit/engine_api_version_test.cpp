// The engine client against scripted engines that answer as current Docker engines do: Docker 29.0 (API
// 1.52, refusing anything below 1.44, moby#51186), an engine newer than IsoLens, and one older than it.
// The replies have the shape Docker 29 gives them (moby api/docs/CHANGELOG.md up to v1.52): no VirtualSize,
// no Config.Labels on an unlabelled image, events without status/id/from, stats with os_type.
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/engine/engine_facts.hpp"
#include "isolens/core/session/preflight.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

#include "scripted_http_server.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace isolens;
using Step = ScriptedHttpServer::Step;

namespace {

const char* const kDocker29Version = R"({"Platform":{"Name":"Docker Engine - Community"},
    "Components":[{"Name":"Engine","Version":"29.0.0","Details":{"ApiVersion":"1.52","MinAPIVersion":"1.44",
    "Os":"linux","Arch":"amd64"}}],"Version":"29.0.0","ApiVersion":"1.52","MinAPIVersion":"1.44",
    "GitCommit":"d105562","GoVersion":"go1.25.3","Os":"linux","Arch":"amd64","KernelVersion":"6.8.0-87-generic",
    "BuildTime":"2025-11-10T12:00:00.000000000+00:00"})";

const char* const kDocker29Info = R"({"ID":"f3a1","Containers":1,"ContainersRunning":1,"ContainersPaused":0,
    "ContainersStopped":0,"Images":2,"Driver":"overlayfs","NCPU":8,"MemTotal":16663035904,"Name":"docker29",
    "ServerVersion":"29.0.0","OSType":"linux","Architecture":"x86_64","OperatingSystem":"Ubuntu 24.04.3 LTS",
    "OSVersion":"24.04","KernelVersion":"6.8.0-87-generic","DefaultRuntime":"runc","Isolation":"",
    "Runtimes":{"io.containerd.runc.v2":{"path":"runc","status":{"org.opencontainers.runtime-spec.features":"{}"}},
    "runc":{"path":"runc","status":{"org.opencontainers.runtime-spec.features":"{}"}}},
    "FirewallBackend":{"Driver":"iptables"},"DiscoveredDevices":[],"Containerd":{"Address":"/run/containerd/containerd.sock"}})";

// v1.44: no VirtualSize; v1.43: an untagged image has [] for RepoTags; v1.48: Descriptor.
const char* const kDocker29Images = R"([{"Containers":1,"Created":1727386302,
    "Id":"sha256:27a71e19c95622dce4f8b3ac8bab5fd01c4f5dba7c0b9c64d9f9f5c2b3b3a1f2","Labels":null,"ParentId":"",
    "Descriptor":{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:2919","size":9510},
    "RepoDigests":["busybox@sha256:2919"],"RepoTags":["busybox:latest"],"SharedSize":-1,"Size":4276663},
    {"Containers":0,"Created":1700000000,"Id":"sha256:0bad","Labels":{"maintainer":"x"},"ParentId":"",
    "RepoDigests":[],"RepoTags":[],"SharedSize":-1,"Size":1024}])";

// v1.45: no Container or ContainerConfig; v1.50/v1.52: Config without unset fields, so without Labels.
const char* const kDocker29Image =
    R"({"Id":"sha256:27a71e19c95622dce4f8b3ac8bab5fd01c4f5dba7c0b9c64d9f9f5c2b3b3a1f2",
    "RepoTags":["busybox:latest"],"RepoDigests":["busybox@sha256:2919"],"Created":"2024-09-26T21:31:42Z",
    "Config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["sh"]},
    "Architecture":"amd64","Os":"linux","Size":4276663,"RootFS":{"Type":"layers","Layers":["sha256:9b"]},
    "Metadata":{"LastTagTime":"2025-11-10T12:00:00Z"},
    "Descriptor":{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:2919","size":9510}})";

// v1.52: NetworkSettings without its top-level IPAddress and kin; v1.45: Aliases without the short ID.
const char* const kDocker29Container = R"({"Id":"c1aa","Created":"2025-11-10T12:00:00Z","Path":"sleep",
    "Args":["60"],"State":{"Status":"running","Running":true,"Paused":false,"Restarting":false,"OOMKilled":false,
    "Dead":false,"Pid":4242,"ExitCode":0,"Error":"","StartedAt":"2025-11-10T12:00:01.5Z",
    "FinishedAt":"0001-01-01T00:00:00Z"},"Image":"sha256:27a7","Name":"/pair-a","Platform":"linux",
    "HostConfig":{"NetworkMode":"none","Runtime":"runc","Isolation":"","NanoCpus":1000000000,"Memory":268435456,
    "CpuCount":0,"PidsLimit":64,"SecurityOpt":["no-new-privileges"]},
    "Config":{"Image":"busybox:latest","Cmd":["sleep","60"],"Labels":{"isolens.session":"s29"}},
    "NetworkSettings":{"SandboxID":"","SandboxKey":"","Ports":{},"Networks":{"none":{"IPAMConfig":null,
    "Links":null,"Aliases":null,"DriverOpts":null,"GwPriority":0,"NetworkID":"n1","EndpointID":"","Gateway":"",
    "IPAddress":"","MacAddress":"","DNSNames":null}}},"ImageManifestDescriptor":{"digest":"sha256:9c"}})";

// v1.52: no status, id or from.
const char* const kDocker29Event = R"({"Type":"container","Action":"start","Actor":{"ID":"c1aa",
    "Attributes":{"image":"busybox:latest","name":"pair-a"}},"scope":"local","time":1762776001,
    "timeNano":1762776001500000000})";

// v1.52: os_type.
const char* const kDocker29Stats = R"({"name":"/pair-a","id":"c1aa","os_type":"linux",
    "read":"2025-11-10T12:00:05.000000000Z","preread":"0001-01-01T00:00:00Z",
    "pids_stats":{"current":3,"limit":64},"cpu_stats":{"cpu_usage":{"total_usage":1000},"system_cpu_usage":5000,
    "online_cpus":8},"precpu_stats":{"cpu_usage":{"total_usage":0}},"memory_stats":{"usage":1048576,
    "limit":268435456,"stats":{"inactive_file":0}},"blkio_stats":{"io_service_bytes_recursive":null}})";

struct ScriptedEngine {
    std::string serverVersion = "29.0.0";
    std::string apiVersion = "1.52";
    std::string minApiVersion = "1.44";
    std::map<std::string, std::string> bodies; // "GET /info" (no version, no query) -> JSON
};

std::string decoded(std::string path)
{
    for (std::size_t at; (at = path.find("%3A")) != std::string::npos;)
        path.replace(at, 3, ":");
    return path;
}

std::string versionJson(const ScriptedEngine& engine)
{
    std::string body =
        R"({"Version":")" + engine.serverVersion + R"(","ApiVersion":")" + engine.apiVersion + "\"";
    if (!engine.minApiVersion.empty())
        body += R"(,"MinAPIVersion":")" + engine.minApiVersion + "\"";
    return body + R"(,"Os":"linux","Arch":"amd64"})";
}

// As moby's version middleware: every reply carries Server and Api-Version; a path's /vX.Y must lie
// within [MinAPIVersion, ApiVersion], else HTTP 400 in the daemon's words; no version is the engine's own.
std::vector<Step> answer(const ScriptedEngine& engine, const std::string& request)
{
    const auto line = request.substr(0, request.find("\r\n"));
    const auto space = line.find(' ');
    const auto method = line.substr(0, space);
    auto target = line.substr(space + 1, line.rfind(' ') - space - 1);
    const std::string headers = "Server: Docker/" + engine.serverVersion + " (linux)\r\n";
    auto reply = [&](int status, const std::string& body) {
        return std::vector<Step>{{http_script::reply(status, body, headers, "linux", engine.apiVersion)}};
    };
    if (target.starts_with("/v") && target.size() > 2 &&
        std::isdigit(static_cast<unsigned char>(target[2]))) {
        const auto slash = target.find('/', 1);
        const auto asked = ApiVersion::parse(target.substr(2, slash - 2));
        if (!asked)
            return reply(404, R"({"message":"page not found"})");
        if (!engine.minApiVersion.empty() && *asked < *ApiVersion::parse(engine.minApiVersion))
            return reply(400, R"({"message":"client version )" + asked->str() +
                                  " is too old. Minimum supported API version is " + engine.minApiVersion +
                                  R"(, please upgrade your client to a newer version"})");
        if (*ApiVersion::parse(engine.apiVersion) < *asked)
            return reply(400, R"({"message":"client version )" + asked->str() +
                                  " is too new. Maximum supported API version is " + engine.apiVersion +
                                  "\"}");
        target = target.substr(slash);
    }
    const auto path = decoded(target.substr(0, target.find('?')));
    if (path == "/_ping")
        return reply(200, "OK");
    if (method == "GET" && path == "/version")
        return reply(200, versionJson(engine));
    if (method == "GET" && path == "/events") {
        const std::string head =
            "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nApi-Version: " + engine.apiVersion +
            "\r\nTransfer-Encoding: chunked\r\n\r\n";
        std::string event = kDocker29Event;
        std::erase(event, '\n');
        return {{head}, {http_script::chunk(event + "\n")}, {"0\r\n\r\n"}};
    }
    if (auto body = engine.bodies.find(method + " " + path); body != engine.bodies.end())
        return reply(200, body->second);
    return reply(404, R"({"message":"page not found"})");
}

ScriptedEngine docker29(const std::string& serverVersion = "29.0.0", const std::string& apiVersion = "1.52",
                        const std::string& minApiVersion = "1.44")
{
    ScriptedEngine engine{serverVersion, apiVersion, minApiVersion, {}};
    engine.bodies = {{"GET /info", kDocker29Info},
                     {"GET /images/json", kDocker29Images},
                     {"GET /images/busybox:latest/json", kDocker29Image},
                     {"GET /containers/c1aa/json", kDocker29Container},
                     {"GET /containers/c1aa/stats", kDocker29Stats}};
    return engine;
}

// A scripted engine on its socket, and a client for it.
struct Scripted {
    explicit Scripted(ScriptedEngine scripted, std::optional<std::string> pinned = std::nullopt)
        : engine(std::move(scripted))
        , server([this](const std::string& request) { return answer(engine, request); })
        , client(server.endpoint(), quickOptions(std::move(pinned)))
    {}

    static EngineClientOptions quickOptions(std::optional<std::string> pinned)
    {
        EngineClientOptions options;
        options.pinnedApiVersion = std::move(pinned);
        options.requests.connectTimeout = std::chrono::seconds(2);
        options.requests.responseTimeout = std::chrono::seconds(2);
        return options;
    }

    ScriptedEngine engine;
    ScriptedHttpServer server;
    EngineClient client;
};

// The negotiation refuses the engine after /_ping and /version, before any versioned call, and keeps
// refusing.
void expectRefusedBeforeAnyCall(Scripted& scripted, ErrorKind kind, const std::string& hint)
{
    auto info = scripted.client.info();
    ASSERT_FALSE(info);
    EXPECT_EQ(info.error().kind, kind) << toString(info.error().kind);
    EXPECT_EQ(info.error().hint, hint);
    EXPECT_NE(info.error().describe().find(hint), std::string::npos);
    EXPECT_EQ(scripted.server.requestLines(),
              (std::vector<std::string>{"HEAD /_ping HTTP/1.1", "GET /version HTTP/1.1"}))
        << "no versioned call was made";
    EXPECT_FALSE(scripted.client.apiVersion());
}

} // namespace

TEST(Docker29Engine, IsolensNegotiatesTheEnginesApiAndUsesItInEveryPath)
{
    Scripted scripted(docker29());
    auto& client = scripted.client;
    auto& server = scripted.server;

    auto facts = probeEngine(client, false);
    ASSERT_TRUE(facts) << facts.error().describe();
    EXPECT_EQ(facts.value().apiVersion, (ApiVersion{1, 52}));
    EXPECT_GE(facts.value().apiVersion, (ApiVersion{1, 44})) << "Docker 29.0 refuses anything older";
    EXPECT_EQ(facts.value().version.minApiVersion, "1.44");
    EXPECT_EQ(facts.value().version.version, "29.0.0");
    EXPECT_EQ(facts.value().info.serverVersion, "29.0.0");
    EXPECT_EQ(facts.value().info.cpus, 8);

    // probeEngine pings, then the negotiation pings and reads /version; every later call is versioned.
    const auto lines = server.requestLines();
    const std::vector<std::string> unversioned{"HEAD /_ping HTTP/1.1", "HEAD /_ping HTTP/1.1",
                                               "GET /version HTTP/1.1"};
    ASSERT_EQ(lines.size(), unversioned.size() + 2) << testing::PrintToString(lines);
    EXPECT_EQ(std::vector<std::string>(lines.begin(), lines.begin() + 3), unversioned)
        << "the engine's minimum is read before any versioned call";
    EXPECT_EQ(lines[3], "GET /v1.52/version HTTP/1.1");
    EXPECT_EQ(lines[4], "GET /v1.52/info HTTP/1.1");
}

TEST(Docker29Engine, PreflightAndTheFieldsThatChangedAreRead)
{
    Scripted scripted(docker29());
    auto& client = scripted.client;
    auto& server = scripted.server;

    auto report = runPreflight(parseImageReference("busybox").value(), {}, &client);
    ASSERT_TRUE(report) << report.error().describe();
    EXPECT_EQ(report.value().engineOs, EngineOs::Linux);
    ASSERT_GE(report.value().modes.size(), 2u);
    EXPECT_EQ(report.value().modes[0].verdict, windows::Verdict::Ok);

    auto images = client.listImages();
    ASSERT_TRUE(images) << images.error().describe();
    ASSERT_EQ(images.value().size(), 2u);
    EXPECT_EQ(images.value()[0].sizeBytes, 4276663) << "Size, as v1.44 sends no VirtualSize";
    EXPECT_TRUE(images.value()[1].repoTags.empty());

    auto image = client.inspectImage("busybox:latest");
    ASSERT_TRUE(image) << image.error().describe();
    EXPECT_EQ(image.value().sizeBytes, 4276663);
    EXPECT_EQ(image.value().os, "linux");
    EXPECT_TRUE(image.value().labels.empty()) << "v1.52 omits unset Config.Labels";

    auto container = client.inspectContainer("c1aa");
    ASSERT_TRUE(container) << container.error().describe();
    EXPECT_EQ(container.value().name, "pair-a");
    EXPECT_TRUE(container.value().running);
    EXPECT_EQ(container.value().pid, 4242);
    EXPECT_EQ(container.value().networkMode, "none");
    EXPECT_EQ(container.value().pidsLimit, 64);
    EXPECT_EQ(container.value().labels.at("isolens.session"), "s29");

    std::vector<EngineEvent> events;
    auto streamed = client.streamEvents({}, [&](const EngineEvent& event) {
        events.push_back(event);
        return true;
    });
    ASSERT_TRUE(streamed) << streamed.error().describe();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].action, "start");
    EXPECT_EQ(events[0].actorId, "c1aa");
    EXPECT_EQ(events[0].attributes.at("name"), "pair-a");

    auto stats = client.statsOnce("c1aa", /*oneShot=*/true);
    ASSERT_TRUE(stats) << stats.error().describe();
    EXPECT_EQ(guessEngineOs(stats.value()), EngineOs::Linux);
    EXPECT_NE(server.lastRequest().find("one-shot=1"), std::string::npos) << server.lastRequest();

    for (const auto& line : server.requestLines()) {
        if (line.find("/_ping") == std::string::npos && line != "GET /version HTTP/1.1") {
            EXPECT_EQ(line.find(" /v1.52/"), line.find(' ')) << line;
        }
    }
}

TEST(Docker29Engine, APinnedVersionBelowItsMinimumGetsTheEnginesRefusalWithTheRightHint)
{
    Scripted scripted(docker29(), "1.43");
    auto& client = scripted.client;
    auto& server = scripted.server;
    auto info = client.info();
    ASSERT_FALSE(info);
    EXPECT_EQ(info.error().kind, ErrorKind::ClientApiVersionTooOld);
    EXPECT_EQ(info.error().httpStatus, 400);
    EXPECT_NE(info.error().message.find("client version 1.43 is too old"), std::string::npos)
        << info.error().message;
    EXPECT_NE(info.error().hint.find("unset DOCKER_API_VERSION, or set it to 1.44 or later"),
              std::string::npos)
        << info.error().hint;
    EXPECT_EQ(server.requestLines(), std::vector<std::string>{"GET /v1.43/info HTTP/1.1"})
        << "a pin: no ping";
}

TEST(Docker29Engine, TheCurrentReleaseIsSpokenAtIsolensMaximum)
{
    Scripted scripted(docker29("29.7.2", "1.55", "1.40"));
    auto info = scripted.client.info();
    ASSERT_TRUE(info) << info.error().describe();
    EXPECT_EQ(scripted.client.apiVersion().value(), (ApiVersion{1, 55}));
    EXPECT_EQ(scripted.server.lastRequest().rfind("GET /v1.55/info ", 0), 0u)
        << scripted.server.lastRequest();
}

TEST(NewerEngine, AMinimumAboveIsolensMaximumIsRefusedBeforeAnyCallSayingUpdateIsolens)
{
    Scripted scripted(docker29("31.0.0", "1.60", "1.56"));
    expectRefusedBeforeAnyCall(
        scripted, ErrorKind::ClientApiVersionTooOld,
        "IsoLens speaks API up to 1.55; this engine needs at least 1.56: update IsoLens.");
}

TEST(OlderEngine, AMaximumBelowIsolensMinimumIsRefusedBeforeAnyCallSayingUpdateDocker)
{
    Scripted scripted(docker29("1.7.1", "1.19", "")); // engines before API 1.25 name no minimum
    expectRefusedBeforeAnyCall(
        scripted, ErrorKind::ApiVersionTooOld,
        "This engine speaks only API up to 1.19; IsoLens needs at least 1.24: update Docker.");
}
