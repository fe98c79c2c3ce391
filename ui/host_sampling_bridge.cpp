#include "host_sampling_bridge.hpp"

#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/session/host_sampler.hpp"

using namespace isolens;

HostSamplingBridge::HostSamplingBridge(QObject* receiver, Delivery delivery)
    : inbox_(receiver)
    , delivery_(std::move(delivery))
    , lookup_(receiver)
{}

HostSamplingBridge::~HostSamplingBridge()
{
    stop(); // before the lookup the sampler's thread calls
}

void HostSamplingBridge::restart(const std::shared_ptr<EngineClient>& client, SeriesStore& store,
                                 RecordingWriter* recorder, const std::string& hyperVSeries)
{
    sampler_.reset();
    if (client && !client->endpoint().isOnThisMachine())
        return; // MainWindow says so in the host and process views
    // On the sampler's thread, with the client it was started with (the caller's may change meanwhile).
    sampler_ = std::make_unique<HostSampler>(
        makeHostMetrics(), store, recorder, hyperVSeries,
        [this, client](const HostSnapshot& host, const HostSeriesSamples& series) {
            auto snapshot = std::make_shared<const HostSnapshot>(host);
            lookup_.onHostSample(client, snapshot);
            inbox_.post([this, snapshot, tax = QString::fromStdString(series.tax.explanation)] {
                delivery_(snapshot, lookup_.processes(), tax);
            });
        });
}

void HostSamplingBridge::stop()
{
    sampler_.reset();
}

void HostSamplingBridge::attributeHyperVContainer(const std::string& containerId)
{
    if (sampler_)
        sampler_->attributeHyperVContainer(containerId);
}
