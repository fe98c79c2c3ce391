#include "isolens/core/batch/batch_output.hpp"

#include "isolens/core/base/json_text.hpp"
#include "isolens/core/base/text.hpp"
#include "isolens/core/platform/system_text.hpp"

#include <cstdio>
#include <functional>

namespace isolens {

using nlohmann::json;

namespace {

json spreadJson(const std::optional<Spread>& spread)
{
    if (!spread)
        return nullptr;
    return {{"count", spread->count}, {"min", spread->min}, {"median", spread->median}, {"max", spread->max}};
}

json metricJson(const MetricSummary& m)
{
    return {{"count", m.count}, {"mean", m.mean}, {"p95", m.p95}, {"peak", m.peak}, {"last", m.last}};
}

json figuresJson(const PairFigures& figures)
{
    json sides = json::array();
    for (const auto& side : figures.sides)
        sides.push_back({{"label", side.label},
                         {"cpu_percent", metricJson(side.cpu)},
                         {"mem_bytes", metricJson(side.memory)},
                         {"create_to_running_ms", jsonOrNull(side.startup.createToRunningMillis)},
                         {"start_to_first_sample_ms", jsonOrNull(side.startup.startToFirstSampleMillis)}});
    return {{"memory_difference_percent", jsonOrNull(figures.memoryDifferencePercent())}, {"sides", sides}};
}

json runJson(const BatchRun& run)
{
    const bool measured = run.outcome == RunOutcome::Measured;
    return {{"repeat", run.repeat},
            {"outcome", runOutcomeName(run.outcome)},
            {"reason", measured ? json(nullptr) : json(run.reason)},
            {"hint", measured ? json(nullptr) : json(run.hint)},
            {"recording", run.recording.empty() ? json(nullptr) : json(utf8FromPath(run.recording))},
            {"figures", measured || run.figures.measured() ? figuresJson(run.figures) : json(nullptr)}};
}

// The spread's figures in the order the CSV's columns have them.
struct NamedSpread {
    std::string name;
    std::function<const std::optional<Spread>&(const SideSpread&)> of;
};
const std::vector<NamedSpread>& sideFigures()
{
    static const std::vector<NamedSpread> figures{
        {"mem_bytes_mean", [](const SideSpread& s) -> const std::optional<Spread>& { return s.memoryMean; }},
        {"cpu_percent_mean", [](const SideSpread& s) -> const std::optional<Spread>& { return s.cpuMean; }},
        {"cpu_percent_p95", [](const SideSpread& s) -> const std::optional<Spread>& { return s.cpuP95; }},
        {"create_to_running_ms",
         [](const SideSpread& s) -> const std::optional<Spread>& { return s.createToRunningMillis; }},
        {"start_to_first_sample_ms",
         [](const SideSpread& s) -> const std::optional<Spread>& { return s.startToFirstSampleMillis; }},
    };
    return figures;
}

std::string number(double value)
{
    char text[40];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

std::string spreadCells(const std::optional<Spread>& spread)
{
    if (!spread)
        return ",,";
    return number(spread->median) + "," + number(spread->min) + "," + number(spread->max);
}

} // namespace

std::string rowStatus(const BatchRow& row)
{
    if (row.runs.empty())
        return "not run";
    const auto measured = row.measuredRuns();
    if (measured == row.runs.size())
        return "measured";
    if (measured > 0)
        return "partly measured";
    return row.runs.back().outcome == RunOutcome::Cancelled ? "cancelled" : "failed";
}

json batchTableToJson(const BatchTable& table)
{
    json rows = json::array();
    for (const auto& row : table.rows) {
        const auto spread = rowSpread(row);
        json sides = json::array();
        for (std::size_t side = 0; side < 2; ++side) {
            json out = {{"label", table.labels[side]}};
            for (const auto& figure : sideFigures())
                out[figure.name] = spreadJson(figure.of(spread.sides[side]));
            sides.push_back(out);
        }
        json runs = json::array();
        for (const auto& run : row.runs)
            runs.push_back(runJson(run));
        const auto* failure = row.measuredRuns() == 0 ? row.firstFailure() : nullptr;
        rows.push_back({{"image", row.entry.image},
                        {"command", row.entry.command},
                        {"workload", row.entry.workload},
                        {"memory_bytes", jsonOrNull(row.entry.memoryBytes)},
                        {"nano_cpus", jsonOrNull(row.entry.nanoCpus)},
                        {"status", rowStatus(row)},
                        {"reason", failure ? json(failure->reason) : json(nullptr)},
                        {"hint", failure ? json(failure->hint) : json(nullptr)},
                        {"runs", runs},
                        {"spread",
                         {{"runs", spread.measuredRuns},
                          {"memory_difference_percent", spreadJson(spread.memoryDifferencePercent)},
                          {"sides", sides}}}});
    }
    return {{"modes", table.labels}, {"cancelled", table.cancelled}, {"rows", rows}};
}

std::string batchTableCsv(const BatchTable& table)
{
    std::string out = "image,status,reason,runs,measured_runs,memory_difference_percent_median,"
                      "memory_difference_percent_min,memory_difference_percent_max";
    for (const auto& label : table.labels)
        for (const auto& figure : sideFigures())
            for (const char* statistic : {"median", "min", "max"})
                out += "," + csvField(label + "_" + figure.name + "_" + statistic);
    out += "\n";
    for (const auto& row : table.rows) {
        const auto spread = rowSpread(row);
        const auto* failure = row.measuredRuns() == 0 ? row.firstFailure() : nullptr;
        out += csvField(row.entry.image) + "," + csvField(rowStatus(row)) + "," +
               csvField(failure ? failure->reason : std::string{}) + "," + std::to_string(row.runs.size()) +
               "," + std::to_string(spread.measuredRuns) + "," + spreadCells(spread.memoryDifferencePercent);
        for (const auto& side : spread.sides)
            for (const auto& figure : sideFigures())
                out += "," + spreadCells(figure.of(side));
        out += "\n";
    }
    return out;
}

} // namespace isolens
