#pragma once

#include "isolens/core/transport/http_transport.hpp"

// One function per transport, each in its own file; http_transport.cpp picks by endpoint scheme.
namespace isolens::detail {

Result<HttpResponse> exchangeOverUnixSocket(const Endpoint&, const HttpRequest&, const RequestOptions&,
                                            const LineHandler*, CancelToken*);
Result<HttpResponse> exchangeOverNamedPipe(const Endpoint&, const HttpRequest&, const RequestOptions&,
                                           const LineHandler*, CancelToken*);
Result<HttpResponse> exchangeOverTcp(const Endpoint&, const HttpRequest&, const RequestOptions&,
                                     const LineHandler*, CancelToken*);

} // namespace isolens::detail
