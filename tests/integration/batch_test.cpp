#include "private_engine.hpp"
#include "run_command.hpp"

#include "isolens/core/batch/recorded_pair.hpp"
#include "isolens/core/engine/container_ownership.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/report/html_text.hpp"
#include "isolens/core/transport/http_transport.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace isolens;
namespace fs = std::filesystem;

namespace {

std::string cli()
{
    return std::string(ISOLENS_CLI_PATH) + " --host " + privateEngine().var("ISOLENS_TEST_DOCKER_HOST");
}

struct Folder {
    fs::path path =
        fs::temp_directory_path() / ("isolens-batch-test-" + std::to_string(std::random_device{}()));
    ~Folder() { fs::remove_all(path); }
};

// Pulled by the batch itself: the local copies of the batch tags are removed first.
void removeLocalTags()
{
    for (const auto* tag : {"a", "b", "c"})
        (void)sendRequest(privateEngine().unixEndpoint(),
                          HttpRequest{HttpMethod::Delete,
                                      "/images/" + privateEngine().batchImage(tag) + "?force=1",
                                      std::nullopt});
}

std::vector<std::string> createdContainers(const fs::path& recording)
{
    auto read = readRecording(recording);
    EXPECT_TRUE(read) << recording;
    std::vector<std::string> ids;
    if (read)
        for (const auto& event : read.value().events)
            if (event.kind == EventKind::Created)
                ids.push_back(event.detail);
    return ids;
}

void expectRemoved(const std::vector<std::string>& ids)
{
    auto client = privateEngine().client();
    for (const auto& id : ids) {
        auto details = client.inspectContainer(id);
        EXPECT_TRUE(!details && details.error().kind == ErrorKind::ContainerNotFound)
            << id << " is still there";
    }
}

void expectFiguresOf(const nlohmann::json& figures, const PairFigures& recorded)
{
    for (std::size_t side = 0; side < 2; ++side) {
        const auto& out = figures["sides"][side];
        EXPECT_EQ(out["label"], recorded.sides[side].label);
        EXPECT_EQ(out["mem_bytes"]["count"], recorded.sides[side].memory.count);
        EXPECT_GE(recorded.sides[side].memory.count, 1u);
        EXPECT_NEAR(out["mem_bytes"]["mean"].get<double>(), recorded.sides[side].memory.mean, 1.0);
        EXPECT_NEAR(out["cpu_percent"]["p95"].get<double>(), recorded.sides[side].cpu.p95, 1e-9);
    }
}

} // namespace

// The published table's shape from one command: three images, a row each, and every row's figures are
// its recording's summary.
TEST(Batch, ThreeImagesGiveThreeRowsEqualToTheirRecordings)
{
    removeLocalTags();
    Folder folder;
    const auto images = privateEngine().batchImage("a") + "," + privateEngine().batchImage("b") + "," +
                        privateEngine().batchImage("c");
    const auto run = runCommand(cli() + " compare --images " + images + " --runtimes runc," +
                                privateEngine().secondRuntime() +
                                " --cmd 'sleep 600' --workload 'dd if=/dev/zero of=/dev/null bs=1M count=200'"
                                " --memory 64m --duration 2 --json --record-dir " +
                                folder.path.string() + " --report " + (folder.path / "report.html").string());
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto json = nlohmann::json::parse(run.output.substr(run.output.find("{\n")));
    EXPECT_EQ(json["modes"], (nlohmann::json{"runc", privateEngine().secondRuntime()}));
    ASSERT_EQ(json["rows"].size(), 3u) << json.dump(2);
    for (std::size_t row = 0; row < 3; ++row) {
        SCOPED_TRACE(row);
        const auto& out = json["rows"][row];
        EXPECT_EQ(out["image"], privateEngine().batchImage(std::string(1, static_cast<char>('a' + row))));
        EXPECT_EQ(out["status"], "measured");
        EXPECT_EQ(out["memory_bytes"], 64 << 20);
        ASSERT_EQ(out["runs"].size(), 1u);
        const fs::path recording = out["runs"][0]["recording"].get<std::string>();
        EXPECT_EQ(recording.parent_path(), folder.path);
        const auto recorded = readRecordedPair(recording);
        ASSERT_TRUE(recorded) << recorded.error().message;
        expectFiguresOf(out["runs"][0]["figures"], recorded.value().figures);
        EXPECT_EQ(out["spread"]["sides"][0]["mem_bytes_mean"]["median"].get<double>(),
                  out["runs"][0]["figures"]["sides"][0]["mem_bytes"]["mean"].get<double>());
        // The limit reached the containers (docker stats' limit) and the recording's header.
        EXPECT_EQ(recorded.value().header.limits.memoryBytes, 64 << 20);
        EXPECT_NE(std::find(recorded.value().header.invocation.begin(),
                            recorded.value().header.invocation.end(), "--images"),
                  recorded.value().header.invocation.end());
        std::int64_t limit = 0;
        RecordingVisitor pairSamples; // the host's samples are in the recording too
        pairSamples.sample = [&](const std::string& mode, StatsSample&& s) {
            if (mode == "runc")
                limit = s.memLimitBytes;
        };
        (void)visitRecording(recording, pairSamples);
        EXPECT_EQ(limit, 64 << 20);
        expectRemoved(createdContainers(recording));
    }
    std::size_t recordings = 0;
    for (const auto& entry : fs::directory_iterator(folder.path))
        recordings += entry.path().extension() == ".jsonl";
    EXPECT_EQ(recordings, 3u);
    // The report names every image and asks for nothing from elsewhere.
    std::ifstream in(folder.path / "report.html");
    const std::string report((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(json["report"], (folder.path / "report.html").string());
    for (const auto* tag : {"a", "b", "c"})
        EXPECT_NE(report.find(htmlText(privateEngine().batchImage(tag))), std::string::npos) << tag;
    EXPECT_EQ(report.find("http"), std::string::npos);
    EXPECT_NE(report.find("<svg"), std::string::npos);
}

// Repeats give each figure's spread, and an image that cannot be pulled gets its row and reason while
// the batch goes on.
TEST(Batch, RepeatsGiveASpreadAndAFailingRowDoesNotStopTheBatch)
{
    Folder folder;
    const auto csv = folder.path / "table.csv";
    fs::create_directories(folder.path);
    const auto run =
        runCommand(cli() + " compare --images " + privateEngine().foreignImage() + "," +
                   privateEngine().testImage() + " --runtimes runc," + privateEngine().secondRuntime() +
                   " --cmd 'sleep 600' --repeat 2 --duration 2 --record-dir " + folder.path.string() +
                   " --table-csv " + csv.string());
    EXPECT_EQ(run.exitCode, 1) << run.output;
    EXPECT_NE(run.output.find("no matching manifest"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("Spread over the runs (min / median / max)"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("Published reference (not measured here)"), std::string::npos);

    std::ifstream in(csv);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    ASSERT_EQ(lines.size(), 3u) << run.output;
    EXPECT_EQ(lines[1].rfind(privateEngine().foreignImage() + ",failed,no matching manifest", 0), 0u)
        << lines[1];
    EXPECT_EQ(lines[2].rfind(privateEngine().testImage() + ",measured,,2,2,", 0), 0u) << lines[2];

    // The measured row's spread, from its two recordings.
    std::vector<double> means;
    for (const auto& entry : fs::directory_iterator(folder.path))
        if (entry.path().filename().string().rfind("02-", 0) == 0) {
            const auto recorded = readRecordedPair(entry.path());
            ASSERT_TRUE(recorded);
            means.push_back(recorded.value().figures.sides[0].memory.mean);
            expectRemoved(createdContainers(entry.path()));
        }
    ASSERT_EQ(means.size(), 2u);
    const auto cells = [&] {
        std::vector<std::string> out;
        std::stringstream row(lines[2]);
        for (std::string cell; std::getline(row, cell, ',');)
            out.push_back(cell);
        return out;
    }();
    // image,status,reason,runs,measured,diff median,min,max, runc mem median,min,max
    ASSERT_GE(cells.size(), 11u);
    EXPECT_NEAR(std::stod(cells[8]), (means[0] + means[1]) / 2, 1.0) << "the median of two is their mean";
    EXPECT_NEAR(std::stod(cells[9]), std::min(means[0], means[1]), 1.0);
    EXPECT_NEAR(std::stod(cells[10]), std::max(means[0], means[1]), 1.0);
}
