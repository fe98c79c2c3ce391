#include "isolens/core/recording/event_kind.hpp"
#include "isolens/core/recording/recording.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

using namespace isolens;

namespace {

struct KindText {
    EventKind kind;
    const char* text; // as recordings of every version have it
};

// The file format: these texts are in recordings already written, and must stay as they are.
constexpr KindText kKinds[] = {
    {EventKind::Pulling, "pulling"},
    {EventKind::Pulled, "pulled"},
    {EventKind::PullFailed, "pull-failed"},
    {EventKind::Created, "created"},
    {EventKind::Started, "started"},
    {EventKind::CreateToRunning, "create-to-running-ms"},
    {EventKind::FirstSample, "start-to-first-sample-ms"},
    {EventKind::WorkloadStarted, "workload-started"},
    {EventKind::Gap, "gap"},
    {EventKind::Resumed, "resumed"},
    {EventKind::Error, "error"},
    {EventKind::Exited, "exited"},
    {EventKind::Removed, "removed"},
    {EventKind::IsolationTax, "isolation-tax"},
};

} // namespace

TEST(EventKind, EachKindHasItsTextAndIsReadBackFromIt)
{
    for (const auto& [kind, text] : kKinds) {
        EXPECT_EQ(toString(kind), text);
        EXPECT_EQ(parseEventKind(text), kind) << text;
    }
}

TEST(EventKind, NoTwoKindsShareATextAndEveryKindIsInTheTable)
{
    std::set<std::string_view> texts;
    for (const auto& [kind, text] : kKinds)
        EXPECT_TRUE(texts.insert(toString(kind)).second) << text;
    // Other is the last kind: the table names every one before it.
    EXPECT_EQ(std::size(kKinds), static_cast<std::size_t>(EventKind::Other));
}

TEST(EventKind, ATextThisVersionDoesNotKnowIsOther)
{
    for (const char* text : {"", "Gap", "gap ", "checkpointed", "pull_failed", "isolation-tax-ms"})
        EXPECT_EQ(parseEventKind(text), EventKind::Other) << '"' << text << '"';
    EXPECT_EQ(toString(EventKind::Other), "");
}

// A recording from another version may hold kinds this one does not know: they are read, with their
// text, not dropped, and they do not break a series.
TEST(EventKind, AnUnknownKindInARecordingIsKeptWithItsText)
{
    const auto path = std::filesystem::temp_directory_path() /
                      ("isolens-event-kind-" + std::to_string(std::random_device{}()) + ".jsonl");
    std::ofstream(path, std::ios::binary)
        << R"({"type":"header","format":"isolens-recording","version":2,"image":"x"})" << '\n'
        << R"({"type":"event","mode":"runc","time_ns":5,"kind":"checkpointed","detail":"to disk"})" << '\n'
        << R"({"type":"event","mode":"runc","time_ns":6,"kind":"gap","detail":"no sample for 2 s"})" << '\n'
        << R"({"type":"event","mode":"runc","time_ns":7,"detail":"no kind at all"})" << '\n';
    auto recording = readRecording(path);
    std::filesystem::remove(path);
    ASSERT_TRUE(recording) << recording.error().message;
    const auto& events = recording.value().events;
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].kind, EventKind::Other);
    EXPECT_EQ(events[0].otherKind, "checkpointed");
    EXPECT_EQ(events[0].kindText(), "checkpointed");
    EXPECT_EQ(events[0].detail, "to disk");
    EXPECT_FALSE(breaksSeries(events[0]));
    EXPECT_EQ(events[1].kind, EventKind::Gap);
    EXPECT_EQ(events[1].otherKind, "") << "a known kind keeps no text of its own";
    EXPECT_EQ(events[1].kindText(), "gap");
    EXPECT_TRUE(breaksSeries(events[1]));
    EXPECT_EQ(events[2].kind, EventKind::Other);
    EXPECT_EQ(events[2].kindText(), "");
}

TEST(EventKind, TheWriterWritesTheKindsText)
{
    const auto path = std::filesystem::temp_directory_path() /
                      ("isolens-event-kind-" + std::to_string(std::random_device{}()) + ".jsonl");
    {
        auto writer = RecordingWriter::create(path, {});
        ASSERT_TRUE(writer) << writer.error().message;
        for (const auto& [kind, text] : kKinds)
            ASSERT_TRUE(writer.value()->event("m", 1, kind, text));
    }
    std::ifstream in(path);
    std::string line;
    std::getline(in, line); // the header
    for (const auto& [kind, text] : kKinds) {
        ASSERT_TRUE(std::getline(in, line));
        EXPECT_NE(line.find(std::string(R"("kind":")") + text + '"'), std::string::npos) << line;
    }
    in.close();
    auto recording = readRecording(path);
    std::filesystem::remove(path);
    ASSERT_TRUE(recording);
    ASSERT_EQ(recording.value().events.size(), std::size(kKinds));
    for (std::size_t i = 0; i < std::size(kKinds); ++i) {
        EXPECT_EQ(recording.value().events[i].kind, kKinds[i].kind) << kKinds[i].text;
        EXPECT_EQ(recording.value().events[i].detail, kKinds[i].text);
    }
}
