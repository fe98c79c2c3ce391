#pragma once

#include "isolens/core/exporter/exporter_state.hpp"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/metric_family.h>
#include <prometheus/registry.h>

#include <memory>
#include <vector>

namespace isolens {

// What one scrape answers: the exporter's own families (a prometheus-cpp registry: build, engine,
// scrapes), then every container's, then the host's. Safe to call from several threads at once.
class Exporter {
public:
    explicit Exporter(const ExporterState& state);
    std::vector<prometheus::MetricFamily> collect();

private:
    const ExporterState& state_;
    prometheus::Registry registry_;
    prometheus::Gauge& engineUp_;
    prometheus::Gauge& containers_;
    prometheus::Gauge& scrapeDuration_;
    prometheus::Counter& scrapes_;
};

} // namespace isolens
