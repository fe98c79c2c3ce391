#include "batch_command.hpp"

#include "batch_table_text.hpp"
#include "interrupts.hpp"
#include "published_table.hpp"
#include "recording_report.hpp"

#include "isolens/core/base/clock.hpp"
#include "isolens/core/base/json_text.hpp"
#include "isolens/core/base/safe_text.hpp"
#include "isolens/core/batch/batch_output.hpp"
#include "isolens/core/batch/batch_recording_name.hpp"
#include "isolens/core/batch/batch_runner.hpp"
#include "isolens/core/platform/exclusive_file.hpp"
#include "isolens/core/platform/system_text.hpp"
#include "isolens/core/report/report_file.hpp"

#include <iostream>
#include <optional>

using namespace isolens;

namespace {

// --record-dir, or a new folder here named by the time ("-2", "-3"... when two batches start in one second).
std::filesystem::path recordingFolder(const CompareOptions& options)
{
    if (!options.recordDir.empty())
        return pathFromUtf8(options.recordDir);
    const auto name = batchFolderName(wallClockNanos());
    auto folder = std::filesystem::current_path() / name;
    std::error_code ec;
    for (int n = 2; std::filesystem::exists(folder, ec) && n < 1000; ++n)
        folder = std::filesystem::current_path() / (name + "-" + std::to_string(n));
    return folder;
}

// "[2/3] isolens/batch:b, run 1 of 2: measured"
std::string progressLine(const BatchProgress& progress, const BatchPlan& plan)
{
    std::string line = "[" + std::to_string(progress.row) + "/" + std::to_string(progress.rows) + "] " +
                       plan.entries[progress.row - 1].image;
    if (progress.repeats > 1)
        line += ", run " + std::to_string(progress.repeat) + " of " + std::to_string(progress.repeats);
    if (!progress.finished)
        return line + ": starting";
    line += std::string(": ") + std::string(runOutcomeName(progress.finished->outcome));
    if (progress.finished->outcome != RunOutcome::Measured)
        line += " (" + progress.finished->reason + ")";
    return line;
}

} // namespace

Result<std::vector<BatchFileRow>> batchRows(const CompareOptions& options)
{
    if (!options.batchFile.empty())
        return readBatchFile(pathFromUtf8(options.batchFile));
    return rowsOfImages(options.images);
}

int runBatchCompare(const CliContext& context, const CompareOptions& options,
                    const std::vector<BatchFileRow>& rows, const EngineWithInfo& engine,
                    const std::array<IsolationMode, 2>& modes, const Hardening& hardening,
                    const BatchDefaults& defaults)
{
    auto entries = batchEntries(rows, defaults, commandSyntaxFor(engine.info.osType));
    if (!entries)
        return reportError(context, entries.error());
    BatchPlan plan;
    plan.entries = std::move(entries.value());
    plan.repeat = static_cast<std::size_t>(options.repeat);
    plan.duration = std::chrono::seconds(options.durationSeconds);
    plan.modes = modes;
    plan.hardening = hardening;
    plan.invocation = context.invocation;

    // The table's CSV is reserved now, like --csv: never written over a file that is there.
    std::optional<ExclusiveFile> tableCsv;
    if (!options.tableCsvFile.empty()) {
        auto reserved = ExclusiveFile::create(pathFromUtf8(options.tableCsvFile), FileAccess::Readable);
        if (!reserved)
            return reportError(context, reserved.error());
        tableCsv.emplace(std::move(reserved.value()));
    }
    // The report is checked now, so that a long batch does not end in a name that cannot be written.
    const auto reportFile = pathFromUtf8(options.reportFile);
    if (!options.reportFile.empty()) {
        if (auto format = reportFormatFor(reportFile); !format)
            return reportError(context, format.error());
        if (std::error_code ec; std::filesystem::exists(reportFile, ec)) {
            auto error =
                makeError(ErrorKind::InvalidInput, "The report " + options.reportFile + " is already there");
            error.hint =
                "Name another file with --report, or move that one away: a report never replaces a file";
            return reportError(context, error);
        }
    }
    const auto folder = recordingFolder(options);
    if (auto made = createPrivateDirectories(folder); !made)
        return reportError(context, made.error());

    handleInterrupts();
    auto log = [](const std::string& line) {
        if (!(std::cerr << escapeForTerminal(line) << '\n').flush())
            noteOutputClosed();
    };
    BatchHooks hooks;
    hooks.log = log;
    hooks.openRecording = [&](const RecordingHeader& header, std::size_t row,
                              std::size_t repeat) -> Result<std::unique_ptr<RecordingWriter>> {
        auto file = ExclusiveFile::create(folder / batchRecordingName(row, repeat, header.image),
                                          FileAccess::OwnerOnly);
        if (!file)
            return file.error();
        auto writer = RecordingWriter::create(std::move(file.value()), header);
        if (!writer)
            return writer.error();
        writer.value()->onFailure([](const RecordingFailure& failure) {
            reportRecordingFailure(failure, RecordingPurpose::Asked);
        });
        return std::move(writer.value());
    };
    hooks.progress = [&](const BatchProgress& progress) { log(progressLine(progress, plan)); };
    log("batch: " + std::to_string(plan.entries.size()) + " images, " + std::to_string(plan.repeat) +
        (plan.repeat == 1 ? " run" : " runs") + " each, " + std::to_string(options.durationSeconds) +
        " s per run, " + modes[0].label + " vs " + modes[1].label + "; recordings in " +
        utf8FromPath(folder));

    CancelToken cancel;
    InterruptWatcher watcher(cancel);
    const auto table =
        runBatch(engine.client, engine.info, engine.resolved.endpoint.url, plan, hooks, cancel);

    bool csvFailed = false;
    if (tableCsv) {
        if (auto written = tableCsv->write(batchTableCsv(table)); written && tableCsv->close())
            tableCsv->keep();
        else {
            csvFailed = true;
            std::cerr
                << "isolens-cli: error: the table's CSV " << escapeForTerminal(options.tableCsvFile)
                << " was not written\n  what to do: free some space or name another file with --table-csv\n";
        }
        tableCsv.reset();
    }
    bool reportFailed = false;
    if (!options.reportFile.empty()) {
        if (auto written = writeReport(table, {context.invocation, "isolens-cli compare"}, reportFile);
            written)
            log("report: " + options.reportFile);
        else {
            reportFailed = true;
            std::cerr << "isolens-cli: error: the report " << escapeForTerminal(options.reportFile)
                      << " was not written: " << escapeForTerminal(written.error().message)
                      << "\n  what to do: " << escapeForTerminal(written.error().hint)
                      << "; the recordings are kept, and isolens-cli report "
                      << escapeForTerminal(utf8FromPath(folder / "*.jsonl"))
                      << " --report FILE makes it again\n";
        }
    }
    if (context.json) {
        auto out = batchTableToJson(table);
        out["report"] =
            options.reportFile.empty() ? nlohmann::json(nullptr) : nlohmann::json(options.reportFile);
        out["report_failed"] = reportFailed;
        out["recordings"] = utf8FromPath(folder);
        out["duration_s"] = options.durationSeconds;
        out["repeat"] = options.repeat;
        out["hardening"] = hardeningToJson(hardening);
        out["table_csv_failed"] = csvFailed;
        std::cout << dumpJson(out, 2) << '\n';
    } else {
        if (hardening.any())
            std::cout << '\n' << hardeningSentence(hardening) << ".\n";
        std::cout << batchTableText(table) << "\nRecordings: " << escapeForTerminal(utf8FromPath(folder))
                  << "\n\n"
                  << publishedReferenceTable();
    }
    if (interrupted())
        return interruptedExitCode();
    return table.allMeasured() && !csvFailed && !reportFailed ? 0 : 1;
}
