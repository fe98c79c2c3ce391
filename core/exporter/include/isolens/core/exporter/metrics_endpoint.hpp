#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/exporter/listen_address.hpp"

#include <prometheus/metric_family.h>

#include <functional>
#include <memory>
#include <vector>

namespace isolens {

// The exporter's HTTP server (civetweb): GET /metrics answers in the format the scraper's Accept
// header prefers (text 0.0.4 or OpenMetrics 1.0.0), / links to it, anything else is 404.
class MetricsEndpoint {
public:
    using Collect = std::function<std::vector<prometheus::MetricFamily>()>;

    // Listens at once; an error (the port taken, an address this machine does not have) says which.
    static Result<std::unique_ptr<MetricsEndpoint>> start(const ListenAddress& listen, Collect collect);
    ~MetricsEndpoint(); // stops listening; answers in progress finish first
    MetricsEndpoint(const MetricsEndpoint&) = delete;
    MetricsEndpoint& operator=(const MetricsEndpoint&) = delete;

    ListenAddress address() const; // with the port actually bound (for port 0)

private:
    struct Server;
    explicit MetricsEndpoint(std::unique_ptr<Server> server);
    std::unique_ptr<Server> server_;
};

} // namespace isolens
