#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace isolens {

// The file name of one run's recording in a batch's folder, "02-isolens_batch_b-run1.jsonl": the row
// (so the files sort as the table does), the image made safe for any file system (ASCII letters, digits,
// '-' and '.', the rest '_', at most 60 characters) and the run.
std::string batchRecordingName(std::size_t row, std::size_t repeat, std::string_view image);

// The folder a batch's recordings go to when none is named: "isolens-batch-20261202-061500".
std::string batchFolderName(std::int64_t wallClockNanos);

} // namespace isolens
