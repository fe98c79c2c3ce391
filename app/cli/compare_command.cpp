#include "compare_command.hpp"

#include "isolens/core/base/safe_text.hpp"

#include "batch_command.hpp"
#include "interrupts.hpp"
#include "published_table.hpp"
#include "recording_report.hpp"
#include "text_table.hpp"

#include "isolens/core/analysis/pair_summary.hpp"
#include "isolens/core/base/clock.hpp"
#include "isolens/core/base/json_text.hpp"
#include "isolens/core/base/text.hpp"
#include "isolens/core/base/units.hpp"
#include "isolens/core/batch/batch_file.hpp"
#include "isolens/core/batch/pair_run.hpp"
#include "isolens/core/engine/command_line.hpp"
#include "isolens/core/engine/resource_limits.hpp"
#include "isolens/core/platform/exclusive_file.hpp"
#include "isolens/core/platform/system_text.hpp"
#include "isolens/core/recording/recording_csv.hpp"
#include "isolens/core/session/orphan_search.hpp"
#include "isolens/core/stats/group_sum.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

using namespace isolens;

namespace {

// Removes the recording made only to build a CSV, however the command ends. Declared before the
// writer, so the file is closed first (Windows cannot remove an open file).
struct TemporaryRecordingRemover {
    std::filesystem::path path;
    explicit TemporaryRecordingRemover(std::filesystem::path file)
        : path(std::move(file))
    {}
    TemporaryRecordingRemover(const TemporaryRecordingRemover&) = delete;
    TemporaryRecordingRemover& operator=(const TemporaryRecordingRemover&) = delete;
    ~TemporaryRecordingRemover()
    {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    }
};

// --modes or --runtimes against what the engine offers.
Result<std::array<IsolationMode, 2>> chooseModes(const CompareOptions& options, const EngineInfo& engine)
{
    const auto offered = availableModes(engine);
    const auto wanted = splitWords(!options.modes.empty() ? options.modes : options.runtimes, ',');
    std::vector<IsolationMode> chosen;
    if (wanted.empty()) {
        if (offered.modes.size() < 2)
            return makeError(ErrorKind::InvalidInput, offered.reason);
        chosen = {offered.modes[0], offered.modes[1]};
    } else {
        for (const auto& name : wanted) {
            auto found = findMode(offered, engine, name);
            if (!found)
                return found.error();
            chosen.push_back(offered.modes[found.value()]);
        }
    }
    if (chosen.size() != 2)
        return makeError(ErrorKind::InvalidInput,
                         "Name exactly two modes to compare, e.g. --runtimes runc,kata");
    return std::array<IsolationMode, 2>{chosen[0], chosen[1]};
}

// The CSV from the recording and, after a write failure, the samples kept in memory.
Result<void> writeCsv(ExclusiveFile& csv, const RecordingWriter& recorder)
{
    const auto write = [&](std::string_view text) { return csv.write(text); };
    if (auto exported = exportRecordingCsv(recorder.path(), recorder.unwrittenSamples(), write); !exported)
        return exported;
    return csv.close();
}

nlohmann::json summaryJson(const ModeSummary& s, const ModeRun& run)
{
    // Groups have no run of IsoLens' own: their mode and container fields stay empty.
    auto metric = [](const MetricSummary& m) {
        return nlohmann::json{
            {"count", m.count}, {"mean", m.mean}, {"p95", m.p95}, {"peak", m.peak}, {"last", m.last}};
    };
    return {{"label", s.label},
            {"isolation", run.mode.isolation},
            {"runtime", run.mode.runtime},
            {"container", run.containerName},
            {"create_to_running_ms", jsonOrNull(run.startup.createToRunningMillis)},
            {"start_to_first_sample_ms", jsonOrNull(run.startup.startToFirstSampleMillis)},
            {"exited", run.exit ? exitToJson(*run.exit) : nlohmann::json(nullptr)},
            {"cpu_percent", metric(s.cpu)},
            {"cpu_allotment_percent", metric(s.allotment)},
            {"mem_bytes", metric(s.memory)}};
}

void printSummary(const std::string& image, const std::vector<ModeSummary>& summaries,
                  const std::optional<std::array<ModeRun, 2>>& runs)
{
    const auto& a = summaries[0];
    const auto& b = summaries[1];
    std::vector<std::vector<std::string>> table{
        {"IMAGE", "MEMORY " + a.label, "MEMORY " + b.label, "DIFFERENCE"},
        {image, megabytes(a.memory.mean), megabytes(b.memory.mean),
         percentDifference(a.memory.mean, b.memory.mean)
             ? std::to_string(static_cast<long long>(*percentDifference(a.memory.mean, b.memory.mean))) + "%"
             : "--"}};
    std::cout << "\nMeasured (mean over the run)\n" << alignColumns(table);
    std::vector<std::vector<std::string>> detail{{"", a.label, b.label}};
    detail.push_back({"CPU % mean", percent(a.cpu.mean), percent(b.cpu.mean)});
    detail.push_back({"CPU % p95", percent(a.cpu.p95), percent(b.cpu.p95)});
    detail.push_back({"CPU % peak", percent(a.cpu.peak), percent(b.cpu.peak)});
    detail.push_back({"memory p95", megabytes(a.memory.p95), megabytes(b.memory.p95)});
    detail.push_back({"memory peak", megabytes(a.memory.peak), megabytes(b.memory.peak)});
    detail.push_back({"samples", std::to_string(a.memory.count), std::to_string(b.memory.count)});
    if (runs) {
        auto millis = [](const std::optional<double>& value) {
            return value ? milliseconds(*value) : std::string("--");
        };
        const auto& [first, second] = *runs;
        detail.push_back({"create to running", millis(first.startup.createToRunningMillis),
                          millis(second.startup.createToRunningMillis)});
        detail.push_back({"start to first sample", millis(first.startup.startToFirstSampleMillis),
                          millis(second.startup.startToFirstSampleMillis)});
    }
    std::cout << '\n' << alignColumns(detail) << '\n';
    std::cout << describeDifference(a.label, b.label, "memory", a.memory.mean, b.memory.mean) << ".\n";
    std::cout << describeDifference(a.label, b.label, "CPU", a.cpu.mean, b.cpu.mean) << ".\n\n";

    std::cout << publishedReferenceTable();
}

// --groups LABEL=V1,V2: two sets of running containers (e.g. compose projects), summed per set.
int compareGroups(const CliContext& context, const CompareOptions& options,
                  std::shared_ptr<EngineClient> client, const EngineInfo& engine)
{
    const auto eq = options.groups.find('=');
    const auto values =
        eq == std::string::npos ? std::vector<std::string>{} : splitWords(options.groups.substr(eq + 1), ',');
    if (eq == std::string::npos || eq == 0 || values.size() != 2)
        return reportError(context, makeError(ErrorKind::InvalidInput,
                                              "--groups takes LABEL=VALUE1,VALUE2, e.g. "
                                              "com.docker.compose.project=stack-hyperv,stack-process"));
    const auto label = options.groups.substr(0, eq);
    const auto os = engineOsFromOsType(engine.osType);
    SeriesStore store;
    GroupAccumulator groups;
    std::vector<WatchTarget> targets;
    for (const auto& value : values) {
        auto members = client->listContainers({{"label", {label + "=" + value}}}, /*all=*/false);
        if (!members)
            return reportError(context, members.error());
        if (members.value().empty())
            return reportError(context,
                               makeError(ErrorKind::InvalidInput,
                                         "No running container has the label " + label + "=" + value));
        for (const auto& member : members.value()) {
            groups.addMember(value, member.id);
            targets.push_back({member.id, member.name, {}});
        }
        std::cerr << value << ": " << members.value().size() << " containers\n";
    }
    StatsCollector collector(client, os, [&](const CollectorEvent& event) {
        if (event.kind == CollectorEvent::Kind::Sample)
            groups.update(event.containerId, event.sample);
    });
    for (const auto& target : targets)
        collector.watch(target);
    handleInterrupts();
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(options.durationSeconds);
    while (!interrupted() && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        for (const auto& [group, sum] : groups.tick(wallClockNanos()))
            store.addSample(group, sum);
    }
    const auto summaries = summarizeModes(store, values);
    if (context.json) {
        nlohmann::json out = {{"groups_label", label}, {"modes", nlohmann::json::array()}};
        for (const auto& summary : summaries) {
            ModeRun group; // no run of IsoLens' own: only the label
            group.mode.label = summary.label;
            out["modes"].push_back(summaryJson(summary, group));
        }
        std::cout << dumpJson(out, 2) << '\n';
    } else {
        printSummary(label + " groups", summaries, std::nullopt);
    }
    return interrupted() ? interruptedExitCode() : 0;
}

// --memory and --cpus as limits; a bad value is an InvalidInput error naming the option.
Result<BatchDefaults> limitsAndCommands(const CompareOptions& options)
{
    BatchDefaults defaults{options.command, options.workload, std::nullopt, std::nullopt};
    if (options.memory) {
        auto memory = parseMemoryLimit(*options.memory);
        if (!memory)
            return memory.error();
        defaults.memoryBytes = memory.value();
    }
    if (options.cpus) {
        auto cpus = parseCpuLimit(*options.cpus);
        if (!cpus)
            return cpus.error();
        defaults.nanoCpus = cpus.value();
    }
    return defaults;
}

} // namespace

int runCompareCommand(const CliContext& context, const CompareOptions& options)
{
    const bool batch = !options.images.empty() || !options.batchFile.empty();
    if (options.groups.empty() && options.image.empty() && !batch)
        return reportError(context,
                           makeError(ErrorKind::InvalidInput,
                                     "Name an --image to start a pair, --images or --batch for several, "
                                     "or --groups"));
    if (auto image = parseImageReference(options.image); options.groups.empty() && !batch && !image)
        return reportError(context, image.error());
    if (options.durationSeconds < 1)
        return reportError(context,
                           makeError(ErrorKind::InvalidInput, "--duration must be at least 1 second"));
    if (!batch && (options.repeat != 1 || !options.recordDir.empty() || !options.tableCsvFile.empty() ||
                   !options.reportFile.empty())) {
        auto error = makeError(ErrorKind::InvalidInput,
                               "--repeat, --record-dir, --table-csv and --report are for a batch");
        error.hint = "Name the images with --images A,B,C or --batch FILE (for one image: --images A)";
        (void)reportError(context, error);
        return 2;
    }
    // A bad hardening or limit value is a usage error (exit 2); they apply only to the pairs IsoLens starts.
    auto hardening = hardeningFrom(options.hardening);
    if (hardening && hardening.value().any() && !options.groups.empty()) {
        hardening = makeError(ErrorKind::InvalidInput,
                              "Hardening applies to the pair IsoLens starts, not to --groups");
        hardening.error().hint = "Leave out the hardening options, or start a pair with --image";
    }
    if (!hardening) {
        (void)reportError(context, hardening.error());
        return 2;
    }
    auto defaults = limitsAndCommands(options);
    if (defaults && !options.groups.empty() && (options.memory || options.cpus)) {
        defaults = makeError(ErrorKind::InvalidInput,
                             "--memory and --cpus apply to the pairs IsoLens starts, not to --groups");
        defaults.error().hint = "Leave them out, or start a pair with --image";
    }
    if (!defaults) {
        (void)reportError(context, defaults.error());
        return 2;
    }
    // A batch's rows are read and checked before anything is asked of the engine.
    std::vector<BatchFileRow> rows;
    if (batch) {
        auto read = batchRows(options);
        if (!read) {
            (void)reportError(context, read.error());
            return 2;
        }
        rows = std::move(read.value());
    }
    auto engine = connectWithInfo(context);
    if (!engine)
        return reportError(context, engine.error());
    auto client = engine.value().client;
    const auto& info = engine.value().info;
    if (!options.groups.empty())
        return compareGroups(context, options, client, info);
    if (auto orphans = findOrphans(*client, ContainerLedger(ContainerLedger::defaultFile()));
        orphans && !orphans.value().ours.empty())
        std::cerr << orphans.value().ours.size()
                  << " containers of ended IsoLens sessions are still there: isolens-cli cleanup lists them, "
                     "isolens-cli cleanup --yes removes them\n";
    auto modes = chooseModes(options, info);
    if (!modes)
        return reportError(context, modes.error());
    if (batch)
        return runBatchCompare(context, options, rows, engine.value(), modes.value(), hardening.value(),
                               defaults.value());

    // One entry, read as a batch row is: the same command splitting, limits and request.
    BatchFileRow row;
    row.image = options.image;
    auto entry = batchEntries({row}, defaults.value(), commandSyntaxFor(info.osType));
    if (!entry)
        return reportError(context, entry.error());
    auto request = pairRequestOf(entry.value().front(), modes.value(), hardening.value());
    request.keepContainers = options.keep;

    // Exports never replace a file silently: the CSV is reserved now, created empty and exclusively,
    // and written when the run is over (made from the recording, a temporary one if only --csv was
    // asked for). A run that ends early removes the empty reservation.
    std::optional<ExclusiveFile> csv;
    if (!options.csvFile.empty()) {
        auto reserved = ExclusiveFile::create(pathFromUtf8(options.csvFile), FileAccess::Readable);
        if (!reserved)
            return reportError(context, reserved.error());
        csv.emplace(std::move(reserved.value()));
    }
    auto header =
        pairRecordingHeader(request, info, engine.value().resolved.endpoint.url, "isolens-cli compare");
    header.invocation = context.invocation;
    std::optional<TemporaryRecordingRemover> temporaryRecording;
    std::unique_ptr<RecordingWriter> recorder;
    if (!options.recordFile.empty() || csv) {
        auto file = options.recordFile.empty()
                        ? ExclusiveFile::createTemporary(std::filesystem::temp_directory_path(),
                                                         "isolens-compare-", ".jsonl")
                        : ExclusiveFile::create(pathFromUtf8(options.recordFile), FileAccess::OwnerOnly);
        if (!file)
            return reportError(context, file.error());
        if (options.recordFile.empty())
            temporaryRecording.emplace(file.value().path());
        auto created = RecordingWriter::create(std::move(file.value()), header);
        if (!created)
            return reportError(context, created.error());
        recorder = std::move(created.value());
        const auto purpose =
            options.recordFile.empty() ? RecordingPurpose::ForTheCsvOnly : RecordingPurpose::Asked;
        recorder->onFailure(
            [purpose](const RecordingFailure& failure) { reportRecordingFailure(failure, purpose); });
    }

    SeriesStore store;
    handleInterrupts();
    // stderr gone (a closed pipe): nobody is watching, so the run ends as if interrupted.
    auto log = [&](const std::string& line) {
        if (!(std::cerr << escapeForTerminal(line) << '\n').flush())
            noteOutputClosed();
    };
    CancelToken cancel;
    InterruptWatcher watcher(cancel);
    PairRunOptions runOptions{std::chrono::seconds(options.durationSeconds), recorder.get(), log};
    auto ran = runPairToEnd(client, info, request, store, runOptions, cancel);
    if (!ran) {
        if (ran.error().kind == ErrorKind::Cancelled)
            return interruptedExitCode();
        return reportError(context, ran.error());
    }
    const auto& outcome = ran.value();

    // Every write, the sync and the close are checked: a recording that is not whole fails the run.
    std::optional<RecordingFailure> recordingFailure;
    if (recorder) {
        (void)recorder->close();
        recordingFailure = recorder->failure();
    }
    bool csvFailed = false;
    const auto& summaries = outcome.summaries;
    if (csv && recorder) {
        if (auto written = writeCsv(*csv, *recorder); written)
            csv->keep();
        else {
            csvFailed = true;
            std::cerr << "isolens-cli: error: the CSV " << escapeForTerminal(options.csvFile)
                      << " was not written: " << escapeForTerminal(written.error().message)
                      << "\n  what to do: " << escapeForTerminal(written.error().hint) << '\n';
        }
        csv.reset();
        if (temporaryRecording) {
            recorder.reset();
            temporaryRecording.reset();
        }
    }
    if (context.json) {
        nlohmann::json out = {
            {"session", outcome.sessionId},
            {"image", options.image},
            {"modes",
             {summaryJson(summaries[0], outcome.runs[0]), summaryJson(summaries[1], outcome.runs[1])}},
            {"memory_difference_percent",
             jsonOrNull(percentDifference(summaries[0].memory.mean, summaries[1].memory.mean))},
            {"recording", options.recordFile},
            {"recording_failure", recordingFailureJson(recordingFailure)},
            {"csv_failed", csvFailed},
            {"hardening", hardeningToJson(request.hardening)}};
        std::cout << dumpJson(out, 2) << '\n';
    }
    // A mode without a single sample compares nothing: say why (no table of zeros), and fail.
    const auto& unmeasured = outcome.unmeasured;
    if (!context.json && unmeasured.empty() && request.hardening.any())
        std::cout << '\n' << hardeningSentence(request.hardening) << ".\n";
    if (!context.json && unmeasured.empty())
        printSummary(options.image, summaries, outcome.runs);
    for (const auto& why : unmeasured)
        std::cerr << "isolens-cli: error: " << escapeForTerminal(why) << '\n';
    if (recordingFailure)
        reportIncompleteRecording(*recordingFailure);
    if (interrupted())
        return interruptedExitCode();
    return unmeasured.empty() && !recordingFailure && !csvFailed ? 0 : 1;
}
