#pragma once

#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/transport/http_types.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

// Small pieces shared by the engine client's files.
namespace isolens::detail {

using nlohmann::json;

// The engine's error reply as a classified Error.
Error errorFromReply(const HttpResponse& reply);

Result<json> parseJsonBody(const std::string& body, const std::string& what);

// "/containers/<id><suffix>", refusing references that cannot be container names or IDs.
Result<std::string> containerPath(const std::string& reference, const std::string& suffix = {});

// Applies parse to a successful JSON reply; passes errors through.
template <class Parse>
auto parsed(Result<json> body, Parse parse) -> Result<decltype(parse(body.value()))>
{
    if (!body)
        return body.error();
    return parse(body.value());
}

// Parses every element of a JSON array reply.
template <class Parse>
auto eachOf(Parse parse)
{
    return [parse](const json& array) {
        std::vector<decltype(parse(array))> items;
        if (array.is_array())
            for (const auto& item : array)
                items.push_back(parse(item));
        return items;
    };
}

} // namespace isolens::detail
