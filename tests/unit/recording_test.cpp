#include "isolens/core/platform/exclusive_file.hpp"
#include "isolens/core/platform/system_text.hpp"
#include "isolens/core/recording/recording.hpp"

#include "non_ascii_folder.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

using namespace isolens;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kStart = 1'795'826'344 * kSecond;

fs::path temporaryFile()
{
    return fs::temp_directory_path() /
           ("isolens-recording-" + std::to_string(std::random_device{}()) + ".jsonl");
}

StatsSample sample(std::int64_t second, double cpu, std::int64_t memory)
{
    StatsSample s;
    s.valid = true;
    s.name = "c";
    s.timeNanos = kStart + second * kSecond;
    s.cpuPercent = cpu;
    s.cpuHostPercent = cpu / 2;
    s.memBytes = memory;
    s.pids = 2;
    return s;
}

} // namespace

TEST(Recording, WritesReadsAndReplaysTheSameData)
{
    const auto path = temporaryFile();
    {
        auto writer = RecordingWriter::create(path, {{"image", "isolens-test/busybox:latest"}});
        ASSERT_TRUE(writer) << writer.error().message;
        ASSERT_TRUE(writer.value()->event("runc", kStart, "started", "container abc"));
        ASSERT_TRUE(writer.value()->sample("runc", sample(1, 10, 1000)));
        ASSERT_TRUE(writer.value()->sample("isolens-vm", sample(1, 30, 3000)));
        ASSERT_TRUE(writer.value()->event("runc", kStart + 2 * kSecond, "gap"));
        ASSERT_TRUE(writer.value()->sample("runc", sample(4, 20, 2000)));
        ASSERT_TRUE(writer.value()->event("isolens-vm", kStart + 5 * kSecond, "exited", "exited with code 3",
                                          {{"exit_code", 3}, {"output", {"boom"}}}));
        EXPECT_EQ(writer.value()->linesWritten(), 7u);
    }
    auto recording = readRecording(path);
    fs::remove(path);
    ASSERT_TRUE(recording) << recording.error().message;
    EXPECT_EQ(recording.value().header["image"], "isolens-test/busybox:latest");
    EXPECT_EQ(recording.value().header["format"], "isolens-recording");
    ASSERT_EQ(recording.value().samples.size(), 3u);
    EXPECT_EQ(recording.value().samples[1].first, "isolens-vm");
    EXPECT_EQ(recording.value().samples[1].second.memBytes, 3000);
    EXPECT_EQ(recording.value().samples[0].second.pids, 2);
    ASSERT_EQ(recording.value().events.size(), 3u);
    EXPECT_EQ(recording.value().events[0].detail, "container abc");
    EXPECT_TRUE(recording.value().events[0].data.is_null());
    EXPECT_EQ(recording.value().events[2].data["exit_code"], 3) << "an event's figures are kept";
    EXPECT_EQ(recording.value().events[2].data["output"][0], "boom");
    EXPECT_FALSE(recording.value().truncatedTail);

    SeriesStore store;
    replayInto(recording.value(), store);
    EXPECT_EQ(store.keys(), (std::vector<std::string>{"isolens-vm", "runc"}));
    const auto runc = store.range("runc", Metric::MemoryBytes, 0, INT64_MAX);
    ASSERT_EQ(runc.size(), 3u); // sample, gap, sample
    EXPECT_EQ(runc[0].value, 1000);
    EXPECT_TRUE(std::isnan(runc[1].value));
    EXPECT_EQ(runc[2].value, 2000);
}

TEST(Recording, ACrashMidLineLosesOnlyThatLine)
{
    const auto path = temporaryFile();
    {
        auto writer = RecordingWriter::create(path, {});
        ASSERT_TRUE(writer);
        ASSERT_TRUE(writer.value()->sample("a", sample(1, 1, 1)));
        ASSERT_TRUE(writer.value()->sample("a", sample(2, 2, 2)));
    }
    std::ofstream(path, std::ios::app) << R"({"type":"sample","mode":"a","time_ns":)"; // cut off by a kill
    auto recording = readRecording(path);
    fs::remove(path);
    ASSERT_TRUE(recording);
    EXPECT_TRUE(recording.value().truncatedTail);
    EXPECT_EQ(recording.value().samples.size(), 2u);
}

TEST(Recording, NeverOverwritesSilently)
{
    const auto path = temporaryFile();
    std::ofstream(path) << "precious\n";
    auto writer = RecordingWriter::create(path, {});
    ASSERT_FALSE(writer);
    EXPECT_NE(writer.error().message.find("Will not overwrite"), std::string::npos);
    {
        std::ifstream in(path); // closed before the removal below: Windows cannot delete an open file
        std::string kept;
        std::getline(in, kept);
        EXPECT_EQ(kept, "precious");
    }
    fs::remove(path);
}

// A file that appears at the path at the last moment (between any check and the write) is refused
// by the creation itself, with the file named and a hint.
TEST(Recording, AFileThatIsAlreadyThereIsNamedWithAHint)
{
    const auto path = temporaryFile();
    std::ofstream(path, std::ios::binary) << "precious\n";
    auto writer = RecordingWriter::create(path, {{"image", "x"}});
    EXPECT_EQ(fs::file_size(path), 9u);
    fs::remove(path);
    ASSERT_FALSE(writer);
    EXPECT_NE(writer.error().message.find(utf8FromPath(path)), std::string::npos);
    EXPECT_NE(writer.error().hint.find("another file"), std::string::npos) << writer.error().hint;
}

// A recording folder under a profile named José-テスト: created, written, listed, read and replayed.
TEST(Recording, AFolderNamedOutsideAsciiHoldsRecordingsThatReadBack)
{
    NonAsciiFolder home;
    const auto folder = home.path() / pathFromUtf8("r\u00e9sultats") / pathFromUtf8("\u8a18\u9332");
    ASSERT_TRUE(createPrivateDirectories(folder));
    const auto path = folder / pathFromUtf8("busybox-\u00e9t\u00e9.jsonl");
    {
        auto file = ExclusiveFile::createNumbered(path, FileAccess::OwnerOnly);
        ASSERT_TRUE(file) << file.error().message;
        auto writer = RecordingWriter::create(std::move(file.value()), {{"image", "busybox"}});
        ASSERT_TRUE(writer) << writer.error().message;
        ASSERT_TRUE(writer.value()->sample("runc", sample(1, 10, 1000)));
        EXPECT_EQ(writer.value()->path(), path);
    }
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder))
        names.push_back(utf8FromPath(entry.path().filename()));
    EXPECT_EQ(names, std::vector<std::string>{"busybox-\u00e9t\u00e9.jsonl"});
    auto recording = readRecording(path);
    ASSERT_TRUE(recording) << recording.error().message;
    EXPECT_EQ(recording.value().samples.size(), 1u);
    SeriesStore store;
    auto replayed = replayFile(pathFromUtf8(utf8FromPath(path)), store);
    ASSERT_TRUE(replayed) << replayed.error().message;
    EXPECT_EQ(store.size("runc"), 1u);
}

TEST(Recording, AMissingRecordingInANonAsciiFolderIsNamedInUtf8)
{
    NonAsciiFolder home;
    const auto path = home.path() / "gone.jsonl";
    auto recording = readRecording(path);
    ASSERT_FALSE(recording);
    EXPECT_NE(recording.error().message.find(home.utf8()), std::string::npos) << recording.error().message;
    auto taken = ExclusiveFile::create(home.path(), FileAccess::OwnerOnly);
    ASSERT_FALSE(taken);
    EXPECT_NE(taken.error().message.find(home.utf8()), std::string::npos) << taken.error().message;
}

#ifndef _WIN32
TEST(Recording, ADanglingSymlinkIsNotFollowed)
{
    const auto path = temporaryFile();
    const auto target = temporaryFile();
    fs::create_symlink(target, path);
    auto writer = RecordingWriter::create(path, {{"image", "x"}});
    const bool targetCreated = fs::exists(target);
    fs::remove(path);
    fs::remove(target);
    EXPECT_FALSE(writer);
    EXPECT_FALSE(targetCreated) << "the recording followed the link to " << target;
}

TEST(Recording, RecordingsAreTheUsersAlone)
{
    const auto path = temporaryFile();
    auto writer = RecordingWriter::create(path, {{"endpoint", "unix:///var/run/docker.sock"}});
    ASSERT_TRUE(writer);
    const auto permissions = fs::status(path).permissions();
    writer.value().reset();
    fs::remove(path);
    EXPECT_EQ(permissions, fs::perms::owner_read | fs::perms::owner_write);
}
#endif

TEST(Recording, OtherFilesAreRefused)
{
    const auto path = temporaryFile();
    std::ofstream(path) << R"({"type":"sample"})"
                        << "\n";
    auto recording = readRecording(path);
    fs::remove(path);
    ASSERT_FALSE(recording);
    EXPECT_NE(recording.error().message.find("not an IsoLens recording"), std::string::npos);
    EXPECT_FALSE(readRecording("/nonexistent/recording.jsonl"));
}

TEST(Recording, FieldsOfTheWrongTypeAreSkippedNotFatal)
{
    // Found by fuzzing: a number where the mode's name belongs threw out of the reader.
    const auto path = temporaryFile();
    std::ofstream(path) << R"({"type":"header","format":"isolens-recording"})"
                        << "\n"
                        << R"({"type":"sample","mode":7,"time_ns":"soon","valid":true,"mem_bytes":5})"
                        << "\n"
                        << R"({"type":"event","mode":[],"kind":1})"
                        << "\n";
    auto recording = readRecording(path);
    fs::remove(path);
    ASSERT_TRUE(recording);
    ASSERT_EQ(recording.value().samples.size(), 1u);
    EXPECT_EQ(recording.value().samples[0].first, "");
    EXPECT_EQ(recording.value().samples[0].second.memBytes, 5);
    EXPECT_EQ(recording.value().events.size(), 1u);
}

TEST(Recording, StartupTimesFromTheRecordedEvents)
{
    Recording recording;
    recording.events = {{"runc", 1, kCreateToRunningEvent, "123.4"},
                        {"kata", 1, kCreateToRunningEvent, "2500.0"},
                        {"runc", 2, kFirstSampleEvent, "1001.5"},
                        {"runc", 3, kFirstSampleEvent, "9999"},  // only the first counts
                        {"kata", 2, kFirstSampleEvent, "soon"}}; // not a number: unknown
    const auto runc = startupFromRecording(recording, "runc");
    ASSERT_TRUE(runc.createToRunningMillis);
    EXPECT_DOUBLE_EQ(*runc.createToRunningMillis, 123.4);
    ASSERT_TRUE(runc.startToFirstSampleMillis);
    EXPECT_DOUBLE_EQ(*runc.startToFirstSampleMillis, 1001.5);
    const auto kata = startupFromRecording(recording, "kata");
    EXPECT_DOUBLE_EQ(kata.createToRunningMillis.value_or(-1), 2500.0);
    EXPECT_FALSE(kata.startToFirstSampleMillis);
    const auto none = startupFromRecording(recording, "other");
    EXPECT_FALSE(none.createToRunningMillis);
    EXPECT_FALSE(none.startToFirstSampleMillis);
}

TEST(Recording, ReplayingTheFileLineByLineFillsTheStoreAsReadingItWhole)
{
    const auto path = std::filesystem::temp_directory_path() / "isolens-replay-file-test.jsonl";
    std::filesystem::remove(path);
    {
        auto writer = RecordingWriter::create(path, {{"image", "x"}});
        ASSERT_TRUE(writer);
        for (int i = 0; i < 50; ++i) {
            (void)writer.value()->sample("a", sample(i, i, 1000 + i));
            (void)writer.value()->sample("b", sample(i, 2 * i, 2000 + i));
            if (i == 20)
                (void)writer.value()->event("a", sample(i, 0, 0).timeNanos + 500'000'000, "gap", "no sample");
        }
        (void)writer.value()->event("a", 1, kCreateToRunningEvent, "42.5");
    }
    std::ofstream(path, std::ios::app)
        << "{\"type\":\"sample\",\"mode\":\"a\",\"cpu_per"; // cut off by a crash

    SeriesStore whole;
    auto recording = readRecording(path);
    ASSERT_TRUE(recording);
    replayInto(recording.value(), whole);
    SeriesStore streamed;
    auto replayed = replayFile(path, streamed);
    ASSERT_TRUE(replayed) << replayed.error().message;
    EXPECT_EQ(replayed.value().samples, 100u);
    EXPECT_TRUE(replayed.value().info.truncatedTail);
    EXPECT_EQ(replayed.value().info.skippedLines, 0u);
    EXPECT_EQ(replayed.value().info.header["image"], "x");
    for (const auto* key : {"a", "b"}) {
        EXPECT_EQ(streamed.size(key), whole.size(key)) << key;
        const auto a = streamed.range(key, Metric::MemoryBytes, 0, INT64_MAX);
        const auto b = whole.range(key, Metric::MemoryBytes, 0, INT64_MAX);
        ASSERT_EQ(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i].timeNanos, b[i].timeNanos);
            EXPECT_EQ(std::isnan(a[i].value), std::isnan(b[i].value)) << "the gap is at the same place";
            if (!std::isnan(a[i].value)) {
                EXPECT_EQ(a[i].value, b[i].value);
            }
        }
    }
    EXPECT_DOUBLE_EQ(startupFromEvents(replayed.value().events, "a").createToRunningMillis.value_or(0), 42.5);
    std::filesystem::remove(path);

    SeriesStore none;
    EXPECT_FALSE(replayFile(path, none)) << "a missing file is an error";
}

TEST(Recording, TheLineCountCanBeReadWhileAnotherThreadWrites)
{
    // A data race before the count was atomic; the dev-tsan preset reports one if it comes back.
    const auto path = temporaryFile();
    constexpr std::size_t kLines = 200;
    {
        auto writer = RecordingWriter::create(path, {});
        ASSERT_TRUE(writer);
        auto& recording = *writer.value();
        const auto before = recording.linesWritten(); // the header
        std::atomic<bool> done{false};
        std::thread collector([&] {
            for (std::size_t i = 0; i < kLines; ++i)
                (void)recording.sample("a", sample(static_cast<std::int64_t>(i), 1, 1));
            done = true;
        });
        std::size_t seen = before;
        while (!done) {
            const auto now = recording.linesWritten();
            EXPECT_GE(now, seen); // never goes back
            seen = now;
        }
        collector.join();
        EXPECT_EQ(recording.linesWritten(), before + kLines);
    }
    fs::remove(path);
}

namespace {

// A recording file written by hand: a header, then the given lines.
fs::path handWrittenRecording(const std::vector<std::string>& lines)
{
    const auto path = temporaryFile();
    std::ofstream out(path, std::ios::binary);
    out << R"({"type":"header","format":"isolens-recording","version":1})"
        << "\n";
    for (const auto& line : lines)
        out << line << "\n";
    return path;
}

std::string sampleLine(const std::string& mode, int second)
{
    return R"({"type":"sample","mode":")" + mode + R"(","valid":true,"time_ns":)" +
           std::to_string(kStart + second * kSecond) + R"(,"cpu_percent":1})";
}

} // namespace

TEST(RecordingLimits, AnOverlongLineIsRefusedAndNamedWhileTheRestReplays)
{
    const auto huge =
        R"({"type":"sample","mode":"a","name":")" + std::string(kMaxRecordingLineBytes, 'x') + "\"}";
    const auto path = handWrittenRecording({sampleLine("a", 1), huge, sampleLine("a", 2)});
    SeriesStore store;
    auto replayed = replayFile(path, store);
    fs::remove(path);
    ASSERT_TRUE(replayed) << replayed.error().message;
    EXPECT_EQ(replayed.value().samples, 2u);
    EXPECT_EQ(store.size("a"), 2u);
    ASSERT_EQ(replayed.value().info.refused.lines.size(), 1u);
    const auto& refused = replayed.value().info.refused.lines[0];
    EXPECT_EQ(refused.line, 3u) << "the header is line 1";
    EXPECT_EQ(refused.limit, RecordingLimit::LineLength);
    EXPECT_EQ(refused.reason, "line 3 is longer than 64 KiB: refused");
    EXPECT_FALSE(replayed.value().info.truncatedTail);
}

TEST(RecordingLimits, AnOverlongHeaderIsAnErrorThatSaysWhy)
{
    const auto path = temporaryFile();
    std::ofstream(path, std::ios::binary) << R"({"type":"header","format":"isolens-recording","pad":")"
                                          << std::string(kMaxRecordingLineBytes, 'x') << "\"}\n";
    auto recording = readRecording(path);
    fs::remove(path);
    ASSERT_FALSE(recording);
    EXPECT_NE(recording.error().message.find("line 1 is longer than 64 KiB"), std::string::npos)
        << recording.error().message;
}

TEST(RecordingLimits, ADeeplyNestedLineIsRefused)
{
    std::string deep = R"({"type":"event","mode":"a","kind":"x","data":)";
    for (int i = 0; i < 100; ++i)
        deep += "[";
    for (int i = 0; i < 100; ++i)
        deep += "]";
    deep += "}";
    const auto path = handWrittenRecording({deep, sampleLine("a", 1)});
    auto recording = readRecording(path);
    fs::remove(path);
    ASSERT_TRUE(recording) << recording.error().message;
    EXPECT_TRUE(recording.value().events.empty());
    EXPECT_EQ(recording.value().samples.size(), 1u);
    ASSERT_EQ(recording.value().refused.lines.size(), 1u);
    EXPECT_EQ(recording.value().refused.lines[0].limit, RecordingLimit::JsonDepth);
    EXPECT_EQ(recording.value().refused.lines[0].reason, "line 2 nests deeper than 16 levels: refused");
}

TEST(RecordingLimits, ThousandsOfModesStopAddingSeriesAtTheLimit)
{
    std::vector<std::string> lines;
    for (int i = 0; i < 3000; ++i)
        lines.push_back(sampleLine("m" + std::to_string(i), i));
    lines.push_back(sampleLine("m0", 5000)); // a known mode still replays
    const auto path = handWrittenRecording(lines);
    SeriesStore store;
    auto replayed = replayFile(path, store);
    fs::remove(path);
    ASSERT_TRUE(replayed) << replayed.error().message;
    EXPECT_EQ(store.keys().size(), kMaxRecordingModes);
    EXPECT_EQ(store.size("m0"), 2u);
    EXPECT_EQ(replayed.value().samples, kMaxRecordingModes + 1);
    const auto& refused = replayed.value().info.refused;
    EXPECT_EQ(refused.count, 3000 - kMaxRecordingModes);
    ASSERT_EQ(refused.lines.size(), kMaxReportedRefusals) << "the reasons kept are bounded too";
    EXPECT_EQ(refused.lines[0].limit, RecordingLimit::ModeCount);
    EXPECT_EQ(refused.lines[0].line, kMaxRecordingModes + 2);
    EXPECT_EQ(refused.lines[0].reason, "line " + std::to_string(kMaxRecordingModes + 2) +
                                           " names a mode beyond the first 64: refused");
}

TEST(RecordingLimits, AMegabyteOfShortLinesWithDistinctModesAllocatesLittle)
{
    std::vector<std::string> lines;
    std::size_t bytes = 0;
    for (int i = 0; bytes < 1024 * 1024; ++i) {
        lines.push_back(R"({"type":"sample","mode":"m)" + std::to_string(i) + R"(","valid":true})");
        bytes += lines.back().size() + 1;
    }
    const auto path = handWrittenRecording(lines);
    SeriesStore store;
    auto replayed = replayFile(path, store);
    fs::remove(path);
    ASSERT_TRUE(replayed) << replayed.error().message;
    // Series storage grows with the points stored, not by a whole chunk per new series.
    EXPECT_LT(store.memoryBytes(), 512u * 1024) << store.keys().size() << " series";
}

TEST(TimeSeriesStorage, ASeriesOfOnePointIsSmall)
{
    TimeSeries series;
    series.append(kStart, 1.0);
    EXPECT_LT(series.memoryBytes(), 1024u);
    for (int i = 1; i < 10'000; ++i)
        series.append(kStart + i * kSecond, i);
    EXPECT_EQ(series.size(), 10'000u);
    EXPECT_FLOAT_EQ(series.valueAt(9'999), 9'999.0f);
    EXPECT_LT(series.memoryBytes(), 10'000u * 8 * 2) << "about 8 bytes a point";
}
