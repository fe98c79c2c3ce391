#include "private_engine.hpp"
#include "run_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

// Runs isolens-cli as a user would, through the shell-free path: popen only to collect output.
namespace {

CommandRun runCli(const std::string& environment, const std::string& arguments)
{
    return runCommand("env -u DOCKER_HOST -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH "
                      "DOCKER_CONFIG=/nonexistent-isolens-config " +
                      environment + " " + ISOLENS_CLI_PATH + " " + arguments);
}

} // namespace

TEST(CliInfo, PrintsOsTypeAndNegotiatedApiVersion)
{
    auto run = runCli("", "--host " + privateEngine().var("ISOLENS_TEST_DOCKER_HOST") + " info");
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("OS type             linux"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("API version         1.41 (negotiated"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find(privateEngine().secondRuntime()), std::string::npos);
}

TEST(CliInfo, JsonFollowsTheDocumentedKeys)
{
    auto run = runCli("DOCKER_HOST=" + privateEngine().var("ISOLENS_TEST_DOCKER_HOST"), "info --json");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    auto json = nlohmann::json::parse(run.output);
    EXPECT_EQ(json["os_type"], "linux");
    EXPECT_EQ(json["api_version"], "1.41");
    EXPECT_EQ(json["endpoint_source"], "DOCKER_HOST");
    EXPECT_GT(json["cpus"].get<int>(), 0);
    EXPECT_GT(json["memory_bytes"].get<long long>(), 0);
    EXPECT_TRUE(json["runtimes"].is_array());
    EXPECT_EQ(json["host_os"]["family"], "linux");
}

TEST(CliInfo, TlsFromTheEnvironmentWorks)
{
    const auto& engine = privateEngine();
    auto run = runCli("DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=" + engine.certDir(),
                      "--host " + engine.var("ISOLENS_TEST_TLS_HOST") + " info --json");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_EQ(nlohmann::json::parse(run.output)["os_type"], "linux");
}

TEST(CliInfo, APinnedApiVersionIsShownAsPinned)
{
    auto run = runCli(
        "DOCKER_API_VERSION=1.40 DOCKER_HOST=" + privateEngine().var("ISOLENS_TEST_DOCKER_HOST"), "info");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("1.40 (pinned by DOCKER_API_VERSION)"), std::string::npos) << run.output;
}

TEST(CliErrors, NoEngineSaysWhatWasTriedAndWhatToDo)
{
    auto run = runCli("", "--host unix:///nonexistent/docker.sock info");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.output.find("Cannot connect to the Docker engine at unix:///nonexistent/docker.sock"),
              std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("what to do: Start the Docker engine"), std::string::npos) << run.output;
}

TEST(CliErrors, NoEngineWithJsonPrintsAnErrorObject)
{
    auto run = runCli("DOCKER_HOST=unix:///nonexistent/docker.sock", "info --json");
    EXPECT_EQ(run.exitCode, 1);
    auto start = run.output.find('{');
    ASSERT_NE(start, std::string::npos) << run.output;
    auto json = nlohmann::json::parse(run.output.substr(start));
    EXPECT_EQ(json["error"]["kind"], "engine-unreachable");
}

TEST(CliErrors, PlainTcpNeedsTheOptInAndWarnsWithIt)
{
    const auto tlsHost = privateEngine().var("ISOLENS_TEST_TLS_HOST");
    auto refused = runCli("", "--host " + tlsHost + " info");
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.output.find("Refusing plain"), std::string::npos) << refused.output;

    auto allowed = runCli("", "--allow-insecure-tcp --host " + tlsHost + " info");
    EXPECT_EQ(allowed.exitCode, 1); // the port speaks TLS only
    EXPECT_NE(allowed.output.find("WARNING: " + tlsHost + " is plain TCP"), std::string::npos)
        << allowed.output;
    EXPECT_NE(allowed.output.find("HTTP request to an HTTPS server"), std::string::npos) << allowed.output;
}

TEST(CliErrors, AMissingContextIsNamed)
{
    auto run = runCli("DOCKER_CONTEXT=ghost", "info");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.output.find("Docker context 'ghost' does not exist"), std::string::npos) << run.output;
}

TEST(CliErrors, HostAndContextTogetherAreRefused)
{
    auto run = runCli("", "--host unix:///x.sock --context y info");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.output.find("cannot be used together"), std::string::npos) << run.output;
}
