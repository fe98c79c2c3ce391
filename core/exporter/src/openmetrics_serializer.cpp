#include "isolens/core/exporter/exposition.hpp"

#include <cmath>
#include <limits>
#include <locale>
#include <sstream>

namespace isolens {

namespace {

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// OpenMetrics escapes backslash, double quote and newline, in label values and in HELP alike.
void writeEscaped(std::ostream& out, std::string_view text)
{
    for (const char c : text) {
        if (c == '\n')
            out << "\\n";
        else if (c == '\\' || c == '"')
            out << '\\' << c;
        else
            out << c;
    }
}

void writeNumber(std::ostream& out, double value)
{
    if (std::isnan(value))
        out << "NaN";
    else if (std::isinf(value))
        out << (value < 0 ? "-Inf" : "+Inf");
    else
        out << value;
}

std::string formatNumber(double value)
{
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out.precision(std::numeric_limits<double>::max_digits10 - 1);
    writeNumber(out, value);
    return out.str();
}

void writeLabels(std::ostream& out, const std::vector<prometheus::ClientMetric::Label>& labels)
{
    if (labels.empty())
        return;
    out << '{';
    const char* separator = "";
    for (const auto& label : labels) {
        out << separator << label.name << "=\"";
        writeEscaped(out, label.value);
        out << '"';
        separator = ",";
    }
    out << '}';
}

// The unit a name ends in, as OpenMetrics' UNIT line names it; none when it ends in no base unit.
std::string_view unitOf(std::string_view familyName)
{
    for (std::string_view unit : {"bytes", "seconds", "ratio"})
        if (endsWith(familyName, std::string("_") + std::string(unit)))
            return unit;
    return {};
}

std::string_view typeName(prometheus::MetricType type)
{
    switch (type) {
    case prometheus::MetricType::Counter:
        return "counter";
    case prometheus::MetricType::Gauge:
        return "gauge";
    case prometheus::MetricType::Summary:
        return "summary";
    case prometheus::MetricType::Histogram:
        return "histogram";
    case prometheus::MetricType::Untyped:
        break;
    }
    return "unknown";
}

double valueOf(const prometheus::MetricFamily& family, const prometheus::ClientMetric& metric)
{
    switch (family.type) {
    case prometheus::MetricType::Counter:
        return metric.counter.value;
    case prometheus::MetricType::Gauge:
        return metric.gauge.value;
    default:
        return metric.untyped.value;
    }
}

void writeSample(std::ostream& out, std::string_view name, const prometheus::ClientMetric& metric,
                 double value)
{
    out << name;
    writeLabels(out, metric.label);
    out << ' ';
    writeNumber(out, value);
    if (metric.timestamp_ms != 0) // OpenMetrics timestamps are in seconds
        out << ' ' << static_cast<double>(metric.timestamp_ms) / 1000.0;
    out << '\n';
}

void writeFamily(std::ostream& out, const prometheus::MetricFamily& family)
{
    const bool counter = family.type == prometheus::MetricType::Counter;
    std::string metadataName = family.name;
    if (counter && endsWith(metadataName, "_total"))
        metadataName.resize(metadataName.size() - 6);
    out << "# TYPE " << metadataName << ' ' << typeName(family.type) << '\n';
    if (const auto unit = unitOf(metadataName); !unit.empty())
        out << "# UNIT " << metadataName << ' ' << unit << '\n';
    if (!family.help.empty()) {
        out << "# HELP " << metadataName << ' ';
        writeEscaped(out, family.help);
        out << '\n';
    }
    const std::string sampleName = counter ? metadataName + "_total" : metadataName;
    for (const auto& metric : family.metric) {
        if (family.type == prometheus::MetricType::Summary) {
            for (const auto& quantile : metric.summary.quantile) {
                auto labelled = metric;
                labelled.label.push_back({"quantile", formatNumber(quantile.quantile)});
                writeSample(out, metadataName, labelled, quantile.value);
            }
            writeSample(out, metadataName + "_count", metric,
                        static_cast<double>(metric.summary.sample_count));
            writeSample(out, metadataName + "_sum", metric, metric.summary.sample_sum);
            continue;
        }
        if (family.type == prometheus::MetricType::Histogram) {
            for (const auto& bucket : metric.histogram.bucket) {
                auto labelled = metric;
                labelled.label.push_back({"le", formatNumber(bucket.upper_bound)});
                writeSample(out, metadataName + "_bucket", labelled,
                            static_cast<double>(bucket.cumulative_count));
            }
            writeSample(out, metadataName + "_count", metric,
                        static_cast<double>(metric.histogram.sample_count));
            writeSample(out, metadataName + "_sum", metric, metric.histogram.sample_sum);
            continue;
        }
        writeSample(out, sampleName, metric, valueOf(family, metric));
    }
}

} // namespace

std::string serializeOpenMetrics(const std::vector<prometheus::MetricFamily>& families)
{
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out.precision(std::numeric_limits<double>::max_digits10 - 1);
    for (const auto& family : families)
        writeFamily(out, family);
    out << "# EOF\n";
    return out.str();
}

} // namespace isolens
