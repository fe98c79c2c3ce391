#include "isolens/core/stats/latest_stats.hpp"

#include <gtest/gtest.h>

using namespace isolens;

namespace {

CollectorEvent event(CollectorEvent::Kind kind, const std::string& id)
{
    CollectorEvent e;
    e.kind = kind;
    e.containerId = id;
    return e;
}

} // namespace

TEST(LatestStats, FollowsEachContainersStateInOrder)
{
    LatestStats board;
    board.add("b", "second");
    board.add("a", "first");
    board.add("b", "again"); // already there
    auto entries = board.snapshot();
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].name, "second");
    EXPECT_EQ(entries[0].state, LatestStats::State::Waiting);

    auto sample = event(CollectorEvent::Kind::Sample, "a");
    sample.sample.valid = true;
    sample.sample.cpuPercent = 42;
    board.apply(sample);
    EXPECT_EQ(board.snapshot()[1].state, LatestStats::State::Live);
    EXPECT_EQ(board.snapshot()[1].sample.cpuPercent, 42);

    board.apply(event(CollectorEvent::Kind::Gap, "a"));
    EXPECT_EQ(board.snapshot()[1].state, LatestStats::State::Stale);

    auto stopped = event(CollectorEvent::Kind::Stopped, "a");
    stopped.exit = ContainerExit{137, std::nullopt, {}, {}};
    board.apply(stopped);
    EXPECT_EQ(board.snapshot()[1].state, LatestStats::State::Stopped);
    EXPECT_EQ(board.snapshot()[1].message, "exited (137)");

    auto failed = event(CollectorEvent::Kind::Error, "b");
    failed.error = makeError(ErrorKind::EngineUnreachable, "engine gone");
    board.apply(failed);
    EXPECT_EQ(board.snapshot()[0].state, LatestStats::State::Failed);
    EXPECT_EQ(board.snapshot()[0].message, "engine gone");

    board.apply(event(CollectorEvent::Kind::Gap, "unknown")); // ignored
    EXPECT_EQ(board.snapshot().size(), 2u);
}
