#include "engine_client_detail.hpp"

#include "isolens/core/base/json_access.hpp"
#include "isolens/core/base/url_encoding.hpp"
#include "isolens/core/engine/engine_errors.hpp"
#include "isolens/core/engine/engine_json.hpp"

#include <algorithm>
#include <cctype>

namespace isolens::detail {

Error errorFromReply(const HttpResponse& reply)
{
    auto message = engineErrorMessage(reply.body);
    if (message.empty())
        message = "The engine answered HTTP " + std::to_string(reply.status) + " with no message";
    return classifyEngineError(reply.status, message);
}

Result<json> parseJsonBody(const std::string& body, const std::string& what)
{
    auto parsed = parseJson(body);
    if (parsed.is_discarded())
        return makeError(ErrorKind::ProtocolError, "The engine's reply to " + what + " is not valid JSON");
    return parsed;
}

// Container names and IDs use [a-zA-Z0-9_.-] only (a leading '/' is the engine's own spelling).
Result<std::string> containerPath(const std::string& reference, const std::string& suffix)
{
    std::string_view id = reference;
    if (id.starts_with('/'))
        id.remove_prefix(1);
    if (id.empty())
        return makeError(ErrorKind::InvalidInput, "No container was named");
    const bool valid = std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '.' || c == '-';
    });
    if (!valid || id == "." || id == "..")
        return makeError(ErrorKind::InvalidInput, "'" + reference + "' is not a container name or ID");
    return "/containers/" + encodePathSegment(id) + suffix;
}

} // namespace isolens::detail
