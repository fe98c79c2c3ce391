// Recordings opened by users: any file, cut anywhere.
#include "isolens/core/recording.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto path =
        std::filesystem::temp_directory_path() / ("isolens-fuzz-" + std::to_string(getpid()) + ".jsonl");
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (auto recording = isolens::readRecording(path)) {
        isolens::SeriesStore store;
        isolens::replayInto(recording.value(), store);
        (void)isolens::recordingToCsv(recording.value());
    }
    return 0;
}
