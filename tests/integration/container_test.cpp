#include "private_engine.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <thread>

using namespace isolens;
using namespace std::chrono_literals;

namespace {

// Removes the container when the test ends, whatever happened.
class ContainerGuard {
public:
    ContainerGuard(EngineClient& client, std::string id)
        : client_(client)
        , id_(std::move(id))
    {}
    ~ContainerGuard() { (void)client_.removeContainer(id_, /*force=*/true); }
    const std::string& id() const { return id_; }

private:
    EngineClient& client_;
    std::string id_;
};

ContainerSpec sleeper(const std::string& name)
{
    ContainerSpec spec;
    spec.name = name;
    spec.image = privateEngine().testImage();
    spec.command = {"sleep", "300"};
    spec.labels = {{"isolens.test", "container"}, {"isolens.name", name}};
    return spec;
}

// Creates and starts a sleeping container, removed when the returned guard goes.
std::unique_ptr<ContainerGuard> startSleeper(EngineClient& client, const std::string& prefix)
{
    auto created = client.createContainer(sleeper(uniqueName(prefix)));
    if (!created) {
        ADD_FAILURE() << created.error().describe();
        return nullptr;
    }
    auto guard = std::make_unique<ContainerGuard>(client, created.value().id);
    if (auto started = client.startContainer(guard->id()); !started) {
        ADD_FAILURE() << started.error().describe();
        return nullptr;
    }
    return guard;
}

} // namespace

TEST(Containers, FullLifecycleWithLabelsLimitsAndASecondRuntime)
{
    auto client = privateEngine().client();
    auto spec = sleeper(uniqueName("life"));
    spec.runtime = privateEngine().secondRuntime();
    spec.memoryBytes = 64 * 1024 * 1024;
    spec.nanoCpus = 500'000'000;
    auto created = client.createContainer(spec);
    ASSERT_TRUE(created) << created.error().describe();
    ContainerGuard guard(client, created.value().id);

    ASSERT_TRUE(client.startContainer(guard.id()));
    auto details = client.inspectContainer(guard.id());
    ASSERT_TRUE(details) << details.error().describe();
    EXPECT_TRUE(details.value().running);
    EXPECT_GT(details.value().pid, 0);
    EXPECT_EQ(details.value().name, spec.name);
    EXPECT_EQ(details.value().runtime, privateEngine().secondRuntime());
    EXPECT_EQ(details.value().memoryBytes, 64 * 1024 * 1024);
    EXPECT_EQ(details.value().nanoCpus, 500'000'000);
    EXPECT_EQ(details.value().labels.at("isolens.test"), "container");

    // Starting again is harmless (the engine answers 304).
    EXPECT_TRUE(client.startContainer(guard.id()));

    auto top = client.top(guard.id());
    ASSERT_TRUE(top) << top.error().describe();
    ASSERT_FALSE(top.value().processes.empty());
    bool sawSleep = false;
    for (const auto& row : top.value().processes)
        for (const auto& cell : row)
            sawSleep = sawSleep || cell.find("sleep 300") != std::string::npos;
    EXPECT_TRUE(sawSleep);

    auto listed = client.listContainers({{"label", {"isolens.name=" + spec.name}}});
    ASSERT_TRUE(listed) << listed.error().describe();
    ASSERT_EQ(listed.value().size(), 1u);
    EXPECT_EQ(listed.value()[0].id, guard.id());
    EXPECT_EQ(listed.value()[0].state, "running");
    EXPECT_EQ(listed.value()[0].name, spec.name);

    ASSERT_TRUE(client.stopContainer(guard.id(), 1));
    details = client.inspectContainer(guard.id());
    ASSERT_TRUE(details);
    EXPECT_FALSE(details.value().running);
    EXPECT_EQ(details.value().status, "exited");
    EXPECT_TRUE(client.stopContainer(guard.id(), 1)); // already stopped: 304, fine

    ASSERT_TRUE(client.removeContainer(guard.id()));
    auto gone = client.inspectContainer(guard.id());
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().kind, ErrorKind::ContainerNotFound);
    EXPECT_EQ(gone.error().httpStatus, 404);
    EXPECT_NE(gone.error().message.find("No such container"), std::string::npos);
}

TEST(Containers, KillEndsTheContainerWithTheSignal)
{
    auto client = privateEngine().client();
    auto container = startSleeper(client, "kill");
    ASSERT_TRUE(container);
    const auto& guard = *container;
    ASSERT_TRUE(client.killContainer(guard.id(), "KILL"));
    Result<ContainerDetails> details = client.inspectContainer(guard.id());
    for (int i = 0; i < 50 && details && details.value().running; ++i) {
        std::this_thread::sleep_for(100ms);
        details = client.inspectContainer(guard.id());
    }
    ASSERT_TRUE(details);
    EXPECT_FALSE(details.value().running);
    EXPECT_EQ(details.value().exitCode, 137);

    auto again = client.killContainer(guard.id());
    ASSERT_FALSE(again); // not running any more: the engine says so (409)
    EXPECT_EQ(again.error().httpStatus, 409);
    EXPECT_NE(again.error().message.find("is not running"), std::string::npos) << again.error().message;
}

TEST(Containers, StatsOnceAndStreamedStatsCarryTheDocumentedFields)
{
    auto client = privateEngine().client();
    auto container = startSleeper(client, "stats");
    ASSERT_TRUE(container);
    const auto& guard = *container;

    auto once = client.statsOnce(guard.id());
    ASSERT_TRUE(once) << once.error().describe();
    EXPECT_TRUE(once.value().contains("cpu_stats"));
    EXPECT_TRUE(once.value().contains("memory_stats"));
    EXPECT_TRUE(once.value().contains("read"));

    int samples = 0;
    auto streamed = client.streamStats(guard.id(), [&](const nlohmann::json& sample) {
        EXPECT_TRUE(sample.contains("precpu_stats"));
        return ++samples < 2;
    });
    ASSERT_TRUE(streamed) << streamed.error().describe();
    EXPECT_EQ(samples, 2);
}

TEST(Containers, AStatsStreamCanBeCancelledFromAnotherThread)
{
    auto client = privateEngine().client();
    auto container = startSleeper(client, "cancel");
    ASSERT_TRUE(container);
    const auto& guard = *container;

    CancelToken cancel;
    std::atomic<int> samples{0};
    std::chrono::steady_clock::time_point cancelledAt;
    std::thread canceller([&] {
        while (samples == 0)
            std::this_thread::sleep_for(1ms);
        std::this_thread::sleep_for(300ms); // in the middle of the engine's 1 s sampling pause
        cancelledAt = std::chrono::steady_clock::now();
        cancel.cancel();
    });
    auto streamed = client.streamStats(
        guard.id(), [&](const nlohmann::json&) { return ++samples > 0; }, &cancel);
    const auto stoppedAfter = std::chrono::steady_clock::now() - cancelledAt;
    canceller.join();
    ASSERT_FALSE(streamed);
    EXPECT_EQ(streamed.error().kind, ErrorKind::Cancelled);
    EXPECT_LT(stoppedAfter, 100ms);
}

TEST(Containers, ExecRunsAWorkloadAndReportsOutputAndExitCode)
{
    auto client = privateEngine().client();
    auto container = startSleeper(client, "exec");
    ASSERT_TRUE(container);
    const auto& guard = *container;

    auto ping = client.runExec(guard.id(), {"ping", "-c", "2", "127.0.0.1"});
    ASSERT_TRUE(ping) << ping.error().describe();
    EXPECT_EQ(ping.value().exitCode, 0);
    EXPECT_NE(ping.value().output.find("2 packets transmitted"), std::string::npos) << ping.value().output;

    auto failing = client.runExec(guard.id(), {"sh", "-c", "echo bad >&2; exit 3"});
    ASSERT_TRUE(failing);
    EXPECT_EQ(failing.value().exitCode, 3);
    EXPECT_EQ(failing.value().errors, "bad\n");

    auto execId = client.createExec(guard.id(), {"sleep", "1"}, /*attachOutput=*/false);
    ASSERT_TRUE(execId) << execId.error().describe();
    ASSERT_TRUE(client.startExecDetached(execId.value()));
    auto state = client.inspectExec(execId.value());
    ASSERT_TRUE(state);
    EXPECT_TRUE(state.value().running);
    EXPECT_GT(state.value().pid, 0);

    auto noCommand = client.createExec(guard.id(), {}, false);
    ASSERT_FALSE(noCommand);
    EXPECT_EQ(noCommand.error().kind, ErrorKind::InvalidInput);
}

TEST(Containers, EventsArriveForContainersWeStart)
{
    auto client = privateEngine().client();
    const auto name = uniqueName("events");
    CancelToken cancel;
    std::vector<std::string> actions;
    std::mutex mutex;
    std::thread listener([&] {
        auto streamed = client.streamEvents(
            {{"type", {"container"}}, {"label", {"isolens.name=" + name}}},
            [&](const EngineEvent& event) {
                std::lock_guard lock(mutex);
                actions.push_back(event.action);
                return event.action != "start";
            },
            &cancel);
        EXPECT_TRUE(streamed) << streamed.error().describe();
    });
    std::this_thread::sleep_for(300ms); // let the subscription reach the engine first
    auto created = client.createContainer(sleeper(name));
    ASSERT_TRUE(created);
    ContainerGuard guard(client, created.value().id);
    ASSERT_TRUE(client.startContainer(guard.id()));
    for (int i = 0; i < 50; ++i) {
        {
            std::lock_guard lock(mutex);
            if (!actions.empty() && actions.back() == "start")
                break;
        }
        std::this_thread::sleep_for(100ms);
    }
    cancel.cancel();
    listener.join();
    std::lock_guard lock(mutex);
    EXPECT_EQ(actions, (std::vector<std::string>{"create", "start"}));
}

TEST(ContainerErrors, ANameInUseIsANameConflict)
{
    auto client = privateEngine().client();
    auto spec = sleeper(uniqueName("dup"));
    auto first = client.createContainer(spec);
    ASSERT_TRUE(first);
    ContainerGuard guard(client, first.value().id);
    auto second = client.createContainer(spec);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().kind, ErrorKind::NameConflict);
    EXPECT_EQ(second.error().httpStatus, 409);
    EXPECT_NE(second.error().message.find("is already in use"), std::string::npos) << second.error().message;
    EXPECT_NE(second.error().hint.find("another container name"), std::string::npos);
}

TEST(ContainerErrors, ALinuxEngineRefusesProcessAndHyperVIsolation)
{
    auto client = privateEngine().client();
    for (const char* isolation : {"process", "hyperv"}) {
        auto spec = sleeper(uniqueName("iso"));
        spec.isolation = isolation;
        auto created = client.createContainer(spec);
        if (created)
            (void)client.removeContainer(created.value().id);
        ASSERT_FALSE(created) << isolation;
        EXPECT_EQ(created.error().kind, ErrorKind::InvalidIsolation) << created.error().message;
        EXPECT_GE(created.error().httpStatus, 400); // docker.io 20.10 answers 500
        EXPECT_NE(created.error().message.find("Invalid isolation: \"" + std::string(isolation) +
                                               "\" - linux only supports 'default'"),
                  std::string::npos)
            << created.error().message;
        EXPECT_NE(created.error().hint.find("compare runtimes"), std::string::npos);
    }
}

TEST(ContainerErrors, AMissingImageIsImageNotFound)
{
    auto client = privateEngine().client();
    auto spec = sleeper(uniqueName("noimg"));
    spec.image = "isolens-test/not-there:1.0";
    auto created = client.createContainer(spec);
    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().kind, ErrorKind::ImageNotFound);
    EXPECT_EQ(created.error().httpStatus, 404);
    EXPECT_NE(created.error().message.find("No such image"), std::string::npos) << created.error().message;
}

TEST(ContainerErrors, AnUnknownRuntimeCarriesTheEnginesMessage)
{
    auto client = privateEngine().client();
    auto spec = sleeper(uniqueName("rt"));
    spec.runtime = "no-such-runtime";
    auto created = client.createContainer(spec);
    if (created)
        (void)client.removeContainer(created.value().id);
    ASSERT_FALSE(created);
    EXPECT_NE(created.error().message.find("no-such-runtime"), std::string::npos) << created.error().message;
}

TEST(ContainerErrors, BadNamesAndImagesAreRefusedBeforeAnyRequest)
{
    // An endpoint where nothing listens: an InvalidInput error proves no request was attempted.
    EngineClient client(parseHostUrl("unix:///nonexistent/docker.sock").value());
    auto spec = sleeper("ok-name");
    spec.name = "bad name!";
    auto badName = client.createContainer(spec);
    ASSERT_FALSE(badName);
    EXPECT_EQ(badName.error().kind, ErrorKind::InvalidInput);
    EXPECT_NE(badName.error().message.find("Invalid container name 'bad name!'"), std::string::npos);

    spec = sleeper("ok-name");
    spec.image = "Not/A:valid:ref";
    auto badImage = client.createContainer(spec);
    ASSERT_FALSE(badImage);
    EXPECT_EQ(badImage.error().kind, ErrorKind::InvalidInput);
    EXPECT_NE(badImage.error().message.find("Invalid image reference"), std::string::npos);

    auto noId = client.inspectContainer("");
    ASSERT_FALSE(noId);
    EXPECT_EQ(noId.error().kind, ErrorKind::InvalidInput);
}

TEST(ContainerErrors, ContainerReferencesThatCannotBeNamesOrIdsAreRefused)
{
    EngineClient client(parseHostUrl("unix:///nonexistent/docker.sock").value());
    for (const char* bad : {"../info", "a/b", "x?all=1", "has space"}) {
        auto details = client.inspectContainer(bad);
        ASSERT_FALSE(details) << bad;
        EXPECT_EQ(details.error().kind, ErrorKind::InvalidInput) << bad;
        EXPECT_NE(details.error().message.find("not a container name or ID"), std::string::npos);
    }
}
