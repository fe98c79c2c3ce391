#include "isolens/core/exporter/exposition.hpp"

#include <gtest/gtest.h>

#include <limits>

using namespace isolens;

namespace {

struct AcceptCase {
    const char* accept;
    ExpositionFormat expected;
};

prometheus::MetricFamily counterFamily()
{
    prometheus::ClientMetric metric;
    metric.label = {{"id", "abc"}, {"name", "say \"hi\"\\\n"}};
    metric.counter.value = 1.5;
    return {"container_cpu_usage_seconds_total",
            "Cumulative cpu time consumed in seconds.",
            prometheus::MetricType::Counter,
            {metric}};
}

} // namespace

TEST(ExpositionNegotiation, EachAcceptHeaderGetsItsFormat)
{
    const AcceptCase cases[] = {
        // Prometheus 2.42's own header, as a scrape sends it.
        {"application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
         "text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
         ExpositionFormat::OpenMetrics100},
        {"", ExpositionFormat::Text004},
        {"*/*", ExpositionFormat::Text004},
        {"text/plain;version=0.0.4", ExpositionFormat::Text004},
        {"application/openmetrics-text", ExpositionFormat::OpenMetrics100},
        {"Application/OpenMetrics-Text; Version=\"1.0.0\"", ExpositionFormat::OpenMetrics100},
        // Only a version IsoLens does not write: the text format.
        {"application/openmetrics-text;version=0.0.1", ExpositionFormat::Text004},
        // Text preferred by its q-value.
        {"application/openmetrics-text;q=0.3,text/plain;q=0.9", ExpositionFormat::Text004},
        {"application/openmetrics-text;q=0, */*", ExpositionFormat::Text004},
        // An unreadable q-value accepts nothing.
        {"application/openmetrics-text;q=high", ExpositionFormat::Text004},
        {"text/html, application/openmetrics-text;q=0.2", ExpositionFormat::OpenMetrics100},
    };
    for (const auto& c : cases)
        EXPECT_EQ(negotiateExposition(c.accept), c.expected) << c.accept;
}

TEST(ExpositionNegotiation, ContentTypesNameTheirVersions)
{
    EXPECT_EQ(contentType(ExpositionFormat::Text004), "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_EQ(contentType(ExpositionFormat::OpenMetrics100),
              "application/openmetrics-text; version=1.0.0; charset=utf-8");
}

TEST(OpenMetrics, ACounterIsNamedWithoutTotalInItsMetadataAndEscaped)
{
    EXPECT_EQ(serializeOpenMetrics({counterFamily()}),
              "# TYPE container_cpu_usage_seconds counter\n"
              "# UNIT container_cpu_usage_seconds seconds\n"
              "# HELP container_cpu_usage_seconds Cumulative cpu time consumed in seconds.\n"
              "container_cpu_usage_seconds_total{id=\"abc\",name=\"say \\\"hi\\\"\\\\\\n\"} 1.5\n"
              "# EOF\n");
}

TEST(OpenMetrics, GaugesSpecialValuesAndEmptyFamilies)
{
    prometheus::ClientMetric nan;
    nan.gauge.value = std::numeric_limits<double>::quiet_NaN();
    prometheus::ClientMetric inf;
    inf.label = {{"pid", "1"}};
    inf.gauge.value = -std::numeric_limits<double>::infinity();
    const std::vector<prometheus::MetricFamily> families{
        {"isolens_host_logical_cpus", "The host's logical CPUs.", prometheus::MetricType::Gauge, {nan, inf}},
        {"isolens_isolation_tax_bytes", "Tax.", prometheus::MetricType::Gauge, {}},
    };
    EXPECT_EQ(serializeOpenMetrics(families), "# TYPE isolens_host_logical_cpus gauge\n"
                                              "# HELP isolens_host_logical_cpus The host's logical CPUs.\n"
                                              "isolens_host_logical_cpus NaN\n"
                                              "isolens_host_logical_cpus{pid=\"1\"} -Inf\n"
                                              "# TYPE isolens_isolation_tax_bytes gauge\n"
                                              "# UNIT isolens_isolation_tax_bytes bytes\n"
                                              "# HELP isolens_isolation_tax_bytes Tax.\n"
                                              "# EOF\n");
}

TEST(OpenMetrics, LargeByteCountsKeepEveryDigit)
{
    prometheus::ClientMetric metric;
    metric.gauge.value = 21797814476.0; // 20.3 GiB, as a Hyper-V stack may use
    const auto text = serializeOpenMetrics({{"m_bytes", "h", prometheus::MetricType::Gauge, {metric}}});
    EXPECT_NE(text.find("m_bytes 21797814476\n"), std::string::npos) << text;
}

TEST(TextExposition, IsPrometheusCppsTextFormatWithTotalOnTheCounter)
{
    const auto text = serializeExposition({counterFamily()}, ExpositionFormat::Text004);
    EXPECT_EQ(text.rfind("# HELP container_cpu_usage_seconds_total Cumulative cpu time consumed in seconds.\n"
                         "# TYPE container_cpu_usage_seconds_total counter\n",
                         0),
              0u)
        << text;
    EXPECT_EQ(text.find("# EOF"), std::string::npos);
}
