#include "isolens/core/transport/endpoint.hpp"

#include <gtest/gtest.h>

using namespace isolens;

struct HostUrlCase {
    std::string url;
    EndpointScheme scheme;
    std::string address;
    int port;
};

class HostUrlParsing : public ::testing::TestWithParam<HostUrlCase> {};

TEST_P(HostUrlParsing, SplitsSchemeAddressAndPort)
{
    const auto& c = GetParam();
    auto endpoint = parseHostUrl(c.url);
    ASSERT_TRUE(endpoint) << endpoint.error().message;
    EXPECT_EQ(endpoint.value().scheme, c.scheme);
    EXPECT_EQ(endpoint.value().address, c.address);
    EXPECT_EQ(endpoint.value().port, c.port);
    EXPECT_EQ(endpoint.value().url, c.url);
}

INSTANTIATE_TEST_SUITE_P(
    Table, HostUrlParsing,
    ::testing::Values(HostUrlCase{"unix:///var/run/docker.sock", EndpointScheme::Unix, "/var/run/docker.sock",
                                  0},
                      HostUrlCase{"npipe:////./pipe/docker_engine", EndpointScheme::NamedPipe,
                                  "\\\\.\\pipe\\docker_engine", 0},
                      HostUrlCase{"npipe:////./pipe/dockerDesktopWindowsEngine", EndpointScheme::NamedPipe,
                                  "\\\\.\\pipe\\dockerDesktopWindowsEngine", 0},
                      HostUrlCase{"tcp://10.0.0.5:2376", EndpointScheme::Tcp, "10.0.0.5", 2376},
                      HostUrlCase{"tcp://engine.example:1234/", EndpointScheme::Tcp, "engine.example", 1234},
                      HostUrlCase{"tcp://engine.example", EndpointScheme::Tcp, "engine.example", 2375},
                      HostUrlCase{"tcp://:2375", EndpointScheme::Tcp, "127.0.0.1", 2375},
                      HostUrlCase{"tcp://[::1]:2376", EndpointScheme::Tcp, "::1", 2376}));

TEST(HostUrl, TlsMovesTheDefaultPortTo2376)
{
    auto endpoint = parseHostUrl("tcp://engine.example", /*tlsDefaultPort=*/true);
    ASSERT_TRUE(endpoint);
    EXPECT_EQ(endpoint.value().port, 2376);
}

struct BadUrlCase {
    std::string url;
    std::string messagePart;
};

class BadHostUrls : public ::testing::TestWithParam<BadUrlCase> {};

TEST_P(BadHostUrls, AreRejectedWithAReason)
{
    auto endpoint = parseHostUrl(GetParam().url);
    ASSERT_FALSE(endpoint);
    EXPECT_EQ(endpoint.error().kind, ErrorKind::InvalidEndpoint);
    EXPECT_NE(endpoint.error().message.find(GetParam().messagePart), std::string::npos)
        << endpoint.error().message;
    EXPECT_FALSE(endpoint.error().hint.empty());
}

INSTANTIATE_TEST_SUITE_P(Table, BadHostUrls,
                         ::testing::Values(BadUrlCase{"", "empty"}, BadUrlCase{"unix://", "socket path"},
                                           BadUrlCase{"npipe://", "pipe path"},
                                           BadUrlCase{"tcp://host:99999", "port"},
                                           BadUrlCase{"tcp://host:abc", "port"},
                                           BadUrlCase{"tcp://[::1", "IPv6"},
                                           BadUrlCase{"ssh://me@box", "not supported"},
                                           BadUrlCase{"http://host", "unknown scheme"},
                                           BadUrlCase{"/var/run/docker.sock", "unknown scheme"}));

TEST(HostUrl, HostHeaderNamesTcpPeersAndUsesAPlaceholderForLocalTransports)
{
    EXPECT_EQ(parseHostUrl("tcp://10.0.0.5:2376").value().hostHeader(), "10.0.0.5:2376");
    EXPECT_EQ(parseHostUrl("tcp://[::1]:2376").value().hostHeader(), "[::1]:2376");
    EXPECT_EQ(parseHostUrl("unix:///x.sock").value().hostHeader(), "docker");
}

TEST(HostUrl, DefaultMatchesThePlatform)
{
#ifdef _WIN32
    EXPECT_EQ(defaultHostUrl(), "npipe:////./pipe/docker_engine");
#else
    EXPECT_EQ(defaultHostUrl(), "unix:///var/run/docker.sock");
#endif
}

struct LocalityCase {
    std::string url;
    bool onThisMachine;
};

class EngineLocality : public ::testing::TestWithParam<LocalityCase> {};

// The host panel, vmmem and the process list show this PC: they are the engine's only when it runs here.
TEST_P(EngineLocality, IsThisMachineOnlyForSocketsLocalPipesAndLoopback)
{
    const auto& c = GetParam();
    auto endpoint = parseHostUrl(c.url);
    ASSERT_TRUE(endpoint) << endpoint.error().message;
    EXPECT_EQ(endpoint.value().isOnThisMachine(), c.onThisMachine) << c.url;
}

INSTANTIATE_TEST_SUITE_P(
    Table, EngineLocality,
    ::testing::Values(LocalityCase{"unix:///var/run/docker.sock", true},
                      LocalityCase{"npipe:////./pipe/docker_engine", true},
                      LocalityCase{"npipe:////LOCALHOST/pipe/docker_engine", true},
                      LocalityCase{"npipe:////buildhost/pipe/docker_engine", false},
                      LocalityCase{"tcp://127.0.0.1:2375", true}, LocalityCase{"tcp://127.10.0.1:2375", true},
                      LocalityCase{"tcp://localhost:2376", true}, LocalityCase{"tcp://LocalHost:2376", true},
                      LocalityCase{"tcp://:2375", true}, LocalityCase{"tcp://[::1]:2376", true},
                      LocalityCase{"tcp://10.0.0.5:2376", false},
                      LocalityCase{"tcp://engine.example:2376", false},
                      LocalityCase{"tcp://127.example:2376", false}));
