#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/platform/exclusive_file.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/stats/startup_times.hpp"
#include "isolens/core/stats/stats_sample.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

// How often a recording is put on the disk (fdatasync, FlushFileBuffers) while it is written; it is
// also put there when it is closed. A power loss costs at most about this much of it.
inline constexpr std::chrono::milliseconds kRecordingSyncInterval{1000};

// Why a recording stopped being written: its first write, sync or close that failed. Nothing more goes
// to the file after it, so the file holds what was recorded up to then, at worst with the failing line
// cut off (which the reader tolerates). The samples not written are kept in memory.
struct RecordingFailure {
    Error error; // what failed, in the system's words; ErrorKind::DiskFull for a full disk or quota
    std::filesystem::path path;
    std::int64_t timeNanos = 0;      // when it failed
    std::size_t linesNotWritten = 0; // the failing line and every one since
};

// A session on disk as JSON Lines: one header line, then one line per sample and per event, each
// flushed as it is written, so a crash loses at most the line being written.
//   {"type":"header","format":"isolens-recording","version":1,...}
//   {"type":"sample","mode":"runc", <the sample schema>}
//   {"type":"event","mode":"runc","time_ns":...,"kind":"started","detail":"..."}
//   {"type":"event","mode":"runc","time_ns":...,"kind":"exited","detail":"exited with code 2 ...",
//    "data":{"exit_code":2,"ran_seconds":0.1,"engine_error":"","output":["sh: ..."]}}
class RecordingWriter {
public:
    using FailureListener = std::function<void(const RecordingFailure&)>;
    using ModeSample = std::pair<std::string, StatsSample>;

    // Creates the file exclusively, the user's alone (0600): an existing file or link at path is
    // refused, never replaced or followed. Nothing recorded is lost silently.
    static Result<std::unique_ptr<RecordingWriter>> create(const std::filesystem::path& path,
                                                           const nlohmann::json& header);
    // Records into a file just created (ExclusiveFile::createNumbered, createTemporary).
    static Result<std::unique_ptr<RecordingWriter>> create(ExclusiveFile file, const nlohmann::json& header);
    ~RecordingWriter(); // closes, telling no listener: call close() to know how it went

    // Told once, at the first failure, on the thread whose write failed (a collector's). Set it before
    // anything records.
    void onFailure(FailureListener listener) { listener_ = std::move(listener); }

    // After a failure these write nothing and return the failure's error; the sample is kept in memory.
    Result<void> sample(const std::string& mode, const StatsSample& sample);
    // data, when given, is the event's figures for programs (an exit's code and output).
    Result<void> event(const std::string& mode, std::int64_t timeNanos, const std::string& kind,
                       const std::string& detail = {}, const nlohmann::json& data = nullptr);
    // Puts the file on the disk and closes it; a failure here is a failure like a write's.
    Result<void> close();

    const std::filesystem::path& path() const { return path_; }
    // Read by other threads (a progress display) while a collector writes: hence atomic.
    std::size_t linesWritten() const { return lines_.load(); }
    // The first failure, with the lines not written since; nothing while every write has succeeded.
    std::optional<RecordingFailure> failure() const;
    // The samples not written since the failure, in the order they came (the file has all before them).
    std::vector<ModeSample> unwrittenSamples() const;

private:
    explicit RecordingWriter(ExclusiveFile file)
        : path_(file.path())
        , file_(std::move(file))
    {}
    Result<void> writeLine(const nlohmann::json& line, const ModeSample* sample = nullptr);
    // Under the lock: remembers the first failure and returns it, for the listener.
    RecordingFailure noteFailure(const Error& error, std::size_t linesNotWritten);

    std::filesystem::path path_;
    ExclusiveFile file_;
    FailureListener listener_;
    mutable std::mutex mutex_;
    std::atomic<std::size_t> lines_{0};
    std::chrono::steady_clock::time_point lastSync_;
    std::optional<RecordingFailure> failure_;
    std::vector<ModeSample> unwritten_;
    bool closed_ = false;
};

struct RecordedEvent {
    std::string mode;
    std::int64_t timeNanos = 0;
    std::string kind;
    std::string detail;
    nlohmann::json data = nullptr; // null when the event has none
};

// What a recording may ask of the reader, so a hostile file cannot ask for gigabytes. A real line is far
// below each: a sample < 1 KB, an exit with its output < 5 KB, the header < 16 KB, nesting 3 deep,
// and a pair records two modes.
inline constexpr std::size_t kMaxRecordingLineBytes = 64 * 1024;
inline constexpr int kMaxRecordingJsonDepth = 16;
inline constexpr std::size_t kMaxRecordingModes = 64;   // distinct modes, each a series in the store
inline constexpr std::size_t kMaxReportedRefusals = 16; // refusals kept with their reasons; the rest counted

enum class RecordingLimit { LineLength, JsonDepth, ModeCount };

// A line the reader refused (it is not replayed): which line (1-based) and which limit.
struct RefusedLine {
    std::size_t line = 0;
    RecordingLimit limit = RecordingLimit::LineLength;
    std::string reason; // "line 12 is longer than 64 KiB: refused"
};

struct RecordingRefusals {
    std::vector<RefusedLine> lines; // the first kMaxReportedRefusals
    std::size_t count = 0;          // all of them
};

struct Recording {
    nlohmann::json header;
    std::vector<std::pair<std::string, StatsSample>> samples; // mode, sample
    std::vector<RecordedEvent> events;
    bool truncatedTail = false;   // the last line was cut off (a crash while writing it)
    std::size_t skippedLines = 0; // unreadable lines before the last one
    RecordingRefusals refused;    // lines over a limit
};

// Reads a recording; a cut-off last line is tolerated and reported, not an error, and so are lines over
// a limit (refused and named). Only a header over a limit makes the file an error.
Result<Recording> readRecording(const std::filesystem::path& path);

// A recording line by line, without holding it: the header is returned, samples and events go to
// the visitor as they are read (in the file's order, which is the order they happened in).
struct RecordingInfo {
    nlohmann::json header;
    bool truncatedTail = false;
    std::size_t skippedLines = 0;
    RecordingRefusals refused;
};
struct RecordingVisitor {
    std::function<void(const std::string& mode, StatsSample&& sample)> sample;
    std::function<void(RecordedEvent&& event)> event;
};
Result<RecordingInfo> visitRecording(const std::filesystem::path& path, const RecordingVisitor& visitor);

// Replays a recording file straight into a series store, as replayInto does, keeping only its events:
// a day-long recording is not held in memory beside the store.
struct ReplayedRecording {
    RecordingInfo info;
    std::vector<RecordedEvent> events;
    std::size_t samples = 0;
};
Result<ReplayedRecording> replayFile(const std::filesystem::path& path, SeriesStore& store);

// Events after which a series' line breaks (a gap, the container exiting), as live collection breaks it.
bool breaksSeries(const RecordedEvent& event);

// Feeds a recording into a series store exactly as live collection does (samples, and gaps for
// gap and exit events), keyed by mode.
void replayInto(const Recording& recording, SeriesStore& store);

// Events a pair records with its start-up times (detail: milliseconds), so a replay shows them too.
inline constexpr const char* kCreateToRunningEvent = "create-to-running-ms";
inline constexpr const char* kFirstSampleEvent = "start-to-first-sample-ms";

// A mode's start-up times as its recording tells them; empty when the recording has none.
StartupTimes startupFromRecording(const Recording& recording, const std::string& mode);
StartupTimes startupFromEvents(const std::vector<RecordedEvent>& events, const std::string& mode);

} // namespace isolens
