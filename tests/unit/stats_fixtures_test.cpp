#include "isolens/core/stats/stats_normalizer.hpp"

#include "run_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace isolens;

namespace {

std::vector<nlohmann::json> readLines(const std::string& name)
{
    std::ifstream in(std::string(ISOLENS_TEST_DATA_DIR) + "/stats/" + name);
    std::vector<nlohmann::json> lines;
    std::string line;
    while (std::getline(in, line))
        lines.push_back(nlohmann::json::parse(line));
    return lines;
}

CommandRun runCli(const std::string& arguments)
{
    return runCommand(std::string(ISOLENS_CLI_PATH) + " " + arguments);
}

} // namespace

// Captured from docker.io 20.10 (cgroup v1); expected values worked out by hand from the same fields
// with the docker CLI's formulas.
TEST(RealLinuxSamples, NormalizeToTheDockerCliFigures)
{
    const auto lines = readLines("linux-docker-20.10.jsonl");
    ASSERT_EQ(lines.size(), 2u);
    for (const auto& line : lines)
        EXPECT_EQ(guessEngineOs(line), EngineOs::Linux) << "a Linux sample has empty storage_stats too";

    const auto busy = normalizeStats(lines[0], EngineOs::Linux);
    EXPECT_EQ(busy.name, "fx-busy");
    EXPECT_NEAR(busy.cpuPercent, 99.55964368159204, 1e-9);
    EXPECT_EQ(busy.memBytes, 573440);
    EXPECT_EQ(busy.memLimitBytes, 25276518400);
    EXPECT_EQ(busy.pids, 1);

    const auto idle = normalizeStats(lines[1], EngineOs::Linux);
    EXPECT_DOUBLE_EQ(idle.cpuPercent, 0.0);
    EXPECT_EQ(idle.memBytes, 557056);
    EXPECT_NEAR(*idle.memPercent, 0.830078125, 1e-12);
}

TEST(NormalizeCommand, ReproducesTheFiguresForLinuxAndWindowsFiles)
{
    const std::string data = std::string(ISOLENS_TEST_DATA_DIR) + "/stats/";
    auto linux = runCli("normalize " + data + "linux-docker-20.10.jsonl");
    ASSERT_EQ(linux.exitCode, 0) << linux.output;
    auto first = nlohmann::json::parse(linux.output.substr(0, linux.output.find('\n')));
    EXPECT_EQ(first["os"], "linux");
    EXPECT_NEAR(first["cpu_percent"].get<double>(), 99.55964368159204, 1e-9);
    EXPECT_EQ(first["mem_bytes"], 573440);

    auto windows = runCli("normalize --isolation hyperv " + data + "windows-documented.jsonl");
    ASSERT_EQ(windows.exitCode, 0) << windows.output;
    auto hyperv = nlohmann::json::parse(windows.output.substr(0, windows.output.find('\n')));
    EXPECT_EQ(hyperv["os"], "windows");
    EXPECT_DOUBLE_EQ(hyperv["cpu_percent"].get<double>(), 12.5);
    EXPECT_DOUBLE_EQ(hyperv["cpu_allotment_percent"].get<double>(), 100.0);
    EXPECT_EQ(hyperv["mem_bytes"], 104857600);
    EXPECT_EQ(hyperv["commit_bytes"], 268435456);
    EXPECT_EQ(hyperv["commit_peak_bytes"], 301989888);
    auto process = nlohmann::json::parse(windows.output.substr(windows.output.find('\n') + 1));
    EXPECT_DOUBLE_EQ(process["cpu_percent"].get<double>(), 1.0); // 1.6e6 of 1.6e8 possible intervals
}

TEST(NormalizeCommand, BadLinesAreReportedAndTheRestStillComesOut)
{
    const auto path = std::string(ISOLENS_TEST_DATA_DIR) + "/stats/linux-docker-20.10.jsonl";
    auto run = runCli("normalize --os linux - < " + path);
    EXPECT_EQ(run.exitCode, 0) << run.output;

    // Named outside ASCII: the command line's file is opened as it is named.
    const auto mixedPath =
        std::filesystem::temp_directory_path() / "isolens-mixed-stats-Jos\u00e9-\u30c6\u30b9\u30c8.jsonl";
    std::ofstream(mixedPath) << "{not json\n{\"read\":\"x\"}\n"
                             << readLines("linux-docker-20.10.jsonl")[0].dump() << "\n";
    auto mixed = runCli("normalize " + mixedPath.string());
    std::filesystem::remove(mixedPath);
    EXPECT_EQ(mixed.exitCode, 1);
    EXPECT_NE(mixed.output.find("line 1: not a JSON object; skipped"), std::string::npos) << mixed.output;
    EXPECT_NE(mixed.output.find("line 2: cannot tell a Linux from a Windows sample; pass --os"),
              std::string::npos);
    EXPECT_NE(mixed.output.find("\"name\":\"fx-busy\""), std::string::npos);
    EXPECT_NE(mixed.output.find("2 of 3 lines could not be normalized"), std::string::npos);
}
