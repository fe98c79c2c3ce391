#pragma once

#include <utility>

#include "isolens/core/base/error.hpp"
#include "isolens/core/transport/endpoint.hpp"

#include <boost/system/error_code.hpp>

#include <string_view>

namespace isolens::detail {

// A failure to reach the engine, classified (unreachable, permission denied, ...) and worded for people.
Error connectionError(const boost::system::error_code& ec, const Endpoint& endpoint, std::string_view phase);

// An I/O or parse failure after the connection was made.
Error exchangeError(const boost::system::error_code& ec, const Endpoint& endpoint, std::string_view phase);

} // namespace isolens::detail
