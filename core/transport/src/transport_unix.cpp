#include "http_exchange.hpp"
#include "transport.hpp"

#include <boost/asio/local/stream_protocol.hpp>

namespace isolens::detail {

#if defined(BOOST_ASIO_HAS_LOCAL_SOCKETS)

Result<HttpResponse> exchangeOverUnixSocket(const Endpoint& endpoint, const HttpRequest& request,
                                            const RequestOptions& options, const LineHandler* onLine,
                                            CancelToken* cancel)
{
    asio::io_context io;
    asio::local::stream_protocol::socket socket(io);
    auto connect = [&]() -> asio::awaitable<Result<void>> {
        boost::system::error_code ec;
        co_await socket.async_connect(asio::local::stream_protocol::endpoint(endpoint.address),
                                      asio::redirect_error(asio::use_awaitable, ec));
        if (ec)
            co_return connectionError(ec, endpoint, "connecting");
        co_return success();
    };
    return runExchange(io, socket, connect, endpoint, request, options, onLine, cancel);
}

#else

Result<HttpResponse> exchangeOverUnixSocket(const Endpoint& endpoint, const HttpRequest&,
                                            const RequestOptions&, const LineHandler*, CancelToken*)
{
    return makeError(ErrorKind::InvalidEndpoint,
                     "Unix sockets are not supported by this build; cannot use " + endpoint.url);
}

#endif

} // namespace isolens::detail
