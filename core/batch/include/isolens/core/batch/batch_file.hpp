#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/engine/command_line.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isolens {

// A batch runs at most this many images; a longer list is a mistake more often than a plan.
inline constexpr std::size_t kMaxBatchRows = 100;
// A batch file is small: its rows, not data.
inline constexpr std::size_t kMaxBatchFileBytes = 1024 * 1024;

// One row as written, in a batch file or in --images: the image and what it sets for itself. Commands
// stay text until the engine's OS says how to split them.
struct BatchFileRow {
    std::size_t line = 0; // 1-based line of the batch file; 0 for --images
    std::string image;
    std::optional<std::string> command;  // as typed, or a JSON array of words (the exec form)
    std::optional<std::string> workload; // likewise
    std::optional<std::int64_t> memoryBytes;
    std::optional<std::int64_t> nanoCpus;
};

// A batch file: JSON Lines, one object per row, e.g.
//   {"image":"mcr.microsoft.com/windows/nanoserver:ltsc2022","cmd":"ping -t
//   localhost","memory":"1g","cpus":2}
// Keys: image (required), cmd, workload (text or an array of words), memory (docker's sizes), cpus.
// Blank lines and lines starting with # are skipped. An error names the line and says what to write.
Result<std::vector<BatchFileRow>> parseBatchFile(std::string_view text);
Result<std::vector<BatchFileRow>> readBatchFile(const std::filesystem::path& path);

// --images A,B,C as rows.
Result<std::vector<BatchFileRow>> rowsOfImages(std::string_view list);

// What a row does not set for itself: the command line's values.
struct BatchDefaults {
    std::string command;  // empty: the image's own
    std::string workload; // empty: none
    std::optional<std::int64_t> memoryBytes;
    std::optional<std::int64_t> nanoCpus;
};
// The rows as entries, their commands split in the engine's syntax.
Result<std::vector<BatchEntry>> batchEntries(const std::vector<BatchFileRow>& rows,
                                             const BatchDefaults& defaults, CommandSyntax syntax);

} // namespace isolens
