#pragma once

#include "isolens/core/host/host_metrics.hpp"

#include <prometheus/metric_family.h>

#include <vector>

namespace isolens {

// The host's own families: CPU, memory, each VM worker process (vmmem, vmwp, qemu-system-*...) and
// the figures the platform could not read. host is null before the first snapshot: the families are
// listed with no series.
std::vector<prometheus::MetricFamily> hostFamilies(const HostSnapshot* host);

} // namespace isolens
