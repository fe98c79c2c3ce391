#pragma once

// Boost 1.74's Asio uses std::exchange without including <utility> under GCC 12 in C++20.
#include <utility>

#include "isolens/core/base/error.hpp"
#include "isolens/core/transport/endpoint.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace isolens::detail {

// Resolves the endpoint's host and connects the socket to the first address that answers.
boost::asio::awaitable<Result<void>> connectTcpSocket(boost::asio::ip::tcp::socket& socket,
                                                      const Endpoint& endpoint);

} // namespace isolens::detail
