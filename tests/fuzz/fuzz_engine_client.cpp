// Whole engine-client calls against a fake engine that answers every request with the same reply: what
// the client reads inside its own files (a create reply's warnings, a manifest's platforms, the probe of
// /_ping, /version and /info) as well as the shared parsers. The first byte picks the call, the second
// the HTTP status, the rest is the body. A call gives a value or an Error that says what went wrong.
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/engine/engine_facts.hpp"
#include "isolens/core/engine/engine_json.hpp"
#include "isolens/core/engine/image_reference.hpp"

#include "http_script.hpp"
#include "reply_checks.hpp"
#include "scripted_http_server.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace reply_checks;

template <class T>
void checkResult(const isolens::Result<T>& result, int status)
{
    if (result)
        return;
    check(!result.error().message.empty() && !result.error().hint.empty());
    if (status >= 400)
        check(result.error().httpStatus == status || result.error().httpStatus == 0);
}

void call(isolens::EngineClient& client, int which, int status, const std::string& body)
{
    const auto json = parseLikeTheClient(body);
    switch (which) {
    case 0: {
        const auto facts = isolens::probeEngine(client, false);
        checkResult(facts, status);
        if (facts) // every request got the same body: /info's parse is the body's
            check(facts.value().info.cpus == isolens::parseEngineInfo(json).cpus);
        break;
    }
    case 1: {
        isolens::ContainerSpec spec;
        spec.image = "busybox:latest";
        const auto created = client.createContainer(spec);
        checkResult(created, status);
        if (created) {
            checkText(json, "Id", created.value().id);
            checkStrings(member(json, "Warnings"), created.value().warnings);
        }
        break;
    }
    case 2: {
        const auto platforms = client.imagePlatforms(isolens::parseImageReference("busybox").value());
        checkResult(platforms, status);
        if (platforms)
            for (const auto& platform : platforms.value()) {
                checkUtf8(platform.os);
                checkUtf8(platform.architecture);
                checkUtf8(platform.osVersion);
            }
        break;
    }
    case 3:
        checkResult(client.listContainers(), status);
        break;
    case 4:
        checkResult(client.inspectContainer("c1"), status);
        break;
    case 5:
        checkResult(client.containerLogs("c1", 10), status);
        break;
    case 6:
        checkResult(client.runExec("c1", {"true"}), status);
        break;
    case 7:
        checkResult(client.listImages(), status);
        break;
    case 8: {
        std::size_t events = 0;
        checkResult(client.streamEvents({}, [&](const isolens::EngineEvent&) { return ++events < 100; }),
                    status);
        break;
    }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2)
        return 0;
    static constexpr int kStatuses[] = {200, 201, 204, 304, 400, 404, 409, 500};
    const int status = kStatuses[data[1] % 8];
    const std::string body(reinterpret_cast<const char*>(data + 2), size - 2);
    ScriptedHttpServer server({{http_script::reply(status, body)}});
    isolens::EngineClientOptions options;
    options.requests.connectTimeout = std::chrono::milliseconds(500);
    options.requests.responseTimeout = std::chrono::milliseconds(500);
    options.requests.maxBodyBytes = 65536;
    isolens::EngineClient client(server.endpoint(), options);
    call(client, data[0] % 9, status, body);
    return 0;
}
