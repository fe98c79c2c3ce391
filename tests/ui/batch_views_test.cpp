// The batch dialog's two views without an engine: the runs' progress (bars and statuses named per row and
// run) and the finished table (medians with their range, a failed row's reason and hint).
#include "batch_plan.hpp"
#include "batch_progress_view.hpp"
#include "batch_queue.hpp"
#include "batch_results_table.hpp"
#include "path_text.hpp"
#include "sample_recording.hpp"

#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/batch/recorded_pair.hpp"
#include "isolens/core/report/report_table.hpp"

#include <gtest/gtest.h>

#include <QLabel>
#include <QProgressBar>
#include <QTableWidget>

using namespace isolens;

TEST(BatchProgress, ABarPerRunAndAStatusPerImageFollowTheQueue)
{
    PairControls controls{[] { return true; }, [](const PairRequest&) {}, [] {}, [] {},
                          [] { return QString(); }};
    BatchQueue queue(controls);
    BatchPlan plan;
    plan.images = {"alpine:a", "alpine:b"};
    plan.repeats = 2;
    ASSERT_TRUE(queue.start(plan));
    BatchProgressView view;
    view.rebuild(queue);
    for (int row = 0; row < 2; ++row)
        for (int run = 0; run < 2; ++run)
            EXPECT_NE(view.findChild<QProgressBar*>(QStringLiteral("runProgress-%1-%2").arg(row).arg(run)),
                      nullptr);
    EXPECT_EQ(view.findChild<QProgressBar*>("runProgress-2-0"), nullptr);
    queue.onPullProgress(0.4);
    view.update(queue);
    auto* bar = view.findChild<QProgressBar*>("runProgress-0-0");
    EXPECT_EQ(bar->value(), 40);
    EXPECT_EQ(bar->format().toStdString(), "pulling 40%");
    EXPECT_EQ(view.findChild<QLabel*>("rowStatus-0")->text().toStdString(), "run 1 of 2: pulling 40%");
    EXPECT_EQ(view.findChild<QLabel*>("rowStatus-1")->text().toStdString(), "waiting");
    queue.onPairFailed("no such image", "Check the name");
    view.update(queue);
    EXPECT_EQ(bar->format().toStdString(), "failed");
    EXPECT_EQ(bar->toolTip().toStdString(), "no such image\nCheck the name");

    // A second batch in the same view: the first one's cells go, bars included, and only the new ones are
    // there.
    BatchQueue next(controls);
    BatchPlan one;
    one.images = {"alpine:c"};
    one.repeats = 1;
    ASSERT_TRUE(next.start(one));
    view.rebuild(next);
    view.rebuild(next);
    EXPECT_EQ(view.findChildren<QProgressBar*>().size(), 1);
    EXPECT_NE(view.findChild<QProgressBar*>("runProgress-0-0"), nullptr);
    EXPECT_EQ(view.findChild<QProgressBar*>("runProgress-1-0"), nullptr);
    EXPECT_EQ(view.findChildren<QLabel*>(QStringLiteral("rowStatus-0")).size(), 1);
}

TEST(BatchResults, ShowsMediansWithTheirRangeAndWhyARowWasNotMeasured)
{
    const auto sample = sampleRecordingFile();
    ASSERT_FALSE(sample.path.isEmpty()) << sample.error.toStdString();
    const auto recorded = readRecordedPair(pathFromQString(sample.path));
    ASSERT_TRUE(recorded) << recorded.error().message;
    BatchTable table;
    table.labels = {"runc", "isolens-vm"};
    BatchRow measured{{"alpine:a", {}, {}, {}, {}}, {}};
    for (std::size_t repeat = 1; repeat <= 2; ++repeat) {
        BatchRun run;
        run.repeat = repeat;
        run.figures = recorded.value().figures;
        run.figures.sides[0].memory.mean = 1024.0 * 1024.0 * static_cast<double>(repeat); // 1 MiB, 2 MiB
        measured.runs.push_back(run);
    }
    BatchRow failed{{"alpine:b", {}, {}, {}, {}}, {}};
    BatchRun failure;
    failure.outcome = RunOutcome::Failed;
    failure.reason = "no such image";
    failure.hint = "Check the name";
    failed.runs.push_back(failure);
    table.rows = {measured, failed};

    QTableWidget view;
    showBatchTable(view, table);
    ASSERT_EQ(view.rowCount(), 2);
    // The report's table, cell for cell: the dialog, the CLI and the report say the same.
    const auto report = reportTable(table);
    ASSERT_EQ(view.columnCount(), static_cast<int>(report.header.size()));
    const int runs = view.columnCount() - 1;
    EXPECT_EQ(view.horizontalHeaderItem(1)->text().toStdString(), "Memory (runc)");
    EXPECT_EQ(view.horizontalHeaderItem(2)->text().toStdString(), "Memory (isolens-vm)");
    EXPECT_EQ(view.horizontalHeaderItem(runs)->text().toStdString(), "Runs");
    EXPECT_EQ(view.item(0, 0)->text().toStdString(), "alpine:a");
    EXPECT_EQ(view.item(0, 1)->text().toStdString(), "1.5 MiB (1.0\u20132.0)");
    for (int column = 0; column < view.columnCount(); ++column)
        EXPECT_EQ(view.item(0, column)->text().toStdString(),
                  report.rows[0].cells[static_cast<std::size_t>(column)].text())
            << "column " << column;
    EXPECT_EQ(view.item(0, runs)->text().toStdString(), "2");
    EXPECT_EQ(view.item(1, 1)->text().toStdString(), "failed: no such image \u2014 Check the name");
    EXPECT_EQ(view.columnSpan(1, 1), runs - 1);
    EXPECT_EQ(view.item(1, runs)->text().toStdString(), "0 of 1 measured");
    EXPECT_EQ(view.item(1, runs)->toolTip().toStdString(), "failed: no such image \u2014 Check the name");
}
