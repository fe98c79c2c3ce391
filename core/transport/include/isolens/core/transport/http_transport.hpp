#pragma once

#include "isolens/core/base/cancel_token.hpp"
#include "isolens/core/base/error.hpp"
#include "isolens/core/base/line_splitter.hpp"
#include "isolens/core/transport/endpoint.hpp"
#include "isolens/core/transport/http_types.hpp"

namespace isolens {

// Sends one HTTP/1.1 request over a fresh connection to the endpoint (unix socket, named pipe,
// TCP or TLS) and reads the whole reply. Transport failures are errors; HTTP error statuses are not
// (the caller reads the engine's message from the body).
Result<HttpResponse> sendRequest(const Endpoint& endpoint, const HttpRequest& request,
                                 const RequestOptions& options = {}, CancelToken* cancel = nullptr);

// Like sendRequest, but a successful reply's body is handed to onLine line by line as it arrives
// (NDJSON streams: stats, events, pull progress). Returns when the stream ends, the handler returns
// false, or cancel() is called (then the error kind is Cancelled). A non-2xx reply is returned whole.
Result<HttpResponse> streamRequest(const Endpoint& endpoint, const HttpRequest& request,
                                   const LineHandler& onLine, const RequestOptions& options = {},
                                   CancelToken* cancel = nullptr);

} // namespace isolens
