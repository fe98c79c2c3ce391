#include "isolens/core/exporter/metrics_endpoint.hpp"

#include "isolens/core/exporter/exposition.hpp"

#include <CivetServer.h>

#include <string>

namespace isolens {

namespace {

void answer(mg_connection* connection, int status, std::string_view type, const std::string& body)
{
    const char* reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Internal Server Error";
    std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nContent-Type: ";
    head.append(type);
    head += "\r\nContent-Length: " + std::to_string(body.size()) +
            "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    mg_write(connection, head.data(), head.size());
    mg_write(connection, body.data(), body.size());
}

class MetricsHandler : public CivetHandler {
public:
    explicit MetricsHandler(MetricsEndpoint::Collect collect)
        : collect_(std::move(collect))
    {}

    bool handleGet(CivetServer*, mg_connection* connection) override
    {
        const char* accept = mg_get_header(connection, "Accept");
        const auto format = negotiateExposition(accept ? accept : "");
        try {
            answer(connection, 200, contentType(format), serializeExposition(collect_(), format));
        } catch (const std::exception& e) {
            answer(connection, 500, "text/plain; charset=utf-8",
                   std::string("could not gather the metrics: ") + e.what() + "\n");
        }
        return true;
    }

private:
    MetricsEndpoint::Collect collect_;
};

class IndexHandler : public CivetHandler {
public:
    bool handleGet(CivetServer*, mg_connection* connection) override
    {
        const auto* request = mg_get_request_info(connection);
        if (request && request->local_uri && std::string_view(request->local_uri) != "/") {
            answer(connection, 404, "text/plain; charset=utf-8", "Not found: the figures are at /metrics\n");
            return true;
        }
        answer(connection, 200, "text/html; charset=utf-8",
               "<!DOCTYPE html><html><head><title>IsoLens exporter</title></head><body>"
               "<h1>IsoLens exporter</h1><p><a href=\"/metrics\">/metrics</a>: what Hyper-V isolation costs "
               "compared with process isolation, for Prometheus.</p></body></html>\n");
        return true;
    }
};

} // namespace

struct MetricsEndpoint::Server {
    ListenAddress listen;
    std::unique_ptr<CivetServer> civet;
    std::unique_ptr<MetricsHandler> metrics;
    IndexHandler index;
};

MetricsEndpoint::MetricsEndpoint(std::unique_ptr<Server> server)
    : server_(std::move(server))
{}

MetricsEndpoint::~MetricsEndpoint()
{
    if (server_ && server_->civet)
        server_->civet->close();
}

Result<std::unique_ptr<MetricsEndpoint>> MetricsEndpoint::start(const ListenAddress& listen, Collect collect)
{
    auto server = std::make_unique<Server>();
    server->listen = listen;
    server->metrics = std::make_unique<MetricsHandler>(std::move(collect));
    const std::vector<std::string> options{"listening_ports",    listen.text(), "num_threads", "4",
                                           "request_timeout_ms", "10000"};
    try {
        server->civet = std::make_unique<CivetServer>(options);
    } catch (const CivetException&) {
        Error error = makeError(ErrorKind::Other, "cannot listen on " + listen.text());
        error.hint = "Another program may use that port, or this machine has no such address: pick another "
                     "with --listen ADDRESS:PORT.";
        return error;
    }
    server->civet->addHandler("/metrics", server->metrics.get());
    server->civet->addHandler("/", &server->index);
    const auto ports = server->civet->getListeningPorts();
    if (!ports.empty())
        server->listen.port = static_cast<std::uint16_t>(ports.front());
    return std::unique_ptr<MetricsEndpoint>(new MetricsEndpoint(std::move(server)));
}

ListenAddress MetricsEndpoint::address() const
{
    return server_->listen;
}

} // namespace isolens
