#include "isolens/core/report/report_document.hpp"

#include "isolens/core/base/timestamp.hpp"
#include "isolens/core/base/units.hpp"
#include "isolens/core/base/version.hpp"
#include "isolens/core/engine/resource_limits.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/series/series_store.hpp"

#include <algorithm>
#include <limits>
#include <string_view>

namespace isolens {
namespace {

Result<RunSeries> runSeries(const std::filesystem::path& path, const std::array<std::string, 2>& labels,
                            RecordingHeader& header)
{
    SeriesStore store;
    auto replayed = replayFile(path, store);
    if (!replayed)
        return replayed.error();
    header = replayed.value().info.header;
    RunSeries run;
    run.invocation = header.invocation;
    const auto span = store.timeSpan();
    if (!span)
        return run;
    run.firstNanos = span->first;
    run.lastNanos = span->second + 1'000'000; // one millisecond past the data, as the dashboard's window
    constexpr auto kAll = std::numeric_limits<std::int64_t>::max();
    for (std::size_t side = 0; side < 2; ++side) {
        run.cpu[side] = store.range(labels[side], Metric::CpuPercent, 0, kAll);
        run.memory[side] = store.range(labels[side], Metric::MemoryBytes, 0, kAll);
    }
    return run;
}

// Characters no POSIX shell gives a meaning to, wherever they stand in a word (Python's shlex.quote keeps
// the same set unquoted): any other character, a ';', '*', '~', '#' or a newline among them, is quoted.
bool isPlainInAShell(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("@%+=:,./_-").find(c) != std::string_view::npos;
}

} // namespace

Result<ReportDocument> reportDocument(const BatchTable& table, const ReportContext& context)
{
    ReportDocument document;
    document.table = table;
    document.isolensVersion = kIsoLensVersion;
    document.madeBy = context.madeBy;
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        for (const auto& run : table.rows[row].runs) {
            if (run.outcome != RunOutcome::Measured || run.recording.empty())
                continue;
            RecordingHeader header;
            auto series = runSeries(run.recording, table.labels, header);
            if (!series)
                return series.error();
            series.value().row = row;
            series.value().repeat = run.repeat;
            document.runs.push_back(std::move(series.value()));
            if (!document.firstHeader)
                document.firstHeader = header;
        }
    }
    document.invocation = context.invocation;
    if (document.invocation.empty() && document.firstHeader)
        document.invocation = document.firstHeader->invocation;
    return document;
}

std::vector<ReportFact> reportFacts(const ReportDocument& document)
{
    std::vector<ReportFact> facts{{"IsoLens version", document.isolensVersion}};
    // A dashboard's pair has no command line; an older recording kept none.
    const bool fromTheDashboard =
        document.firstHeader && document.firstHeader->recordedBy == "isolens dashboard";
    facts.push_back({"Command", !document.invocation.empty() ? commandLineText(document.invocation)
                                : fromTheDashboard           ? "none: started in the dashboard"
                                                             : "not recorded (the recording predates it)"});
    if (!document.madeBy.empty())
        facts.push_back({"Report made by", document.madeBy});
    facts.push_back({"Modes compared", document.table.labels[0] + " and " + document.table.labels[1]});
    if (!document.firstHeader)
        return facts;
    const auto& header = *document.firstHeader;
    if (header.startedNanos > 0)
        facts.push_back({"Recorded", formatRfc3339Millis(header.startedNanos)});
    if (!header.recordedBy.empty() || !header.appVersion.empty())
        facts.push_back({"Recorded by", header.recordedBy.empty()
                                            ? "IsoLens " + header.appVersion
                                            : header.recordedBy + " (IsoLens " + header.appVersion + ")"});
    facts.push_back({"Host", header.hostDescription.empty() ? "not recorded" : header.hostDescription});
    facts.push_back(
        {"Engine", (header.engine.osType.empty() ? std::string("unknown OS") : header.engine.osType) +
                       ", version " +
                       (header.engine.version.empty() ? std::string("unknown") : header.engine.version)});
    if (!header.engine.endpoint.empty())
        facts.push_back({"Engine endpoint", header.engine.endpoint});
    std::string limits;
    if (header.limits.memoryBytes)
        limits = "memory " + describeMemoryLimit(*header.limits.memoryBytes);
    if (header.limits.nanoCpus)
        limits += (limits.empty() ? "" : ", ") + describeCpuLimit(*header.limits.nanoCpus);
    facts.push_back({"Limits", limits.empty() ? "none (the engine's default)" : limits});
    const auto hardening = header.hardeningDescription();
    facts.push_back({"Hardening", hardening.empty() ? "none" : hardening});
    return facts;
}

std::string runDescription(const BatchEntry& entry, const RunSeries& run)
{
    std::string text =
        "Command: " + (entry.command.empty() ? "the image's own" : commandLineText(entry.command));
    text += "; workload: " + (entry.workload.empty() ? "none" : commandLineText(entry.workload));
    if (!run.invocation.empty())
        text += "; measured with: " + commandLineText(run.invocation);
    return text;
}

std::string commandLineText(const std::vector<std::string>& words)
{
    std::string text;
    for (const auto& word : words) {
        if (!text.empty())
            text += ' ';
        if (!word.empty() && std::ranges::all_of(word, isPlainInAShell)) {
            text += word;
            continue;
        }
        text += '\'';
        for (const char c : word) {
            if (c == '\'')
                text += "'\\''";
            else
                text += c;
        }
        text += '\'';
    }
    return text;
}

} // namespace isolens
