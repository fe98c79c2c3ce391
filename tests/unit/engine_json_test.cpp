#include "isolens/core/engine/engine_json.hpp"

#include <gtest/gtest.h>

#include <limits>

using namespace isolens;
using nlohmann::json;

TEST(EngineJson, WindowsInfoCarriesIsolationAndBuild)
{
    // Fields as a Windows Server 2022 engine reports them (trimmed).
    auto info = parseEngineInfo(json::parse(R"x({
        "OSType": "windows", "OperatingSystem": "Windows Server 2022 Datacenter Version 2009 (OS Build 20348.2113)",
        "KernelVersion": "10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)", "Isolation": "process",
        "NCPU": 16, "MemTotal": 68719476736, "ServerVersion": "24.0.7", "Runtimes": null,
        "Containers": 3, "ContainersRunning": 1, "Images": 5})x"));
    EXPECT_EQ(info.osType, "windows");
    EXPECT_EQ(info.defaultIsolation, "process");
    EXPECT_EQ(info.cpus, 16);
    EXPECT_EQ(info.memoryBytes, 68719476736);
    EXPECT_TRUE(info.runtimes.empty());
    EXPECT_EQ(info.containersRunning, 1);
}

TEST(EngineJson, LinuxInfoListsRuntimes)
{
    auto info = parseEngineInfo(json::parse(R"({"OSType":"linux","Runtimes":{"runc":{"path":"runc"},
        "isolens-vm":{"path":"/usr/sbin/runc"}},"DefaultRuntime":"runc","NCPU":"not a number"})"));
    EXPECT_EQ(info.runtimes, (std::vector<std::string>{"isolens-vm", "runc"}));
    EXPECT_EQ(info.defaultRuntime, "runc");
    EXPECT_EQ(info.cpus, 0); // wrong type: default, not a crash
    EXPECT_EQ(info.defaultIsolation, "");
}

TEST(EngineJson, ContainerDetailsFromInspect)
{
    auto details = parseContainerDetails(json::parse(R"({"Id":"abc","Name":"/pair-a","Platform":"linux",
        "Created":"2026-11-27T23:59:59.25Z",
        "State":{"Status":"running","Running":true,"Pid":42,"ExitCode":0,"StartedAt":"2026-11-28T00:00:00Z"},
        "Config":{"Image":"isolens-test/busybox:latest","Labels":{"isolens.session":"s1"}},
        "HostConfig":{"Isolation":"hyperv","Runtime":"runc","NanoCpus":2000000000,"Memory":1073741824,"CpuCount":2}})"));
    EXPECT_EQ(details.name, "pair-a");
    EXPECT_TRUE(details.running);
    EXPECT_EQ(details.pid, 42);
    EXPECT_EQ(details.created, "2026-11-27T23:59:59.25Z");
    EXPECT_EQ(details.startedAt, "2026-11-28T00:00:00Z");
    EXPECT_EQ(details.isolation, "hyperv");
    EXPECT_EQ(details.nanoCpus, 2000000000);
    EXPECT_EQ(details.cpuCount, 2);
    EXPECT_EQ(details.labels.at("isolens.session"), "s1");
}

// Cleanup tells a label IsoLens set from one an image passed on: both sides are needed.
TEST(EngineJson, ImageLabelsAndAContainersImageId)
{
    auto image = parseImageDetails(json::parse(R"({"Id":"sha256:1","Os":"linux",
        "Config":{"Labels":{"isolens.session":"deadbeef"}}})"));
    EXPECT_EQ(image.labels.at("isolens.session"), "deadbeef");
    EXPECT_TRUE(
        parseImageDetails(json::parse(R"({"Id":"sha256:1","Config":{"Labels":null}})")).labels.empty());
    auto container = parseContainerSummary(json::parse(R"({"Id":"c1","Names":["/db"],"Image":"db:latest",
        "ImageID":"sha256:1","Labels":{}})"));
    EXPECT_EQ(container.imageId, "sha256:1");
}

TEST(EngineJson, CreateBodyHasOnlyWhatWasAskedFor)
{
    ContainerSpec spec;
    spec.image = "busybox";
    auto minimal = containerCreateBody(spec);
    EXPECT_EQ(minimal, json::parse(R"({"Image":"busybox","HostConfig":{}})"));

    spec.name = "ignored-in-body";
    spec.command = {"sleep", "60"};
    spec.labels = {{"isolens.mode", "process"}};
    spec.isolation = "process";
    spec.runtime = "runc";
    spec.nanoCpus = 1000000000;
    spec.memoryBytes = 512 * 1024 * 1024;
    spec.cpuCount = 2;
    auto full = containerCreateBody(spec);
    EXPECT_EQ(full["Cmd"], json::parse(R"(["sleep","60"])"));
    EXPECT_EQ(full["Labels"]["isolens.mode"], "process");
    EXPECT_EQ(full["HostConfig"]["Isolation"], "process");
    EXPECT_EQ(full["HostConfig"]["Runtime"], "runc");
    EXPECT_EQ(full["HostConfig"]["NanoCpus"], 1000000000);
    EXPECT_EQ(full["HostConfig"]["Memory"], 512 * 1024 * 1024);
    EXPECT_EQ(full["HostConfig"]["CpuCount"], 2);
    EXPECT_FALSE(full.contains("name"));
    EXPECT_FALSE(full["HostConfig"].contains("Privileged"));
}

TEST(EngineJson, FiltersAndErrorMessages)
{
    EXPECT_EQ(filtersJson({{"label", {"isolens.session=s1"}}}), R"({"label":["isolens.session=s1"]})");
    EXPECT_EQ(engineErrorMessage(R"({"message":"No such container: x"})"), "No such container: x");
    EXPECT_EQ(engineErrorMessage("page not found\n"), "page not found");
}

TEST(EngineJson, TopAndEvents)
{
    auto table = parseProcessTable(json::parse(
        R"({"Titles":["Name","PID","CPU","Private Working Set"],"Processes":[["PING.EXE","4242","00:00:00.015","1.2MB"]]})"));
    ASSERT_EQ(table.processes.size(), 1u);
    EXPECT_EQ(table.processes[0][0], "PING.EXE");
    EXPECT_EQ(table.titles[3], "Private Working Set");

    auto event = parseEngineEvent(json::parse(
        R"({"Type":"container","Action":"die","Actor":{"ID":"abc","Attributes":{"exitCode":"0","name":"a"}},"timeNano":5})"));
    EXPECT_EQ(event.action, "die");
    EXPECT_EQ(event.attributes.at("exitCode"), "0");
    EXPECT_EQ(event.timeNano, 5);
}

TEST(EngineJson, NumbersBeyondTheFieldsRangeAreClamped)
{
    // A plain cast of 1e300 to int is undefined behaviour; the figure clamps instead.
    const auto info = parseEngineInfo(json::parse(R"({"NCPU": 1e300, "MemTotal": -1e300,
        "Containers": 18446744073709551615, "ContainersRunning": -9223372036854775808, "Images": 2.5})"));
    EXPECT_EQ(info.cpus, std::numeric_limits<int>::max());
    EXPECT_EQ(info.memoryBytes, std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(info.containers, std::numeric_limits<int>::max());
    EXPECT_EQ(info.containersRunning, std::numeric_limits<int>::min());
    EXPECT_EQ(info.images, 2);
}

TEST(EngineJson, ABooleanIsNoCount)
{
    // nlohmann's get<int>() reads true as 1: a count of the wrong type must be the default like any other.
    const auto details = parseContainerDetails(json::parse(R"({"State":{"Pid":true,"ExitCode":true},
        "HostConfig":{"NanoCpus":true,"Memory":false,"CpuCount":true}})"));
    EXPECT_EQ(details.pid, 0);
    EXPECT_EQ(details.exitCode, 0);
    EXPECT_EQ(details.nanoCpus, 0);
    EXPECT_EQ(details.cpuCount, 0);
    EXPECT_EQ(parseEngineInfo(json::parse(R"({"NCPU":true})")).cpus, 0);
    EXPECT_EQ(parseExecState(json::parse(R"({"ExitCode":true,"Pid":true})")).exitCode, 0);
}

TEST(EngineJson, ANulByteEndsNoReply)
{
    // nlohmann takes a NUL byte for the end of input: without a check, what follows it would be ignored.
    const std::string_view body("{\"message\":\"x\"}\0junk", 20);
    EXPECT_EQ(engineErrorMessage(body), body);
}

// Engine API v1.44 omits VirtualSize (moby api/docs/CHANGELOG.md): Size is read, VirtualSize only when an
// engine sends nothing else.
TEST(EngineJsonApiChanges, ImageSizeIsSizeAndVirtualSizeOnlyWithoutIt)
{
    EXPECT_EQ(parseImageSummary(json::parse(R"({"Id":"sha256:1","Size":4096})")).sizeBytes, 4096);
    EXPECT_EQ(parseImageSummary(json::parse(R"({"Id":"sha256:1","Size":4096,"VirtualSize":4096})")).sizeBytes,
              4096);
    EXPECT_EQ(parseImageSummary(json::parse(R"({"Id":"sha256:1","VirtualSize":2048})")).sizeBytes, 2048);
    EXPECT_EQ(parseImageSummary(json::parse(R"({"Id":"sha256:1","Size":null,"VirtualSize":2048})")).sizeBytes,
              2048);
    EXPECT_EQ(parseImageDetails(json::parse(R"({"Id":"sha256:1","Size":8192})")).sizeBytes, 8192);
    EXPECT_EQ(parseImageDetails(json::parse(R"({"Id":"sha256:1","VirtualSize":1024})")).sizeBytes, 1024);
}

// Engine API v1.52 omits an image's Config.Labels (and other Config fields) when they are not set.
TEST(EngineJsonApiChanges, AnImageWithoutConfigLabelsHasNoLabels)
{
    const auto image =
        parseImageDetails(json::parse(R"({"Id":"sha256:1","Os":"linux","Size":1,"Config":{}})"));
    EXPECT_TRUE(image.labels.empty());
    EXPECT_EQ(image.os, "linux");
    EXPECT_TRUE(parseImageDetails(json::parse(R"({"Id":"sha256:1"})")).labels.empty());
}

// Engine API v1.52 drops the deprecated status, id and from of events; Action and Actor.ID carry them.
TEST(EngineJsonApiChanges, EventsReadActionAndActorAndTheOldFieldsOnlyWithoutThem)
{
    const auto current = parseEngineEvent(json::parse(
        R"({"Type":"container","Action":"start","Actor":{"ID":"c1","Attributes":{"name":"a"}},"scope":"local","time":1,"timeNano":7})"));
    EXPECT_EQ(current.action, "start");
    EXPECT_EQ(current.actorId, "c1");
    const auto both = parseEngineEvent(json::parse(
        R"({"status":"old","id":"old-id","from":"busybox","Type":"container","Action":"die","Actor":{"ID":"c2"}})"));
    EXPECT_EQ(both.action, "die");
    EXPECT_EQ(both.actorId, "c2");
    const auto oldOnly = parseEngineEvent(json::parse(R"({"status":"die","id":"c3","from":"busybox"})"));
    EXPECT_EQ(oldOnly.action, "die");
    EXPECT_EQ(oldOnly.actorId, "c3");
}
