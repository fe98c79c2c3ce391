#include "isolens/core/base/text.hpp"
#include "isolens/core/exporter/exposition.hpp"

#include <prometheus/text_serializer.h>

#include <algorithm>
#include <charconv>
#include <optional>

namespace isolens {

namespace {

// One media range of an Accept header: its type, its version parameter and its q-value.
struct MediaRange {
    std::string type;
    std::optional<std::string> version;
    double quality = 1.0;
};

MediaRange parseRange(std::string_view range)
{
    MediaRange parsed;
    auto semicolon = range.find(';');
    parsed.type = toLowerAscii(trimmedAscii(range.substr(0, semicolon)));
    while (semicolon != std::string_view::npos) {
        range.remove_prefix(semicolon + 1);
        semicolon = range.find(';');
        const auto parameter = trimmedAscii(range.substr(0, semicolon));
        const auto equals = parameter.find('=');
        if (equals == std::string_view::npos)
            continue;
        const auto name = toLowerAscii(trimmedAscii(parameter.substr(0, equals)));
        auto value = trimmedAscii(parameter.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        if (name == "q") {
            double q = 0.0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), q);
            parsed.quality =
                error == std::errc{} && end == value.data() + value.size() && q >= 0.0 && q <= 1.0
                    ? q
                    : 0.0; // an unreadable q-value accepts nothing, rather than everything
        } else if (name == "version") {
            parsed.version = std::string(value);
        }
    }
    return parsed;
}

} // namespace

ExpositionFormat negotiateExposition(std::string_view accept)
{
    double openMetrics = 0.0;
    double text = 0.0;
    double anything = 0.0;
    for (const auto& item : splitWords(accept, ',')) {
        const auto range = parseRange(item);
        if (range.type == "application/openmetrics-text" && (!range.version || *range.version == "1.0.0"))
            openMetrics = std::max(openMetrics, range.quality);
        else if (range.type == "text/plain" && (!range.version || *range.version == "0.0.4"))
            text = std::max(text, range.quality);
        else if (range.type == "*/*" || range.type == "text/*")
            anything = std::max(anything, range.quality);
    }
    text = std::max(text, anything);
    return openMetrics > 0.0 && openMetrics >= text ? ExpositionFormat::OpenMetrics100
                                                    : ExpositionFormat::Text004;
}

std::string_view contentType(ExpositionFormat format)
{
    return format == ExpositionFormat::OpenMetrics100
               ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
               : "text/plain; version=0.0.4; charset=utf-8";
}

std::string serializeExposition(const std::vector<prometheus::MetricFamily>& families,
                                ExpositionFormat format)
{
    if (format == ExpositionFormat::OpenMetrics100)
        return serializeOpenMetrics(families);
    return prometheus::TextSerializer().Serialize(families);
}

} // namespace isolens
