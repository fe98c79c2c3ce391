#include "private_engine.hpp"
#include "run_command.hpp"

#include "isolens/core/analysis/pair_summary.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/session/pair_session.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <thread>

using namespace isolens;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

std::string cli()
{
    return std::string(ISOLENS_CLI_PATH) + " --host " + privateEngine().var("ISOLENS_TEST_DOCKER_HOST");
}

// Named outside ASCII, as a user named José's files are: --record and --csv take them as they are.
fs::path temporary(const std::string& suffix)
{
    return fs::temp_directory_path() /
           ("isolens-pair-Jos\u00e9-\u30c6\u30b9\u30c8-" + std::to_string(std::random_device{}()) + suffix);
}

// Stopped ones too: a container that exited and was not removed is left behind all the same.
std::vector<ContainerSummary> sessionContainers(const std::string& session)
{
    auto client = privateEngine().client();
    auto listed =
        client.listContainers({{"label", {std::string(kSessionLabel) + "=" + session}}}, /*all=*/true);
    EXPECT_TRUE(listed);
    return listed ? listed.value() : std::vector<ContainerSummary>{};
}

// The containers a recording says were created, and those of them the engine still has.
std::vector<std::string> createdContainers(const Recording& recording)
{
    std::vector<std::string> ids;
    for (const auto& event : recording.events)
        if (event.kind == "created")
            ids.push_back(event.detail);
    return ids;
}

std::vector<std::string> stillThere(const std::vector<std::string>& ids)
{
    auto client = privateEngine().client();
    std::vector<std::string> left;
    for (const auto& id : ids) {
        auto details = client.inspectContainer(id);
        if (details || details.error().kind != ErrorKind::ContainerNotFound)
            left.push_back(id);
    }
    return left;
}

} // namespace

TEST(PairedRun, TwoRuntimesRecordReplayToTheSameSummaryAndCleanUp)
{
    const auto recording = temporary(".jsonl");
    const auto csv = temporary(".csv");
    const auto run = runCommand(cli() + " compare --image " + privateEngine().testImage() +
                                " --cmd 'sleep 600' --workload 'ping -c 3 127.0.0.1' --runtimes runc," +
                                privateEngine().secondRuntime() + " --duration 4 --json --record " +
                                recording.string() + " --csv " + csv.string());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto json = nlohmann::json::parse(run.output.substr(run.output.find('{')));
    const std::string session = json["session"];
    ASSERT_EQ(json["modes"].size(), 2u);
    EXPECT_EQ(json["modes"][0]["runtime"], "runc");
    EXPECT_EQ(json["modes"][1]["runtime"], privateEngine().secondRuntime());
    for (const auto& mode : json["modes"]) {
        EXPECT_GE(mode["mem_bytes"]["count"].get<int>(), 2) << mode.dump();
        EXPECT_GT(mode["mem_bytes"]["mean"].get<double>(), 0.0);
        EXPECT_GT(mode["create_to_running_ms"].get<double>(), 0.0);
        EXPECT_FALSE(mode["start_to_first_sample_ms"].is_null());
    }

    // Replaying the recording gives the same summary as the live run.
    auto recorded = readRecording(recording);
    ASSERT_TRUE(recorded) << recorded.error().message;
    EXPECT_FALSE(recorded.value().truncatedTail);
    SeriesStore store;
    replayInto(recorded.value(), store);
    const auto replayed = summarizeModes(store, {json["modes"][0]["label"], json["modes"][1]["label"]});
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(replayed[i].memory.count, json["modes"][i]["mem_bytes"]["count"].get<std::size_t>());
        EXPECT_NEAR(replayed[i].memory.mean, json["modes"][i]["mem_bytes"]["mean"].get<double>(), 1.0);
        EXPECT_NEAR(replayed[i].cpu.peak, json["modes"][i]["cpu_percent"]["peak"].get<double>(), 1e-3);
    }
    std::vector<std::string> kinds;
    for (const auto& event : recorded.value().events)
        kinds.push_back(event.kind);
    for (const char* kind : {"created", "started", "workload-started", "removed"})
        EXPECT_NE(std::find(kinds.begin(), kinds.end(), kind), kinds.end()) << kind;
    // The start-up times are recorded, so a replay shows the same ones.
    for (std::size_t i = 0; i < 2; ++i) {
        const auto startup = startupFromRecording(recorded.value(), json["modes"][i]["label"]);
        ASSERT_TRUE(startup.createToRunningMillis) << i;
        EXPECT_NEAR(*startup.createToRunningMillis, json["modes"][i]["create_to_running_ms"].get<double>(),
                    0.1);
        ASSERT_TRUE(startup.startToFirstSampleMillis) << i;
        EXPECT_NEAR(*startup.startToFirstSampleMillis,
                    json["modes"][i]["start_to_first_sample_ms"].get<double>(), 0.1);
    }

    EXPECT_TRUE(fs::exists(csv));
    EXPECT_TRUE(sessionContainers(session).empty()) << "both containers must be removed afterwards";
    const auto created = createdContainers(recorded.value());
    EXPECT_EQ(created.size(), 2u);
    EXPECT_TRUE(stillThere(created).empty());

    // Exports never overwrite silently.
    const auto again =
        runCommand(cli() + " compare --image " + privateEngine().testImage() + " --runtimes runc," +
                   privateEngine().secondRuntime() + " --duration 1 --csv " + csv.string());
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_NE(again.output.find("Will not overwrite"), std::string::npos) << again.output;
    fs::remove(recording);
    fs::remove(csv);
}

TEST(PairedRun, AKilledRunLeavesOrphansThatCleanupFindsAndRemoves)
{
    const auto recording = temporary(".jsonl");
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        const auto command = cli() + " compare --image " + privateEngine().testImage() +
                             " --cmd 'sleep 600' --runtimes runc," + privateEngine().secondRuntime() +
                             " --duration 60 --record " + recording.string() + " >/dev/null 2>&1";
        execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    // Wait for both containers and a few samples, then kill without warning.
    std::string session;
    for (int i = 0; i < 100 && session.empty(); ++i) {
        std::this_thread::sleep_for(100ms);
        auto client = privateEngine().client();
        auto listed =
            client.listContainers({{"label", {std::string(kOwnerPidLabel) + "=" + std::to_string(child)}}});
        if (listed && listed.value().size() == 2)
            session = listed.value()[0].labels.at(kSessionLabel);
    }
    ASSERT_FALSE(session.empty()) << "the compare run did not start its pair";
    std::this_thread::sleep_for(2500ms);
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    const auto killedAt = std::chrono::system_clock::now();

    auto recorded = readRecording(recording);
    ASSERT_TRUE(recorded) << recorded.error().message;
    ASSERT_FALSE(recorded.value().samples.empty());
    const auto lastSample = std::chrono::system_clock::time_point(
        std::chrono::nanoseconds(recorded.value().samples.back().second.timeNanos));
    EXPECT_LT(killedAt - lastSample, 2s) << "the recording must hold what came before the kill";

    ASSERT_EQ(sessionContainers(session).size(), 2u);
    const auto listed = runCommand(cli() + " cleanup --json");
    ASSERT_EQ(listed.exitCode, 0) << listed.output;
    int found = 0;
    const auto orphans = nlohmann::json::parse(listed.output); // kept: the loop must not run over a temporary
    for (const auto& orphan : orphans["orphans"])
        if (orphan["session"] == session) {
            ++found;
            EXPECT_NE(orphan["reason"].get<std::string>().find("is gone"), std::string::npos);
            EXPECT_EQ(orphan["action"], "kept (pass --yes to remove)");
        }
    EXPECT_EQ(found, 2) << listed.output;
    EXPECT_EQ(sessionContainers(session).size(), 2u) << "listing must not remove anything";

    const auto removed = runCommand(cli() + " cleanup --yes");
    EXPECT_EQ(removed.exitCode, 0) << removed.output;
    EXPECT_TRUE(sessionContainers(session).empty());
    fs::remove(recording);
}

TEST(PairedRun, ModesTheEngineDoesNotOfferAreNamed)
{
    const auto run = runCommand(cli() + " compare --image " + privateEngine().testImage() +
                                " --modes hyperv,process --duration 1");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.output.find("This linux engine has no mode 'hyperv'; it offers:"), std::string::npos)
        << run.output;
}

TEST(GroupedRun, TwoSetsOfRunningContainersAreSummedPerSet)
{
    auto client = privateEngine().client();
    const auto label = "isolens-test-group-" + std::to_string(std::random_device{}() % 100000);
    std::vector<std::string> ids;
    for (const char* group : {"big", "big", "small"}) {
        ContainerSpec spec;
        spec.image = privateEngine().testImage();
        spec.command = {"sleep", "600"};
        spec.labels = {{label, group}};
        auto created = client.createContainer(spec);
        ASSERT_TRUE(created) << created.error().describe();
        ids.push_back(created.value().id);
        ASSERT_TRUE(client.startContainer(created.value().id));
    }
    const auto run = runCommand(cli() + " compare --groups " + label + "=big,small --duration 4 --json");
    for (const auto& id : ids)
        (void)client.removeContainer(id);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("big: 2 containers"), std::string::npos) << run.output;
    const auto json = nlohmann::json::parse(run.output.substr(run.output.find('{')));
    ASSERT_EQ(json["modes"].size(), 2u);
    const double big = json["modes"][0]["mem_bytes"]["mean"];
    const double small = json["modes"][1]["mem_bytes"]["mean"];
    EXPECT_GE(json["modes"][0]["mem_bytes"]["count"].get<int>(), 2);
    EXPECT_GT(small, 0.0);
    // Two sleeping containers against one: about twice the memory, though a fresh container's first
    // samples carry more memory than later ones, so the ratio wanders (1.7 to 2.7 seen here). Groups
    // are only summed once every member has reported, so a slow start cannot halve the figure.
    EXPECT_GT(big, small * 1.3) << "the sum of two members must show";
    EXPECT_LT(big, small * 4.0);

    const auto missing = runCommand(cli() + " compare --groups " + label + "=big,nothing --duration 1");
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.output.find("No running container has the label " + label + "=big"), std::string::npos)
        << missing.output; // the containers above are gone already
}

TEST(PairedRun, AQuotedShellCommandRunsInBothModes)
{
    // As a user types it into a shell: the single quotes keep the loop one word for sh -c.
    const auto run = runCommand(cli() + " compare --image " + privateEngine().testImage() +
                                " --cmd \"sh -c 'while true; do sleep 1; done'\" --runtimes runc," +
                                privateEngine().secondRuntime() + " --duration 4 --json");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_EQ(run.output.find("the container exited"), std::string::npos) << run.output;
    const auto json = nlohmann::json::parse(run.output.substr(run.output.find('{')));
    for (const auto& mode : json["modes"]) {
        EXPECT_GE(mode["mem_bytes"]["count"].get<int>(), 2) << mode.dump();
        EXPECT_TRUE(mode["exited"].is_null()) << mode.dump();
    }
}

TEST(PairedRun, AnExecFormCommandIsTakenAsIs)
{
    const auto run = runCommand(cli() + " compare --image " + privateEngine().testImage() +
                                " --cmd '[\"sh\",\"-c\",\"while true; do sleep 1; done\"]' --runtimes runc," +
                                privateEngine().secondRuntime() + " --duration 3 --json");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto json = nlohmann::json::parse(run.output.substr(run.output.find('{')));
    for (const auto& mode : json["modes"])
        EXPECT_GE(mode["mem_bytes"]["count"].get<int>(), 1) << mode.dump();
}

TEST(PairedRun, AnUnterminatedQuoteIsRefusedBeforeAnythingStarts)
{
    const auto run = runCommand(cli() + " compare --image " + privateEngine().testImage() +
                                " --cmd \"sh -c 'while true\" --duration 3");
    EXPECT_EQ(run.exitCode, 1) << run.output;
    EXPECT_NE(run.output.find("--cmd: The command has an unterminated ' quote"), std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("JSON array"), std::string::npos) << run.output;
    EXPECT_EQ(run.output.find("session "), std::string::npos) << "nothing was started:\n" << run.output;
}

TEST(PairedRun, AContainerThatExitsAtOnceIsReportedPerModeNotAsAnOutage)
{
    const auto recording = temporary(".jsonl");
    const auto started = std::chrono::steady_clock::now();
    const auto run = runCommand(cli() + " compare --image " + privateEngine().testImage() +
                                " --cmd \"sh -c 'echo starting; echo \\\"no such file\\\" >&2; exit 3'\"" +
                                " --runtimes runc," + privateEngine().secondRuntime() +
                                " --duration 30 --record " + recording.string());
    const auto took = std::chrono::steady_clock::now() - started;
    auto recorded = readRecording(recording);
    ASSERT_TRUE(recorded) << recorded.error().message;
    // The engine samples once a second: a container that lives for milliseconds is almost never
    // sampled, but may be. Each mode the recording holds no sample of must be named, and fail the run.
    bool anUnmeasuredMode = false;
    for (const auto& mode : {std::string("runc"), privateEngine().secondRuntime()}) {
        EXPECT_NE(run.output.find(mode + ": the container exited with code 3 after "), std::string::npos)
            << mode << ":\n"
            << run.output;
        const bool sampled = std::any_of(recorded.value().samples.begin(), recorded.value().samples.end(),
                                         [&](const auto& sample) { return sample.first == mode; });
        anUnmeasuredMode |= !sampled;
        EXPECT_EQ(run.output.find(mode + " recorded no sample: its container exited with code 3") !=
                      std::string::npos,
                  !sampled)
            << mode << ":\n"
            << run.output;
    }
    EXPECT_EQ(run.exitCode, anUnmeasuredMode ? 1 : 0) << "a mode without samples fails the run:\n"
                                                      << run.output;
    // stdout and stderr come in the order the engine's log driver kept them.
    EXPECT_NE(run.output.find("its last output:\n  "), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("\n  starting\n"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("\n  no such file\n"), std::string::npos) << run.output;
    EXPECT_EQ(run.output.find("used no memory"), std::string::npos) << "nothing measured is no figure:\n"
                                                                    << run.output;
    EXPECT_EQ(run.output.find("if the engine stopped"), std::string::npos) << "not an outage:\n"
                                                                           << run.output;
    EXPECT_NE(run.output.find("both containers have exited"), std::string::npos) << run.output;
    EXPECT_LT(took, 20s) << "the comparison ends once both containers are gone";

    int exits = 0;
    for (const auto& event : recorded.value().events) {
        EXPECT_NE(event.kind, "gap") << "an exit is not a gap in sampling";
        if (event.kind != "exited")
            continue;
        ++exits;
        EXPECT_EQ(event.data.value("exit_code", -1), 3) << event.data.dump();
        auto output = event.data["output"].get<std::vector<std::string>>();
        std::sort(output.begin(), output.end());
        EXPECT_EQ(output, (std::vector<std::string>{"no such file", "starting"})) << event.data.dump();
        EXPECT_GE(event.data.value("ran_seconds", -1.0), 0.0) << event.data.dump();
    }
    EXPECT_EQ(exits, 2);
    // The run failed (a mode without samples) or not: both exited containers are removed all the same.
    const auto created = createdContainers(recorded.value());
    EXPECT_EQ(created.size(), 2u);
    EXPECT_TRUE(stillThere(created).empty()) << "an exited container was left behind";
    fs::remove(recording);
}
