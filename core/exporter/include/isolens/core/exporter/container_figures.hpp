#pragma once

#include "isolens/core/host/utility_vm_attribution.hpp"
#include "isolens/core/stats/stats_sample.hpp"

#include <prometheus/metric_family.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isolens {

// What names a container's series: the labels every per-container family carries. Their values come
// from the engine's own fields and IsoLens' two labels, never from other container labels, so the
// number of series stays that of the containers.
struct ContainerIdentity {
    std::string id;
    std::string name;
    std::string image;
    std::string isolation; // "hyperv", "process" or "default" (isolationLabel)
    std::string runtime;
    std::string session; // IsoLens' isolens.session label; empty on containers IsoLens did not start
    std::string mode;    // IsoLens' isolens.mode label
};

// "hyperv" and "process" as they are; anything else (a Linux engine's "", "default") is "default".
std::string isolationLabel(std::string_view effectiveIsolation);

// How much a Hyper-V container's utility VM costs beside the container itself.
struct ContainerTax {
    AttributionGap gap = AttributionGap::NotAsked; // None: the Host Compute Service named its vmmem
    std::optional<std::int64_t> utilityVmWorkingSetBytes;
    std::optional<std::int64_t> taxBytes; // that working set minus the container's own
};

// Everything known about one running container at a scrape.
struct ContainerFigures {
    ContainerIdentity identity;
    std::optional<StatsSample> latest;          // none until its first valid sample
    std::optional<double> sampleAgeSeconds;     // since that sample arrived
    std::optional<double> startDurationSeconds; // created -> running, from the engine's inspect
    std::optional<ContainerTax> tax;            // Hyper-V containers only
};

// The reason label of isolens_isolation_tax_attributed: "attributed", "not_listed", ...
std::string_view attributionReason(AttributionGap gap);

// The per-container families, under cAdvisor's names where cAdvisor has one: every family is listed
// (with HELP and TYPE) also when no container has a series in it.
std::vector<prometheus::MetricFamily> containerFamilies(const std::vector<ContainerFigures>& containers);

} // namespace isolens
