#include "recording_report.hpp"

#include "isolens/core/base/safe_text.hpp"
#include "isolens/core/base/timestamp.hpp"
#include "isolens/core/platform/system_text.hpp"

#include <iostream>
#include <string>

using namespace isolens;

void reportRecordingFailure(const RecordingFailure& failure, RecordingPurpose purpose)
{
    const auto folder = utf8FromPath(failure.path.parent_path());
    const bool temporary = purpose == RecordingPurpose::ForTheCsvOnly;
    std::string todo;
    if (failure.error.kind == ErrorKind::DiskFull)
        todo = temporary ? "the disk holding the temporary folder " + folder +
                               " is full: free space there, or set TMPDIR to a folder on another disk"
                         : "the disk holding " + folder +
                               " is full: free space there, or record elsewhere with --record";
    else
        todo = failure.error.hint;
    todo += temporary
                ? "; sampling goes on in memory, and the CSV will still have every sample"
                : "; sampling goes on in memory, and the summary (and --csv) will still have every sample";
    std::cerr << "isolens-cli: error: " << escapeForTerminal(failure.error.message)
              << "\n  what to do: " << escapeForTerminal(todo) << std::endl;
}

void reportIncompleteRecording(const RecordingFailure& failure)
{
    std::cerr << "isolens-cli: error: the recording " << escapeForTerminal(utf8FromPath(failure.path))
              << " is incomplete: " << failure.linesNotWritten << " lines could not be written after "
              << formatRfc3339Millis(failure.timeNanos) << " (" << escapeForTerminal(failure.error.message)
              << ")\n";
}

nlohmann::json recordingFailureJson(const std::optional<RecordingFailure>& failure)
{
    if (!failure)
        return nullptr;
    return {{"kind", toString(failure->error.kind)},
            {"message", failure->error.message},
            {"path", utf8FromPath(failure->path)},
            {"time_ns", failure->timeNanos},
            {"lines_not_written", failure->linesNotWritten}};
}
