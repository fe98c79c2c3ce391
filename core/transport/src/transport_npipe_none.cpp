#include "transport.hpp"

namespace isolens::detail {

Result<HttpResponse> exchangeOverNamedPipe(const Endpoint& endpoint, const HttpRequest&,
                                           const RequestOptions&, const LineHandler*, CancelToken*)
{
    return makeError(ErrorKind::InvalidEndpoint,
                     "Named pipes exist only on Windows; cannot use " + endpoint.url + " on this system");
}

} // namespace isolens::detail
