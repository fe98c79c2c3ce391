#include "isolens/core/batch/recorded_pair.hpp"

#include "isolens/core/platform/system_text.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/series/series_store.hpp"

#include <algorithm>
#include <optional>
#include <system_error>

namespace isolens {

namespace {

Error refused(const std::filesystem::path& path, const std::string& what, const std::string& hint)
{
    auto error = makeError(ErrorKind::InvalidInput, utf8FromPath(path.filename()) + " " + what);
    error.hint = hint;
    return error;
}

std::string hardeningText(const RecordingHeader& header)
{
    const auto description = header.hardeningDescription();
    return description.empty() ? "no hardening" : "hardening (" + description + ")";
}

// The same file by another name (./a.jsonl, a.jsonl, a link to it) is the same file.
bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b)
{
    std::error_code error;
    const bool same = std::filesystem::equivalent(a, b, error);
    return !error && same;
}

} // namespace

Result<RecordedPair> readRecordedPair(const std::filesystem::path& path)
{
    SeriesStore store;
    auto replayed = replayFile(path, store);
    if (!replayed)
        return replayed.error();
    const auto& header = replayed.value().info.header;
    if (header.stacks)
        return refused(path, "is the recording of two stacks, not of a pair",
                       "Open it in the dashboard's Stacks tab; a report compares pairs");
    if (header.modes.size() != 2)
        return refused(path,
                       "is not the recording of a pair (it names " + std::to_string(header.modes.size()) +
                           " modes, a pair has 2)",
                       "Name recordings that isolens-cli compare or the dashboard made of a pair");
    const std::vector<std::string> labels{header.modeLabel(0), header.modeLabel(1)};
    const auto& events = replayed.value().events;
    RecordedPair pair{path, header,
                      pairFigures(summarizeModes(store, labels), {startupFromEvents(events, labels[0]),
                                                                  startupFromEvents(events, labels[1])})};
    return pair;
}

BatchEntry entryOf(const RecordingHeader& header)
{
    return {header.image, header.command, header.workload, header.limits.memoryBytes, header.limits.nanoCpus};
}

Result<BatchTable> tableFromRecordings(const std::vector<std::filesystem::path>& paths)
{
    BatchTable table;
    std::optional<RecordingHeader> first;
    std::vector<std::filesystem::path> read;
    for (const auto& path : paths) {
        if (std::any_of(read.begin(), read.end(),
                        [&](const auto& earlier) { return sameFile(earlier, path); }))
            return refused(path, "is named twice", "Name each recording once: a run counts once");
        read.push_back(path);
        auto pair = readRecordedPair(path);
        if (!pair)
            return pair.error();
        const auto& header = pair.value().header;
        const std::array<std::string, 2> labels{header.modeLabel(0), header.modeLabel(1)};
        if (!first) {
            first = header;
            table.labels = labels;
        } else if (labels != table.labels) {
            return refused(path,
                           "compares " + labels[0] + " with " + labels[1] + ", the first recording " +
                               table.labels[0] + " with " + table.labels[1],
                           "Make one report per pair of modes");
        } else if (header.hardening != first->hardening) { // the report states one hardening for all
            return refused(path,
                           "was measured with " + hardeningText(header) + ", the first recording with " +
                               hardeningText(*first),
                           "Make one report per hardening: its figures are not comparable across them");
        }
        const auto entry = entryOf(header);
        auto row = std::find_if(table.rows.begin(), table.rows.end(),
                                [&](const BatchRow& existing) { return existing.entry == entry; });
        if (row == table.rows.end()) {
            table.rows.push_back({entry, {}});
            row = std::prev(table.rows.end());
        }
        BatchRun run;
        run.repeat = row->runs.size() + 1;
        run.figures = pair.value().figures;
        run.outcome = run.figures.measured() ? RunOutcome::Measured : RunOutcome::Failed;
        if (!run.figures.measured()) {
            run.reason = "the recording has no sample of one side";
            run.hint = "Open it in the dashboard to see what its events say";
        }
        run.recording = path;
        row->runs.push_back(std::move(run));
    }
    return table;
}

} // namespace isolens
