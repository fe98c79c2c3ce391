#include "isolens/core/session/stack_membership.hpp"
#include "isolens/core/session/stack_session.hpp"

#include "isolens/core/transport/endpoint.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <string>
#include <vector>

using namespace isolens;

namespace {

const StackRequest kRequest{"com.docker.compose.project", {"stack-runc", "stack-vm"}};

Labels in(const std::string& group)
{
    return {{"com.docker.compose.project", group}, {"other", "x"}};
}

ContainerSummary running(const std::string& id, const std::string& name, const std::string& group)
{
    ContainerSummary summary;
    summary.id = id;
    summary.name = name;
    summary.labels = in(group);
    return summary;
}

std::vector<std::string> names(const std::vector<StackMember>& members)
{
    std::vector<std::string> out;
    for (const auto& member : members)
        out.push_back(member.name);
    return out;
}

} // namespace

TEST(StackRequest, NeedsALabelAndTwoDifferentValues)
{
    struct Case {
        StackRequest request;
        bool ok;
    };
    const Case cases[] = {
        {kRequest, true},
        {{"", {"a", "b"}}, false},
        {{"l=a", {"a", "b"}}, false},
        {{"l", {"", "b"}}, false},
        {{"l", {"a", ""}}, false},
        {{"l", {"a", "a"}}, false},
        {{"l", {"web", "web/v2"}}, false}, // "web"'s members would take in "web/v2"'s sum
    };
    for (const auto& c : cases) {
        const auto checked = checkStackRequest(c.request);
        EXPECT_EQ(checked.has_value(), c.ok) << c.request.label << " " << c.request.groups[0];
        if (!checked) {
            EXPECT_FALSE(checked.error().hint.empty());
        }
    }
}

TEST(StackMembership, AMemberIsKeptUnderItsGroupAndName)
{
    EXPECT_EQ(stackMemberKey("stack-runc", "web-1"), "stack-runc/web-1");
    StackMembership membership(kRequest);
    const auto web = membership.join("id1", "web-1", in("stack-vm"));
    ASSERT_TRUE(web);
    EXPECT_EQ(web->side, 1u);
    EXPECT_EQ(web->seriesKey, "stack-vm/web-1");
    EXPECT_FALSE(membership.join("id2", "db", in("another-project"))) << "another value: not a member";
    EXPECT_FALSE(membership.join("id3", "db", {{"other", "x"}})) << "without the label: not a member";
    EXPECT_FALSE(membership.join("id1", "web-1", in("stack-vm"))) << "a member already";
}

TEST(StackMembership, FollowsASequenceOfEvents)
{
    struct Step {
        const char* action; // start, die
        const char* id;
        const char* name;
        const char* group;
        std::vector<std::string> runcMembers;
        std::vector<std::string> vmMembers;
    };
    const std::vector<Step> steps = {
        {"start", "1", "web", "stack-runc", {"web"}, {}},
        {"start", "2", "db", "stack-runc", {"db", "web"}, {}},
        {"start", "3", "web", "stack-vm", {"db", "web"}, {"web"}},
        {"die", "2", "", "", {"web"}, {"web"}},
        {"die", "2", "", "", {"web"}, {"web"}},                     // destroy after die: nothing more
        {"start", "4", "db", "stack-runc", {"db", "web"}, {"web"}}, // restarted: a new container
        {"die", "3", "", "", {"db", "web"}, {}},
    };
    StackMembership membership(kRequest);
    for (const auto& step : steps) {
        if (std::string(step.action) == "start")
            membership.join(step.id, step.name, in(step.group));
        else
            membership.leave(step.id);
        EXPECT_EQ(names(membership.members(0)), step.runcMembers) << step.action << " " << step.id;
        EXPECT_EQ(names(membership.members(1)), step.vmMembers) << step.action << " " << step.id;
    }
}

TEST(StackMembership, AListingAddsWhatTheEventsMissedAndDropsWhatStopped)
{
    StackMembership membership(kRequest);
    membership.join("1", "web", in("stack-runc"));
    membership.join("2", "gone", in("stack-runc")); // its die event was missed
    const auto changes = membership.reconcile(
        {running("1", "web", "stack-runc"), running("3", "missed", "stack-vm")}, membership.mark());
    EXPECT_EQ(names(changes.joined), std::vector<std::string>{"missed"});
    EXPECT_EQ(names(changes.left), std::vector<std::string>{"gone"});
    EXPECT_EQ(names(membership.members(0)), std::vector<std::string>{"web"});
    EXPECT_EQ(names(membership.members(1)), std::vector<std::string>{"missed"});
}

TEST(StackMembership, AListingTakenBeforeAnEventDoesNotUndoIt)
{
    StackMembership membership(kRequest);
    membership.join("old", "old", in("stack-runc"));
    const auto since = membership.mark();            // the listing is asked for now...
    membership.join("new", "new", in("stack-runc")); // ...a start arrives while it is under way...
    membership.leave("old");                         // ...and a stop
    // ...and the listing, taken before both, has old and not new.
    const auto changes = membership.reconcile({running("old", "old", "stack-runc")}, since);
    EXPECT_TRUE(changes.joined.empty());
    EXPECT_TRUE(changes.left.empty());
    EXPECT_EQ(names(membership.members(0)), std::vector<std::string>{"new"});
    // The next listing, taken after both, is the truth again.
    const auto next = membership.reconcile({}, membership.mark());
    EXPECT_EQ(names(next.left), std::vector<std::string>{"new"});
}

TEST(StackMembership, MembersBeyondTheCapAreSummedWithoutASeriesOfTheirOwn)
{
    StackMembership membership(kRequest, 2);
    EXPECT_FALSE(membership.join("1", "a", in("stack-runc"))->seriesKey.empty());
    EXPECT_FALSE(membership.join("2", "b", in("stack-runc"))->seriesKey.empty());
    EXPECT_TRUE(membership.join("3", "c", in("stack-runc"))->seriesKey.empty()) << "a third series";
    EXPECT_FALSE(membership.join("4", "a", in("stack-vm"))->seriesKey.empty()) << "the other group's own";
    membership.leave("1");
    EXPECT_TRUE(membership.join("5", "d", in("stack-runc"))->seriesKey.empty())
        << "a series is a recording's mode for good: one that left still counts";
    EXPECT_EQ(membership.join("6", "a", in("stack-runc"))->seriesKey, "stack-runc/a")
        << "a member that comes back (same name) has its series again";
    EXPECT_EQ(membership.members(0).size(), 4u);
}

TEST(StackRecordingHeader, NamesTheGroupsAsModesAndTheLabelAsStacks)
{
    EngineInfo engine;
    engine.osType = "linux";
    engine.serverVersion = "29.0.1";
    const auto header =
        stackRecordingHeader(kRequest, engine, "unix:///run/docker.sock", "isolens dashboard");
    ASSERT_TRUE(header.stacks);
    EXPECT_EQ(header.stacks->label, "com.docker.compose.project");
    EXPECT_EQ(header.modeLabel(0), "stack-runc");
    EXPECT_EQ(header.modeLabel(1), "stack-vm");
    EXPECT_EQ(header.recordedBy, "isolens dashboard");
    EXPECT_EQ(header.engine.endpoint, "unix:///run/docker.sock");
    EXPECT_GT(header.startedNanos, 0);
}

TEST(StackSession, RefusesABadRequestWithoutAskingTheEngine)
{
    SeriesStore store;
    StackSession session(std::make_shared<EngineClient>(Endpoint{}), EngineInfo{}, {"l", {"a", "a"}}, store,
                         nullptr);
    const auto started = session.start();
    ASSERT_FALSE(started);
    EXPECT_EQ(started.error().kind, ErrorKind::InvalidInput);
    session.stop();
}

TEST(StackSession, StopsPromptlyWhileTheEngineIsAway)
{
    SeriesStore store;
    auto endpoint = parseHostUrl("unix:///nonexistent-isolens/docker.sock");
    ASSERT_TRUE(endpoint);
    StackSession session(std::make_shared<EngineClient>(endpoint.value()), EngineInfo{}, kRequest, store,
                         nullptr);
    ASSERT_TRUE(session.start());
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // its threads retrying
    const auto before = std::chrono::steady_clock::now();
    session.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::milliseconds(500));
    EXPECT_TRUE(session.members()[0].empty());
    EXPECT_TRUE(store.keys().empty()) << "no member, no sum: nothing is written as zero";
}
