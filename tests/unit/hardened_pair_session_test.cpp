#include "scripted_http_server.hpp"

#include "isolens/core/session/pair_session.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

// What a pair does with hardening a Windows engine cannot apply: refuses it before it asks the engine
// anything (the fake engine below counts every connection).
using namespace isolens;
namespace fs = std::filesystem;

namespace {

struct Outcome {
    Result<void> started;
    int connections = 0;
};

Outcome startWindowsPair(const Hardening& hardening)
{
    ScriptedHttpServer engine(
        {{http_script::reply(500, R"({"message":"scripted refusal"})", {}, "windows")}});
    EngineClientOptions options;
    options.pinnedApiVersion = "1.41";
    auto client = std::make_shared<EngineClient>(engine.endpoint(), options);
    EngineInfo info;
    info.osType = "windows";
    info.defaultIsolation = "hyperv";
    PairRequest request;
    request.image = "mcr.microsoft.com/windows/nanoserver:ltsc2022";
    request.modes = {IsolationMode{"Hyper-V", "hyperv", ""}, IsolationMode{"process", "process", ""}};
    request.hardening = hardening;
    const auto ledger =
        fs::temp_directory_path() / ("isolens-ledger-" + std::to_string(std::random_device{}()));
    SeriesStore store;
    Outcome outcome{success(), 0};
    {
        PairSession session(client, info, request, store, nullptr, {}, ContainerLedger(ledger));
        outcome.started = session.start();
    }
    outcome.connections = engine.connections();
    fs::remove(ledger);
    return outcome;
}

} // namespace

TEST(HardenedPairSession, AWindowsEngineIsAskedNothingWhenItCannotApplyTheHardening)
{
    for (const auto& hardening :
         {fullHardening(), Hardening{false, 64, false}, Hardening{false, std::nullopt, true}}) {
        const auto outcome = startWindowsPair(hardening);
        ASSERT_FALSE(outcome.started) << describeHardening(hardening);
        EXPECT_EQ(outcome.started.error().kind, ErrorKind::InvalidInput) << describeHardening(hardening);
        EXPECT_NE(outcome.started.error().message.find("A Windows engine cannot apply"), std::string::npos)
            << outcome.started.error().message;
        EXPECT_EQ(outcome.started.error().hint, "On Windows, harden with --network none alone");
        EXPECT_EQ(outcome.connections, 0) << describeHardening(hardening);
    }
}

TEST(HardenedPairSession, NoNetworkAloneGoesOnToTheWindowsEngine)
{
    const auto outcome = startWindowsPair(Hardening{true, std::nullopt, false});
    ASSERT_FALSE(outcome.started); // the scripted engine refuses everything
    EXPECT_NE(outcome.started.error().message.find("scripted refusal"), std::string::npos)
        << outcome.started.error().message;
    EXPECT_GT(outcome.connections, 0);
}
