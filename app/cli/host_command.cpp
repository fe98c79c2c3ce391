#include "host_command.hpp"

#include "isolens/core/base/safe_text.hpp"

#include "text_table.hpp"

#include "isolens/core/base/json_text.hpp"
#include "isolens/core/base/units.hpp"
#include "isolens/core/engine/effective_isolation.hpp"
#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/host/host_os.hpp"
#include "isolens/core/host/process_visibility.hpp"
#include "isolens/core/host/utility_vm_attribution.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <thread>

using namespace isolens;

namespace {

std::string percentText(const std::optional<double>& value)
{
    if (!value)
        return "--";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", *value);
    return text;
}

std::string bytesText(const std::optional<std::int64_t>& value)
{
    return value ? formatBytes(*value) : "--";
}

nlohmann::json processJson(const HostProcess& p, const std::string& container)
{
    return {{"pid", p.pid},
            {"parent_pid", p.parentPid},
            {"name", p.name},
            {"image_path", p.imagePath},
            {"owner", p.owner},
            {"owner_sid", p.ownerSid},
            {"session_id", jsonOrNull(p.sessionId)},
            {"cpu_percent", jsonOrNull(p.cpuPercent)},
            {"working_set_bytes", jsonOrNull(p.workingSetBytes)},
            {"private_bytes", jsonOrNull(p.privateBytes)},
            {"vm_worker", p.vmWorker},
            {"container", container.empty() ? nlohmann::json(nullptr) : nlohmann::json(container)}};
}

struct ContainerOnHost {
    ContainerVisibility visibility;
    std::optional<IsolationTax> tax; // Hyper-V containers only
};

// The utility VM's memory beyond the container's own private working set.
IsolationTax taxOf(EngineClient& client, const std::string& containerId, const HostSnapshot& host,
                   const Result<std::vector<ComputeSystem>>& systems)
{
    auto raw = client.statsOnce(containerId, /*oneShot=*/true);
    if (!raw)
        return IsolationTax{std::nullopt, 0, "no stats: " + raw.error().message};
    const auto sample = normalizeStats(raw.value(), EngineOs::Windows);
    return isolationTax(host, sample.memBytes, attributeUtilityVm(containerId, systems, host));
}

// Maps every running container's `docker top` onto the host; an unreachable engine is noted, not fatal.
std::vector<ContainerOnHost> containersOnHost(const CliContext& context, const HostSnapshot& host,
                                              std::vector<std::string>& notes)
{
    std::vector<ContainerOnHost> result;
    auto engine = connectToEngine(context);
    if (!engine) {
        notes.push_back("containers: " + engine.error().message);
        return result;
    }
    auto& client = *engine.value().client;
    if (!client.endpoint().isOnThisMachine()) {
        notes.push_back("containers: the engine at " + client.endpoint().url +
                        " runs on another machine; its containers' processes and utility VMs are not this "
                        "PC's, so none is matched here (run isolens-cli host on the engine's host)");
        return result;
    }
    auto info = client.info();
    auto running =
        info ? client.listContainers({}, /*all=*/false) : Result<std::vector<ContainerSummary>>(info.error());
    if (!running) {
        notes.push_back("containers: " + running.error().message);
        return result;
    }
    std::optional<Result<std::vector<ComputeSystem>>>
        systems; // asked once, when a Hyper-V container needs it
    for (const auto& container : running.value()) {
        auto details = client.inspectContainer(container.id);
        auto top = client.top(container.id);
        if (!details || !top)
            continue; // gone meanwhile
        const auto isolation = effectiveIsolation(details.value().isolation, info.value());
        ContainerOnHost entry{mapToHost(container.id, container.name, isolation, top.value(), host),
                              std::nullopt};
        if (isolation == "hyperv") {
            if (!systems)
                systems = enumerateComputeSystems();
            entry.tax = taxOf(client, container.id, host, *systems);
        }
        result.push_back(std::move(entry));
    }
    return result;
}

} // namespace

int runHostCommand(const CliContext& context, const HostOptions& options)
{
    auto metrics = makeHostMetrics();
    auto first = metrics->sample();
    if (!first)
        return reportError(context, first.error());
    std::this_thread::sleep_for(std::chrono::seconds(1)); // rates need two samples
    auto second = metrics->sample();
    if (!second)
        return reportError(context, second.error());
    const auto& host = second.value();

    std::vector<std::string> notes;
    const auto containers = containersOnHost(context, host, notes);
    std::map<int, std::string> owners; // host PID -> container name
    for (const auto& container : containers)
        for (int pid : container.visibility.hostPids)
            owners[pid] = container.visibility.containerName;

    std::vector<const HostProcess*> busiest;
    for (const auto& process : host.processes)
        busiest.push_back(&process);
    std::sort(busiest.begin(), busiest.end(), [](const HostProcess* a, const HostProcess* b) {
        return a->cpuPercent.value_or(-1) > b->cpuPercent.value_or(-1);
    });
    if (busiest.size() > static_cast<std::size_t>(std::max(options.top, 0)))
        busiest.resize(static_cast<std::size_t>(std::max(options.top, 0)));
    auto ownerOf = [&](int pid) {
        auto it = owners.find(pid);
        return it == owners.end() ? std::string{} : it->second;
    };
    const auto os = readHostOs();

    if (context.json) {
        nlohmann::json out;
        out["host_os"] = {{"description", os.description}, {"version", os.version}, {"build", os.build}};
        out["logical_cpus"] = host.logicalCpus;
        out["cpu_percent"] = jsonOrNull(host.cpuPercent);
        out["memory"] = {{"total_bytes", host.memoryTotalBytes},
                         {"available_bytes", host.memoryAvailableBytes},
                         {"used_bytes", host.memoryUsedBytes}};
        out["busiest"] = nlohmann::json::array();
        for (const auto* p : busiest)
            out["busiest"].push_back(processJson(*p, ownerOf(p->pid)));
        out["vm_workers"] = nlohmann::json::array();
        for (const auto* p : host.vmWorkers())
            out["vm_workers"].push_back(processJson(*p, ""));
        out["containers"] = nlohmann::json::array();
        for (const auto& [c, tax] : containers) {
            nlohmann::json entry = {{"id", c.containerId},
                                    {"name", c.containerName},
                                    {"visible_on_host", c.visibleOnHost()},
                                    {"host_pids", c.hostPids},
                                    {"note", c.note}};
            if (tax)
                entry["isolation_tax"] = {{"bytes", jsonOrNull(tax->bytes)},
                                          {"utility_vms", tax->utilityVms},
                                          {"explanation", tax->explanation}};
            out["containers"].push_back(entry);
        }
        out["unavailable"] = nlohmann::json::array();
        for (const auto& u : host.unavailable)
            out["unavailable"].push_back({{"what", u.what}, {"reason", u.reason}});
        out["notes"] = notes;
        std::cout << dumpJson(out, 2) << '\n';
        return 0;
    }

    std::cout << "Host        " << os.description << ", " << host.logicalCpus << " logical CPUs\n"
              << "CPU         " << percentText(host.cpuPercent) << '\n'
              << "Memory      " << formatBytes(host.memoryUsedBytes) << " used of "
              << formatBytes(host.memoryTotalBytes) << " (" << formatBytes(host.memoryAvailableBytes)
              << " available)\n\n";

    std::vector<std::vector<std::string>> rows{
        {"PID", "NAME", "CPU %", "WORKING SET", "PRIVATE", "CONTAINER"}};
    for (const auto* p : busiest)
        rows.push_back({std::to_string(p->pid), p->name, percentText(p->cpuPercent),
                        bytesText(p->workingSetBytes), bytesText(p->privateBytes),
                        ownerOf(p->pid).empty() ? "" : "visible: " + ownerOf(p->pid)});
    std::cout << "Busiest processes\n" << alignColumns(rows) << '\n';

    const auto workers = host.vmWorkers();
    std::cout << "VM worker processes: " << (workers.empty() ? "none" : "") << '\n';
    if (!workers.empty()) {
        std::vector<std::vector<std::string>> workerRows{{"PID", "NAME", "CPU %", "WORKING SET", "OWNER"}};
        for (const auto* p : workers)
            workerRows.push_back({std::to_string(p->pid), p->name, percentText(p->cpuPercent),
                                  bytesText(p->workingSetBytes), p->owner});
        std::cout << alignColumns(workerRows);
    }
    std::cout << '\n';
    for (const auto& [c, tax] : containers) {
        std::cout << "Container " << escapeForTerminal(c.containerName + ": " + c.note) << '\n';
        if (tax)
            std::cout << "  isolation tax: " << (tax->bytes ? formatBytes(*tax->bytes) : "--") << " ("
                      << escapeForTerminal(tax->explanation) << ")\n";
    }
    for (const auto& u : host.unavailable)
        std::cout << "Unavailable: " << escapeForTerminal(u.what + " (" + u.reason + ")") << '\n';
    for (const auto& note : notes)
        std::cout << "Note: " << escapeForTerminal(note) << '\n';
    return 0;
}
