#include "isolens/core/platform/exclusive_file.hpp"
#include "isolens/core/recording/recording.hpp"

#include "tiny_filesystem.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

using namespace isolens;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kTinySize = 64 * 1024;

StatsSample sampleAt(int second)
{
    StatsSample s;
    s.valid = true;
    s.name = "c";
    s.timeNanos = (1'795'826'344LL + second) * 1'000'000'000LL;
    s.cpuPercent = 12.5;
    s.memBytes = 1 << 20;
    return s;
}

// A full disk is only a full disk with a real filesystem: a tmpfs of 64 KiB, mounted for each test.
class OnAFullDisk : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (::geteuid() != 0)
            GTEST_SKIP() << "mounting the small tmpfs needs root; the test command runs as root";
        disk_.emplace(kTinySize);
        ASSERT_TRUE(disk_->mounted()) << disk_->why();
    }
    void TearDown() override { disk_.reset(); } // unmounts

    std::optional<TinyFilesystem> disk_;
};

} // namespace

TEST_F(OnAFullDisk, AWriteSaysTheDiskIsFullNamingTheFileInTheSystemsWords)
{
    auto file = ExclusiveFile::create(disk_->root() / "out.csv", FileAccess::Readable);
    ASSERT_TRUE(file) << file.error().message;
    disk_->fill();
    const std::string page(8192, 'x');
    auto written = file.value().write(page);
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().kind, ErrorKind::DiskFull);
    EXPECT_NE(written.error().message.find((disk_->root() / "out.csv").string()), std::string::npos)
        << written.error().message;
    EXPECT_NE(written.error().message.find("No space left on device"), std::string::npos)
        << written.error().message;
    EXPECT_FALSE(written.error().hint.empty());
}

TEST_F(OnAFullDisk, TheRecordingKeepsItsFirstFailureTellsItOnceAndKeepsTheSamplesInMemory)
{
    const auto path = disk_->root() / "run.jsonl";
    auto created = RecordingWriter::create(path, {{"image", "alpine"}});
    ASSERT_TRUE(created) << created.error().message;
    auto& writer = *created.value();
    std::atomic<int> told{0};
    std::optional<RecordingFailure> toldFailure;
    writer.onFailure([&](const RecordingFailure& failure) {
        ++told;
        toldFailure = failure;
    });
    disk_->fill();

    // The header's page still has room for a few lines; then the disk is full.
    int second = 0;
    int written = 0;
    for (; second < 1000; ++second) {
        if (!writer.sample("runc", sampleAt(second)))
            break;
        ++written;
    }
    ASSERT_LT(second, 1000) << "the full disk was never noticed";
    EXPECT_EQ(told.load(), 1);
    ASSERT_TRUE(toldFailure);
    EXPECT_EQ(toldFailure->error.kind, ErrorKind::DiskFull);
    EXPECT_EQ(toldFailure->path, path);
    EXPECT_GT(toldFailure->timeNanos, 0);
    EXPECT_EQ(toldFailure->linesNotWritten, 1u);

    // Space comes back: still nothing more is written (no line after a cut-off one), and nobody is
    // told again; every sample not written is kept, in order.
    disk_->empty();
    for (int more = 1; more <= 5; ++more)
        EXPECT_FALSE(writer.sample("kata", sampleAt(second + more)));
    EXPECT_FALSE(writer.event("kata", sampleAt(second + 6).timeNanos, "gap", "no sample for 2 s"));
    EXPECT_EQ(told.load(), 1);
    const auto failure = writer.failure();
    ASSERT_TRUE(failure);
    EXPECT_EQ(failure->linesNotWritten, 7u) << "the failing line, five samples and an event";
    const auto unwritten = writer.unwrittenSamples();
    ASSERT_EQ(unwritten.size(), 6u);
    EXPECT_EQ(unwritten.front().first, "runc");
    EXPECT_EQ(unwritten.front().second.timeNanos, sampleAt(second).timeNanos);
    EXPECT_EQ(unwritten.back().first, "kata");
    EXPECT_EQ(unwritten.back().second.timeNanos, sampleAt(second + 5).timeNanos);
    EXPECT_EQ(writer.linesWritten(), static_cast<std::size_t>(written) + 1) << "the header and the samples";

    // Closing says so too; the file holds what was written before the failure, readable.
    EXPECT_FALSE(writer.close());
    auto recording = readRecording(path);
    ASSERT_TRUE(recording) << recording.error().message;
    EXPECT_EQ(recording.value().samples.size(), static_cast<std::size_t>(written));
    EXPECT_EQ(recording.value().skippedLines, 0u);
}

TEST_F(OnAFullDisk, ARecordingWithRoomClosesCleanlyOnTheDisk)
{
    const auto path = disk_->root() / "ok.jsonl";
    auto created = RecordingWriter::create(path, {{"image", "alpine"}});
    ASSERT_TRUE(created) << created.error().message;
    bool told = false;
    created.value()->onFailure([&](const RecordingFailure&) { told = true; });
    for (int second = 0; second < 3; ++second)
        ASSERT_TRUE(created.value()->sample("runc", sampleAt(second)));
    EXPECT_TRUE(created.value()->close());
    EXPECT_FALSE(created.value()->failure());
    EXPECT_FALSE(told);
    EXPECT_TRUE(created.value()->unwrittenSamples().empty());
    auto recording = readRecording(path);
    ASSERT_TRUE(recording);
    EXPECT_EQ(recording.value().samples.size(), 3u);
}
