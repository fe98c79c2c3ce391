#include "isolens/core/transport/http_transport.hpp"

#include "transport.hpp"

namespace isolens {

namespace {

Result<HttpResponse> dispatch(const Endpoint& endpoint, const HttpRequest& request,
                              const RequestOptions& options, const LineHandler* onLine, CancelToken* cancel)
{
    switch (endpoint.scheme) {
    case EndpointScheme::Unix:
        return detail::exchangeOverUnixSocket(endpoint, request, options, onLine, cancel);
    case EndpointScheme::NamedPipe:
        return detail::exchangeOverNamedPipe(endpoint, request, options, onLine, cancel);
    case EndpointScheme::Tcp:
        return detail::exchangeOverTcp(endpoint, request, options, onLine, cancel);
    }
    return makeError(ErrorKind::InvalidEndpoint, "Unknown endpoint scheme for " + endpoint.url);
}

} // namespace

std::string HttpResponse::header(const std::string& lowerCaseName) const
{
    auto it = headers.find(lowerCaseName);
    return it == headers.end() ? std::string{} : it->second;
}

Result<HttpResponse> sendRequest(const Endpoint& endpoint, const HttpRequest& request,
                                 const RequestOptions& options, CancelToken* cancel)
{
    return dispatch(endpoint, request, options, nullptr, cancel);
}

Result<HttpResponse> streamRequest(const Endpoint& endpoint, const HttpRequest& request,
                                   const LineHandler& onLine, const RequestOptions& options,
                                   CancelToken* cancel)
{
    return dispatch(endpoint, request, options, &onLine, cancel);
}

} // namespace isolens
