// The engine's replies that are bytes, not a JSON document: error bodies, multiplexed output streams,
// timestamps, API version strings and the Host Compute Service's list. The first byte picks the parser.
#include "isolens/core/base/error.hpp"
#include "isolens/core/base/timestamp.hpp"
#include "isolens/core/engine/api_version.hpp"
#include "isolens/core/engine/container_exit.hpp"
#include "isolens/core/engine/engine_errors.hpp"
#include "isolens/core/engine/engine_json.hpp"
#include "isolens/core/engine/output_demux.hpp"
#include "isolens/core/host/utility_vm_attribution.hpp"

#include "reply_checks.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using namespace reply_checks;
using nlohmann::json;

// The message is the body's "message" when it has one, else the body without its trailing blanks.
void errorBody(std::string_view body, int status)
{
    const auto message = isolens::engineErrorMessage(body);
    const auto parsed = parseLikeTheClient(body);
    if (parsed.is_object() && member(parsed, "message").is_string()) {
        check(message == parsed["message"].get<std::string>());
    } else {
        check(body.starts_with(message));
        check(message.empty() || (message.back() != '\n' && message.back() != '\r' && message.back() != ' '));
    }
    const auto error = isolens::classifyEngineError(status, message);
    check(error.httpStatus == status && !error.hint.empty());
    check(message.empty() || !error.message.empty());
    check(!error.describe().empty());
}

// Every byte of a frame's payload goes to its stream and to the interleaved text; an error says why.
void demultiplexed(std::string_view raw)
{
    const auto output = isolens::demultiplexOutput(raw);
    if (!output) {
        check(!output.error().message.empty());
        return;
    }
    const auto& text = output.value();
    check(text.out.size() + text.err.size() == text.both.size());
    check(text.both.size() <= raw.size());
    const auto exit = isolens::containerExitFrom({}, text.both);
    check(exit.lastOutput.size() <= static_cast<std::size_t>(isolens::kExitOutputLines));
    for (const auto& line : exit.lastOutput)
        check(!line.empty() && line.size() <= isolens::kExitLineBytes + std::string_view("\u2026").size());
}

// The written year is 1970..2261, so with its offset (up to a day) the time is never far outside that
// range and nothing overflows; a time in it survives formatting to the millisecond.
void timestamp(std::string_view text)
{
    constexpr std::int64_t kDay = 86'400'000'000'000;
    constexpr std::int64_t k2262 = 9'214'646'400'000'000'000; // 2262-01-01T00:00:00Z
    const auto nanos = isolens::parseRfc3339Nanos(text);
    if (!nanos)
        return;
    check(*nanos > -kDay && *nanos < k2262 + kDay);
    const auto again = isolens::parseRfc3339Nanos(isolens::formatRfc3339Millis(*nanos));
    if (*nanos >= 0 && *nanos < k2262)
        check(again.has_value());
    if (again)
        check(*again == *nanos - (*nanos % 1'000'000 + 1'000'000) % 1'000'000);
}

void apiVersion(std::string_view text)
{
    const auto version = isolens::ApiVersion::parse(text);
    if (!version)
        return;
    check(version->major >= 0 && version->minor >= 0);
    check(isolens::ApiVersion::parse(version->str()) == version);
    check(isolens::negotiateApiVersion(version) <= isolens::kClientMaxApiVersion);
}

void computeSystems(std::string_view text)
{
    const auto systems = isolens::parseComputeSystems(text);
    if (!systems) {
        check(!systems.error().message.empty());
        return;
    }
    const auto parsed = parseLikeTheClient(text);
    check(parsed.is_array() && systems.value().size() <= parsed.size());
    for (const auto& system : systems.value())
        for (const auto* field : {&system.id, &system.owner, &system.runtimeId, &system.state})
            checkUtf8(*field);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 5) {
    case 0:
        errorBody(body, 400 + data[0] / 5);
        break; // 400..451: the statuses an engine errs with
    case 1:
        demultiplexed(body);
        break;
    case 2:
        timestamp(body);
        break;
    case 3:
        apiVersion(body);
        break;
    case 4:
        computeSystems(body);
        break;
    }
    return 0;
}
