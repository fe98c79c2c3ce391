#include "isolens/core/host/host_series.hpp"

namespace isolens {

namespace {

StatsSample hostSample(const std::string& name, const HostSnapshot& host)
{
    StatsSample sample;
    sample.id = name;
    sample.name = name;
    sample.timeNanos = host.timeNanos;
    sample.valid = true;
    sample.hostCpus = host.logicalCpus;
    sample.allottedCpus = host.logicalCpus;
    sample.memLimitBytes = host.memoryTotalBytes;
    return sample;
}

} // namespace

HostSeriesSamples hostSeriesSamples(const HostSnapshot& host,
                                    std::optional<std::int64_t> hyperVPrivateWorkingSet,
                                    const UtilityVmAttribution& attribution)
{
    HostSeriesSamples out;
    if (host.cpuPercent) {
        auto sample = hostSample(kHostSeries, host);
        sample.cpuPercent = sample.cpuHostPercent = sample.cpuAllotmentPercent = *host.cpuPercent;
        sample.memBytes = host.memoryUsedBytes;
        out.samples.emplace_back(kHostSeries, sample);
    }
    const auto workers = host.vmWorkers();
    if (!workers.empty()) {
        auto sample = hostSample(kVmWorkerSeries, host);
        for (const auto* worker : workers) {
            sample.cpuHostPercent += worker->cpuPercent.value_or(0.0);
            sample.memBytes += worker->workingSetBytes.value_or(0);
        }
        sample.cpuPercent = sample.cpuAllotmentPercent = sample.cpuHostPercent;
        out.samples.emplace_back(kVmWorkerSeries, sample);
    }
    if (hyperVPrivateWorkingSet) {
        out.tax = isolationTax(host, *hyperVPrivateWorkingSet, attribution);
        if (out.tax.bytes) {
            auto sample = hostSample(kIsolationTaxSeries, host);
            sample.memBytes = *out.tax.bytes;
            out.samples.emplace_back(kIsolationTaxSeries, sample);
        }
    } else {
        out.tax.explanation = "no Hyper-V container is running";
    }
    return out;
}

} // namespace isolens
