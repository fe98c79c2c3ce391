#include "private_engine.hpp"
#include "tiny_filesystem.hpp"

#include "isolens/core/engine/container_ownership.hpp"
#include "isolens/core/recording/recording.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

using namespace isolens;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// A run whose output is read as it comes, so the test knows when a line was printed.
struct TimedRun {
    int exitCode = -1;
    std::string output;
    std::string stdoutText;
    std::optional<Clock::time_point> firstSeen; // when `watchFor` first appeared
    Clock::time_point ended;
};

TimedRun runWatching(const std::string& commandLine, const std::string& watchFor, const fs::path& stdoutFile)
{
    TimedRun run;
    FILE* pipe = popen((commandLine + " 2>&1 >" + stdoutFile.string()).c_str(), "r");
    if (!pipe)
        return run;
    std::array<char, 4096> line{};
    while (std::fgets(line.data(), static_cast<int>(line.size()), pipe)) {
        run.output += line.data();
        if (!run.firstSeen && run.output.find(watchFor) != std::string::npos)
            run.firstSeen = Clock::now();
    }
    const int status = pclose(pipe);
    run.ended = Clock::now();
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (FILE* out = std::fopen(stdoutFile.c_str(), "r")) {
        while (auto n = std::fread(line.data(), 1, line.size(), out))
            run.stdoutText.append(line.data(), n);
        std::fclose(out);
    }
    return run;
}

} // namespace

// The disk fills a few seconds into a run: the user is told at once, the pair is still measured to the
// end (both modes' samples in the summary), the containers are removed, and the run fails.
TEST(WriteFailure, ARecordingOnAFullDiskIsReportedAtOnceSamplingGoesOnAndTheRunFails)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "mounting the small tmpfs needs root; the test command runs as root";
    TinyFilesystem disk(64 * 1024);
    ASSERT_TRUE(disk.mounted()) << disk.why();
    // Room for the header and a few seconds of lines, then none.
    disk.fill(8192);
    const auto recording = disk.root() / "run.jsonl";
    const auto stdoutFile =
        fs::temp_directory_path() / ("isolens-write-failure-" + std::to_string(::getpid()));

    const auto run = runWatching(
        std::string(ISOLENS_CLI_PATH) + " --host " + privateEngine().var("ISOLENS_TEST_DOCKER_HOST") +
            " compare --image " + privateEngine().testImage() + " --cmd 'sleep 600' --runtimes runc," +
            privateEngine().secondRuntime() + " --duration 10 --json --record " + recording.string(),
        "No space left on device", stdoutFile);
    fs::remove(stdoutFile);

    EXPECT_EQ(run.exitCode, 1) << run.output;
    ASSERT_TRUE(run.firstSeen) << "the full disk was never reported:\n" << run.output;
    EXPECT_GE(run.ended - *run.firstSeen, std::chrono::seconds(3))
        << "reported only at the end, not when it happened:\n"
        << run.output;
    EXPECT_NE(run.output.find("what to do: the disk holding " + disk.root().string() +
                              " is full: free space there, or record elsewhere with --record; sampling "
                              "goes on in memory"),
              std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("the recording " + recording.string() + " is incomplete"), std::string::npos)
        << run.output;

    const auto json = nlohmann::json::parse(run.stdoutText);
    ASSERT_EQ(json["modes"].size(), 2u) << run.stdoutText;
    for (const auto& mode : json["modes"])
        EXPECT_GE(mode["mem_bytes"]["count"].get<int>(), 5) << "sampling went on after the failure: " << mode;
    EXPECT_EQ(json["recording_failure"]["kind"], "disk-full");
    EXPECT_GT(json["recording_failure"]["lines_not_written"].get<int>(), 0);

    // What was written before the disk filled is a readable recording.
    auto recorded = readRecording(recording);
    ASSERT_TRUE(recorded) << recorded.error().message;
    EXPECT_EQ(recorded.value().skippedLines, 0u);

    auto client = privateEngine().client();
    auto left = client.listContainers(
        {{"label", {std::string(kSessionLabel) + "=" + json["session"].get<std::string>()}}});
    ASSERT_TRUE(left);
    EXPECT_TRUE(left.value().empty()) << "both containers must be removed";
}

// The CSV is written at the end: on a full disk that fails, says so, leaves no half file, and fails the run.
TEST(WriteFailure, ACsvOnAFullDiskIsReportedRemovedAndTheRunFails)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "mounting the small tmpfs needs root; the test command runs as root";
    TinyFilesystem disk(64 * 1024);
    ASSERT_TRUE(disk.mounted()) << disk.why();
    disk.fill();
    const auto csv = disk.root() / "run.csv";
    const auto stdoutFile =
        fs::temp_directory_path() / ("isolens-write-failure-" + std::to_string(::getpid()));

    const auto run = runWatching(std::string(ISOLENS_CLI_PATH) + " --host " +
                                     privateEngine().var("ISOLENS_TEST_DOCKER_HOST") + " compare --image " +
                                     privateEngine().testImage() + " --cmd 'sleep 600' --runtimes runc," +
                                     privateEngine().secondRuntime() + " --duration 3 --csv " + csv.string(),
                                 "was not written", stdoutFile);
    fs::remove(stdoutFile);

    EXPECT_EQ(run.exitCode, 1) << run.output;
    EXPECT_NE(run.output.find("the CSV " + csv.string() + " was not written: Writing " + csv.string() +
                              " failed: No space left on device"),
              std::string::npos)
        << run.output;
    EXPECT_NE(run.stdoutText.find("Measured (mean over the run)"), std::string::npos)
        << "the summary is still printed:\n"
        << run.stdoutText;
    EXPECT_FALSE(fs::exists(csv)) << "no half-written CSV is left behind";
}
