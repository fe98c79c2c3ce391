#include "isolens/core/exporter/exporter.hpp"

#include "isolens/core/base/version.hpp"
#include "isolens/core/exporter/container_figures.hpp"
#include "isolens/core/exporter/host_families.hpp"

#include <chrono>

namespace isolens {

namespace {

prometheus::Gauge& addGauge(prometheus::Registry& registry, const char* name, const char* help,
                            const prometheus::Labels& labels = {})
{
    return prometheus::BuildGauge().Name(name).Help(help).Register(registry).Add(labels);
}

} // namespace

Exporter::Exporter(const ExporterState& state)
    : state_(state)
    , engineUp_(
          addGauge(registry_, "isolens_engine_up", "1 when the container engine answered the last request."))
    , containers_(
          addGauge(registry_, "isolens_exporter_containers", "Running containers the exporter watches."))
    , scrapeDuration_(addGauge(registry_, "isolens_exporter_scrape_duration_seconds",
                               "Seconds the exporter took to gather its previous answer."))
    , scrapes_(prometheus::BuildCounter()
                   .Name("isolens_exporter_scrapes_total")
                   .Help("Scrapes the exporter answered.")
                   .Register(registry_)
                   .Add({}))
{
    addGauge(registry_, "isolens_build_info", "Always 1: the IsoLens version that serves these figures.",
             {{"version", kIsoLensVersion}})
        .Set(1);
}

std::vector<prometheus::MetricFamily> Exporter::collect()
{
    const auto started = std::chrono::steady_clock::now();
    const auto view = state_.view(started);
    engineUp_.Set(view.engineUp ? 1 : 0);
    containers_.Set(static_cast<double>(view.containers.size()));
    scrapes_.Increment();
    auto families = registry_.Collect();
    for (auto& family : containerFamilies(view.containers))
        families.push_back(std::move(family));
    for (auto& family : hostFamilies(view.host.get()))
        families.push_back(std::move(family));
    // The duration of this answer is only known once it is gathered: it is the next scrape's figure.
    scrapeDuration_.Set(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    return families;
}

} // namespace isolens
