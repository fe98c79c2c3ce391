#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/report/report_document.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace isolens {

// A report's format, by its file's extension: .html or .htm, .md (any case).
enum class ReportFormat { Html, Markdown };
Result<ReportFormat> reportFormatFor(const std::filesystem::path& file);

// Writes the report of a table to file, in the format its extension names: one self-contained HTML
// page, or Markdown with its charts as SVG files beside it ("<stem>-1-1-cpu-a.svg"...). Every file is
// created exclusively: an existing file is never replaced, and on any failure none of them is left.
Result<void> writeReport(const BatchTable& table, const ReportContext& context,
                         const std::filesystem::path& file);

// Files written all or none: each created exclusively (readable by others: a report is for sharing),
// written and closed, and only then kept. The first that exists or fails is the error.
struct NewFile {
    std::filesystem::path path;
    std::string content;
};
Result<void> writeNewFiles(const std::vector<NewFile>& files);

} // namespace isolens
