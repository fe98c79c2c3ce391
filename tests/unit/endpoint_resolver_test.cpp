#include "isolens/core/platform/system_text.hpp"
#include "isolens/core/transport/docker_context.hpp"
#include "isolens/core/transport/endpoint_resolver.hpp"

#include "scoped_environment.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <random>

using namespace isolens;
namespace fs = std::filesystem;

namespace {

// A docker config folder in a temporary directory, with contexts written as the docker CLI writes them.
// Named outside ASCII, as under the profile of a user named José: every resolution below goes through it.
class ConfigDir {
public:
    ConfigDir()
    {
        std::random_device random;
        path_ = fs::temp_directory_path() /
                pathFromUtf8("isolens-config-Jos\u00e9-\u30c6\u30b9\u30c8-" + std::to_string(random()));
        fs::create_directories(path_);
    }
    ~ConfigDir() { fs::remove_all(path_); }

    const fs::path& path() const { return path_; }
    std::string utf8() const { return utf8FromPath(path_); } // as an environment variable holds it

    void writeConfig(const std::string& json) const { write(path_ / "config.json", json); }

    void addContext(const std::string& name, const std::string& host, bool skipVerify = false,
                    bool withTls = false) const
    {
        const auto hash = contextDirectoryName(name);
        write(path_ / "contexts" / "meta" / hash / "meta.json",
              R"({"Name":")" + name + R"(","Metadata":{},"Endpoints":{"docker":{"Host":")" + host +
                  R"(","SkipTLSVerify":)" + (skipVerify ? "true" : "false") + "}}}");
        if (withTls) {
            const auto tls = path_ / "contexts" / "tls" / hash / "docker";
            write(tls / "ca.pem", "ca");
            write(tls / "cert.pem", "cert");
            write(tls / "key.pem", "key");
        }
    }

    static void write(const fs::path& file, const std::string& text)
    {
        fs::create_directories(file.parent_path());
        std::ofstream(file) << text;
    }

private:
    fs::path path_;
};

EnvironmentLookup fakeEnvironment(std::map<std::string, std::string> values)
{
    return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
        auto it = values.find(std::string(name));
        if (it == values.end())
            return std::nullopt;
        return it->second;
    };
}

} // namespace

TEST(ContextDirectory, IsTheSha256OfTheName)
{
    // echo -n default | sha256sum
    EXPECT_EQ(contextDirectoryName("default"),
              "37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f");
}

TEST(EndpointResolution, DefaultsToThePlatformSocket)
{
    ConfigDir config;
    auto resolved = resolveEndpoint({}, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()}}));
    ASSERT_TRUE(resolved) << resolved.error().message;
    EXPECT_EQ(resolved.value().endpoint.url, defaultHostUrl());
    EXPECT_EQ(resolved.value().source, "default");
}

TEST(EndpointResolution, HostFlagBeatsDockerHostAndContexts)
{
    ConfigDir config;
    config.addContext("remote", "unix:///from/context.sock");
    config.writeConfig(R"({"currentContext":"remote"})");
    EndpointRequest request;
    request.hostFlag = "unix:///from/flag.sock";
    auto resolved = resolveEndpoint(request, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()},
                                                              {"DOCKER_HOST", "unix:///from/env.sock"},
                                                              {"DOCKER_CONTEXT", "remote"}}));
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved.value().endpoint.address, "/from/flag.sock");
    EXPECT_EQ(resolved.value().source, "--host");
}

TEST(EndpointResolution, DockerHostBeatsDockerContext)
{
    ConfigDir config;
    config.addContext("remote", "unix:///from/context.sock");
    auto resolved = resolveEndpoint({}, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()},
                                                         {"DOCKER_HOST", "unix:///from/env.sock"},
                                                         {"DOCKER_CONTEXT", "remote"}}));
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved.value().endpoint.address, "/from/env.sock");
    EXPECT_EQ(resolved.value().source, "DOCKER_HOST");
}

TEST(EndpointResolution, DockerContextBeatsCurrentContext)
{
    ConfigDir config;
    config.addContext("first", "unix:///first.sock");
    config.addContext("second", "unix:///second.sock");
    config.writeConfig(R"({"currentContext":"first"})");
    auto resolved = resolveEndpoint(
        {}, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()}, {"DOCKER_CONTEXT", "second"}}));
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved.value().endpoint.address, "/second.sock");
    EXPECT_EQ(resolved.value().source, "context 'second'");
}

TEST(EndpointResolution, CurrentContextFromConfigJson)
{
    ConfigDir config;
    config.addContext("first", "unix:///first.sock");
    config.writeConfig(R"({"auths":{},"currentContext":"first"})");
    auto resolved = resolveEndpoint({}, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()}}));
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved.value().endpoint.address, "/first.sock");
}

TEST(EndpointResolution, ConfigDirDefaultsToDotDockerInHome)
{
    ConfigDir home;
    ConfigDir::write(home.path() / ".docker" / "config.json", R"({"currentContext":"homectx"})");
    const auto hash = contextDirectoryName("homectx");
    ConfigDir::write(home.path() / ".docker" / "contexts" / "meta" / hash / "meta.json",
                     R"({"Name":"homectx","Endpoints":{"docker":{"Host":"unix:///home.sock"}}})");
    auto resolved = resolveEndpoint({}, fakeEnvironment({{"HOME", home.utf8()}}));
    ASSERT_TRUE(resolved) << resolved.error().message;
    EXPECT_EQ(resolved.value().endpoint.address, "/home.sock");
}

TEST(EndpointResolution, ContextFlagWinsOverEverything)
{
    ConfigDir config;
    config.addContext("chosen", "unix:///chosen.sock");
    EndpointRequest request;
    request.contextFlag = "chosen";
    auto resolved = resolveEndpoint(
        request, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()}, {"DOCKER_HOST", "unix:///env.sock"}}));
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved.value().endpoint.address, "/chosen.sock");
}

TEST(EndpointResolution, HostAndContextFlagsTogetherAreRefused)
{
    EndpointRequest request;
    request.contextFlag = "x";
    request.hostFlag = "unix:///y.sock";
    auto resolved = resolveEndpoint(request, fakeEnvironment({}));
    ASSERT_FALSE(resolved);
    EXPECT_EQ(resolved.error().kind, ErrorKind::InvalidInput);
    EXPECT_NE(resolved.error().message.find("cannot be used together"), std::string::npos);
}

TEST(EndpointResolution, DefaultContextNameMeansThePlatformDefault)
{
    ConfigDir config;
    config.writeConfig(R"({"currentContext":"default"})");
    auto resolved = resolveEndpoint({}, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()}}));
    ASSERT_TRUE(resolved);
    EXPECT_EQ(resolved.value().endpoint.url, defaultHostUrl());
}

TEST(EndpointResolution, MissingContextSaysWhichAndHowToList)
{
    ConfigDir config;
    auto resolved =
        resolveEndpoint({}, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()}, {"DOCKER_CONTEXT", "ghost"}}));
    ASSERT_FALSE(resolved);
    EXPECT_EQ(resolved.error().kind, ErrorKind::InvalidEndpoint);
    EXPECT_NE(resolved.error().message.find("'ghost' does not exist"), std::string::npos);
    EXPECT_NE(resolved.error().message.find("docker context ls"), std::string::npos);
}

TEST(EndpointResolution, BrokenConfigJsonIsReported)
{
    ConfigDir config;
    config.writeConfig("{ not json");
    auto resolved = resolveEndpoint({}, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()}}));
    ASSERT_FALSE(resolved);
    EXPECT_NE(resolved.error().message.find("not valid JSON"), std::string::npos);
}

TEST(EndpointResolution, PlainTcpIsRefusedWithoutOptIn)
{
    auto resolved = resolveEndpoint({}, fakeEnvironment({{"DOCKER_HOST", "tcp://10.1.2.3:2375"}}));
    ASSERT_FALSE(resolved);
    EXPECT_EQ(resolved.error().kind, ErrorKind::InsecureEndpoint);
    EXPECT_NE(resolved.error().message.find("Refusing plain"), std::string::npos);
    EXPECT_NE(resolved.error().hint.find("--allow-insecure-tcp"), std::string::npos);
}

TEST(EndpointResolution, PlainTcpWithOptInWarnsVisibly)
{
    EndpointRequest request;
    request.allowInsecureTcp = true;
    auto resolved = resolveEndpoint(request, fakeEnvironment({{"DOCKER_HOST", "tcp://10.1.2.3:2375"}}));
    ASSERT_TRUE(resolved);
    ASSERT_EQ(resolved.value().warnings.size(), 1u);
    EXPECT_NE(resolved.value().warnings[0].find("plain TCP"), std::string::npos);
    EXPECT_FALSE(resolved.value().endpoint.tls.enabled);
}

TEST(EndpointResolution, TlsVerifyUsesCertPathFiles)
{
    ConfigDir certs;
    ConfigDir::write(certs.path() / "ca.pem", "ca");
    ConfigDir::write(certs.path() / "cert.pem", "cert");
    ConfigDir::write(certs.path() / "key.pem", "key");
    auto resolved = resolveEndpoint({}, fakeEnvironment({{"DOCKER_HOST", "tcp://engine.example"},
                                                         {"DOCKER_TLS_VERIFY", "1"},
                                                         {"DOCKER_CERT_PATH", certs.utf8()}}));
    ASSERT_TRUE(resolved) << resolved.error().message;
    const auto& tls = resolved.value().endpoint.tls;
    EXPECT_TRUE(tls.enabled);
    EXPECT_TRUE(tls.verifyPeer);
    EXPECT_EQ(tls.caFile, utf8FromPath(certs.path() / "ca.pem"));
    EXPECT_EQ(tls.certFile, utf8FromPath(certs.path() / "cert.pem"));
    EXPECT_EQ(resolved.value().endpoint.port, 2376);
    EXPECT_TRUE(resolved.value().warnings.empty());
}

TEST(EndpointResolution, CertPathAloneTurnsTlsOnAndStillVerifies)
{
    ConfigDir certs;
    auto resolved = resolveEndpoint({}, fakeEnvironment({{"DOCKER_HOST", "tcp://engine.example:2376"},
                                                         {"DOCKER_CERT_PATH", certs.utf8()}}));
    ASSERT_TRUE(resolved);
    EXPECT_TRUE(resolved.value().endpoint.tls.enabled);
    EXPECT_TRUE(resolved.value().endpoint.tls.verifyPeer);
    ASSERT_EQ(resolved.value().warnings.size(), 1u); // no ca.pem: system CAs
    EXPECT_NE(resolved.value().warnings[0].find("system's CAs"), std::string::npos);
}

TEST(EndpointResolution, ContextTlsFilesAndSkipVerify)
{
    ConfigDir config;
    config.addContext("secure", "tcp://engine.example:2376", /*skipVerify=*/true, /*withTls=*/true);
    auto resolved = resolveEndpoint(
        {}, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()}, {"DOCKER_CONTEXT", "secure"}}));
    ASSERT_TRUE(resolved) << resolved.error().message;
    const auto& tls = resolved.value().endpoint.tls;
    EXPECT_TRUE(tls.enabled);
    EXPECT_FALSE(tls.verifyPeer);
    EXPECT_NE(tls.caFile.find(contextDirectoryName("secure")), std::string::npos);
    EXPECT_TRUE(fs::is_regular_file(pathFromUtf8(tls.caFile)))
        << "the TLS library is given UTF-8: " << tls.caFile;
    ASSERT_EQ(resolved.value().warnings.size(), 1u);
    EXPECT_NE(resolved.value().warnings[0].find("verification is off"), std::string::npos);
}

TEST(EndpointResolution, ContextWithPlainTcpIsRefused)
{
    ConfigDir config;
    config.addContext("plain", "tcp://engine.example:2375");
    auto resolved =
        resolveEndpoint({}, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()}, {"DOCKER_CONTEXT", "plain"}}));
    ASSERT_FALSE(resolved);
    EXPECT_EQ(resolved.error().kind, ErrorKind::InsecureEndpoint);
    EXPECT_NE(resolved.error().message.find("context 'plain'"), std::string::npos);
}

TEST(EndpointResolution, ApiVersionIsPinnedFromTheEnvironment)
{
    auto resolved = resolveEndpoint(
        {}, fakeEnvironment({{"DOCKER_HOST", "unix:///x.sock"}, {"DOCKER_API_VERSION", "1.40"}}));
    ASSERT_TRUE(resolved);
    ASSERT_TRUE(resolved.value().pinnedApiVersion);
    EXPECT_EQ(*resolved.value().pinnedApiVersion, "1.40");
}

TEST(EndpointResolution, AContextFileOfTheWrongShapeIsAnErrorNotACrash)
{
    // Found by fuzzing: meta.json holding a number made the reader throw.
    ConfigDir config;
    ConfigDir::write(config.path() / "contexts" / "meta" / contextDirectoryName("odd") / "meta.json", "42");
    auto resolved =
        resolveEndpoint({}, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()}, {"DOCKER_CONTEXT", "odd"}}));
    ASSERT_FALSE(resolved);
    EXPECT_NE(resolved.error().message.find("has no docker endpoint Host"), std::string::npos);
}

// The process's own environment, as a user named José has it: %USERPROFILE% (Windows) or $HOME holds
// characters outside ASCII, and on Windows outside the ANSI code page too.
TEST(EndpointResolution, TheUsersDockerFolderIsFoundUnderANonAsciiProfile)
{
    ConfigDir profile;
    ConfigDir::write(profile.path() / ".docker" / "config.json", R"({"currentContext":"jose"})");
    ConfigDir::write(profile.path() / ".docker" / "contexts" / "meta" / contextDirectoryName("jose") /
                         "meta.json",
                     R"({"Name":"jose","Endpoints":{"docker":{"Host":"tcp://jose.example:2376"}}})");
    ConfigDir::write(profile.path() / ".docker" / "contexts" / "tls" / contextDirectoryName("jose") /
                         "docker" / "ca.pem",
                     "ca");
#ifdef _WIN32
    const char* kProfile = "USERPROFILE";
#else
    const char* kProfile = "HOME";
#endif
    ScopedEnvironment home(kProfile, profile.utf8());
    ScopedEnvironment config("DOCKER_CONFIG", std::nullopt);
    ScopedEnvironment host("DOCKER_HOST", std::nullopt);
    ScopedEnvironment context("DOCKER_CONTEXT", std::nullopt);
    EXPECT_EQ(dockerConfigDir(processEnvironment()), profile.path() / ".docker");
    auto resolved = resolveEndpoint({}, processEnvironment());
    ASSERT_TRUE(resolved) << resolved.error().message;
    EXPECT_EQ(resolved.value().source, "context 'jose'");
    EXPECT_EQ(resolved.value().endpoint.address, "jose.example");
    const auto& tls = resolved.value().endpoint.tls;
    EXPECT_EQ(tls.caFile, utf8FromPath(profile.path() / ".docker" / "contexts" / "tls" /
                                       contextDirectoryName("jose") / "docker" / "ca.pem"));
}

TEST(EndpointResolution, AMissingContextUnderANonAsciiFolderIsNamedInUtf8)
{
    ConfigDir config;
    config.writeConfig(R"({"currentContext":"ghost"})");
    auto resolved = resolveEndpoint({}, fakeEnvironment({{"DOCKER_CONFIG", config.utf8()}}));
    ASSERT_FALSE(resolved);
    EXPECT_NE(resolved.error().message.find(config.utf8()), std::string::npos) << resolved.error().message;
}
