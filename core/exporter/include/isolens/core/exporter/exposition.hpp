#pragma once

#include <prometheus/metric_family.h>

#include <string>
#include <string_view>
#include <vector>

namespace isolens {

// The two ways a scrape can be answered: Prometheus' text format 0.0.4, and OpenMetrics 1.0.0, which
// Prometheus 2.x asks for first.
enum class ExpositionFormat { Text004, OpenMetrics100 };

// The format an Accept header prefers (media ranges with q-values, RFC 9110 §12.5.1): OpenMetrics
// 1.0.0 when it is accepted (with no version or version=1.0.0) at least as much as text/plain;
// text 0.0.4 otherwise, also when there is no header.
ExpositionFormat negotiateExposition(std::string_view accept);

// "text/plain; version=0.0.4; charset=utf-8" or "application/openmetrics-text; version=1.0.0; charset=utf-8".
std::string_view contentType(ExpositionFormat format);

// The families in that format: text 0.0.4 by prometheus-cpp's TextSerializer, OpenMetrics by
// serializeOpenMetrics. Every family is written with its HELP and TYPE, also when it has no series.
std::string serializeExposition(const std::vector<prometheus::MetricFamily>& families,
                                ExpositionFormat format);

// OpenMetrics 1.0.0 text: a counter family is named without "_total" in its metadata and with it on
// its samples, a UNIT line where the name ends in a base unit, escaped HELP and label values, NaN and
// ±Inf as the standard spells them, and "# EOF" last.
std::string serializeOpenMetrics(const std::vector<prometheus::MetricFamily>& families);

} // namespace isolens
