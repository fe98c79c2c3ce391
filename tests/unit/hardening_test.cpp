#include "isolens/core/engine/engine_json.hpp"
#include "isolens/core/engine/hardening.hpp"
#include "isolens/core/session/pair_session.hpp"

#include <gtest/gtest.h>

using namespace isolens;
using nlohmann::json;

namespace {

struct CreateBodyCase {
    const char* name;
    Hardening hardening;
    const char* hostConfig; // what the engine expects in the create body's HostConfig
};

const CreateBodyCase kCreateBodyCases[] = {
    {"none", {}, R"({})"},
    {"network", {true, std::nullopt, false}, R"({"NetworkMode":"none"})"},
    {"pids", {false, 64, false}, R"({"PidsLimit":64})"},
    {"privileges", {false, std::nullopt, true}, R"({"SecurityOpt":["no-new-privileges"]})"},
    {"network+pids", {true, 100, false}, R"({"NetworkMode":"none","PidsLimit":100})"},
    {"network+privileges",
     {true, std::nullopt, true},
     R"({"NetworkMode":"none","SecurityOpt":["no-new-privileges"]})"},
    {"pids+privileges", {false, 1, true}, R"({"PidsLimit":1,"SecurityOpt":["no-new-privileges"]})"},
    {"all", fullHardening(), R"({"NetworkMode":"none","PidsLimit":256,"SecurityOpt":["no-new-privileges"]})"},
};

} // namespace

TEST(Hardening, CreateBodyCarriesEachCombination)
{
    for (const auto& c : kCreateBodyCases) {
        ContainerSpec spec;
        spec.image = "busybox";
        spec.runtime = "runc";
        spec.hardening = c.hardening;
        auto expected = json::parse(c.hostConfig);
        expected["Runtime"] = "runc";
        EXPECT_EQ(containerCreateBody(spec)["HostConfig"], expected) << c.name;
    }
}

TEST(Hardening, NoNetworkOverridesAnotherNetworkMode)
{
    ContainerSpec spec;
    spec.image = "busybox";
    spec.networkMode = "bridge";
    spec.hardening.noNetwork = true;
    EXPECT_EQ(containerCreateBody(spec)["HostConfig"]["NetworkMode"], "none");
}

TEST(Hardening, WhatEachEngineCanApply)
{
    struct Case {
        const char* name;
        Hardening hardening;
        EngineOs os;
        bool accepted;
        const char* messagePart; // in the refusal
    };
    const Case cases[] = {
        {"nothing on Linux", {}, EngineOs::Linux, true, ""},
        {"all on Linux", fullHardening(), EngineOs::Linux, true, ""},
        {"smallest limit", {false, kMinPidsLimit, false}, EngineOs::Linux, true, ""},
        {"largest limit", {false, kMaxPidsLimit, false}, EngineOs::Linux, true, ""},
        {"zero is unlimited to the engine", {false, 0, false}, EngineOs::Linux, false, "not 0"},
        {"minus one is unlimited to the engine", {false, -1, false}, EngineOs::Linux, false, "not -1"},
        {"above PID_MAX_LIMIT", {false, kMaxPidsLimit + 1, false}, EngineOs::Linux, false, "between 1 and"},
        {"nothing on Windows", {}, EngineOs::Windows, true, ""},
        {"no network on Windows", {true, std::nullopt, false}, EngineOs::Windows, true, ""},
        {"pids on Windows", {false, 10, false}, EngineOs::Windows, false, "a PIDs limit (the engine refuses"},
        {"privileges on Windows",
         {false, std::nullopt, true},
         EngineOs::Windows,
         false,
         "no-new-privileges (the engine ignores"},
        {"all on Windows", fullHardening(), EngineOs::Windows, false, "nothing was created"},
        {"bad limit on Windows", {false, 0, false}, EngineOs::Windows, false, "between 1 and"},
    };
    for (const auto& c : cases) {
        const auto checked = checkHardening(c.hardening, c.os);
        EXPECT_EQ(bool(checked), c.accepted) << c.name;
        if (!checked) {
            EXPECT_EQ(checked.error().kind, ErrorKind::InvalidInput) << c.name;
            EXPECT_NE(checked.error().message.find(c.messagePart), std::string::npos)
                << c.name << ": " << checked.error().message;
        }
    }
}

TEST(Hardening, SentenceNamesWhatChangesInTheFigures)
{
    EXPECT_EQ(hardeningSentence({}), "");
    EXPECT_EQ(describeHardening(fullHardening()), "no network, at most 256 processes, no new privileges");
    const auto sentence = hardeningSentence(fullHardening());
    EXPECT_EQ(sentence.rfind("hardened: no network, at most 256 processes, no new privileges — this changes "
                             "what is measured: no network traffic",
                             0),
              0u)
        << sentence;
    EXPECT_NE(sentence.find("no more than 256 processes"), std::string::npos) << sentence;
    EXPECT_NE(sentence.find("setuid"), std::string::npos) << sentence;
    EXPECT_EQ(describeHardening({false, 8, false}), "at most 8 processes");
    EXPECT_EQ(hardeningEffects({true, std::nullopt, false}).find("processes"), std::string::npos);
}

TEST(Hardening, RecordingHeaderNamesIt)
{
    PairRequest request;
    request.image = "busybox";
    request.modes = {IsolationMode{"runc", "", "runc"}, IsolationMode{"kata", "", "kata"}};
    EngineInfo engine;
    engine.osType = "linux";
    EXPECT_TRUE(pairRecordingHeader(request, engine, "unix:///x", "test")["hardening"].is_null());

    request.hardening = {true, 32, false};
    const auto header = pairRecordingHeader(request, engine, "unix:///x", "test")["hardening"];
    EXPECT_EQ(header["no_network"], true);
    EXPECT_EQ(header["pids_limit"], 32);
    EXPECT_EQ(header["no_new_privileges"], false);
    EXPECT_EQ(header["description"], "no network, at most 32 processes");
    EXPECT_NE(header["changes_what_is_measured"].get<std::string>().find("no network traffic"),
              std::string::npos);
}

TEST(Hardening, InspectedContainerShowsIt)
{
    const auto details = parseContainerDetails(json::parse(R"({"Id":"c1","HostConfig":{"NetworkMode":"none",
        "PidsLimit":256,"SecurityOpt":["no-new-privileges"]}})"));
    EXPECT_EQ(details.networkMode, "none");
    EXPECT_EQ(details.pidsLimit, 256);
    EXPECT_EQ(details.securityOptions, std::vector<std::string>{"no-new-privileges"});
    const auto plain = parseContainerDetails(json::parse(R"({"Id":"c1","HostConfig":{"PidsLimit":null,
        "SecurityOpt":null}})"));
    EXPECT_EQ(plain.pidsLimit, 0);
    EXPECT_TRUE(plain.securityOptions.empty());
}
