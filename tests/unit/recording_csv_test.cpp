#include "isolens/core/recording/recording_csv.hpp"
#include "isolens/core/stats/sample_json.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using namespace isolens;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kStart = 1'795'826'344 * kSecond; // 2026-11-28T00:39:04Z

StatsSample sample(std::int64_t second, double cpu, std::int64_t memory)
{
    StatsSample s;
    s.valid = true;
    s.timeNanos = kStart + second * kSecond;
    s.cpuPercent = cpu;
    s.cpuHostPercent = cpu / 2;
    s.memBytes = memory;
    s.pids = 2;
    return s;
}

// The CSV's text, as a sink receives it, in pieces.
struct CollectingSink {
    std::string text;
    int pieces = 0;
    CsvSink sink()
    {
        return [this](std::string_view piece) -> Result<void> {
            text += piece;
            ++pieces;
            return success();
        };
    }
};

// A recording of this many samples, written as the recorder writes them (without its flush per line).
fs::path recordingWith(int samples)
{
    const auto path =
        fs::temp_directory_path() / ("isolens-csv-" + std::to_string(std::random_device{}()) + ".jsonl");
    std::ofstream file(path);
    file << R"({"type":"header","format":"isolens-recording","version":1})" << '\n';
    for (int i = 0; i < samples; ++i) {
        auto line = sampleToJson(sample(i, 10.0 + i, 1000 + i));
        line["type"] = "sample";
        line["mode"] = i % 2 ? "kata" : "runc";
        file << line.dump() << '\n';
    }
    return path;
}

} // namespace

TEST(RecordingCsv, RowsTable)
{
    struct Case {
        const char* mode;
        StatsSample sample;
        std::string row;
    };
    auto stopped = sample(0, 0, 0);
    stopped.valid = false;
    auto windows = sample(1, 12.5, 4096);
    windows.commitBytes = 8192;
    windows.pids.reset();
    windows.netRxBytes = 7;
    windows.blockWriteBytes = 9;
    const Case cases[] = {
        {"runc", sample(0, 10, 1000),
         "2026-11-28T00:39:04.000Z,runc,10.0000,5.0000,0.0000,1000,,0,0,0,0,2\n"},
        {"process", windows, "2026-11-28T00:39:05.000Z,process,12.5000,6.2500,0.0000,4096,8192,7,0,0,9,\n"},
        {"a,\"b\"", sample(0, 1, 1),
         "2026-11-28T00:39:04.000Z,\"a,\"\"b\"\"\",1.0000,0.5000,0.0000,1,,0,0,0,0,2\n"},
        {"runc", stopped, ""}, // a stopped container's zeroed sample is no row
    };
    for (const auto& c : cases)
        EXPECT_EQ(csvRow(c.mode, c.sample), c.row) << c.mode;
    EXPECT_EQ(csvHeaderLine(),
              "time,mode,cpu_percent,cpu_host_percent,cpu_allotment_percent,mem_bytes,commit_bytes,"
              "net_rx_bytes,net_tx_bytes,block_read_bytes,block_write_bytes,pids\n");
}

TEST(RecordingCsv, StreamsEverySampleThenTheOnesNotRecorded)
{
    const auto path = recordingWith(3);
    CollectingSink out;
    const std::vector<std::pair<std::string, StatsSample>> notRecorded{{"kata", sample(9, 50, 5000)}};
    ASSERT_TRUE(exportRecordingCsv(path, notRecorded, out.sink()));
    fs::remove(path);
    EXPECT_EQ(out.text, std::string(csvHeaderLine()) + csvRow("runc", sample(0, 10, 1000)) +
                            csvRow("kata", sample(1, 11, 1001)) + csvRow("runc", sample(2, 12, 1002)) +
                            csvRow("kata", sample(9, 50, 5000)));
}

TEST(RecordingCsv, HandsALongRecordingOverInPiecesNotAtOnce)
{
    const auto path = recordingWith(1200); // about 90 KB of CSV
    CollectingSink out;
    ASSERT_TRUE(exportRecordingCsv(path, {}, out.sink()));
    fs::remove(path);
    EXPECT_GE(out.pieces, 2);
    EXPECT_EQ(std::count(out.text.begin(), out.text.end(), '\n'), 1201);
}

TEST(RecordingCsv, StopsAtTheFirstWriteFailureAndSaysWhy)
{
    const auto path = recordingWith(1200);
    int calls = 0;
    const CsvSink full = [&](std::string_view) -> Result<void> {
        ++calls;
        return makeError(ErrorKind::DiskFull, "No space left on device");
    };
    auto exported = exportRecordingCsv(path, {}, full);
    fs::remove(path);
    ASSERT_FALSE(exported);
    EXPECT_EQ(exported.error().kind, ErrorKind::DiskFull);
    EXPECT_EQ(calls, 1); // nothing more is written after a failure
}

TEST(RecordingCsv, ARecordingThatCannotBeReadIsAnError)
{
    CollectingSink out;
    auto exported =
        exportRecordingCsv(fs::temp_directory_path() / "isolens-no-such-recording.jsonl", {}, out.sink());
    EXPECT_FALSE(exported);
}
