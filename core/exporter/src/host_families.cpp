#include "isolens/core/exporter/host_families.hpp"

#include <string>

namespace isolens {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

namespace {

ClientMetric gauge(double value, std::vector<ClientMetric::Label> labels = {})
{
    ClientMetric metric;
    metric.label = std::move(labels);
    metric.gauge.value = value;
    return metric;
}

ClientMetric counter(double value, std::vector<ClientMetric::Label> labels)
{
    ClientMetric metric;
    metric.label = std::move(labels);
    metric.counter.value = value;
    return metric;
}

std::vector<ClientMetric::Label> workerLabels(const HostProcess& worker)
{
    return {{"pid", std::to_string(worker.pid)}, {"process", worker.name}};
}

// "CPU and memory of 12 processes" as "CPU and memory of N processes": a label value from a fixed set,
// whatever the count.
std::string withoutCounts(const std::string& what)
{
    std::string out;
    for (std::size_t i = 0; i < what.size(); ++i) {
        if (what[i] >= '0' && what[i] <= '9') {
            out += 'N';
            while (i + 1 < what.size() && what[i + 1] >= '0' && what[i + 1] <= '9')
                ++i;
        } else {
            out += what[i];
        }
    }
    return out;
}

} // namespace

std::vector<MetricFamily> hostFamilies(const HostSnapshot* host)
{
    MetricFamily cpu{"isolens_host_cpu_utilization_ratio",
                     "Share (0-1) of the whole host's CPU time in use.",
                     MetricType::Gauge,
                     {}};
    MetricFamily cpus{"isolens_host_logical_cpus", "The host's logical CPUs.", MetricType::Gauge, {}};
    MetricFamily total{
        "isolens_host_memory_total_bytes", "The host's physical memory in bytes.", MetricType::Gauge, {}};
    MetricFamily available{"isolens_host_memory_available_bytes",
                           "The host's memory available to programs, in bytes.",
                           MetricType::Gauge,
                           {}};
    MetricFamily used{
        "isolens_host_memory_used_bytes", "The host's memory in use, in bytes.", MetricType::Gauge, {}};
    MetricFamily workerCpuTime{
        "isolens_vm_worker_cpu_seconds_total",
        "CPU time of a virtual machine's host process (vmmem, vmwp, qemu-system-...) since it "
        "started, in seconds.",
        MetricType::Counter,
        {}};
    MetricFamily workerCpu{"isolens_vm_worker_cpu_utilization_ratio",
                           "Share (0-1) of the whole host's CPU time a virtual machine's host process uses.",
                           MetricType::Gauge,
                           {}};
    MetricFamily workerWorkingSet{"isolens_vm_worker_working_set_bytes",
                                  "Working set in bytes of a virtual machine's host process.",
                                  MetricType::Gauge,
                                  {}};
    MetricFamily workerPrivate{"isolens_vm_worker_private_bytes",
                               "Private bytes of a virtual machine's host process.",
                               MetricType::Gauge,
                               {}};
    MetricFamily unavailable{
        "isolens_host_measurement_unavailable",
        "1 for each host figure this platform or account could not read (counts in its name read N).",
        MetricType::Gauge,
        {}};
    if (host) {
        if (host->cpuPercent)
            cpu.metric.push_back(gauge(*host->cpuPercent / 100.0));
        cpus.metric.push_back(gauge(host->logicalCpus));
        total.metric.push_back(gauge(static_cast<double>(host->memoryTotalBytes)));
        available.metric.push_back(gauge(static_cast<double>(host->memoryAvailableBytes)));
        used.metric.push_back(gauge(static_cast<double>(host->memoryUsedBytes)));
        for (const auto* worker : host->vmWorkers()) {
            workerCpuTime.metric.push_back(
                counter(static_cast<double>(worker->cpuTimeNanos) / 1e9, workerLabels(*worker)));
            if (worker->cpuPercent)
                workerCpu.metric.push_back(gauge(*worker->cpuPercent / 100.0, workerLabels(*worker)));
            if (worker->workingSetBytes)
                workerWorkingSet.metric.push_back(
                    gauge(static_cast<double>(*worker->workingSetBytes), workerLabels(*worker)));
            if (worker->privateBytes)
                workerPrivate.metric.push_back(
                    gauge(static_cast<double>(*worker->privateBytes), workerLabels(*worker)));
        }
        for (const auto& missing : host->unavailable)
            unavailable.metric.push_back(gauge(1.0, {{"what", withoutCounts(missing.what)}}));
    }
    return {
        std::move(cpu),           std::move(cpus),          std::move(total),     std::move(available),
        std::move(used),          std::move(workerCpuTime), std::move(workerCpu), std::move(workerWorkingSet),
        std::move(workerPrivate), std::move(unavailable)};
}

} // namespace isolens
