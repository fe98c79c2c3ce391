#include "private_engine.hpp"

#include <gtest/gtest.h>

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

using namespace isolens;

TEST(EngineInfo, PingNegotiatesTheLowerApiVersion)
{
    auto client = privateEngine().client();
    auto ping = client.ping();
    ASSERT_TRUE(ping) << ping.error().describe();
    EXPECT_EQ(ping.value().osType, "linux");
    const auto server = ApiVersion::parse(ping.value().serverApiVersion);
    ASSERT_TRUE(server) << "engine sent Api-Version '" << ping.value().serverApiVersion << "'";
    auto negotiated = client.apiVersion();
    ASSERT_TRUE(negotiated);
    EXPECT_EQ(negotiated.value(), std::min(*server, kClientMaxApiVersion));
}

TEST(EngineInfo, VersionAndInfoDescribeTheEngine)
{
    auto client = privateEngine().client();
    auto version = client.version();
    ASSERT_TRUE(version) << version.error().describe();
    EXPECT_FALSE(version.value().version.empty());
    EXPECT_EQ(version.value().os, "linux");

    auto info = client.info();
    ASSERT_TRUE(info) << info.error().describe();
    EXPECT_EQ(info.value().osType, "linux");
    EXPECT_GT(info.value().cpus, 0);
    EXPECT_GT(info.value().memoryBytes, 0);
    EXPECT_EQ(info.value().defaultRuntime, "runc");
    const auto& runtimes = info.value().runtimes;
    EXPECT_NE(std::find(runtimes.begin(), runtimes.end(), "runc"), runtimes.end());
    EXPECT_NE(std::find(runtimes.begin(), runtimes.end(), privateEngine().secondRuntime()), runtimes.end());
}

TEST(EngineInfo, APinnedApiVersionIsUsedWithoutNegotiation)
{
    EngineClientOptions options;
    options.pinnedApiVersion = "1.40";
    auto client = privateEngine().client(options);
    auto version = client.apiVersion();
    ASSERT_TRUE(version);
    EXPECT_EQ(version.value(), (ApiVersion{1, 40}));
    EXPECT_TRUE(client.info()); // /v1.40/info is served
}

namespace {

// /info with DOCKER_API_VERSION pinned to a version the engine refuses (HTTP 400, in the engine's words).
Error refusedAt(const std::string& pinnedVersion, ErrorKind kind, const std::string& words)
{
    EngineClientOptions options;
    options.pinnedApiVersion = pinnedVersion;
    auto client = privateEngine().client(options);
    auto info = client.info();
    EXPECT_FALSE(info);
    if (info)
        return {};
    EXPECT_EQ(info.error().kind, kind) << toString(info.error().kind);
    EXPECT_EQ(info.error().httpStatus, 400);
    EXPECT_NE(info.error().message.find(words), std::string::npos) << info.error().message;
    return info.error();
}

} // namespace

TEST(EngineInfo, APinnedVersionTheEngineDoesNotSpeakIsExplained)
{
    const auto error = refusedAt("1.99", ErrorKind::ApiVersionTooOld, "is too new");
    EXPECT_NE(error.hint.find("DOCKER_API_VERSION"), std::string::npos);
    auto plain = privateEngine().client();
    const auto engineMax = plain.ping().value().serverApiVersion;
    EXPECT_NE(error.hint.find("this engine speaks only up to " + engineMax), std::string::npos) << error.hint;
}

TEST(EngineInfo, APinnedVersionBelowTheEnginesMinimumSaysToUnsetThePin)
{
    auto client = privateEngine().client();
    auto version = client.version();
    ASSERT_TRUE(version) << version.error().describe();
    const auto minimum = ApiVersion::parse(version.value().minApiVersion);
    ASSERT_TRUE(minimum) << "MinAPIVersion '" << version.value().minApiVersion << "'";
    EXPECT_LE(*minimum, client.apiVersion().value()) << "negotiated within the engine's range";
    if (minimum->minor == 0)
        GTEST_SKIP() << "no version below the engine's minimum " << minimum->str();

    const auto below = ApiVersion{minimum->major, minimum->minor - 1}.str();
    const auto error = refusedAt(below, ErrorKind::ClientApiVersionTooOld, "is too old");
    EXPECT_NE(error.hint.find("unset DOCKER_API_VERSION, or set it to " + minimum->str() + " or later"),
              std::string::npos)
        << error.hint;
}

TEST(EngineInfo, AMalformedPinnedVersionIsRefusedBeforeAnyRequest)
{
    EngineClientOptions options;
    options.pinnedApiVersion = "latest";
    EngineClient client(parseHostUrl("unix:///nonexistent/docker.sock").value(), options);
    auto info = client.info();
    ASSERT_FALSE(info);
    EXPECT_EQ(info.error().kind, ErrorKind::InvalidInput);
    EXPECT_NE(info.error().message.find("DOCKER_API_VERSION='latest'"), std::string::npos);
}

TEST(EngineTls, VerifiedTlsWithClientCertificateWorks)
{
    const auto& engine = privateEngine();
    EngineClient client(engine.tlsEndpoint(engine.certDir() + "/ca.pem"));
    auto info = client.info();
    ASSERT_TRUE(info) << info.error().describe();
    EXPECT_EQ(info.value().osType, "linux");
}

TEST(EngineTls, AnEngineCertificateFromAnUntrustedCaIsRejected)
{
    const auto& engine = privateEngine();
    EngineClient client(engine.tlsEndpoint(engine.certDir() + "/other-ca.pem"));
    auto ping = client.ping();
    ASSERT_FALSE(ping);
    EXPECT_EQ(ping.error().kind, ErrorKind::TlsFailure);
    EXPECT_NE(ping.error().message.find("certificate verify failed"), std::string::npos)
        << ping.error().message;
}

TEST(EngineTls, TheEngineRefusesAClientWithoutCertificate)
{
    const auto& engine = privateEngine();
    EngineClient client(engine.tlsEndpoint(engine.certDir() + "/ca.pem", /*withClientCert=*/false));
    auto ping = client.ping();
    ASSERT_FALSE(ping);
    EXPECT_TRUE(ping.error().kind == ErrorKind::TlsFailure ||
                ping.error().kind == ErrorKind::EngineUnreachable)
        << toString(ping.error().kind) << ": " << ping.error().message;
}

TEST(EngineTls, PlainHttpToTheTlsPortIsExplained)
{
    auto endpoint = parseHostUrl(privateEngine().var("ISOLENS_TEST_TLS_HOST")).value();
    EngineClient client(endpoint);
    auto ping = client.ping();
    ASSERT_FALSE(ping);
    EXPECT_EQ(ping.error().kind, ErrorKind::TlsFailure);
    EXPECT_NE(ping.error().message.find("HTTP request to an HTTPS server"), std::string::npos)
        << ping.error().message;
}

TEST(EnginePermissions, AUserOutsideTheDockerGroupGetsPermissionDenied)
{
    if (geteuid() != 0)
        FAIL() << "This test drops from root to 'nobody' and must run as root (as the README's test command "
                  "does)";
    const auto endpoint = privateEngine().unixEndpoint();
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // nobody:nogroup on Debian
        if (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0)
            _exit(10);
        EngineClient client(endpoint);
        auto ping = client.ping();
        if (ping)
            _exit(11);
        if (ping.error().kind != ErrorKind::PermissionDenied)
            _exit(12);
        if (ping.error().message.find("permission denied") == std::string::npos)
            _exit(13);
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "10: could not drop privileges, 11: connected, 12: wrong kind, "
                                         "13: message lacks 'permission denied'";
}
