#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/recording/recording_header.hpp"
#include "isolens/core/series/time_series.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

// What a report needs that the table does not hold.
struct ReportContext {
    // The command line that measured, word by word (compare --report passes its own); empty: the first
    // recording's own (its header's invocation).
    std::vector<std::string> invocation;
    // What made the report: "isolens-cli report", "isolens dashboard".
    std::string madeBy;
};

// One measured run's series for its charts: CPU % and memory bytes of each side (NaN marks a gap).
struct RunSeries {
    std::size_t row = 0; // index into the table's rows
    std::size_t repeat = 1;
    std::int64_t firstNanos = 0;
    std::int64_t lastNanos = 0;          // exclusive
    std::vector<std::string> invocation; // the command line that made its recording; empty: not recorded
    std::array<std::vector<SeriesPoint>, 2> cpu;
    std::array<std::vector<SeriesPoint>, 2> memory;
};

// Everything a report shows, read once, for the HTML and the Markdown alike.
struct ReportDocument {
    BatchTable table;
    std::string isolensVersion;
    std::vector<std::string> invocation; // empty: not recorded
    std::string madeBy;
    std::optional<RecordingHeader> firstHeader; // host and engine facts; none when no run has a recording
    std::vector<RunSeries> runs;                // each measured run that has a recording, in table order
};

// Reads each measured run's recording for its series. A recording that cannot be read is an error that
// names it.
Result<ReportDocument> reportDocument(const BatchTable& table, const ReportContext& context);

// The facts a report opens with, in order: IsoLens' version, the command, the host, the engine...
struct ReportFact {
    std::string name;
    std::string value;
};
std::vector<ReportFact> reportFacts(const ReportDocument& document);

// What a run ran and how it was measured: "Command: sleep 3600; workload: none; measured with: isolens-cli
// …".
std::string runDescription(const BatchEntry& entry, const RunSeries& run);

// A command line to read and to paste into a POSIX shell: a word with any character a shell might act on
// (a blank, a quote, ';', '*', '$', '~', a newline...) or an empty word is single-quoted, a quote in it
// written '\'' ("sh -c 'echo hi'").
std::string commandLineText(const std::vector<std::string>& words);

} // namespace isolens
