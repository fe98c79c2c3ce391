#pragma once

#include <utility>

#include "isolens/core/base/version.hpp"
#include "isolens/core/transport/http_transport.hpp"
#include "request_guard.hpp"
#include "transport_errors.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <cctype>
#include <exception>
#include <limits>
#include <string>

// One HTTP/1.1 exchange over any Asio stream, run to completion on a private io_context in the
// calling thread. Each transport (unix socket, named pipe, TCP, TLS) instantiates it with its stream.
namespace isolens::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

inline http::verb toVerb(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get:
        return http::verb::get;
    case HttpMethod::Head:
        return http::verb::head;
    case HttpMethod::Post:
        return http::verb::post;
    case HttpMethod::Put:
        return http::verb::put;
    case HttpMethod::Delete:
        return http::verb::delete_;
    }
    return http::verb::get;
}

template <class Fields>
std::map<std::string, std::string> lowerCaseHeaders(const Fields& fields)
{
    std::map<std::string, std::string> headers;
    for (const auto& field : fields) {
        std::string name(field.name_string());
        for (auto& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        headers[name] = std::string(field.value());
    }
    return headers;
}

inline http::request<http::string_body> buildMessage(const Endpoint& endpoint, const HttpRequest& request)
{
    http::request<http::string_body> message{toVerb(request.method), request.target, 11};
    message.set(http::field::host, endpoint.hostHeader());
    message.set(http::field::user_agent, std::string("IsoLens/") + kIsoLensVersion);
    if (request.body) {
        message.set(http::field::content_type, "application/json");
        message.body() = *request.body;
    }
    message.prepare_payload();
    return message;
}

struct ExchangeContext {
    const Endpoint& endpoint;
    const HttpRequest& request;
    const RequestOptions& options;
    const LineHandler* onLine; // null: read the whole reply
    RequestGuard& guard;
    std::optional<Result<HttpResponse>>& outcome;
};

// Reads the body of a reply whose header is already parsed, piece by piece. onPiece returns an
// error to stop with it, or false in *stop to stop early without one.
template <class Stream, class PieceHandler>
asio::awaitable<Result<void>> readBodyPieces(Stream& stream, beast::flat_buffer& buffer,
                                             http::response_parser<http::buffer_body>& parser,
                                             ExchangeContext& context, PieceHandler onPiece)
{
    std::array<char, 16 * 1024> piece{};
    while (!parser.is_done()) {
        parser.get().body().data = piece.data();
        parser.get().body().size = piece.size();
        boost::system::error_code ec;
        // read_some, not read: a stream's lines must be handed over as they arrive.
        co_await http::async_read_some(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
        if (ec == http::error::need_buffer)
            ec = {};
        if (ec == http::error::buffer_overflow)
            co_return makeError(ErrorKind::ProtocolError, "The engine at " + context.endpoint.url +
                                                              " sent a chunk header longer than " +
                                                              std::to_string(buffer.max_size()) +
                                                              " bytes while " + context.guard.phase());
        if (ec)
            co_return exchangeError(ec, context.endpoint, context.guard.phase());
        const auto received = piece.size() - parser.get().body().size;
        bool stop = false;
        if (auto handled = onPiece(std::string_view(piece.data(), received), stop); !handled)
            co_return handled.error();
        if (stop)
            co_return success();
    }
    co_return success();
}

// Reads the reply's header, then either hands a successful stream's lines to onLine as they
// arrive, or collects the (bounded) body.
template <class Stream>
asio::awaitable<void> readReply(Stream& stream, beast::flat_buffer& buffer, ExchangeContext& context)
{
    http::response_parser<http::buffer_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(context.options.maxHeaderBytes));
    parser.body_limit((std::numeric_limits<std::uint64_t>::max)()); // capped below, per kind of reply
    if (context.request.method == HttpMethod::Head)
        parser.skip(true);
    boost::system::error_code ec;
    co_await http::async_read_header(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
        context.outcome = exchangeError(ec, context.endpoint, context.guard.phase());
        co_return;
    }

    HttpResponse response;
    response.status = static_cast<int>(parser.get().result_int());
    response.headers = lowerCaseHeaders(parser.get().base());

    if (!context.onLine || !response.ok()) {
        const auto cap = context.options.maxBodyBytes;
        auto kept = co_await readBodyPieces(
            stream, buffer, parser, context, [&](std::string_view piece, bool&) -> Result<void> {
                if (response.body.size() + piece.size() > cap)
                    return exchangeError(http::error::body_limit, context.endpoint, context.guard.phase());
                response.body.append(piece);
                return success();
            });
        context.outcome =
            kept ? Result<HttpResponse>(std::move(response)) : Result<HttpResponse>(kept.error());
        co_return;
    }

    const auto idle = context.options.streamIdleTimeout;
    if (idle.count() > 0)
        context.guard.expireAfter(idle,
                                  "streaming (silent for more than " + std::to_string(idle.count()) + " ms)");
    else
        context.guard.noDeadline("reading the stream");
    LineSplitter splitter(context.options.maxLineBytes);
    bool stopped = false;
    auto streamed = co_await readBodyPieces(stream, buffer, parser, context,
                                            [&](std::string_view piece, bool& stop) -> Result<void> {
                                                if (idle.count() > 0)
                                                    context.guard.expireAfter(idle, context.guard.phase());
                                                auto fed = splitter.feed(piece, *context.onLine, &stop);
                                                stopped = stop;
                                                return fed;
                                            });
    if (!streamed) {
        context.outcome = streamed.error();
        co_return;
    }
    if (!stopped)
        (void)splitter.finish(*context.onLine);
    context.outcome = std::move(response);
}

template <class Stream, class Connect>
asio::awaitable<void> exchange(Stream& stream, Connect& connect, ExchangeContext& context)
{
    context.guard.expireAfter(context.options.connectTimeout, "connecting");
    if (auto connected = co_await connect(); !connected) {
        context.outcome = connected.error();
        co_return;
    }
    context.guard.expireAfter(context.options.responseTimeout, "waiting for the reply");
    auto message = buildMessage(context.endpoint, context.request);
    boost::system::error_code ec;
    co_await http::async_write(stream, message, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
        context.outcome = exchangeError(ec, context.endpoint, "sending the request");
        co_return;
    }
    // Boost 1.74's parser does not cap a chunk-size line (nor its extensions): this buffer's limit
    // is what stops an engine that never ends one. The header is the largest thing it has to hold.
    beast::flat_buffer buffer(context.options.maxHeaderBytes);
    co_await readReply(stream, buffer, context);
}

// Runs connect + request + reply on io, honouring the time-outs and the cancel token.
// connect() is an awaitable returning Result<void>; it opens the stream.
template <class Stream, class Connect>
Result<HttpResponse> runExchange(asio::io_context& io, Stream& stream, Connect connect,
                                 const Endpoint& endpoint, const HttpRequest& request,
                                 const RequestOptions& options, const LineHandler* onLine,
                                 CancelToken* cancel)
{
    if (cancel && cancel->isCancelled()) // nothing is connected or sent for a request already stopped
        return makeError(ErrorKind::Cancelled, "Stopped by the user before connecting");
    RequestGuard guard(
        io,
        [&stream] {
            boost::system::error_code ignored;
            beast::get_lowest_layer(stream).close(ignored);
        },
        cancel);
    std::optional<Result<HttpResponse>> outcome;
    ExchangeContext context{endpoint, request, options, onLine, guard, outcome};
    asio::co_spawn(io, exchange(stream, connect, context), [&](std::exception_ptr failure) {
        if (failure) {
            try {
                std::rethrow_exception(failure);
            } catch (const std::exception& e) {
                outcome = makeError(ErrorKind::ProtocolError, std::string("Request failed: ") + e.what());
            }
        }
        guard.finish();
    });
    io.run();

    if (guard.cancelled())
        return makeError(ErrorKind::Cancelled, "Stopped by the user while " + guard.phase());
    if (guard.timedOut())
        return makeError(ErrorKind::Timeout,
                         "The engine at " + endpoint.url + " did not answer in time while " + guard.phase());
    if (!outcome)
        return makeError(ErrorKind::ProtocolError, "The request ended without a reply");
    return std::move(*outcome);
}

} // namespace isolens::detail
