#include "isolens/core/exporter/container_figures.hpp"

#include "isolens/core/stats/staleness.hpp"

#include <chrono>

namespace isolens {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

namespace {

std::vector<ClientMetric::Label> labelsOf(const ContainerIdentity& identity)
{
    std::vector<ClientMetric::Label> labels;
    auto add = [&](const char* name, const std::string& value) {
        if (!value.empty()) // as cAdvisor: an unknown label is left out, not written empty
            labels.push_back({name, value});
    };
    add("id", identity.id);
    add("image", identity.image);
    add("isolation", identity.isolation);
    add("isolens_mode", identity.mode);
    add("isolens_session", identity.session);
    add("name", identity.name);
    add("runtime", identity.runtime);
    return labels;
}

ClientMetric metricOf(const ContainerIdentity& identity, MetricType type, double value)
{
    ClientMetric metric;
    metric.label = labelsOf(identity);
    if (type == MetricType::Counter)
        metric.counter.value = value;
    else
        metric.gauge.value = value;
    return metric;
}

// One family and how each container's value is read from its figures (none: no series for it).
struct FamilySpec {
    const char* name;
    MetricType type;
    const char* help;
    std::optional<double> (*value)(const ContainerFigures&);
    const char* cpu = nullptr; // cAdvisor's first label on its CPU counter: cpu="total"
};

std::optional<double> fromSample(const ContainerFigures& c, double StatsSample::*field)
{
    return c.latest ? std::optional<double>(c.latest.value().*field) : std::nullopt;
}

std::optional<double> fromSample(const ContainerFigures& c, std::int64_t StatsSample::*field)
{
    return c.latest ? std::optional<double>(static_cast<double>(c.latest.value().*field)) : std::nullopt;
}

std::optional<double> fromOptional(const ContainerFigures& c, std::optional<std::int64_t> StatsSample::*field)
{
    if (!c.latest || !(c.latest.value().*field))
        return std::nullopt;
    return static_cast<double>(*(c.latest.value().*field));
}

std::optional<double> fromTax(const ContainerFigures& c, std::optional<std::int64_t> ContainerTax::*field)
{
    if (!c.tax || !(c.tax.value().*field))
        return std::nullopt;
    return static_cast<double>(*(c.tax.value().*field));
}

const FamilySpec kFamilies[] = {
    {"container_cpu_usage_seconds_total", MetricType::Counter, "Cumulative cpu time consumed in seconds.",
     [](const ContainerFigures& c) { return fromSample(c, &StatsSample::cpuSeconds); }, "total"},
    {"container_memory_working_set_bytes", MetricType::Gauge, "Current working set in bytes.",
     [](const ContainerFigures& c) { return fromSample(c, &StatsSample::memBytes); }},
    {"container_network_receive_bytes_total", MetricType::Counter, "Cumulative count of bytes received",
     [](const ContainerFigures& c) { return fromSample(c, &StatsSample::netRxBytes); }},
    {"container_network_transmit_bytes_total", MetricType::Counter, "Cumulative count of bytes transmitted",
     [](const ContainerFigures& c) { return fromSample(c, &StatsSample::netTxBytes); }},
    {"container_fs_reads_bytes_total", MetricType::Counter, "Cumulative count of bytes read",
     [](const ContainerFigures& c) { return fromSample(c, &StatsSample::blockReadBytes); }},
    {"container_fs_writes_bytes_total", MetricType::Counter, "Cumulative count of bytes written",
     [](const ContainerFigures& c) { return fromSample(c, &StatsSample::blockWriteBytes); }},
    {"isolens_container_memory_commit_bytes", MetricType::Gauge,
     "Windows: the container's committed memory in bytes, which a memory limit caps.",
     [](const ContainerFigures& c) { return fromOptional(c, &StatsSample::commitBytes); }},
    {"isolens_container_memory_commit_peak_bytes", MetricType::Gauge,
     "Windows: the container's peak committed memory in bytes.",
     [](const ContainerFigures& c) { return fromOptional(c, &StatsSample::commitPeakBytes); }},
    {"isolens_container_cpu_allotment_ratio", MetricType::Gauge,
     "CPU used, as a share (0-1) of the CPUs the container may use: its limit, or a Hyper-V utility VM's 2.",
     [](const ContainerFigures& c) {
         return c.latest ? std::optional<double>(c.latest->cpuAllotmentPercent / 100.0) : std::nullopt;
     }},
    {"isolens_container_sample_up", MetricType::Gauge,
     "1 when the container's stats arrived within the stale time (2 s), 0 when they did not.",
     [](const ContainerFigures& c) {
         const bool fresh =
             c.sampleAgeSeconds && *c.sampleAgeSeconds <= std::chrono::duration<double>(kStaleAfter).count();
         return std::optional<double>(fresh ? 1.0 : 0.0);
     }},
    {"isolens_container_sample_age_seconds", MetricType::Gauge,
     "Seconds since the container's latest stats sample arrived.",
     [](const ContainerFigures& c) { return c.sampleAgeSeconds; }},
    {"isolens_container_start_duration_seconds", MetricType::Gauge,
     "Seconds from the container's creation to its start, as the engine recorded them.",
     [](const ContainerFigures& c) { return c.startDurationSeconds; }},
    {"isolens_utility_vm_working_set_bytes", MetricType::Gauge,
     "Hyper-V: the working set in bytes of the container's utility VM (its vmmem process on the host).",
     [](const ContainerFigures& c) { return fromTax(c, &ContainerTax::utilityVmWorkingSetBytes); }},
    {"isolens_isolation_tax_bytes", MetricType::Gauge,
     "Hyper-V: the utility VM's working set minus the container's own, in bytes: what the isolation costs.",
     [](const ContainerFigures& c) { return fromTax(c, &ContainerTax::taxBytes); }},
};

} // namespace

std::string isolationLabel(std::string_view effectiveIsolation)
{
    if (effectiveIsolation == "hyperv" || effectiveIsolation == "process")
        return std::string(effectiveIsolation);
    return "default";
}

std::string_view attributionReason(AttributionGap gap)
{
    switch (gap) {
    case AttributionGap::None:
        return "attributed";
    case AttributionGap::NotAsked:
        return "not_asked";
    case AttributionGap::ServiceUnavailable:
        return "service_unavailable";
    case AttributionGap::NotListed:
        return "not_listed";
    case AttributionGap::NoRuntimeId:
        return "no_runtime_id";
    case AttributionGap::NoWorkerForVm:
        return "no_worker_for_vm";
    case AttributionGap::WorkerTokensUnreadable:
        return "worker_tokens_unreadable";
    case AttributionGap::SeveralWorkersForVm:
        return "several_workers_for_vm";
    }
    return "not_asked";
}

std::vector<MetricFamily> containerFamilies(const std::vector<ContainerFigures>& containers)
{
    std::vector<MetricFamily> families;
    for (const auto& spec : kFamilies) {
        MetricFamily family{spec.name, spec.help, spec.type, {}};
        for (const auto& container : containers)
            if (const auto value = spec.value(container)) {
                family.metric.push_back(metricOf(container.identity, spec.type, *value));
                if (spec.cpu)
                    family.metric.back().label.insert(family.metric.back().label.begin(), {"cpu", spec.cpu});
            }
        families.push_back(std::move(family));
    }
    MetricFamily attributed{"isolens_isolation_tax_attributed",
                            "Hyper-V: 1 when the container's utility VM was found through the Host Compute "
                            "Service; 0 when it was not, with the reason.",
                            MetricType::Gauge,
                            {}};
    for (const auto& container : containers)
        if (container.tax) {
            auto metric = metricOf(container.identity, MetricType::Gauge,
                                   container.tax->gap == AttributionGap::None ? 1.0 : 0.0);
            metric.label.push_back({"reason", std::string(attributionReason(container.tax->gap))});
            attributed.metric.push_back(std::move(metric));
        }
    families.push_back(std::move(attributed));
    return families;
}

} // namespace isolens
