#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/transport/endpoint.hpp"

#include <boost/asio/ssl/context.hpp>

namespace isolens::detail {

// The client side of a TLS connection to an engine: TLS 1.2 at least (as the docker CLI), the
// peer verified against the given or the system's CAs, and the client certificate when given.
Result<void> configureTlsClient(boost::asio::ssl::context& tls, const TlsSettings& settings);

} // namespace isolens::detail
