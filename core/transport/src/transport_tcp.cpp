#include "http_exchange.hpp"
#include "tcp_connect.hpp"
#include "transport.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>

#if defined(ISOLENS_WITH_TLS)
#include "tls_context.hpp"
#include "tls_trust.hpp"
#if defined(_WIN32)
#include "windows_root_certificates.hpp"
#endif

#include <boost/asio/ssl.hpp>
#endif

namespace isolens::detail {

using tcp = asio::ip::tcp;

asio::awaitable<Result<void>> connectTcpSocket(tcp::socket& socket, const Endpoint& endpoint)
{
    boost::system::error_code ec;
    tcp::resolver resolver(socket.get_executor());
    auto addresses = co_await resolver.async_resolve(endpoint.address, std::to_string(endpoint.port),
                                                     asio::redirect_error(asio::use_awaitable, ec));
    if (ec)
        co_return connectionError(ec, endpoint, "looking up " + endpoint.address);
    co_await asio::async_connect(socket, addresses, asio::redirect_error(asio::use_awaitable, ec));
    if (ec)
        co_return connectionError(ec, endpoint, "connecting");
    // Without probes a half-open connection (the engine's host gone without a FIN) keeps a quiet
    // stream waiting forever. A failure here only loses that safety net: the exchange goes on.
    socket.set_option(tcp::socket::keep_alive(true), ec);
    co_return success();
}

namespace {

#if defined(ISOLENS_WITH_TLS)

Result<HttpResponse> exchangeOverTls(const Endpoint& endpoint, const HttpRequest& request,
                                     const RequestOptions& options, const LineHandler* onLine,
                                     CancelToken* cancel)
{
    asio::ssl::context tls(asio::ssl::context::tls_client);
    if (auto configured = configureTlsClient(tls, endpoint.tls); !configured)
        return configured.error();
    asio::io_context io;
    asio::ssl::stream<tcp::socket> stream(io, tls);
    boost::system::error_code parsed;
    const bool isAddress = (asio::ip::make_address(endpoint.address, parsed), !parsed);
    if (!isAddress) // SNI carries host names only
        SSL_set_tlsext_host_name(stream.native_handle(), endpoint.address.c_str());
    if (endpoint.tls.verifyPeer)
        stream.set_verify_callback(asio::ssl::host_name_verification(endpoint.address));

    auto connect = [&]() -> asio::awaitable<Result<void>> {
        if (auto connected = co_await connectTcpSocket(stream.next_layer(), endpoint); !connected)
            co_return connected.error();
        boost::system::error_code ec;
        co_await stream.async_handshake(asio::ssl::stream_base::client,
                                        asio::redirect_error(asio::use_awaitable, ec));
        if (ec)
            co_return makeError(ErrorKind::TlsFailure,
                                "TLS handshake with " + endpoint.url + " failed: " + ec.message());
        co_return success();
    };
    return runExchange(io, stream, connect, endpoint, request, options, onLine, cancel);
}

#endif

} // namespace

#if defined(ISOLENS_WITH_TLS)

namespace {

// OpenSSL's default paths; on Windows, where those hold nothing, the Windows certificate store's roots
// (as the docker CLI, whose Go TLS verifies against the system's roots there).
void trustSystemCertificates(asio::ssl::context& tls, boost::system::error_code& ec)
{
    tls.set_default_verify_paths(ec);
#if defined(_WIN32)
    if (trustCertificates(SSL_CTX_get_cert_store(tls.native_handle()), windowsRootCertificates()) > 0)
        ec.clear();
#endif
}

} // namespace

Result<void> configureTlsClient(asio::ssl::context& tls, const TlsSettings& settings)
{
    boost::system::error_code ec;
    // Older protocols have known weaknesses; the docker CLI refuses them too (tls.VersionTLS12).
    if (SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION) != 1)
        return makeError(ErrorKind::TlsFailure, "Cannot require TLS 1.2 or later");
    auto failed = [&](const std::string& what) {
        return makeError(ErrorKind::TlsFailure, "Cannot use " + what + ": " + ec.message());
    };
    if (settings.verifyPeer) {
        tls.set_verify_mode(asio::ssl::verify_peer, ec);
        if (!settings.caFile.empty())
            tls.load_verify_file(settings.caFile, ec);
        else
            trustSystemCertificates(tls, ec);
        if (ec)
            return failed(settings.caFile.empty() ? std::string("the system's CA certificates")
                                                  : settings.caFile);
    } else {
        tls.set_verify_mode(asio::ssl::verify_none);
    }
    if (!settings.certFile.empty()) {
        tls.use_certificate_chain_file(settings.certFile, ec);
        if (ec)
            return failed(settings.certFile);
        tls.use_private_key_file(settings.keyFile, asio::ssl::context::pem, ec);
        if (ec)
            return failed(settings.keyFile);
    }
    return success();
}

#endif

Result<HttpResponse> exchangeOverTcp(const Endpoint& endpoint, const HttpRequest& request,
                                     const RequestOptions& options, const LineHandler* onLine,
                                     CancelToken* cancel)
{
    if (endpoint.tls.enabled) {
#if defined(ISOLENS_WITH_TLS)
        return exchangeOverTls(endpoint, request, options, onLine, cancel);
#else
        return makeError(ErrorKind::TlsFailure, "This build has no TLS support; cannot use " + endpoint.url);
#endif
    }
    asio::io_context io;
    tcp::socket socket(io);
    auto connect = [&]() -> asio::awaitable<Result<void>> {
        co_return co_await connectTcpSocket(socket, endpoint);
    };
    return runExchange(io, socket, connect, endpoint, request, options, onLine, cancel);
}

} // namespace isolens::detail
