#include "dashboard_view.hpp"
#include "main_window.hpp"
#include "path_text.hpp"
#include "series_chart.hpp"
#include "stack_controller.hpp"
#include "stack_member_model.hpp"
#include "stacks_view.hpp"
#include "ui_test_support.hpp"

#include "isolens/core/recording/recording.hpp"
#include "isolens/core/session/stack_membership.hpp"
#include "isolens/core/session/stack_session.hpp"

#include "valid_sample.hpp"

#include <gtest/gtest.h>

#include <QTabWidget>
#include <QTemporaryDir>

using namespace isolens;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

// A stacks recording as StackSession writes one: web and db in stack-runc, web alone in stack-vm.
QString writeStacksRecording(const QTemporaryDir& dir)
{
    const StackRequest request{"com.docker.compose.project", {"stack-runc", "stack-vm"}};
    const auto path = dir.filePath(QStringLiteral("stacks.jsonl"));
    auto writer = RecordingWriter::create(
        pathFromQString(path), stackRecordingHeader(request, EngineInfo{}, "unix:///x", "isolens dashboard"));
    EXPECT_TRUE(writer);
    if (!writer)
        return {};
    auto& recording = *writer.value();
    const std::int64_t start = 1'796'000'000 * kSecond;
    for (int i = 0; i < 10; ++i) {
        const auto t = start + i * kSecond;
        EXPECT_TRUE(recording.sample(stackMemberKey("stack-runc", "web"), validSample(t, 10, 100'000'000)));
        EXPECT_TRUE(recording.sample(stackMemberKey("stack-runc", "db"), validSample(t, 30, 300'000'000)));
        EXPECT_TRUE(recording.sample(stackMemberKey("stack-vm", "web"), validSample(t, 15, 150'000'000)));
        EXPECT_TRUE(recording.sample("stack-runc", validSample(t + 1000, 40, 400'000'000)));
        EXPECT_TRUE(recording.sample("stack-vm", validSample(t + 1000, 15, 150'000'000)));
    }
    EXPECT_TRUE(recording.close());
    return path;
}

} // namespace

TEST(StacksReplay, AStacksRecordingOpensOnTheStacksTabWithItsSumsAndMembers)
{
    QTemporaryDir dir;
    const auto path = writeStacksRecording(dir);
    ASSERT_FALSE(path.isEmpty());
    MainWindow window(unreachableEndpoint());
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    ASSERT_EQ(window.openRecording(path, /*quiet=*/true), "");
    auto* stacks = window.dashboard()->stacks();
    EXPECT_TRUE(window.dashboard()->showsStacks());
    EXPECT_TRUE(stacks->controller()->isReplay());
    EXPECT_EQ(stacks->controller()->label(), "com.docker.compose.project");
    EXPECT_EQ(stacks->controller()->groups()[1], "stack-vm");
    window.refresh();
    ASSERT_EQ(stacks->members(0)->rowCount(), 2);
    EXPECT_EQ(stacks->members(0)->rows()[0].name, "db") << "the costliest first";
    EXPECT_EQ(stacks->members(1)->rowCount(), 1);
    EXPECT_GT(stacks->cpuChart(0)->drawnPoints(), 0);
    EXPECT_GT(stacks->memoryChart(1)->drawnPoints(), 0);
    EXPECT_EQ(stacks->cpuChart(0)->axisTop(), stacks->cpuChart(1)->axisTop()) << "both stacks on one scale";

    // A pair's recording is no stacks recording: it opens where it did, and the Stacks tab keeps the stacks.
    window.showView("compare");
    ASSERT_EQ(window.openSampleRecording(true), "");
    EXPECT_NE(window.dashboard()->tabs()->currentWidget(), stacks);
    EXPECT_EQ(stacks->controller()->groups()[0], "stack-runc");
}
