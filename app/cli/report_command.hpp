#pragma once

#include "cli_context.hpp"

#include <string>
#include <vector>

struct ReportOptions {
    std::vector<std::string> recordings; // the pairs' recordings, UTF-8
    std::string reportFile;              // FILE.html or FILE.md, UTF-8
};

// isolens-cli report RECORDING... --report FILE: the comparison table, charts and facts of recordings
// already made, as one self-contained HTML page or as Markdown with SVG charts beside it.
int runReportCommand(const CliContext& context, const ReportOptions& options);
