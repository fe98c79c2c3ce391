// Recordings opened by users: any file, cut anywhere, hostile. Whatever the file, the reader's limits
// hold: no more modes than kMaxRecordingModes reach the store and the refusals kept stay bounded.
#include "isolens/core/recording/recording.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void checkLimits(const isolens::RecordingRefusals& refused)
{
    check(refused.lines.size() <= isolens::kMaxReportedRefusals);
    check(refused.lines.size() <= refused.count);
    for (const auto& line : refused.lines)
        check(line.line > 1 && !line.reason.empty()); // the header is never refused, only an error
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto path =
        std::filesystem::temp_directory_path() / ("isolens-fuzz-" + std::to_string(getpid()) + ".jsonl");
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (auto recording = isolens::readRecording(path)) {
        checkLimits(recording.value().refused);
        std::set<std::string> modes;
        for (const auto& [mode, _] : recording.value().samples)
            modes.insert(mode);
        for (const auto& event : recording.value().events)
            modes.insert(event.mode);
        check(modes.size() <= isolens::kMaxRecordingModes);
        isolens::SeriesStore store;
        isolens::replayInto(recording.value(), store);
        check(store.keys().size() <= isolens::kMaxRecordingModes);
        (void)isolens::recordingToCsv(recording.value());
    }
    isolens::SeriesStore streamed;
    if (auto replayed = isolens::replayFile(path, streamed)) {
        checkLimits(replayed.value().info.refused);
        check(streamed.keys().size() <= isolens::kMaxRecordingModes);
    }
    return 0;
}
