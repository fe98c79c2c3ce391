#include "isolens/core/batch/batch_output.hpp"
#include "isolens/core/batch/batch_runner.hpp"

#include <gtest/gtest.h>

using namespace isolens;

namespace {

// A pair that "ran": its summaries as if each side had three samples of this memory.
PairOutcome ranWith(double memoryA, double memoryB)
{
    PairOutcome outcome;
    outcome.summaries = {{"runc", {3, 5, 6, 7, 5}, {}, {3, memoryA, memoryA, memoryA, memoryA}},
                         {"isolens-vm", {3, 9, 10, 11, 9}, {}, {3, memoryB, memoryB, memoryB, memoryB}}};
    outcome.runs[0].startup.createToRunningMillis = 100;
    outcome.runs[1].startup.createToRunningMillis = 300;
    return outcome;
}

BatchPlan planOf(std::vector<std::string> images, std::size_t repeat)
{
    BatchPlan plan;
    for (auto& image : images)
        plan.entries.push_back({image, {}, {}, std::nullopt, std::nullopt});
    plan.repeat = repeat;
    plan.modes = {IsolationMode{"runc", "", "runc"}, IsolationMode{"isolens-vm", "", "isolens-vm"}};
    return plan;
}

struct FakePairs {
    std::vector<std::string> ran; // image per call, in order
    std::function<Result<PairOutcome>(const PairRequest&, CancelToken&)> answer;

    BatchHooks hooks()
    {
        BatchHooks hooks;
        hooks.runPair = [this](const PairRequest& request, SeriesStore&, const PairRunOptions&,
                               CancelToken& cancel) {
            ran.push_back(request.image);
            return answer(request, cancel);
        };
        return hooks;
    }
};

} // namespace

TEST(BatchRunner, EachImageRunsItsRepeatsInOrderAndTheTableHasTheirSpread)
{
    FakePairs pairs;
    int call = 0;
    pairs.answer = [&](const PairRequest&, CancelToken&) -> Result<PairOutcome> {
        ++call;
        return ranWith(100.0 * call, 10.0 * call);
    };
    CancelToken cancel;
    const auto table = runBatch(nullptr, {}, "unix:///x", planOf({"a", "b"}, 2), pairs.hooks(), cancel);
    EXPECT_EQ(pairs.ran, (std::vector<std::string>{"a", "a", "b", "b"}));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.labels[1], "isolens-vm");
    ASSERT_EQ(table.rows[1].runs.size(), 2u);
    EXPECT_EQ(table.rows[1].runs[1].repeat, 2u);
    EXPECT_EQ(*rowSpread(table.rows[1]).sides[0].memoryMean, (Spread{2, 300, 350, 400}));
    EXPECT_EQ(*rowSpread(table.rows[1]).sides[1].createToRunningMillis, (Spread{2, 300, 300, 300}));
    EXPECT_TRUE(table.allMeasured());
    EXPECT_EQ(rowStatus(table.rows[0]), "measured");
}

TEST(BatchRunner, AFailedRowKeepsItsReasonAndTheBatchGoesOn)
{
    FakePairs pairs;
    pairs.answer = [](const PairRequest& request, CancelToken&) -> Result<PairOutcome> {
        if (request.image == "foreign") {
            auto error = makeError(ErrorKind::NoMatchingManifest,
                                   "no matching manifest for linux/amd64 in the manifest list entries");
            error.hint = "Pick a tag built for this platform";
            return error;
        }
        if (request.image == "silent") {
            auto outcome = ranWith(1, 1);
            outcome.unmeasured = {"runc recorded no sample: it exited at once"};
            return outcome;
        }
        return ranWith(1000, 100);
    };
    CancelToken cancel;
    const auto table =
        runBatch(nullptr, {}, "", planOf({"a", "foreign", "silent", "c"}, 2), pairs.hooks(), cancel);
    EXPECT_EQ(pairs.ran, (std::vector<std::string>{"a", "a", "foreign", "silent", "silent", "c", "c"}))
        << "the batch goes on after a failure, leaving out the failed row's other run";
    EXPECT_EQ(table.rows[1].runs.size(), 1u);
    EXPECT_EQ(rowStatus(table.rows[1]), "failed");
    EXPECT_NE(table.rows[1].runs[0].reason.find("no matching manifest"), std::string::npos);
    EXPECT_EQ(table.rows[1].runs[0].hint, "Pick a tag built for this platform");
    EXPECT_EQ(rowStatus(table.rows[2]), "failed");
    EXPECT_NE(table.rows[2].runs[0].reason.find("exited at once"), std::string::npos);
    EXPECT_EQ(rowStatus(table.rows[3]), "measured");
    EXPECT_FALSE(table.allMeasured());

    const auto json = batchTableToJson(table);
    EXPECT_EQ(json["rows"][1]["status"], "failed");
    EXPECT_NE(json["rows"][1]["reason"].get<std::string>().find("no matching manifest"), std::string::npos);
    EXPECT_TRUE(json["rows"][1]["spread"]["sides"][0]["mem_bytes_mean"].is_null());
    EXPECT_EQ(json["rows"][0]["spread"]["memory_difference_percent"]["median"], 90.0);
    EXPECT_EQ(json["rows"][0]["runs"][0]["figures"]["sides"][1]["label"], "isolens-vm");
}

TEST(BatchRunner, ACancelStopsTheRunningPairAndLeavesTheRestNotRun)
{
    FakePairs pairs;
    CancelToken cancel;
    pairs.answer = [&](const PairRequest& request, CancelToken& token) -> Result<PairOutcome> {
        if (request.image == "b") { // the user cancels while b runs
            token.cancel();
            auto outcome = ranWith(1, 1);
            outcome.cancelled = true;
            return outcome;
        }
        return ranWith(2, 1);
    };
    const auto table = runBatch(nullptr, {}, "", planOf({"a", "b", "c"}, 1), pairs.hooks(), cancel);
    EXPECT_EQ(pairs.ran, (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(table.cancelled);
    EXPECT_EQ(rowStatus(table.rows[0]), "measured");
    EXPECT_EQ(rowStatus(table.rows[1]), "cancelled");
    EXPECT_EQ(rowStatus(table.rows[2]), "not run");
    EXPECT_FALSE(table.allMeasured());
}

TEST(BatchRunner, ProgressNamesEachRunAsItStartsAndEnds)
{
    FakePairs pairs;
    pairs.answer = [](const PairRequest&, CancelToken&) -> Result<PairOutcome> { return ranWith(1, 1); };
    auto hooks = pairs.hooks();
    std::vector<std::string> seen;
    hooks.progress = [&](const BatchProgress& p) {
        seen.push_back(std::string(p.phase == BatchProgress::Phase::Starting ? "start " : "end ") +
                       std::to_string(p.row) + "/" + std::to_string(p.rows) + " run " +
                       std::to_string(p.repeat) + "/" + std::to_string(p.repeats) +
                       (p.finished ? " " + std::string(runOutcomeName(p.finished->outcome)) : ""));
    };
    CancelToken cancel;
    (void)runBatch(nullptr, {}, "", planOf({"a", "b"}, 1), hooks, cancel);
    EXPECT_EQ(seen, (std::vector<std::string>{"start 1/2 run 1/1", "end 1/2 run 1/1 measured",
                                              "start 2/2 run 1/1", "end 2/2 run 1/1 measured"}));
}

TEST(BatchRunner, ARecordingThatCannotBeMadeFailsThatRunOnly)
{
    FakePairs pairs;
    pairs.answer = [](const PairRequest&, CancelToken&) -> Result<PairOutcome> { return ranWith(1, 1); };
    auto hooks = pairs.hooks();
    hooks.openRecording = [](const RecordingHeader& header, std::size_t row,
                             std::size_t) -> Result<std::unique_ptr<RecordingWriter>> {
        EXPECT_EQ(header.invocation, (std::vector<std::string>{"isolens-cli", "compare"}));
        if (row == 1) {
            auto error = makeError(ErrorKind::DiskFull, "no space left on device");
            error.hint = "Free some space";
            return error;
        }
        return std::unique_ptr<RecordingWriter>{};
    };
    auto plan = planOf({"a", "b"}, 1);
    plan.invocation = {"isolens-cli", "compare"};
    CancelToken cancel;
    const auto table = runBatch(nullptr, {}, "", plan, hooks, cancel);
    EXPECT_EQ(pairs.ran, (std::vector<std::string>{"b"})) << "a pair is not run without its recording";
    EXPECT_EQ(rowStatus(table.rows[0]), "failed");
    EXPECT_EQ(table.rows[0].runs[0].reason, "no space left on device");
    EXPECT_EQ(rowStatus(table.rows[1]), "measured");
}

TEST(BatchOutput, TheCsvHasARowPerImageWithItsSpread)
{
    BatchTable table;
    table.labels = {"Hyper-V", "process"};
    BatchRow row;
    row.entry.image = "img,with,commas";
    BatchRun run;
    run.figures.sides[0].memory = {2, 400, 0, 0, 0};
    run.figures.sides[1].memory = {2, 100, 0, 0, 0};
    row.runs = {run, run};
    BatchRow failed;
    failed.entry.image = "x";
    BatchRun failure;
    failure.outcome = RunOutcome::Failed;
    failure.reason = "The container operating system does not match the host operating system.";
    failed.runs = {failure};
    table.rows = {row, failed};
    const auto csv = batchTableCsv(table);
    const auto header = csv.substr(0, csv.find('\n'));
    EXPECT_NE(header.find("Hyper-V_mem_bytes_mean_median,Hyper-V_mem_bytes_mean_min"), std::string::npos)
        << header;
    EXPECT_NE(csv.find("\n\"img,with,commas\",measured,,2,2,75,75,75,400,400,400,"), std::string::npos)
        << csv;
    EXPECT_NE(
        csv.find(
            "\nx,failed,The container operating system does not match the host operating system.,1,0,,,"),
        std::string::npos)
        << csv;
    const auto columns = [](const std::string& line) {
        return std::count(line.begin(), line.end(), ',') + 1;
    };
    const auto second = csv.substr(header.size() + 1, csv.find('\n', header.size() + 1) - header.size() - 1);
    EXPECT_EQ(columns(header), 8 + 2 * 5 * 3);
    EXPECT_EQ(columns(second), columns(header) + 2) << "the quoted image holds two commas";
}
