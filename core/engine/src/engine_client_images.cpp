#include "engine_client_detail.hpp"
#include "isolens/core/base/json_text.hpp"
#include "isolens/core/engine/engine_errors.hpp"

#include "isolens/core/base/url_encoding.hpp"
#include "isolens/core/engine/engine_json.hpp"
#include "isolens/core/transport/http_transport.hpp"

namespace isolens {

using namespace detail;

Result<std::vector<ImageSummary>> EngineClient::listImages()
{
    return parsed(callJson(HttpMethod::Get, "/images/json"), eachOf(parseImageSummary));
}

Result<ImageDetails> EngineClient::inspectImage(const std::string& reference)
{
    // Local names may be IDs (sha256:...) as well as references, so only refuse the unsendable.
    if (reference.empty() || reference.find_first_of(" \t\r\n") != std::string::npos)
        return makeError(ErrorKind::InvalidInput, "Invalid image name '" + reference + "'");
    return parsed(callJson(HttpMethod::Get, "/images/" + encodePathSegment(reference, true) + "/json"),
                  parseImageDetails);
}

Result<void> EngineClient::pullImage(const ImageReference& image, const PullOptions& options,
                                     const std::function<void(const PullEvent&)>& onProgress,
                                     CancelToken* cancel)
{
    QueryString query;
    query.add("fromImage", image.repository());
    if (!options.allTags)
        query.add("tag", !image.digest.empty() ? image.digest : (image.tag.empty() ? "latest" : image.tag));
    if (!options.platform.empty())
        query.add("platform", options.platform);

    std::optional<Error> failure;
    auto onJson = [&](const json& line) {
        const auto event = pullEventFromJson(line);
        if (event.error)
            failure = classifyEngineError(200, *event.error);
        if (onProgress)
            onProgress(event);
        return !failure;
    };
    auto streamed =
        streamJsonLines("/images/create" + query.str(), std::string{}, onJson, cancel, HttpMethod::Post);
    if (!streamed)
        return streamed.error();
    if (failure)
        return *failure;
    return success();
}

Result<std::vector<ImagePlatform>> EngineClient::imagePlatforms(const ImageReference& image)
{
    auto body = callJson(HttpMethod::Get,
                         "/distribution/" + encodePathSegment(image.withDefaultTag(), true) + "/json");
    if (!body)
        return body.error();
    std::vector<ImagePlatform> platforms;
    if (auto list = body.value().find("Platforms"); list != body.value().end() && list->is_array())
        for (const auto& platform : *list) {
            if (!platform.is_object())
                continue;
            platforms.push_back({detail::textField(platform, "os"),
                                 detail::textField(platform, "architecture"),
                                 detail::textField(platform, "os.version")});
        }
    return platforms;
}

} // namespace isolens
