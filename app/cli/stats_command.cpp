#include "stats_command.hpp"

#include "isolens/core/base/safe_text.hpp"

#include "console.hpp"
#include "interrupts.hpp"
#include "stats_table.hpp"

#include "isolens/core/engine/effective_isolation.hpp"
#include "isolens/core/stats/cgroup_stats.hpp"
#include "isolens/core/stats/sample_json.hpp"
#include "isolens/core/stats/stats_collector.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

#include <nlohmann/json.hpp>

#include <future>
#include <iostream>
#include <thread>

using namespace isolens;

namespace {

// Until Ctrl+C, SIGTERM or a closed terminal (the same interrupts as every run): waits a second at a
// time, in steps short enough to stop promptly.
bool waitASecond()
{
    for (int i = 0; i < 10 && !interrupted(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return !interrupted();
}

// The table in place of the last one on a console or terminal (clear and home, as docker stats does),
// appended otherwise (a file, a pipe).
void showTable(const LatestStats& table, EngineOs os, bool redraw)
{
    if (redraw)
        clearScreen();
    std::cout << renderStatsTable(table.snapshot(), os) << std::flush;
}

// Everything a container's figures need beyond its stats: its name and CPU allotment.
Result<WatchTarget> describeContainer(EngineClient& client, const std::string& reference,
                                      const EngineInfo& engine)
{
    auto details = client.inspectContainer(reference);
    if (!details)
        return details.error();
    const auto& d = details.value();
    WatchTarget target{d.id, d.name, {}};
    target.limits.nanoCpus = d.nanoCpus;
    target.limits.cpuCount = d.cpuCount;
    target.limits.memoryBytes = d.memoryBytes;
    target.limits.effectiveIsolation = effectiveIsolation(d.isolation, engine);
    return target;
}

Result<std::vector<WatchTarget>> chooseTargets(EngineClient& client, const StatsOptions& options,
                                               const EngineInfo& engine)
{
    std::vector<std::string> references = options.containers;
    if (references.empty()) {
        auto running = client.listContainers({}, /*all=*/false);
        if (!running)
            return running.error();
        for (const auto& container : running.value())
            references.push_back(container.id);
    }
    std::vector<WatchTarget> targets;
    for (const auto& reference : references) {
        auto target = describeContainer(client, reference, engine);
        if (!target)
            return target.error();
        targets.push_back(std::move(target.value()));
    }
    return targets;
}

int printOnce(const CliContext& context, EngineClient& client, const std::vector<WatchTarget>& targets,
              EngineOs os)
{
    // All containers at once: each answer takes the engine's two-sample second.
    std::vector<std::future<Result<nlohmann::json>>> answers;
    for (const auto& target : targets)
        answers.push_back(
            std::async(std::launch::async, [&client, id = target.id] { return client.statsOnce(id); }));
    LatestStats table;
    nlohmann::json samples = nlohmann::json::array();
    for (std::size_t i = 0; i < targets.size(); ++i) {
        auto raw = answers[i].get();
        if (!raw)
            return reportError(context, raw.error());
        CollectorEvent event;
        event.containerId = targets[i].id;
        event.name = targets[i].name;
        event.sample = normalizeStats(raw.value(), os, targets[i].limits);
        if (event.sample.name.empty())
            event.sample.name = targets[i].name;
        table.add(targets[i].id, targets[i].name);
        table.apply(event);
        samples.push_back(sampleToJson(event.sample));
    }
    if (context.json)
        std::cout << dumpJson(samples, 2) << '\n';
    else
        std::cout << renderStatsTable(table.snapshot(), os);
    return 0;
}

int stream(const CliContext& context, std::shared_ptr<EngineClient> client,
           const std::vector<WatchTarget>& targets, EngineOs os)
{
    LatestStats table;
    for (const auto& target : targets)
        table.add(target.id, target.name);
    std::mutex outputMutex;
    StatsCollector collector(client, os, [&](const CollectorEvent& event) {
        table.apply(event);
        if (context.json && event.kind == CollectorEvent::Kind::Sample && event.sample.valid) {
            std::lock_guard lock(outputMutex);
            std::cout << dumpJson(sampleToJson(event.sample)) << std::endl;
        }
    });
    for (const auto& target : targets)
        collector.watch(target);

    handleInterrupts();
    const bool terminal = prepareConsole().terminal;
    while (waitASecond()) {
        if (context.json)
            continue;
        std::lock_guard lock(outputMutex);
        showTable(table, os, terminal);
    }
    return 0;
}

// --direct: every second, each container's cgroup files, normalized exactly as the engine's stats.
int streamDirect(const CliContext& context, EngineClient& client, const std::vector<WatchTarget>& targets)
{
    std::vector<DirectStatsReader> readers;
    LatestStats table;
    for (const auto& target : targets) {
        auto details = client.inspectContainer(target.id);
        if (!details)
            return reportError(context, details.error());
        auto reader = DirectStatsReader::open(details.value().pid, target.id, target.name);
        if (!reader)
            return reportError(context, reader.error());
        (void)reader.value().read(); // the first reading is the baseline for CPU
        readers.push_back(std::move(reader.value()));
        table.add(target.id, target.name);
    }
    handleInterrupts();
    const bool terminal = prepareConsole().terminal;
    while (waitASecond()) {
        for (std::size_t i = 0; i < readers.size(); ++i) {
            CollectorEvent event;
            event.containerId = targets[i].id;
            event.name = targets[i].name;
            auto raw = readers[i].read();
            if (!raw) {
                event.kind = CollectorEvent::Kind::Gap; // the container ended, or its files went away
            } else {
                event.sample = normalizeStats(raw.value(), EngineOs::Linux, targets[i].limits);
                if (context.json)
                    std::cout << dumpJson(sampleToJson(event.sample)) << '\n';
            }
            table.apply(event);
        }
        if (context.json)
            std::cout << std::flush;
        else
            showTable(table, EngineOs::Linux, terminal);
    }
    return 0;
}

} // namespace

int runStatsCommand(const CliContext& context, const StatsOptions& options)
{
    auto engine = connectWithInfo(context);
    if (!engine)
        return reportError(context, engine.error());
    auto client = engine.value().client;
    const auto os = engineOsFromOsType(engine.value().info.osType);
    auto targets = chooseTargets(*client, options, engine.value().info);
    if (!targets)
        return reportError(context, targets.error());
    if (options.direct) {
        if (os != EngineOs::Linux)
            return reportError(context,
                               makeError(ErrorKind::InvalidInput,
                                         "--direct reads Linux cgroup files; this engine runs Windows "
                                         "containers (use the engine's stats)"));
        if (options.noStream)
            return reportError(context, makeError(ErrorKind::InvalidInput,
                                                  "--direct streams (its CPU figure needs two readings); "
                                                  "leave out --no-stream"));
        return streamDirect(context, *client, targets.value());
    }
    if (options.noStream)
        return printOnce(context, *client, targets.value(), os);
    return stream(context, client, targets.value(), os);
}
