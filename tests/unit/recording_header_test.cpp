#include "isolens/core/recording/recording.hpp"
#include "isolens/core/recording/recording_header.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace isolens;
using nlohmann::json;

namespace {

RecordingHeader fullHeader()
{
    RecordingHeader header;
    header.appVersion = "0.9.0";
    header.startedNanos = 1'795'826'344'000'000'000;
    header.image = "busybox:latest";
    header.command = {"sh", "-c", "while true; do sleep 1; done"};
    header.workload = {"sh", "-c", "yes > /dev/null"};
    header.engine = {"linux", "29.0.1", "unix:///var/run/docker.sock"};
    header.hostDescription = "Ubuntu 24.04 LTS";
    header.recordedBy = "isolens-cli compare";
    header.hardening = {{"no_network", true}, {"description", "no network"}};
    header.modes = {{"runc", "", ""}, {"kata", "", "kata-runtime"}};
    header.limits = {512ll << 20, 1'500'000'000};
    header.invocation = {"isolens-cli", "compare", "--image", "busybox:latest", "--memory", "512m"};
    return header;
}

void expectSameHeader(const RecordingHeader& a, const RecordingHeader& b)
{
    EXPECT_EQ(a.version, b.version);
    EXPECT_EQ(a.appVersion, b.appVersion);
    EXPECT_EQ(a.startedNanos, b.startedNanos);
    EXPECT_EQ(a.image, b.image);
    EXPECT_EQ(a.command, b.command);
    EXPECT_EQ(a.workload, b.workload);
    EXPECT_EQ(a.engine, b.engine);
    EXPECT_EQ(a.hostDescription, b.hostDescription);
    EXPECT_EQ(a.recordedBy, b.recordedBy);
    EXPECT_EQ(a.hardening, b.hardening);
    ASSERT_EQ(a.modes.size(), b.modes.size());
    for (std::size_t i = 0; i < a.modes.size(); ++i) {
        EXPECT_EQ(a.modes[i].label, b.modes[i].label);
        EXPECT_EQ(a.modes[i].isolation, b.modes[i].isolation);
        EXPECT_EQ(a.modes[i].runtime, b.modes[i].runtime);
    }
    EXPECT_EQ(a.limits, b.limits);
    EXPECT_EQ(a.invocation, b.invocation);
    EXPECT_EQ(a.stacks, b.stacks);
    EXPECT_EQ(a.extra, b.extra);
}

} // namespace

// The header line as this version writes it, field by field: recordings already on disk have it so.
TEST(RecordingHeader, ToJsonWritesTheFileFormat)
{
    const auto written = recordingHeaderToJson(fullHeader());
    const auto expected = json::parse(R"({
        "type":"header","format":"isolens-recording","version":1,"app_version":"0.9.0",
        "started":1795826344000000000,"image":"busybox:latest",
        "command":["sh","-c","while true; do sleep 1; done"],"workload":["sh","-c","yes > /dev/null"],
        "engine":{"os_type":"linux","version":"29.0.1","endpoint":"unix:///var/run/docker.sock"},
        "host":{"description":"Ubuntu 24.04 LTS"},"recorded_by":"isolens-cli compare",
        "hardening":{"no_network":true,"description":"no network"},
        "modes":[{"label":"runc","isolation":"","runtime":""},
                 {"label":"kata","isolation":"","runtime":"kata-runtime"}],
        "limits":{"memory_bytes":536870912,"nano_cpus":1500000000},
        "invocation":["isolens-cli","compare","--image","busybox:latest","--memory","512m"]})");
    EXPECT_EQ(written, expected) << written.dump();
    RecordingHeader plain;
    EXPECT_EQ(recordingHeaderToJson(plain)["limits"],
              json::parse(R"({"memory_bytes":null,"nano_cpus":null})"))
        << "no limit is written as null";
    EXPECT_TRUE(recordingHeaderToJson(plain)["hardening"].is_null()) << "no hardening is written as null";
    EXPECT_TRUE(recordingHeaderToJson(plain)["modes"].is_array());
}

struct RoundTrip {
    const char* name;
    RecordingHeader header;
};

TEST(RecordingHeader, RoundTripsThroughJson)
{
    RecordingHeader withExtra = fullHeader();
    withExtra.extra = {{"synthetic", true}, {"note", "not a measurement"}};
    RecordingHeader newer = fullHeader();
    newer.version = 2;
    RecordingHeader oneMode;
    oneMode.image = "x";
    oneMode.modes = {{"Hyper-V", "hyperv", ""}};
    RecordingHeader unicode;
    unicode.image = "registry.example/jos\xc3\xa9:1";
    unicode.hostDescription = "Windows Server 2022 \xe2\x80\x94 Datacenter";
    const RoundTrip cases[] = {
        {"empty", RecordingHeader{}}, {"full", fullHeader()}, {"extra fields", withExtra},
        {"newer version", newer},     {"one mode", oneMode},  {"non-ASCII", unicode},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto json = recordingHeaderToJson(c.header);
        const auto back = recordingHeaderFromJson(json);
        expectSameHeader(back, c.header);
        EXPECT_EQ(recordingHeaderToJson(back), json);
    }
}

struct OldHeader {
    const char* name;
    const char* line; // a header line as an earlier version, or another program, wrote it
    const char* image;
    std::size_t modes;
    const char* firstLabel;
    const char* recordedBy;
    const char* hardening;
};

// Older recordings lack fields that came later (the recorder, the hardening, the workload): they read
// as empty, and nothing else is lost.
TEST(RecordingHeader, OlderAndOddHeadersRead)
{
    const OldHeader cases[] = {
        {"only the image", R"({"type":"header","format":"isolens-recording","version":1,"image":"busybox"})",
         "busybox", 0, "", "", ""},
        {"before the recorder and hardening",
         R"({"type":"header","format":"isolens-recording","version":1,"app_version":"0.3.0","started":5,
             "image":"alpine","command":[],"workload":[],"engine":{"os_type":"linux","version":"24.0.7",
             "endpoint":"unix:///var/run/docker.sock"},"host":{"description":"Debian"},
             "modes":[{"label":"runc","isolation":"","runtime":""},{"label":"runsc","isolation":"",
             "runtime":"runsc"}]})",
         "alpine", 2, "runc", "", ""},
        {"hardened, from the dashboard",
         R"({"type":"header","format":"isolens-recording","version":1,"image":"i","recorded_by":
             "isolens dashboard","hardening":{"no_network":true,"description":"no network"},
             "modes":[{"label":"Hyper-V"},{"label":"process"}]})",
         "i", 2, "Hyper-V", "isolens dashboard", "no network"},
        {"fields of other types",
         R"({"type":"header","format":"isolens-recording","image":7,"command":"sh","modes":[3,{"label":"b"}],
             "hardening":"yes","engine":[],"recorded_by":null})",
         "", 2, "", "", ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto header = recordingHeaderFromJson(json::parse(c.line));
        EXPECT_EQ(header.image, c.image);
        EXPECT_EQ(header.modes.size(), c.modes);
        EXPECT_EQ(header.modeLabel(0), c.firstLabel);
        EXPECT_EQ(header.modeLabel(5), "") << "a side beyond the modes has no label";
        EXPECT_EQ(header.recordedBy, c.recordedBy);
        EXPECT_EQ(header.hardeningDescription(), c.hardening);
        EXPECT_EQ(header.version, 1) << "a header without a version is of the first";
        EXPECT_TRUE(header.extra.empty()) << header.extra.dump();
        EXPECT_EQ(header.limits, RecordedLimits{}) << "a header before the limits has none";
        EXPECT_TRUE(header.invocation.empty());
    }
    const auto oddLimits = recordingHeaderFromJson(json::parse(
        R"({"type":"header","limits":{"memory_bytes":"1g","nano_cpus":2000000000},"invocation":"isolens"})"));
    EXPECT_EQ(oddLimits.limits, (RecordedLimits{std::nullopt, 2'000'000'000}))
        << "a limit of another type reads as none";
    EXPECT_TRUE(oddLimits.invocation.empty());
    const auto odd = recordingHeaderFromJson(
        json::parse(R"({"type":"header","format":"isolens-recording","modes":[3,{"label":"b"}]})"));
    EXPECT_EQ(odd.modeLabel(1), "b") << "a mode that is not an object keeps its place";
}

// A header the reader meets in a file: what it knows is read, what it does not is kept.
TEST(RecordingHeader, TheReaderReadsItAndKeepsWhatItDoesNotKnow)
{
    const auto path = std::filesystem::temp_directory_path() /
                      ("isolens-header-" + std::to_string(std::random_device{}()) + ".jsonl");
    std::ofstream(path, std::ios::binary)
        << R"({"type":"header","format":"isolens-recording","version":3,"image":"busybox","gpu":{"count":1},)"
        << R"("modes":[{"label":"runc","isolation":"","runtime":""},{"label":"kata","runtime":"kata"}]})"
        << '\n';
    auto recording = readRecording(path);
    std::filesystem::remove(path);
    ASSERT_TRUE(recording) << recording.error().message;
    const auto& header = recording.value().header;
    EXPECT_EQ(header.version, 3);
    EXPECT_EQ(header.image, "busybox");
    EXPECT_EQ(header.modeLabel(0), "runc");
    EXPECT_EQ(header.modeLabel(1), "kata");
    ASSERT_EQ(header.modes.size(), 2u);
    EXPECT_EQ(header.modes[1].runtime, "kata");
    EXPECT_EQ(header.extra, json::parse(R"({"gpu":{"count":1}})"));
    EXPECT_EQ(recordingHeaderToJson(header)["gpu"]["count"], 1);
}

TEST(RecordingHeader, TheWriterWritesItAsTheFirstLine)
{
    const auto path = std::filesystem::temp_directory_path() /
                      ("isolens-header-" + std::to_string(std::random_device{}()) + ".jsonl");
    {
        auto writer = RecordingWriter::create(path, fullHeader());
        ASSERT_TRUE(writer) << writer.error().message;
    }
    std::string first;
    std::getline(std::ifstream(path), first);
    auto recording = readRecording(path);
    std::filesystem::remove(path);
    EXPECT_EQ(json::parse(first), recordingHeaderToJson(fullHeader())) << first;
    ASSERT_TRUE(recording) << recording.error().message;
    expectSameHeader(recording.value().header, fullHeader());
}

TEST(RecordingHeader, AStacksRecordingSaysSoAndByWhichLabel)
{
    auto header = fullHeader();
    header.stacks = RecordedStacks{"com.docker.compose.project"};
    const auto written = recordingHeaderToJson(header);
    EXPECT_EQ(written["stacks"], json::parse(R"({"label":"com.docker.compose.project"})"));
    const auto read = recordingHeaderFromJson(written);
    expectSameHeader(read, header);
    EXPECT_TRUE(read.extra.empty()) << read.extra.dump();
    EXPECT_FALSE(recordingHeaderFromJson(recordingHeaderToJson(fullHeader())).stacks)
        << "a pair's recording is no stacks recording";
    auto odd = recordingHeaderToJson(fullHeader());
    odd["stacks"] = "not an object";
    EXPECT_FALSE(recordingHeaderFromJson(odd).stacks);
}
