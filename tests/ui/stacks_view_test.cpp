#include "dashboard_controller.hpp"
#include "dashboard_view.hpp"
#include "engine_window_support.hpp"
#include "main_window.hpp"
#include "stack_controller.hpp"
#include "stack_member_model.hpp"
#include "stacks_view.hpp"
#include "ui_test_support.hpp"

#include "private_engine.hpp"

#include "isolens/core/base/clock.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/session/stack_figures.hpp"

#include <gtest/gtest.h>

#include <QDir>
#include <QTabWidget>
#include <QTemporaryDir>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace isolens;

namespace {

// The containers this test made, removed however it ends; never another's.
struct OwnContainers {
    EngineClient client = privateEngine().client();
    std::vector<std::string> ids;

    ~OwnContainers()
    {
        for (const auto& id : ids)
            (void)client.removeContainer(id, /*force=*/true);
    }
    std::string start(const std::string& label, const std::string& group)
    {
        ContainerSpec spec;
        spec.name = uniqueName("stack-" + group);
        spec.image = privateEngine().testImage();
        spec.command = {"sleep", "600"};
        spec.labels = {{label, group}};
        auto created = client.createContainer(spec);
        EXPECT_TRUE(created) << created.error().describe();
        if (!created)
            return {};
        ids.push_back(created.value().id);
        auto started = client.startContainer(created.value().id);
        EXPECT_TRUE(started) << started.error().describe();
        return created.value().id;
    }
};

bool near(double a, double b)
{
    return std::abs(a - b) <= std::max(0.05 * std::abs(b), 0.5); // 5%, and half a CPU point near zero
}

// Each column's newest sum is its members' newest samples added up, and its table lists them.
bool columnsShow(const StacksView& view, std::array<int, 2> members, std::int64_t at)
{
    const auto store = view.controller()->store();
    const auto groups = view.controller()->groups();
    for (int side = 0; side < 2; ++side) {
        const auto column = stackColumnFigures(*store, groups[side].toStdString(), at);
        if (view.members(side)->rowCount() != members[side] ||
            static_cast<int>(column.members.size()) != members[side] || !column.cpuPercent ||
            !column.memoryBytes)
            return false;
        double cpu = 0.0, memory = 0.0;
        for (const auto& member : column.members) {
            cpu += member.cpuPercent;
            memory += member.memoryBytes;
        }
        if (!near(cpu, *column.cpuPercent) || !near(memory, *column.memoryBytes))
            return false;
    }
    return true;
}

std::vector<double> values(const SeriesStore& store, const std::string& key)
{
    std::vector<double> out;
    for (const auto& point :
         store.range(key, Metric::MemoryBytes, 0, std::numeric_limits<std::int64_t>::max()))
        if (!std::isnan(point.value))
            out.push_back(point.value);
    return out;
}

// The time of the series' last sample (not a gap).
std::int64_t lastSampleTime(const SeriesStore& store, const std::string& key)
{
    std::int64_t last = 0;
    for (const auto& point :
         store.range(key, Metric::MemoryBytes, 0, std::numeric_limits<std::int64_t>::max()))
        if (!std::isnan(point.value))
            last = point.timeNanos;
    return last;
}

} // namespace

TEST(Stacks, TwoGroupsOfTwoShowEachGroupsSumFollowTheirMembersAndReplayTheSame)
{
    QTemporaryDir recordings;
    MainWindow window{privateEndpoint()};
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    ASSERT_TRUE(window.isShowingDashboard());
    window.controller()->setRecordingDirectory(recordings.path());
    ASSERT_TRUE(window.showView("stacks"));
    auto* view = window.dashboard()->stacks();
    ASSERT_TRUE(window.dashboard()->showsStacks());

    const auto label = "isolens-test-stack-" + std::to_string(std::random_device{}() % 1000000);
    OwnContainers containers;
    for (const char* group : {"a", "a", "b", "b"})
        ASSERT_FALSE(containers.start(label, group).empty());

    view->setRequest(QString::fromStdString(label), "a", "b");
    view->start();
    ASSERT_TRUE(view->controller()->isRunning()) << view->statusText().toStdString();
    EXPECT_TRUE(waitUntil(
        [&] {
            return columnsShow(*view, {2, 2}, wallClockNanos());
        },
        15000))
        << "a: " << view->members(0)->rowCount() << " rows, b: " << view->members(1)->rowCount() << " rows";

    // A member that starts during the session is picked up from the engine's events, and dropped when it
    // stops.
    const auto fifth = containers.start(label, "a");
    ASSERT_FALSE(fifth.empty());
    EXPECT_TRUE(waitUntil(
        [&] {
            return columnsShow(*view, {3, 2}, wallClockNanos());
        },
        8000))
        << "a: " << view->members(0)->rowCount() << " rows";
    ASSERT_TRUE(containers.client.killContainer(fifth));
    EXPECT_TRUE(waitUntil(
        [&] {
            return columnsShow(*view, {2, 2}, wallClockNanos());
        },
        8000))
        << "a: " << view->members(0)->rowCount() << " rows";

    view->stop();
    ASSERT_TRUE(waitUntil([&] { return !view->controller()->isRunning(); }, 10000));
    const auto path = view->controller()->recordingPath();
    ASSERT_TRUE(path.startsWith(recordings.path())) << path.toStdString();
    const auto live = view->controller()->store();
    const auto end = lastSampleTime(*live, "a");

    // Replayed, the Stacks tab shows the same sums, and the members as they were at the end.
    window.showView("compare");
    ASSERT_EQ(window.openRecording(path, /*quiet=*/true), "");
    EXPECT_TRUE(window.dashboard()->showsStacks());
    EXPECT_TRUE(view->controller()->isReplay());
    const auto replayed = view->controller()->store();
    ASSERT_NE(replayed, live);
    for (const char* group : {"a", "b"}) {
        EXPECT_FALSE(values(*live, group).empty()) << group;
        EXPECT_EQ(values(*replayed, group), values(*live, group)) << group;
    }
    window.refresh();
    // The tables as the session ended. (That a sum is its members' was checked live, over several ticks: a
    // single moment may pair a sum with a member sample read just after it, while a young container's memory
    // still settles.)
    EXPECT_EQ(view->members(0)->rowCount(), 2);
    EXPECT_EQ(view->members(1)->rowCount(), 2);
    for (const char* group : {"a", "b"}) {
        const auto atEnd = stackColumnFigures(*replayed, group, end);
        const auto liveAtEnd = stackColumnFigures(*live, group, end);
        ASSERT_TRUE(atEnd.memoryBytes) << group;
        EXPECT_EQ(atEnd.memoryBytes, liveAtEnd.memoryBytes) << group;
        EXPECT_EQ(atEnd.cpuPercent, liveAtEnd.cpuPercent) << group;
        EXPECT_EQ(atEnd.members.size(), liveAtEnd.members.size()) << group;
    }
    // The window remembers its tab for the next test's window: the one it opens on by default.
    window.showView("compare");
}
