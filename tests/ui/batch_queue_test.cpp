// The batch's state machine without an engine: a fake pair that records what the batch asks of it, and
// the controller's signals sent by hand. The recordings are the shipped sample (a real paired run).
#include "batch_plan.hpp"
#include "batch_queue.hpp"
#include "path_text.hpp"
#include "sample_recording.hpp"
#include "ui_test_support.hpp"

#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/batch/recorded_pair.hpp"

#include <gtest/gtest.h>

#include <QTest>

#include <string>
#include <vector>

using namespace isolens;

namespace {

struct FakePair {
    bool canStart = true;
    std::vector<std::string> started; // images, in order
    int stops = 0;
    int pullCancels = 0;
    QString recording;

    PairControls controls()
    {
        return {[this] { return canStart; },
                [this](const PairRequest& request) { started.push_back(request.image); }, [this] { ++stops; },
                [this] { ++pullCancels; }, [this] { return recording; }};
    }
};

class BatchQueueTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const auto sample = sampleRecordingFile();
        ASSERT_FALSE(sample.path.isEmpty()) << sample.error.toStdString();
        pair.recording = sample.path;
        plan.pair.modes[0].label = "runc";
        plan.pair.modes[1].label = "isolens-vm";
        plan.images = {"alpine:a", "alpine:b"};
        plan.duration = std::chrono::milliseconds(20);
    }

    FakePair pair;
    BatchPlan plan;
    BatchQueue queue{pair.controls()};
};

} // namespace

TEST_F(BatchQueueTest, RunsEachImageAfterThePreviousPairHasStopped)
{
    int finished = 0;
    QObject::connect(&queue, &BatchQueue::finished, [&] { ++finished; });
    ASSERT_TRUE(queue.start(plan));
    EXPECT_FALSE(queue.start(plan)) << "one batch at a time";
    ASSERT_EQ(pair.started, (std::vector<std::string>{"alpine:a"}));
    EXPECT_EQ(queue.progress(0, 0).phase, RunPhase::Starting);
    queue.onPullProgress(0.5);
    EXPECT_EQ(queue.progress(0, 0).phase, RunPhase::Pulling);
    EXPECT_DOUBLE_EQ(queue.progress(0, 0).fraction, 0.5);
    queue.onPairStarted();
    EXPECT_EQ(queue.progress(0, 0).phase, RunPhase::Running);
    ASSERT_TRUE(waitUntil([&] { return pair.stops == 1; }, 2000)) << "stopped once its time is up";
    EXPECT_EQ(queue.progress(0, 0).phase, RunPhase::Stopping);
    QTest::qWait(50);
    EXPECT_EQ(pair.started.size(), 1u) << "the next run waits for the pair's removal";
    queue.onPairStopped();
    EXPECT_EQ(queue.progress(0, 0).phase, RunPhase::Reading);
    ASSERT_TRUE(waitUntil([&] { return queue.progress(0, 0).phase != RunPhase::Reading; }, 5000));
    EXPECT_EQ(queue.progress(0, 0).phase, RunPhase::Measured);
    ASSERT_TRUE(waitUntil([&] { return pair.started.size() == 2; }, 2000));
    EXPECT_EQ(pair.started.back(), "alpine:b");
    queue.onPairStarted();
    ASSERT_TRUE(waitUntil([&] { return pair.stops == 2; }, 2000));
    queue.onPairStopped();
    ASSERT_TRUE(waitUntil([&] { return finished == 1; }, 2000));
    EXPECT_FALSE(queue.isActive());

    const auto table = queue.table();
    const auto recorded = readRecordedPair(pathFromQString(pair.recording));
    ASSERT_TRUE(recorded) << recorded.error().message;
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_FALSE(table.cancelled);
    EXPECT_TRUE(table.allMeasured());
    for (const auto& row : table.rows) {
        ASSERT_EQ(row.runs.size(), 1u);
        const auto& figures = row.runs.front().figures;
        for (int side = 0; side < 2; ++side) {
            EXPECT_DOUBLE_EQ(figures.sides[side].memory.mean,
                             recorded.value().figures.sides[side].memory.mean);
            EXPECT_DOUBLE_EQ(figures.sides[side].cpu.mean, recorded.value().figures.sides[side].cpu.mean);
        }
        EXPECT_EQ(row.runs.front().recording, pathFromQString(pair.recording));
    }
    EXPECT_EQ(table.rows[1].entry.image, "alpine:b");
}

TEST_F(BatchQueueTest, AFailedStartMarksThatRunFailedWithItsHintAndGoesOn)
{
    ASSERT_TRUE(queue.start(plan));
    queue.onPairFailed("no such image", "Check the name");
    EXPECT_EQ(queue.progress(0, 0).phase, RunPhase::Failed);
    EXPECT_EQ(queue.progress(0, 0).reason, "no such image");
    EXPECT_EQ(queue.progress(0, 0).hint, "Check the name");
    ASSERT_TRUE(waitUntil([&] { return pair.started.size() == 2; }, 2000));
    queue.onPairStarted();
    ASSERT_TRUE(waitUntil([&] { return pair.stops == 1; }, 2000));
    queue.onPairStopped();
    ASSERT_TRUE(waitUntil([&] { return !queue.isActive(); }, 2000));
    const auto table = queue.table();
    ASSERT_EQ(table.rows.size(), 2u);
    ASSERT_EQ(table.rows[0].runs.size(), 1u);
    EXPECT_EQ(table.rows[0].runs[0].outcome, RunOutcome::Failed);
    EXPECT_EQ(table.rows[0].runs[0].hint, "Check the name");
    EXPECT_EQ(table.rows[1].measuredRuns(), 1u);
}

TEST_F(BatchQueueTest, CancelStopsTheRunningPairCancelsTheRestAndKeepsTheRecording)
{
    plan.duration = std::chrono::seconds(60);
    plan.repeats = 2;
    ASSERT_TRUE(queue.start(plan));
    queue.onPairStarted();
    queue.cancel();
    EXPECT_EQ(pair.stops, 1);
    EXPECT_TRUE(queue.isCancelling()) << "active until the pair has stopped";
    QTest::qWait(50);
    EXPECT_EQ(pair.started.size(), 1u);
    queue.onPairStopped();
    ASSERT_TRUE(waitUntil([&] { return !queue.isActive(); }, 2000));
    EXPECT_EQ(pair.started.size(), 1u) << "nothing more starts";
    for (int row = 0; row < 2; ++row)
        for (int run = 0; run < 2; ++run)
            EXPECT_EQ(queue.progress(row, run).phase, RunPhase::Cancelled) << row << run;
    const auto table = queue.table();
    EXPECT_TRUE(table.cancelled);
    ASSERT_EQ(table.rows[0].runs.size(), 2u);
    EXPECT_EQ(table.rows[0].runs[0].outcome, RunOutcome::Cancelled);
    EXPECT_EQ(table.rows[0].runs[0].recording, pathFromQString(pair.recording)) << "kept, marked cancelled";
    EXPECT_TRUE(queue.start(plan)) << "idle again";
}

TEST_F(BatchQueueTest, CancelDuringThePullCancelsItAndAPairThatStartsAnywayIsStopped)
{
    ASSERT_TRUE(queue.start(plan));
    queue.onPullProgress(0.2);
    queue.cancel();
    EXPECT_EQ(pair.pullCancels, 1);
    queue.onPairStarted(); // the pull had just finished
    EXPECT_EQ(pair.stops, 1);
    queue.onPairStopped();
    ASSERT_TRUE(waitUntil([&] { return !queue.isActive(); }, 2000));
    EXPECT_EQ(queue.progress(0, 0).phase, RunPhase::Cancelled);

    ASSERT_TRUE(queue.start(plan));
    queue.cancel();
    queue.onPairFailed("The pull was cancelled, so nothing was started.", "Start the pair again");
    ASSERT_TRUE(waitUntil([&] { return !queue.isActive(); }, 2000));
    EXPECT_EQ(queue.progress(0, 0).phase, RunPhase::Cancelled);
    EXPECT_EQ(pair.started.size(), 2u);
}

TEST_F(BatchQueueTest, APairOfSomeoneElseStopsTheBatchWithAReasonInsteadOfWaiting)
{
    pair.canStart = false;
    ASSERT_TRUE(queue.start(plan));
    EXPECT_FALSE(queue.isActive());
    EXPECT_TRUE(pair.started.empty());
    EXPECT_EQ(queue.progress(1, 0).phase, RunPhase::Failed);
    EXPECT_FALSE(queue.progress(1, 0).hint.isEmpty());
}
