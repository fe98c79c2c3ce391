#include "report_command.hpp"

#include "isolens/core/base/safe_text.hpp"
#include "isolens/core/batch/recorded_pair.hpp"
#include "isolens/core/platform/system_text.hpp"
#include "isolens/core/report/report_file.hpp"

#include <iostream>

using namespace isolens;

int runReportCommand(const CliContext& context, const ReportOptions& options)
{
    if (options.recordings.empty()) {
        auto error = makeError(ErrorKind::InvalidInput, "Name at least one recording to report on");
        error.hint =
            "isolens-cli report RECORDING.jsonl... --report FILE.html (recordings of compare --record "
            "or the dashboard)";
        return reportError(context, error);
    }
    const auto file = pathFromUtf8(options.reportFile);
    // Refused before any recording is read, so a typo costs nothing.
    if (auto format = reportFormatFor(file); !format)
        return reportError(context, format.error());

    std::vector<std::filesystem::path> paths;
    for (const auto& recording : options.recordings) {
        const auto path = pathFromUtf8(recording);
        std::error_code ignored;
        if (!std::filesystem::is_regular_file(path, ignored)) {
            auto error = makeError(ErrorKind::InvalidInput, "There is no recording " + recording);
            error.hint = "Check the file's name; recordings are the .jsonl files of compare --record and the "
                         "dashboard's recordings folder";
            return reportError(context, error);
        }
        paths.push_back(path);
    }
    auto table = tableFromRecordings(paths);
    if (!table) {
        auto error = table.error();
        if (error.kind == ErrorKind::InvalidInput && error.hint == hintFor(ErrorKind::InvalidInput))
            error.hint = "Name recordings of pairs: the .jsonl files of isolens-cli compare --record or the "
                         "dashboard";
        return reportError(context, error);
    }
    ReportContext reportContext;
    reportContext.madeBy = "isolens-cli report";
    if (auto written = writeReport(table.value(), reportContext, file); !written)
        return reportError(context, written.error());
    std::cout << "Wrote the report of " << paths.size() << (paths.size() == 1 ? " recording" : " recordings")
              << " to " << escapeForTerminal(options.reportFile) << "\n";
    return 0;
}
