#include "transport_errors.hpp"

#include <boost/asio/error.hpp>
#include <boost/beast/http/error.hpp>

namespace isolens::detail {

namespace errc = boost::system::errc;

Error connectionError(const boost::system::error_code& ec, const Endpoint& endpoint, std::string_view phase)
{
    const std::string where = "Cannot connect to the Docker engine at " + endpoint.url;
    if (ec == errc::permission_denied || ec == errc::operation_not_permitted)
        return makeError(ErrorKind::PermissionDenied, where + ": permission denied (" + ec.message() + ")");
    return makeError(ErrorKind::EngineUnreachable, where + " while " + std::string(phase) + ": " +
                                                       ec.message() + ". Is the engine running?");
}

Error exchangeError(const boost::system::error_code& ec, const Endpoint& endpoint, std::string_view phase)
{
    namespace http = boost::beast::http;
    const std::string where = " from " + endpoint.url + " while " + std::string(phase);
    if (ec == http::error::header_limit)
        return makeError(ErrorKind::ProtocolError, "The reply's headers were larger than allowed" + where);
    if (ec == http::error::body_limit)
        return makeError(ErrorKind::ProtocolError, "The reply was larger than allowed" + where);
    if (ec.category() == http::make_error_code(http::error::bad_version).category() &&
        ec != http::error::partial_message && ec != http::error::end_of_stream)
        return makeError(ErrorKind::ProtocolError, "Invalid HTTP" + where + ": " + ec.message());
    return makeError(ErrorKind::EngineUnreachable,
                     "The connection broke" + where + ": " + ec.message() + ". Did the engine stop?");
}

} // namespace isolens::detail
