// A pair against a scripted engine: what it asks the engine for each mode, what it removes when a step
// fails, what it records, and how a container that ends on its own is reported. The same against the
// real private engine is tests/integration/pair_test.cpp.
#include "scripted_pair_engine.hpp"

#include "isolens/core/recording/recording.hpp"
#include "isolens/core/session/pair_session.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace isolens;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// What the session told its observer, from its threads.
struct Observed {
    struct Event {
        std::string mode;
        std::string kind;
        std::string detail;
    };
    mutable std::mutex mutex;
    std::vector<Event> events;
    std::vector<std::pair<std::string, ContainerExit>> exits;
};

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout = 10s)
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > until)
            return false;
        std::this_thread::sleep_for(20ms);
    }
    return true;
}

PairRequest linuxPair()
{
    PairRequest request;
    request.image = "busybox:1.36";
    request.command = {"sh", "-c", "while true; do sleep 1; done"};
    request.modes = {IsolationMode{"runc", "", "runc"}, IsolationMode{"isolens-vm", "", "isolens-vm"}};
    return request;
}

// The kinds a mode's events had in the recording, in order.
std::vector<std::string> kindsOf(const Recording& recording, const std::string& mode)
{
    std::vector<std::string> kinds;
    for (const auto& event : recording.events)
        if (event.mode == mode)
            kinds.push_back(event.kind);
    return kinds;
}

const RecordedEvent* findEvent(const Recording& recording, const std::string& mode, const std::string& kind)
{
    for (const auto& event : recording.events)
        if (event.mode == mode && event.kind == kind)
            return &event;
    return nullptr;
}

std::string detailOf(const Recording& recording, const std::string& mode, const std::string& kind)
{
    const auto* event = findEvent(recording, mode, kind);
    return event ? event->detail : "(no " + kind + " event)";
}

class PairSessionTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        dir_ = fs::temp_directory_path() /
               ("isolens-pair-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()));
        ASSERT_TRUE(fs::create_directories(dir_));
    }

    void TearDown() override
    {
        session_.reset(); // before the engine it talks to
        recorder_.reset();
        engine_.reset();
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    // Starts a pair on a fake engine with this script, recording and observing it.
    Result<void> start(ScriptedPairEngine::Script script, PairRequest request = linuxPair(),
                       const std::string& osType = "linux")
    {
        engine_ = std::make_unique<ScriptedPairEngine>(script);
        EngineClientOptions options;
        options.pinnedApiVersion = "1.41"; // no ping: the fake engine speaks containers only
        options.requests.connectTimeout = 2s;
        options.requests.responseTimeout = 5s;
        auto client = std::make_shared<EngineClient>(engine_->endpoint(), options);
        EngineInfo info;
        info.osType = osType;
        if (osType == "windows")
            info.defaultIsolation = "process";
        auto recorder = RecordingWriter::create(
            recordingPath(), pairRecordingHeader(request, info, client->endpoint().url, "pair session test"));
        EXPECT_TRUE(recorder) << recorder.error().message;
        if (recorder)
            recorder_ = std::move(recorder.value());
        session_ = std::make_unique<PairSession>(client, info, request, store_, recorder_.get(),
                                                 PairSession::Log{}, ContainerLedger(ledgerPath()));
        PairObserver observer;
        observer.event = [this](const std::string& mode, const std::string& kind, const std::string& detail) {
            std::lock_guard lock(observed_.mutex);
            observed_.events.push_back({mode, kind, detail});
        };
        observer.exited = [this](const std::string& mode, const ContainerExit& exit) {
            std::lock_guard lock(observed_.mutex);
            observed_.exits.emplace_back(mode, exit);
        };
        session_->setObserver(std::move(observer));
        return session_->start();
    }

    // Ends the session (stopping it, if it was not) and the recording, and reads what was recorded.
    Recording finish()
    {
        session_.reset();
        recorder_.reset();
        auto recording = readRecording(recordingPath());
        EXPECT_TRUE(recording) << recording.error().message;
        return recording ? recording.value() : Recording{};
    }

    std::set<std::string> ledgerIds() const
    {
        auto ids = ContainerLedger(ledgerPath()).ids();
        EXPECT_TRUE(ids) << ids.error().message;
        return ids ? ids.value() : std::set<std::string>{};
    }

    fs::path recordingPath() const { return dir_ / "pair.jsonl"; }
    fs::path ledgerPath() const { return dir_ / "ledger.jsonl"; }

    fs::path dir_;
    std::unique_ptr<ScriptedPairEngine> engine_;
    SeriesStore store_;
    std::unique_ptr<RecordingWriter> recorder_;
    Observed observed_;
    std::unique_ptr<PairSession> session_;
};

const std::string kRemovedWithVolumes = "?force=1&v=1";

} // namespace

TEST_F(PairSessionTest, CreatesBothContainersFromTheSameImageAndCommandEachWithItsRuntime)
{
    const auto started = start({});
    ASSERT_TRUE(started) << started.error().describe();
    const auto creates = engine_->requests("POST", "/containers/create");
    ASSERT_EQ(creates.size(), 2u);
    const std::string labels[2] = {"runc", "isolens-vm"};
    for (std::size_t side = 0; side < 2; ++side) {
        SCOPED_TRACE(labels[side]);
        const auto body = nlohmann::json::parse(creates[side].body, nullptr, false);
        ASSERT_TRUE(body.is_object()) << creates[side].body;
        EXPECT_EQ(body.value("Image", ""), "busybox:1.36");
        EXPECT_EQ(body["Cmd"], (nlohmann::json{"sh", "-c", "while true; do sleep 1; done"}));
        EXPECT_EQ(body["HostConfig"].value("Runtime", ""), labels[side]);
        EXPECT_FALSE(body["HostConfig"].contains("Isolation")) << "a Linux engine has no isolation modes";
        EXPECT_EQ(body["Labels"].value(std::string(kSessionLabel), ""), session_->id());
        EXPECT_EQ(body["Labels"].value(std::string(kModeLabel), ""), labels[side]);
        EXPECT_EQ(body["Labels"].value(std::string(kOwnerPidLabel), ""), std::to_string(::getpid()));
        EXPECT_EQ(creates[side].query, "name=" + pairContainerName(session_->id(), labels[side]));
        EXPECT_EQ(session_->containerOf(labels[side]), ScriptedPairEngine::idOf(static_cast<int>(side) + 1));
    }
    // Both started, and each recorded for cleanup as soon as it was created.
    const auto starts = engine_->requests("POST", "/start");
    ASSERT_EQ(starts.size(), 2u);
    std::set<std::string> startedPaths{starts[0].path, starts[1].path};
    EXPECT_EQ(startedPaths, (std::set<std::string>{"/containers/" + ScriptedPairEngine::idOf(1) + "/start",
                                                   "/containers/" + ScriptedPairEngine::idOf(2) + "/start"}));
    EXPECT_EQ(ledgerIds(), (std::set<std::string>{ScriptedPairEngine::idOf(1), ScriptedPairEngine::idOf(2)}));
}

TEST_F(PairSessionTest, AWindowsPairAsksEachModesIsolationAndTheDefaultRuntime)
{
    PairRequest request = linuxPair();
    request.image = "mcr.microsoft.com/windows/nanoserver:ltsc2022";
    request.command = {"ping", "-t", "localhost"};
    request.modes = {IsolationMode{"Hyper-V", "hyperv", ""}, IsolationMode{"process", "process", ""}};
    const auto started = start({}, request, "windows");
    ASSERT_TRUE(started) << started.error().describe();
    const auto creates = engine_->requests("POST", "/containers/create");
    ASSERT_EQ(creates.size(), 2u);
    const std::string isolations[2] = {"hyperv", "process"};
    for (std::size_t side = 0; side < 2; ++side) {
        const auto body = nlohmann::json::parse(creates[side].body, nullptr, false);
        ASSERT_TRUE(body.is_object()) << creates[side].body;
        EXPECT_EQ(body.value("Image", ""), request.image);
        EXPECT_EQ(body["Cmd"], (nlohmann::json{"ping", "-t", "localhost"}));
        EXPECT_EQ(body["HostConfig"].value("Isolation", ""), isolations[side]);
        EXPECT_FALSE(body["HostConfig"].contains("Runtime")) << isolations[side];
    }
}

TEST_F(PairSessionTest, WhenTheSecondCreateFailsTheFirstIsRemovedAndTheErrorIsTheEngines)
{
    const auto started = start({.failCreate = 2});
    ASSERT_FALSE(started);
    EXPECT_NE(started.error().message.find(ScriptedPairEngine::kCreateRefusal), std::string::npos)
        << started.error().describe();
    EXPECT_EQ(started.error().httpStatus, 400);
    EXPECT_EQ(engine_->removals(),
              std::vector<std::string>{ScriptedPairEngine::idOf(1) + kRemovedWithVolumes});
    EXPECT_TRUE(engine_->requests("POST", "/start").empty()) << "nothing starts after a failed create";
    EXPECT_TRUE(engine_->requests("GET", "/stats").empty());
    EXPECT_EQ(session_->containerOf("isolens-vm"), "");

    const auto recording = finish();
    EXPECT_EQ(kindsOf(recording, "runc"), (std::vector<std::string>{"created", "removed"}));
    EXPECT_TRUE(kindsOf(recording, "isolens-vm").empty());
    EXPECT_EQ(engine_->removals().size(), 1u) << "the end of the session removes nothing twice";
}

TEST_F(PairSessionTest, WhenEitherStartFailsBothContainersAreRemovedAndTheErrorIsTheEngines)
{
    for (int failing : {1, 2}) {
        SCOPED_TRACE("the start of container " + std::to_string(failing) + " fails");
        const auto started = start({.failStart = failing});
        ASSERT_FALSE(started);
        EXPECT_NE(started.error().message.find(ScriptedPairEngine::kStartRefusal), std::string::npos)
            << started.error().describe();
        EXPECT_EQ(started.error().httpStatus, 500);
        auto removed = engine_->removals();
        std::sort(removed.begin(), removed.end());
        EXPECT_EQ(removed, (std::vector<std::string>{ScriptedPairEngine::idOf(1) + kRemovedWithVolumes,
                                                     ScriptedPairEngine::idOf(2) + kRemovedWithVolumes}));
        EXPECT_TRUE(engine_->requests("GET", "/stats").empty()) << "a pair that did not start is not watched";

        const auto recording = finish();
        const std::string failedMode = failing == 1 ? "runc" : "isolens-vm";
        EXPECT_EQ(findEvent(recording, failedMode, "started"), nullptr);
        for (const auto* mode : {"runc", "isolens-vm"}) {
            EXPECT_NE(findEvent(recording, mode, "created"), nullptr) << mode;
            EXPECT_NE(findEvent(recording, mode, "removed"), nullptr) << mode;
        }
        TearDown();
        SetUp();
    }
}

TEST_F(PairSessionTest, StopRemovesBothContainersAndTheRecordingHasTheRunInOrder)
{
    const auto started = start({});
    ASSERT_TRUE(started) << started.error().describe();
    ASSERT_TRUE(eventually([&] {
        const auto runs = session_->runs();
        return runs[0].samples >= 2 && runs[1].samples >= 2;
    })) << "both modes are sampled";
    EXPECT_TRUE(engine_->removals().empty()) << "nothing is removed while the pair runs";
    session_->stop();
    auto removed = engine_->removals();
    std::sort(removed.begin(), removed.end());
    EXPECT_EQ(removed, (std::vector<std::string>{ScriptedPairEngine::idOf(1) + kRemovedWithVolumes,
                                                 ScriptedPairEngine::idOf(2) + kRemovedWithVolumes}));
    EXPECT_GE(store_.size("runc"), 2u);
    EXPECT_GE(store_.size("isolens-vm"), 2u);

    const auto name = [&](const std::string& mode) { return pairContainerName(session_->id(), mode); };
    const std::string runcName = name("runc");
    const std::string vmName = name("isolens-vm");
    const auto recording = finish();
    const std::vector<std::string> run{"created", "started", kCreateToRunningEvent, kFirstSampleEvent,
                                       "removed"};
    EXPECT_EQ(kindsOf(recording, "runc"), run);
    EXPECT_EQ(kindsOf(recording, "isolens-vm"), run);
    EXPECT_EQ(detailOf(recording, "runc", "created"), ScriptedPairEngine::idOf(1));
    EXPECT_EQ(detailOf(recording, "isolens-vm", "created"), ScriptedPairEngine::idOf(2));
    EXPECT_EQ(detailOf(recording, "runc", "started"), runcName);
    EXPECT_EQ(detailOf(recording, "isolens-vm", "removed"), vmName);
    std::size_t samples[2] = {0, 0};
    for (const auto& [mode, sample] : recording.samples) {
        samples[0] += mode == "runc" && sample.valid;
        samples[1] += mode == "isolens-vm" && sample.valid;
    }
    EXPECT_GE(samples[0], 2u);
    EXPECT_GE(samples[1], 2u);
    EXPECT_EQ(recording.header["modes"][1]["runtime"], "isolens-vm");
    // The observer was told the same events as the recording.
    std::lock_guard lock(observed_.mutex);
    EXPECT_EQ(observed_.events.size(), recording.events.size());
    EXPECT_TRUE(observed_.exits.empty()) << "a stopped pair did not end on its own";
}

TEST_F(PairSessionTest, KeptContainersAreLeftRunningOnStop)
{
    PairRequest request = linuxPair();
    request.keepContainers = true;
    const auto started = start({}, request);
    ASSERT_TRUE(started) << started.error().describe();
    session_->stop();
    EXPECT_TRUE(engine_->removals().empty());
    const auto recording = finish();
    EXPECT_EQ(findEvent(recording, "runc", "removed"), nullptr);
}

TEST_F(PairSessionTest, AContainerThatExitsOnItsOwnIsReportedWithItsCodeAndOutput)
{
    const auto started = start({.exitsOnItsOwn = true});
    ASSERT_TRUE(started) << started.error().describe();
    ASSERT_TRUE(eventually([&] { return session_->bothExited(); })) << "both commands exited";
    const auto runs = session_->runs();
    for (const auto& run : runs) {
        SCOPED_TRACE(run.mode.label);
        ASSERT_TRUE(run.exit);
        EXPECT_EQ(run.exit->exitCode, 3);
        ASSERT_TRUE(run.exit->ranSeconds);
        EXPECT_NEAR(*run.exit->ranSeconds, 1.5, 0.01);
        EXPECT_EQ(run.exit->lastOutput, std::vector<std::string>{ScriptedPairEngine::kLastOutput});
        EXPECT_EQ(run.samples, 1u);
        EXPECT_EQ(whyNoSamples(run), "");
    }
    {
        std::lock_guard lock(observed_.mutex);
        ASSERT_EQ(observed_.exits.size(), 2u) << "the observer hears of each exit once";
        std::set<std::string> modes{observed_.exits[0].first, observed_.exits[1].first};
        EXPECT_EQ(modes, (std::set<std::string>{"runc", "isolens-vm"}));
        for (const auto& [mode, exit] : observed_.exits)
            EXPECT_EQ(exit.exitCode, 3) << mode;
    }
    const auto recording = finish();
    for (const auto* mode : {"runc", "isolens-vm"}) {
        SCOPED_TRACE(mode);
        const auto* exited = findEvent(recording, mode, "exited");
        ASSERT_NE(exited, nullptr);
        EXPECT_NE(exited->detail.find("exited with code 3"), std::string::npos) << exited->detail;
        EXPECT_NE(exited->detail.find(ScriptedPairEngine::kLastOutput), std::string::npos) << exited->detail;
        EXPECT_EQ(exited->data.value("exit_code", -1), 3) << exited->data.dump();
        EXPECT_EQ(findEvent(recording, mode, "error"), nullptr) << "an exit is not a failed stream";
        EXPECT_EQ(findEvent(recording, mode, "gap"), nullptr);
        EXPECT_NE(findEvent(recording, mode, "removed"), nullptr) << "an exited container is removed too";
    }
}
