#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/batch/recorded_pair.hpp"
#include "isolens/core/engine/hardening.hpp"
#include "isolens/core/recording/recording.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace isolens;
namespace fs = std::filesystem;

namespace {

PairFigures figures(double memoryA, double memoryB, double cpuA, std::optional<double> startA)
{
    PairFigures f;
    f.sides[0].label = "runc";
    f.sides[1].label = "isolens-vm";
    f.sides[0].memory = {3, memoryA, memoryA, memoryA, memoryA};
    f.sides[1].memory = {3, memoryB, memoryB, memoryB, memoryB};
    f.sides[0].cpu = {3, cpuA, cpuA * 2, cpuA * 2, cpuA};
    f.sides[0].startup.createToRunningMillis = startA;
    return f;
}

BatchRun measured(std::size_t repeat, PairFigures f)
{
    BatchRun run;
    run.repeat = repeat;
    run.figures = std::move(f);
    return run;
}

BatchRun failed(std::string reason)
{
    BatchRun run;
    run.outcome = RunOutcome::Failed;
    run.reason = std::move(reason);
    return run;
}

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kStart = 1'795'826'344 * kSecond;

class Recordings : public ::testing::Test {
protected:
    fs::path folder =
        fs::temp_directory_path() / ("isolens-batch-table-" + std::to_string(std::random_device{}()));
    void SetUp() override { fs::create_directories(folder); }
    void TearDown() override { fs::remove_all(folder); }

    // A pair's recording: each side's memory goes up by step every second, for three seconds.
    fs::path record(const std::string& name, const std::string& image, std::int64_t memoryA,
                    std::int64_t memoryB, std::array<std::string, 2> labels = {"runc", "isolens-vm"},
                    const Hardening& hardening = {})
    {
        RecordingHeader header;
        if (hardening.any())
            header.hardening = hardeningToJson(hardening);
        header.image = image;
        header.modes = {IsolationMode{labels[0], "", labels[0]}, IsolationMode{labels[1], "", labels[1]}};
        header.limits.memoryBytes = 64 << 20;
        const auto path = folder / name;
        auto writer = RecordingWriter::create(path, header);
        EXPECT_TRUE(writer) << writer.error().message;
        EXPECT_TRUE(writer.value()->event(labels[0], kStart, EventKind::CreateToRunning, "120"));
        for (int second = 1; second <= 3; ++second)
            for (std::size_t side = 0; side < 2; ++side) {
                StatsSample s;
                s.valid = true;
                s.name = labels[side];
                s.timeNanos = kStart + second * kSecond;
                s.cpuPercent = 10.0 * (side + 1);
                s.memBytes = (side == 0 ? memoryA : memoryB) * second;
                EXPECT_TRUE(writer.value()->sample(labels[side], s));
            }
        EXPECT_TRUE(writer.value()->close());
        return path;
    }
};

} // namespace

TEST(BatchTable, TheSpreadIsOverMeasuredRunsOnly)
{
    BatchRow row;
    row.entry.image = "a";
    row.runs = {measured(1, figures(400, 40, 2, 100)), failed("pull failed"),
                measured(3, figures(600, 60, 4, {}))};
    const auto spread = rowSpread(row);
    EXPECT_EQ(spread.measuredRuns, 2u);
    ASSERT_TRUE(spread.sides[0].memoryMean);
    EXPECT_EQ(*spread.sides[0].memoryMean, (Spread{2, 400, 500, 600}));
    EXPECT_EQ(*spread.sides[1].memoryMean, (Spread{2, 40, 50, 60}));
    EXPECT_EQ(*spread.sides[0].cpuMean, (Spread{2, 2, 3, 4}));
    EXPECT_EQ(*spread.sides[0].cpuP95, (Spread{2, 4, 6, 8}));
    EXPECT_EQ(*spread.memoryDifferencePercent, (Spread{2, 90, 90, 90}));
    // One run knew its start-up time: the spread is of that one.
    EXPECT_EQ(*spread.sides[0].createToRunningMillis, (Spread{1, 100, 100, 100}));
    EXPECT_FALSE(spread.sides[1].createToRunningMillis);
}

TEST(BatchTable, ARowWithNoMeasuredRunHasItsFirstReason)
{
    BatchRow row;
    row.runs = {failed("no matching manifest"), failed("second")};
    EXPECT_EQ(row.measuredRuns(), 0u);
    ASSERT_NE(row.firstFailure(), nullptr);
    EXPECT_EQ(row.firstFailure()->reason, "no matching manifest");
    EXPECT_FALSE(rowSpread(row).sides[0].memoryMean);
    BatchTable table{{"runc", "isolens-vm"}, {row}};
    EXPECT_FALSE(table.allMeasured());
    table.rows[0].runs = {measured(1, figures(1, 1, 1, {}))};
    EXPECT_TRUE(table.allMeasured());
    table.cancelled = true;
    EXPECT_FALSE(table.allMeasured());
}

TEST(BatchTable, OutcomesHaveStableNames)
{
    EXPECT_EQ(runOutcomeName(RunOutcome::Measured), "measured");
    EXPECT_EQ(runOutcomeName(RunOutcome::Failed), "failed");
    EXPECT_EQ(runOutcomeName(RunOutcome::Cancelled), "cancelled");
}

TEST_F(Recordings, ARecordedPairHasTheFiguresItsSamplesGive)
{
    const auto pair = readRecordedPair(record("a.jsonl", "img:a", 3000, 300));
    ASSERT_TRUE(pair) << pair.error().message;
    EXPECT_EQ(pair.value().figures.sides[0].label, "runc");
    EXPECT_EQ(pair.value().figures.sides[0].memory.count, 3u);
    EXPECT_DOUBLE_EQ(pair.value().figures.sides[0].memory.mean, 6000.0); // 3000, 6000, 9000
    EXPECT_DOUBLE_EQ(pair.value().figures.sides[1].memory.mean, 600.0);
    EXPECT_DOUBLE_EQ(*pair.value().figures.memoryDifferencePercent(), 90.0);
    EXPECT_DOUBLE_EQ(pair.value().figures.sides[1].cpu.mean, 20.0);
    EXPECT_EQ(pair.value().figures.sides[0].startup.createToRunningMillis, 120.0);
    EXPECT_EQ(pair.value().header.limits.memoryBytes, 64 << 20);
}

TEST_F(Recordings, RecordingsOfTheSameRunAreOneRowInTheOrderFirstSeen)
{
    const auto table =
        tableFromRecordings({record("b1.jsonl", "img:b", 1000, 100), record("a1.jsonl", "img:a", 2000, 200),
                             record("b2.jsonl", "img:b", 3000, 300)});
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table.value().labels, (std::array<std::string, 2>{"runc", "isolens-vm"}));
    ASSERT_EQ(table.value().rows.size(), 2u);
    EXPECT_EQ(table.value().rows[0].entry.image, "img:b");
    EXPECT_EQ(table.value().rows[0].entry.memoryBytes, 64 << 20);
    ASSERT_EQ(table.value().rows[0].runs.size(), 2u);
    EXPECT_EQ(table.value().rows[0].runs[1].repeat, 2u);
    EXPECT_EQ(table.value().rows[0].runs[1].recording.filename(), "b2.jsonl");
    EXPECT_EQ(*rowSpread(table.value().rows[0]).sides[0].memoryMean, (Spread{2, 2000, 4000, 6000}));
    EXPECT_EQ(table.value().rows[1].entry.image, "img:a");
    EXPECT_TRUE(table.value().allMeasured());
}

TEST_F(Recordings, RecordingsOfOtherModesAreRefusedWithTheReason)
{
    const auto table = tableFromRecordings(
        {record("a.jsonl", "img:a", 1, 1), record("b.jsonl", "img:b", 1, 1, {"runc", "kata"})});
    ASSERT_FALSE(table);
    EXPECT_NE(table.error().message.find("b.jsonl compares runc with kata"), std::string::npos)
        << table.error().message;
    EXPECT_FALSE(table.error().hint.empty());
}

TEST_F(Recordings, RecordingsOfAnotherHardeningAreRefusedWithTheReason)
{
    Hardening hardened;
    hardened.noNetwork = true;
    const auto table =
        tableFromRecordings({record("a.jsonl", "img:a", 1, 1),
                             record("h.jsonl", "img:a", 1, 1, {"runc", "isolens-vm"}, hardened)});
    ASSERT_FALSE(table);
    EXPECT_NE(table.error().message.find("h.jsonl was measured with hardening ("), std::string::npos)
        << table.error().message;
    EXPECT_NE(table.error().message.find("the first recording with no hardening"), std::string::npos)
        << table.error().message;
    EXPECT_NE(table.error().hint.find("one report per hardening"), std::string::npos) << table.error().hint;
    const auto same =
        tableFromRecordings({record("h1.jsonl", "img:a", 1, 1, {"runc", "isolens-vm"}, hardened),
                             record("h2.jsonl", "img:a", 2, 2, {"runc", "isolens-vm"}, hardened)});
    ASSERT_TRUE(same) << same.error().message;
    EXPECT_EQ(same.value().rows.at(0).runs.size(), 2u);
}

TEST_F(Recordings, AFileNamedTwiceIsRefusedRatherThanCountedTwice)
{
    const auto path = record("a.jsonl", "img:a", 1, 1);
    const auto table = tableFromRecordings({path, folder / "." / "a.jsonl"});
    ASSERT_FALSE(table);
    EXPECT_NE(table.error().message.find("a.jsonl is named twice"), std::string::npos)
        << table.error().message;
    EXPECT_FALSE(table.error().hint.empty());
}

TEST_F(Recordings, AFileThatIsNotARecordingIsAnError)
{
    const auto path = folder / "not.jsonl";
    std::ofstream(path) << "hello\n";
    EXPECT_FALSE(readRecordedPair(path));
    EXPECT_FALSE(readRecordedPair(folder / "missing.jsonl"));
}

TEST_F(Recordings, AStacksRecordingIsNotTakenForAPair)
{
    RecordingHeader header;
    header.modes = {IsolationMode{"stack-a", "", ""}, IsolationMode{"stack-b", "", ""}};
    header.stacks = RecordedStacks{"com.docker.compose.project"};
    const auto path = folder / "stacks.jsonl";
    {
        auto writer = RecordingWriter::create(path, header);
        ASSERT_TRUE(writer) << writer.error().message;
        ASSERT_TRUE(writer.value()->close());
    }
    const auto pair = readRecordedPair(path);
    ASSERT_FALSE(pair);
    EXPECT_NE(pair.error().message.find("two stacks"), std::string::npos) << pair.error().message;
    EXPECT_NE(pair.error().hint.find("Stacks tab"), std::string::npos);
}
