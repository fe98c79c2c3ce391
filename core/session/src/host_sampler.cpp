#include "isolens/core/session/host_sampler.hpp"

#include "isolens/core/base/clock.hpp"

#include <cmath>

namespace isolens {

HostSampler::HostSampler(std::unique_ptr<HostMetrics> metrics, SeriesStore& store, RecordingWriter* recorder,
                         std::string hyperVSeries, Sink sink, std::chrono::milliseconds interval,
                         UtilityVmAttributor attributor)
    : metrics_(std::move(metrics))
    , store_(store)
    , recorder_(recorder)
    , hyperVSeries_(std::move(hyperVSeries))
    , sink_(std::move(sink))
    , interval_(interval)
    , attributor_(std::move(attributor))
    , thread_([this] { run(); })
{}

HostSampler::~HostSampler()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void HostSampler::attributeHyperVContainer(std::string containerId)
{
    std::lock_guard lock(mutex_);
    hyperVContainerId_ = std::move(containerId);
}

std::optional<std::int64_t> HostSampler::hyperVWorkingSet(std::int64_t nowNanos) const
{
    if (hyperVSeries_.empty())
        return std::nullopt;
    // The container's latest figure from the last few seconds; none when it has gone quiet.
    const auto points = store_.range(hyperVSeries_, Metric::MemoryBytes, nowNanos - 5'000'000'000LL,
                                     nowNanos + 5'000'000'000LL);
    if (points.empty() || std::isnan(points.back().value))
        return std::nullopt;
    return static_cast<std::int64_t>(points.back().value);
}

// A thread body lets no exception out (it would end the process with the containers running):
// sampling stops, and the recording says why.
void HostSampler::run()
{
    std::string failure;
    try {
        sampleUntilStopped();
        return;
    } catch (const std::exception& e) {
        failure = e.what();
    } catch (...) {
        failure = "unknown exception";
    }
    try {
        if (recorder_)
            (void)recorder_->event(kHostSeries, wallClockNanos(), "error",
                                   "Host sampling stopped on an internal error: " + failure);
    } catch (...) {
    }
}

void HostSampler::sampleUntilStopped()
{
    std::string recordedTaxExplanation;
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        const auto containerId = hyperVSeries_.empty() ? std::string{} : hyperVContainerId_;
        lock.unlock();
        if (auto snapshot = metrics_->sample()) {
            const auto& host = snapshot.value();
            const auto attribution =
                attributor_.attribute(containerId, host, std::chrono::steady_clock::now());
            const auto series = hostSeriesSamples(host, hyperVWorkingSet(host.timeNanos), attribution);
            for (const auto& [key, sample] : series.samples) {
                store_.addSample(key, sample);
                if (recorder_) // a failure is the writer's to report (RecordingWriter::onFailure)
                    (void)recorder_->sample(key, sample);
            }
            // A recording's tax figures say how their utility VM was found, once per change.
            if (recorder_ && !hyperVSeries_.empty() && series.tax.explanation != recordedTaxExplanation) {
                (void)recorder_->event(kHostSeries, host.timeNanos, kIsolationTaxEvent,
                                       series.tax.explanation);
                recordedTaxExplanation = series.tax.explanation;
            }
            if (sink_)
                sink_(host, series);
        }
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

} // namespace isolens
