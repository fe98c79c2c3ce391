#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/stats/stats_sample.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace isolens {

// A recording as CSV, one row per sample: time, mode, and the sample's figures. The one export, for
// the dashboard and the command line.

// The first line.
std::string_view csvHeaderLine();
// One sample's row, with its line end; empty for a stopped container's zeroed sample.
std::string csvRow(const std::string& mode, const StatsSample& sample);

// Where the CSV's text goes, in pieces of some kilobytes; a failure (a full disk) ends the export.
using CsvSink = std::function<Result<void>(std::string_view text)>;

// Streams the recording at `path` to the sink, without holding it in memory, then the samples that are
// not in the file (kept in memory after a write failure ended the recording early), so the CSV has
// every sample. Fails when the recording cannot be read or the sink fails; the sink's error is kept.
Result<void> exportRecordingCsv(const std::filesystem::path& path,
                                const std::vector<std::pair<std::string, StatsSample>>& notRecorded,
                                const CsvSink& sink);

} // namespace isolens
