// isolens-cli: the command-line face of IsoLens, on the same core as the dashboard.
#include "cleanup_command.hpp"
#include "cli_context.hpp"
#include "compare_command.hpp"
#include "console.hpp"
#include "host_command.hpp"
#include "info_command.hpp"
#include "interrupts.hpp"
#include "normalize_command.hpp"
#include "preflight_command.hpp"
#include "report_command.hpp"
#include "serve_command.hpp"
#include "stats_command.hpp"

#include "isolens/core/base/licence.hpp"
#include "isolens/core/platform/system_text.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

int main(int argc, char** argv)
{
    prepareConsole(); // UTF-8 and escape codes on Windows' console, or plain ASCII
    CLI::App app{"IsoLens: what does Hyper-V isolation cost compared with process isolation?", "isolens-cli"};
    app.set_version_flag("--version", isolens::versionStatement("isolens-cli"));
    app.require_subcommand(1);

    CliContext context;
    std::string host;
    std::string dockerContext;
    app.add_option("-H,--host", host, "Engine address (unix://, npipe://, tcp://); overrides DOCKER_HOST");
    app.add_option("-c,--context", dockerContext, "docker CLI context to use");
    app.add_flag("--allow-insecure-tcp", context.endpointRequest.allowInsecureTcp,
                 "Allow plain tcp:// without TLS (anyone on the network then controls the engine)");

    auto* info = app.add_subcommand("info", "Engine and host facts: OS type, versions, isolation, runtimes");
    info->add_flag("--json", context.json, "Print JSON");

    StatsOptions statsOptions;
    auto* stats = app.add_subcommand("stats", "Live CPU, memory, network and block I/O, like docker stats");
    stats->add_option("containers", statsOptions.containers, "Container names or IDs (default: all running)");
    stats->add_flag("--no-stream", statsOptions.noStream, "Print one table and exit");
    stats->add_flag("--direct", statsOptions.direct,
                    "Read the containers' cgroup files on this host (Linux, the engine's own host, as root) "
                    "instead of the engine's stats: the engine spends nothing on it");
    stats->add_flag("--json", context.json, "Print JSON: one line per sample (an array with --no-stream)");

    NormalizeOptions normalizeOptions;
    auto* normalize =
        app.add_subcommand("normalize", "Turn raw engine stats JSON lines into normalized JSON lines");
    normalize->add_option("--os", normalizeOptions.os, "linux or windows (default: tell from each sample)")
        ->check(CLI::IsMember({"linux", "windows"}));
    normalize
        ->add_option("--isolation", normalizeOptions.isolation,
                     "hyperv or process: the isolation of Windows samples, for the allotment figure")
        ->check(CLI::IsMember({"hyperv", "process"}));
    normalize->add_option("file", normalizeOptions.file, "File of JSON lines (default: standard input)");

    HostOptions hostOptions;
    auto* hostCommand =
        app.add_subcommand("host", "Host CPU, memory, busiest processes, VM workers, visible containers");
    hostCommand->add_flag("--json", context.json, "Print JSON");
    hostCommand->add_option("--top", hostOptions.top, "How many of the busiest processes to list")
        ->check(CLI::Range(0, 10000));

    PreflightOptions preflightOptions;
    auto* preflight =
        app.add_subcommand("preflight", "Will an image run in each isolation mode here? Why not?");
    preflight
        ->add_option("image", preflightOptions.image,
                     "Image reference, e.g. mcr.microsoft.com/windows/servercore:ltsc2022")
        ->required();
    preflight->add_option("--host-build", preflightOptions.hostBuild,
                          "The host's Windows build, N or N.R (default: ask the engine)");
    preflight->add_flag("--offline", preflightOptions.offline,
                        "Use only the tag and --host-build: no engine, no registry");
    preflight->add_flag("--json", context.json, "Print JSON");

    CompareOptions compareOptions;
    auto* compare =
        app.add_subcommand("compare", "Start a pair (one container per mode), watch, summarize, clean up");
    auto* image = compare->add_option("--image", compareOptions.image, "Image for both containers");
    auto* groups = compare->add_option(
        "--groups", compareOptions.groups,
        "Compare two sets of running containers, LABEL=V1,V2 (e.g. com.docker.compose.project=a,b)");
    compare->add_option("--cmd", compareOptions.command,
                        "Command for both containers (default: the image's)");
    compare->add_option("--workload", compareOptions.workload,
                        "Run in both at the same moment, e.g. \"ping -n 100 localhost\"");
    compare->add_option("--modes", compareOptions.modes,
                        "Windows: the two isolation modes (default hyperv,process)");
    compare->add_option("--runtimes", compareOptions.runtimes, "Linux: the two runtimes, e.g. runc,kata");
    compare->add_option("--duration", compareOptions.durationSeconds, "Seconds to watch (default 60)");
    auto* record = compare->add_option("--record", compareOptions.recordFile,
                                       "Write the session to this JSON Lines file");
    auto* csv = compare->add_option("--csv", compareOptions.csvFile,
                                    "Write one row per sample and mode to this CSV file");
    auto* keep = compare->add_flag("--keep", compareOptions.keep, "Keep both containers afterwards");
    compare
        ->add_option_function<std::string>(
            "--memory", [&](const std::string& value) { compareOptions.memory = value; },
            "Memory limit of each container, as docker run --memory takes it (512m, 1g)")
        ->type_name("SIZE");
    compare
        ->add_option_function<std::string>(
            "--cpus", [&](const std::string& value) { compareOptions.cpus = value; },
            "CPU limit of each container, as docker run --cpus takes it (1.5)")
        ->type_name("N");
    const std::string batchGroup = "Several images, one pair after another";
    auto* images = compare
                       ->add_option("--images", compareOptions.images,
                                    "A pair per image, one after another, then a table: A,B,C")
                       ->group(batchGroup);
    auto* batchFile =
        compare
            ->add_option("--batch", compareOptions.batchFile,
                         "A pair per row of this file (JSON Lines: image, cmd, workload, memory, "
                         "cpus), one after another")
            ->group(batchGroup);
    compare
        ->add_option("--repeat", compareOptions.repeat,
                     "Runs per image; the table then gives each figure's min / median / max")
        ->check(CLI::Range(1, 100))
        ->group(batchGroup);
    compare
        ->add_option(
            "--record-dir", compareOptions.recordDir,
            "Folder for the batch's recordings, one per run (default: a new isolens-batch-<time> here)")
        ->group(batchGroup);
    compare
        ->add_option("--table-csv", compareOptions.tableCsvFile, "Write the batch's table to this CSV file")
        ->group(batchGroup);
    compare
        ->add_option("--report", compareOptions.reportFile,
                     "Write the batch's report: FILE.html (one page, no external request) or FILE.md (charts "
                     "as SVG files beside it)")
        ->group(batchGroup);
    for (auto* single : {image, record, csv, keep, groups}) {
        images->excludes(single);
        batchFile->excludes(single);
    }
    images->excludes(batchFile);
    addHardeningOptions(*compare, compareOptions.hardening);
    compare->add_flag("--json", context.json, "Print the summary as JSON");

    CleanupOptions cleanupOptions;
    auto* cleanup = app.add_subcommand(
        "cleanup", "Find (and with --yes remove) containers of IsoLens sessions that ended");
    cleanup->add_flag("--yes", cleanupOptions.remove, "Remove them (never their volumes)");
    cleanup->add_flag("--include-other-hosts", cleanupOptions.includeOtherHosts,
                      "Also other machines' sessions on this engine, which may still be running");
    cleanup->add_flag("--json", context.json, "Print JSON");

    ServeOptions serveOptions;
    auto* serve = app.add_subcommand(
        "serve", "Prometheus exporter: every running container's and the host's figures on /metrics, "
                 "under cAdvisor's names, with the isolation and its cost");
    serve->add_option("--listen", serveOptions.listen,
                      "ADDRESS:PORT to serve /metrics on (default 127.0.0.1:9464, this machine only; "
                      "0.0.0.0:9464 for every network)");
    serve->add_flag("--windows-service", serveOptions.windowsService,
                    "Run as the Windows service the Service Control Manager started (sc.exe create ... "
                    "binPath= \"...isolens-cli.exe serve --windows-service\")");

    ReportOptions reportOptions;
    auto* report =
        app.add_subcommand("report", "A report of recorded pairs: one self-contained HTML page, or "
                                     "Markdown with SVG charts beside it");
    report
        ->add_option("recordings", reportOptions.recordings,
                     "Recordings of pairs (compare --record, the dashboard)")
        ->required();
    report->add_option("--report", reportOptions.reportFile, "FILE.html or FILE.md (never replaced)")
        ->required();

    // UTF-8 arguments: on Windows argv is in the ANSI code page, which has no "テスト" and may have no "é".
    auto arguments = isolens::commandLineArguments(argc, argv);
    context.invocation = arguments;
    std::vector<char*> utf8Argv;
    for (auto& argument : arguments)
        utf8Argv.push_back(argument.data());
    CLI11_PARSE(app, static_cast<int>(utf8Argv.size()), utf8Argv.data());
    if (!host.empty())
        context.endpointRequest.hostFlag = host;
    if (!dockerContext.empty())
        context.endpointRequest.contextFlag = dockerContext;

    if (*info)
        return runInfoCommand(context);
    if (*compare) {
        const int code = runCompareCommand(context, compareOptions);
        noteRunEnded(); // its containers are removed: a closing console window may end the process
        return code;
    }
    if (*cleanup)
        return runCleanupCommand(context, cleanupOptions);
    if (*hostCommand)
        return runHostCommand(context, hostOptions);
    if (*preflight)
        return runPreflightCommand(context, preflightOptions);
    if (*stats)
        return runStatsCommand(context, statsOptions);
    if (*serve)
        return runServeCommand(context, serveOptions);
    if (*report)
        return runReportCommand(context, reportOptions);
    if (*normalize)
        return runNormalizeCommand(normalizeOptions);
    return 2;
}
