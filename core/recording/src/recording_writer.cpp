#include "isolens/core/recording/recording.hpp"

#include "isolens/core/base/clock.hpp"
#include "isolens/core/base/safe_text.hpp"
#include "isolens/core/stats/sample_json.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

namespace isolens {

using nlohmann::json;

Result<std::unique_ptr<RecordingWriter>> RecordingWriter::create(const std::filesystem::path& path,
                                                                 const json& header)
{
    auto file = ExclusiveFile::create(path, FileAccess::OwnerOnly);
    if (!file)
        return file.error();
    return create(std::move(file.value()), header);
}

Result<std::unique_ptr<RecordingWriter>> RecordingWriter::create(ExclusiveFile file, const json& header)
{
    std::unique_ptr<RecordingWriter> writer(new RecordingWriter(std::move(file)));
    json first = header;
    first["type"] = "header";
    first["format"] = "isolens-recording";
    first["version"] = 1;
    writer->lastSync_ = std::chrono::steady_clock::now();
    // A recording without its header is no recording: the file goes again (not kept) on failure.
    if (auto written = writer->writeLine(first); !written)
        return written.error();
    writer->file_.keep();
    return writer;
}

RecordingWriter::~RecordingWriter()
{
    // Whoever listened may be gone by now: a failure at this point is only noted.
    listener_ = nullptr;
    (void)close();
}

RecordingFailure RecordingWriter::noteFailure(const Error& error, std::size_t linesNotWritten)
{
    failure_ = RecordingFailure{error, path_, wallClockNanos(), linesNotWritten};
    return *failure_;
}

Result<void> RecordingWriter::writeLine(const json& line, const ModeSample* sample)
{
    const auto text = dumpJson(line) + "\n";
    std::optional<RecordingFailure> first;
    {
        std::lock_guard lock(mutex_);
        if (failure_) {
            ++failure_->linesNotWritten;
            if (sample)
                unwritten_.push_back(*sample);
            return failure_->error;
        }
        if (auto written = file_.write(text); !written) {
            // The line may be partly in the file: the reader takes a cut-off last line for what it is.
            if (sample)
                unwritten_.push_back(*sample);
            first = noteFailure(written.error(), 1);
        } else {
            ++lines_;
            // Each line is flushed (a crash costs at most the one being written); the disk is asked to
            // keep them once a second (a power loss costs about that much).
            const auto now = std::chrono::steady_clock::now();
            if (now - lastSync_ < kRecordingSyncInterval)
                return success();
            lastSync_ = now;
            auto synced = file_.sync();
            if (synced)
                return success();
            first = noteFailure(synced.error(), 0);
        }
    }
    if (listener_)
        listener_(*first);
    return first->error;
}

Result<void> RecordingWriter::close()
{
    std::optional<RecordingFailure> first;
    {
        std::lock_guard lock(mutex_);
        if (closed_)
            return failure_ ? Result<void>(failure_->error) : Result<void>(success());
        closed_ = true;
        auto closed = file_.close();
        if (failure_)
            return failure_->error;
        if (closed)
            return success();
        first = noteFailure(closed.error(), 0);
    }
    if (listener_)
        listener_(*first);
    return first->error;
}

std::optional<RecordingFailure> RecordingWriter::failure() const
{
    std::lock_guard lock(mutex_);
    return failure_;
}

std::vector<RecordingWriter::ModeSample> RecordingWriter::unwrittenSamples() const
{
    std::lock_guard lock(mutex_);
    return unwritten_;
}

Result<void> RecordingWriter::sample(const std::string& mode, const StatsSample& sample)
{
    auto line = sampleToJson(sample);
    line["type"] = "sample";
    line["mode"] = mode;
    const ModeSample kept{mode, sample};
    return writeLine(line, &kept);
}

Result<void> RecordingWriter::event(const std::string& mode, std::int64_t timeNanos, const std::string& kind,
                                    const std::string& detail, const json& data)
{
    json line = {
        {"type", "event"}, {"mode", mode}, {"time_ns", timeNanos}, {"kind", kind}, {"detail", detail}};
    if (!data.is_null())
        line["data"] = data;
    return writeLine(line);
}

} // namespace isolens
