#include "private_engine.hpp"

#include "isolens/core/engine/container_ownership.hpp"
#include "isolens/core/transport/http_transport.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace isolens;
using namespace std::chrono_literals;

namespace {

// isolens-cli as a child of its own (its pid is the owner label of the containers it starts), with
// stdout and stderr on one pipe that the test reads.
std::vector<std::string> compareArguments(const std::string& image)
{
    return {"compare",
            "--image",
            image,
            "--cmd",
            "sleep 600",
            "--runtimes",
            "runc," + privateEngine().secondRuntime(),
            "--duration",
            "60"};
}

struct CliRun {
    pid_t pid = -1;
    int output = -1;
    std::string seen;

    explicit CliRun(const std::vector<std::string>& command)
    {
        int fds[2];
        if (pipe(fds) != 0)
            return;
        std::vector<std::string> args{ISOLENS_CLI_PATH, "--host",
                                      privateEngine().var("ISOLENS_TEST_DOCKER_HOST")};
        args.insert(args.end(), command.begin(), command.end());
        std::vector<char*> argv;
        for (const auto& arg : args)
            argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        pid = fork();
        if (pid == 0) {
            dup2(fds[1], STDOUT_FILENO);
            dup2(fds[1], STDERR_FILENO);
            close(fds[0]);
            close(fds[1]);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(fds[1]);
        output = fds[0];
        ownerPid = pid;
    }
    CliRun(const CliRun&) = delete;
    CliRun& operator=(const CliRun&) = delete;
    ~CliRun()
    {
        closeOutput();
        if (pid > 0 && waitpid(pid, nullptr, WNOHANG) == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
        // A failed test leaves nothing behind.
        auto client = privateEngine().client();
        if (auto left = containers())
            for (const auto& container : *left)
                (void)client.removeContainer(container.id, /*force=*/true);
    }

    void closeOutput()
    {
        if (output >= 0)
            close(output);
        output = -1;
    }

    // Reads the output until it holds the text; false at the end of the output or after the timeout.
    bool waitFor(const std::string& text, std::chrono::milliseconds timeout)
    {
        const auto until = std::chrono::steady_clock::now() + timeout;
        while (seen.find(text) == std::string::npos) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                until - std::chrono::steady_clock::now());
            if (left <= 0ms)
                return false;
            pollfd ready{output, POLLIN, 0};
            if (poll(&ready, 1, static_cast<int>(left.count())) <= 0)
                continue;
            char buffer[4096];
            const auto got = read(output, buffer, sizeof buffer);
            if (got <= 0)
                return false;
            seen.append(buffer, static_cast<std::size_t>(got));
        }
        return true;
    }

    // The exit code, or nothing if the process is still running after the timeout.
    std::optional<int> exitWithin(std::chrono::milliseconds timeout)
    {
        const auto until = std::chrono::steady_clock::now() + timeout;
        do {
            int status = 0;
            if (waitpid(pid, &status, WNOHANG) == pid) {
                pid = -1;
                if (WIFSIGNALED(status)) {
                    killedBy = WTERMSIG(status);
                    return 128 + killedBy;
                }
                return WEXITSTATUS(status);
            }
            std::this_thread::sleep_for(10ms);
        } while (std::chrono::steady_clock::now() < until);
        return std::nullopt;
    }

    std::string drained()
    {
        if (output >= 0)
            waitFor("\x01never", 200ms);
        return seen;
    }

    std::optional<std::vector<ContainerSummary>> containers() const
    {
        auto client = privateEngine().client();
        auto listed = client.listContainers(
            {{"label", {std::string(kOwnerPidLabel) + "=" + std::to_string(ownerPid)}}}, /*all=*/true);
        if (!listed)
            return std::nullopt;
        return listed.value();
    }

    pid_t ownerPid = -1;
    int killedBy = 0; // the signal that ended the process, if one did
};

void removeImage(const std::string& reference)
{
    (void)sendRequest(privateEngine().unixEndpoint(),
                      HttpRequest{HttpMethod::Delete, "/images/" + reference + "?force=1", std::nullopt});
}

void expectNoContainers(const CliRun& run)
{
    const auto left = run.containers();
    ASSERT_TRUE(left);
    EXPECT_TRUE(left->empty()) << left->size() << " containers of the run are still there";
}

} // namespace

TEST(Interrupts, CtrlCDuringThePullEndsTheRunBeforeAnyContainerIsCreated)
{
    const auto image = privateEngine().registry() + "/isolens/layered:1.0"; // not local: it is pulled
    removeImage(image);
    CliRun run(compareArguments(image));
    ASSERT_GT(run.pid, 0);
    ASSERT_TRUE(run.waitFor("pulling " + image, 30s)) << run.seen;
    kill(run.pid, SIGINT);
    const auto code = run.exitWithin(1s);
    ASSERT_TRUE(code) << "Ctrl+C during the pull did not end the run within a second:\n" << run.seen;
    EXPECT_EQ(*code, 130) << run.drained();
    EXPECT_EQ(run.drained().find("running after"), std::string::npos)
        << "the pair was started after Ctrl+C:\n"
        << run.seen;
    expectNoContainers(run);
    removeImage(image);
}

TEST(Interrupts, CtrlCDuringTheStartRemovesWhatWasCreated)
{
    CliRun run(compareArguments(privateEngine().testImage()));
    ASSERT_GT(run.pid, 0);
    ASSERT_TRUE(run.waitFor("running after", 30s)) << run.seen;
    kill(run.pid, SIGINT);
    // Both containers are removed at once: 0.15-0.31 s once both run (ASan included). Caught between the
    // two starts, under ASan, the engine's own create and start of the second took the run to 1.8 s once.
    const auto code = run.exitWithin(2s);
    ASSERT_TRUE(code) << "Ctrl+C during the start did not end the run within 2 s:\n" << run.seen;
    EXPECT_EQ(*code, 130) << run.drained();
    expectNoContainers(run);
}

TEST(Interrupts, AClosedTerminalRemovesThePair)
{
    CliRun run(compareArguments(privateEngine().testImage()));
    ASSERT_GT(run.pid, 0);
    ASSERT_TRUE(run.waitFor("running after", 30s)) << run.seen;
    ASSERT_TRUE(run.waitFor("watching for", 10s)) << run.seen;
    kill(run.pid, SIGHUP);
    const auto code = run.exitWithin(2s);
    ASSERT_TRUE(code) << "SIGHUP did not end the run:\n" << run.seen;
    EXPECT_EQ(*code, 128 + SIGHUP) << run.drained();
    expectNoContainers(run);
}

TEST(Interrupts, AClosedPipeRemovesThePair)
{
    CliRun run(compareArguments(privateEngine().testImage()));
    ASSERT_GT(run.pid, 0);
    ASSERT_TRUE(run.waitFor("running after", 30s)) << run.seen;
    run.closeOutput(); // like `| head -c 1`: the next line written meets a closed pipe
    const auto code = run.exitWithin(5s);
    ASSERT_TRUE(code) << "a closed pipe did not end the run";
    EXPECT_EQ(run.killedBy, 0) << "a closed pipe killed the run, leaving its pair";
    expectNoContainers(run);
}

// Every run ends the same way on every interrupt: stats and a groups comparison too, which had handlers
// of their own (a closed terminal killed stats outright, so a Windows console's close did too).
TEST(Interrupts, StatsEndsCleanlyWhenItsTerminalCloses)
{
    CliRun run({"stats"});
    ASSERT_TRUE(run.waitFor("CONTAINER ID", 20s)) << run.drained();
    kill(run.pid, SIGHUP);
    const auto code = run.exitWithin(10s);
    ASSERT_TRUE(code) << "SIGHUP did not end stats:\n" << run.seen;
    EXPECT_EQ(run.killedBy, 0) << "stats was killed by the signal instead of ending its run";
    EXPECT_EQ(*code, 0) << run.drained();
}

TEST(Interrupts, AGroupsComparisonEndsOnSigtermWithItsSummary)
{
    // One running container in each group, removed at the end whatever happens.
    auto client = privateEngine().client();
    std::vector<std::string> members;
    struct RemoveMembers {
        EngineClient& client;
        std::vector<std::string>& ids;
        ~RemoveMembers()
        {
            for (const auto& id : ids)
                (void)client.removeContainer(id, /*force=*/true);
        }
    } removeMembers{client, members};
    for (const char* group : {"interrupt-a", "interrupt-b"}) {
        ContainerSpec spec;
        spec.image = privateEngine().testImage();
        spec.command = {"sleep", "600"};
        spec.labels = {{"isolens.test", "interrupt"}, {"isolens.test.group", group}};
        auto created = client.createContainer(spec);
        ASSERT_TRUE(created) << created.error().describe();
        members.push_back(created.value().id);
        ASSERT_TRUE(client.startContainer(created.value().id));
    }
    CliRun run({"compare", "--groups", "isolens.test.group=interrupt-a,interrupt-b", "--duration", "60"});
    ASSERT_TRUE(run.waitFor("interrupt-b: 1 containers", 20s)) << run.drained();
    std::this_thread::sleep_for(1500ms); // into the sampling loop
    kill(run.pid, SIGTERM);
    const auto code = run.exitWithin(10s);
    ASSERT_TRUE(code) << "SIGTERM did not end the groups comparison:\n" << run.seen;
    EXPECT_EQ(run.killedBy, 0) << "killed by the signal instead of ending its run";
    EXPECT_EQ(*code, 128 + SIGTERM);
    EXPECT_NE(run.drained().find("isolens.test.group groups"), std::string::npos) << run.seen;
}

// Ctrl+C in a batch stops the running pair and removes it, and the table so far is shown: the rows
// measured before it keep their figures, the running one is cancelled, the rest did not run.
TEST(Interrupts, CtrlCDuringABatchRemovesTheRunningPairAndShowsTheRowsSoFar)
{
    const auto folder =
        std::filesystem::temp_directory_path() / ("isolens-batch-interrupt-" + std::to_string(getpid()));
    CliRun run(
        {"compare", "--images",
         privateEngine().testImage() + "," + privateEngine().testImage() + "," + privateEngine().testImage(),
         "--cmd", "sleep 600", "--runtimes", "runc," + privateEngine().secondRuntime(), "--duration", "2",
         "--record-dir", folder.string()});
    ASSERT_GT(run.pid, 0);
    ASSERT_TRUE(run.waitFor("[2/3]", 30s)) << run.seen;
    ASSERT_TRUE(run.waitFor("watching for", 15s)) << run.seen;
    kill(run.pid, SIGINT);
    const auto code = run.exitWithin(10s);
    ASSERT_TRUE(code) << "SIGINT did not end the batch:\n" << run.seen;
    EXPECT_EQ(*code, 128 + SIGINT) << run.drained();
    const auto output = run.drained();
    EXPECT_NE(output.find("measured"), std::string::npos) << output;
    EXPECT_NE(output.find("cancelled"), std::string::npos) << output;
    EXPECT_NE(output.find("not run"), std::string::npos) << output;
    EXPECT_NE(output.find("The batch was interrupted"), std::string::npos) << output;
    expectNoContainers(run);
    std::size_t recordings = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        recordings += entry.path().extension() == ".jsonl";
    EXPECT_EQ(recordings, 2u) << "the measured run's and the cancelled run's recordings are kept";
    std::filesystem::remove_all(folder);
}
