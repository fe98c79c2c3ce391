#include "private_engine.hpp"
#include "run_command.hpp"

#include "isolens/core/engine/container_ownership.hpp"
#include "isolens/core/recording/recording.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>

// Hardened pairs against a real engine: what the engine was asked for (inspect), and what it did
// (inside the containers, and the engine's own process count).
using namespace isolens;
namespace fs = std::filesystem;

namespace {

std::string cli()
{
    return std::string(ISOLENS_CLI_PATH) + " --host " + privateEngine().var("ISOLENS_TEST_DOCKER_HOST");
}

std::string pairOptions()
{
    return " compare --image " + privateEngine().testImage() + " --runtimes runc," +
           privateEngine().secondRuntime() + " --keep";
}

std::vector<ContainerSummary> sessionContainers(EngineClient& client, const std::string& session)
{
    auto listed = client.listContainers({{"label", {std::string(kSessionLabel) + "=" + session}}}, true);
    EXPECT_TRUE(listed) << listed.error().describe();
    return listed ? listed.value() : std::vector<ContainerSummary>{};
}

void removeAll(EngineClient& client, const std::vector<ContainerSummary>& containers)
{
    for (const auto& container : containers)
        (void)client.removeContainer(container.id, /*force=*/true);
}

} // namespace

TEST(HardenedPair, BothContainersAreHardenedAndTheEngineHoldsThemToIt)
{
    constexpr int kLimit = 40;
    const auto recording =
        fs::temp_directory_path() / ("isolens-hardened-" + std::to_string(std::random_device{}()) + ".jsonl");
    // Says what it sees, then asks for 300 processes: the limit refuses the rest (the subshell stops at
    // the first refusal); exec keeps the container running without another process.
    const auto run =
        runCommand(cli() + pairOptions() +
                   " --cmd \"sh -c 'echo net: \\$(ls /sys/class/net); grep NoNewPrivs /proc/self/status; "
                   "(for i in \\$(seq 300); do sleep 600 & done); exec sleep 600'\"" +
                   " --hardened --pids-limit " + std::to_string(kLimit) + " --duration 5 --json --record " +
                   recording.string());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto json = nlohmann::json::parse(run.output.substr(run.output.find('{')));
    auto client = privateEngine().client();
    const auto containers = sessionContainers(client, json["session"]);
    ASSERT_EQ(containers.size(), 2u) << run.output;

    EXPECT_EQ(json["hardening"]["pids_limit"], kLimit) << json.dump();
    EXPECT_NE(run.output.find("hardened: no network, at most 40 processes, no new privileges — this changes "
                              "what is measured"),
              std::string::npos)
        << run.output;
    auto recorded = readRecording(recording);
    ASSERT_TRUE(recorded) << recorded.error().message;
    const auto& header = recorded.value().header["hardening"];
    EXPECT_EQ(header["no_network"], true) << header.dump();
    EXPECT_EQ(header["pids_limit"], kLimit) << header.dump();
    EXPECT_EQ(header["no_new_privileges"], true) << header.dump();
    EXPECT_EQ(header["description"], "no network, at most 40 processes, no new privileges");

    // The engine's own count of each container's processes never passed the limit, and reached it.
    std::map<std::string, std::int64_t> mostProcesses;
    for (const auto& [mode, sample] : recorded.value().samples)
        if (sample.pids)
            mostProcesses[mode] = std::max(mostProcesses[mode], *sample.pids);
    for (const auto& mode : {std::string("runc"), privateEngine().secondRuntime()}) {
        ASSERT_TRUE(mostProcesses.count(mode)) << mode << ": no process count recorded";
        EXPECT_LE(mostProcesses[mode], kLimit) << mode;
        EXPECT_GE(mostProcesses[mode], kLimit - 5) << mode << ": the 300 asked for should reach the limit";
    }

    for (const auto& container : containers) {
        auto details = client.inspectContainer(container.id);
        ASSERT_TRUE(details) << details.error().describe();
        EXPECT_EQ(details.value().networkMode, "none") << container.name;
        EXPECT_EQ(details.value().pidsLimit, kLimit) << container.name;
        EXPECT_EQ(details.value().securityOptions, std::vector<std::string>{"no-new-privileges"})
            << container.name;
        auto logs = client.containerLogs(container.id, 20);
        ASSERT_TRUE(logs) << logs.error().describe();
        EXPECT_NE(logs.value().out.find("net: lo\n"), std::string::npos)
            << container.name << ": only a loopback interface\n"
            << logs.value().out;
        EXPECT_NE(logs.value().out.find("NoNewPrivs:\t1"), std::string::npos) << container.name << "\n"
                                                                              << logs.value().out;
        EXPECT_NE(logs.value().err.find("can't fork"), std::string::npos) << container.name << "\n"
                                                                          << logs.value().err;
    }
    removeAll(client, containers);
    fs::remove(recording);
}

TEST(HardenedPair, AFinerOptionAppliesOnlyItsPartAndTheSummarySaysSo)
{
    const auto run = runCommand(cli() + pairOptions() + " --cmd 'sleep 600' --network none --duration 3");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("\nhardened: no network — this changes what is measured: no network traffic"),
              std::string::npos)
        << run.output;
    EXPECT_EQ(run.output.find("processes"), std::string::npos) << run.output;
    const auto at = run.output.find("session ");
    ASSERT_NE(at, std::string::npos) << run.output;
    auto client = privateEngine().client();
    const auto containers = sessionContainers(client, run.output.substr(at + 8, 8));
    ASSERT_EQ(containers.size(), 2u) << run.output;
    for (const auto& container : containers) {
        auto details = client.inspectContainer(container.id);
        ASSERT_TRUE(details) << details.error().describe();
        EXPECT_EQ(details.value().networkMode, "none") << container.name;
        EXPECT_EQ(details.value().pidsLimit, 0) << container.name;
        EXPECT_TRUE(details.value().securityOptions.empty()) << container.name;
    }
    removeAll(client, containers);
}

TEST(HardenedPair, AnUnhardenedPairIsNotCalledHardened)
{
    const auto run = runCommand(cli() + pairOptions() + " --cmd 'sleep 600' --duration 2 --json");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto json = nlohmann::json::parse(run.output.substr(run.output.find('{')));
    EXPECT_TRUE(json["hardening"].is_null()) << json.dump();
    EXPECT_EQ(run.output.find("hardened:"), std::string::npos) << run.output;
    auto client = privateEngine().client();
    const auto containers = sessionContainers(client, json["session"]);
    for (const auto& container : containers) {
        auto details = client.inspectContainer(container.id);
        ASSERT_TRUE(details) << details.error().describe();
        EXPECT_NE(details.value().networkMode, "none") << container.name;
    }
    removeAll(client, containers);
}
