#include "tcp_connect.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <gtest/gtest.h>

#include <sys/socket.h>

using namespace isolens;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// Keep-alive probes are what turn a half-open TCP connection (engine host gone, no FIN) into an
// error on a long, quiet stream such as the events stream.
TEST(TcpConnect, TurnsOnKeepAlive)
{
    asio::io_context io;
    tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    const auto port = acceptor.local_endpoint().port();
    auto endpoint = parseHostUrl("tcp://127.0.0.1:" + std::to_string(port));
    ASSERT_TRUE(endpoint) << endpoint.error().message;

    tcp::socket socket(io);
    std::optional<Result<void>> connected;
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            connected = co_await detail::connectTcpSocket(socket, endpoint.value());
        },
        asio::detached);
    io.run();
    ASSERT_TRUE(connected.has_value());
    ASSERT_TRUE(*connected) << connected->error().message;

    int enabled = 0;
    socklen_t size = sizeof enabled;
    ASSERT_EQ(::getsockopt(socket.native_handle(), SOL_SOCKET, SO_KEEPALIVE, &enabled, &size), 0);
    EXPECT_NE(enabled, 0);
}
