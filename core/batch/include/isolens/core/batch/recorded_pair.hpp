#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/recording/recording_header.hpp"

#include <filesystem>
#include <vector>

namespace isolens {

// A pair's figures as its recording tells them: the same summary as the live run gave, because the
// replay feeds the series exactly as live collection did.
struct RecordedPair {
    std::filesystem::path path;
    RecordingHeader header;
    PairFigures figures;
};
Result<RecordedPair> readRecordedPair(const std::filesystem::path& path);

// What a recording's header says its pair ran.
BatchEntry entryOf(const RecordingHeader& header);

// A table from recordings already made: a row per entry (image, command, workload, limits) in the
// order first seen, a measured run per recording. Recordings of other mode labels or another hardening
// than the first's are refused, since their columns would not line up (the report states one hardening);
// so is a file named twice, which would count its run twice.
Result<BatchTable> tableFromRecordings(const std::vector<std::filesystem::path>& paths);

} // namespace isolens
