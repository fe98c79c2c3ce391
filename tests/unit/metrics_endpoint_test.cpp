#include "isolens/core/exporter/metrics_endpoint.hpp"

#include <boost/asio.hpp>
#include <gtest/gtest.h>

#include <string>

using namespace isolens;

namespace {

// One GET over a fresh connection, the whole answer (headers and body) as sent.
std::string get(std::uint16_t port, const std::string& path, const std::string& accept = {})
{
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket socket(io);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!accept.empty())
        request += "Accept: " + accept + "\r\n";
    request += "\r\n";
    boost::asio::write(socket, boost::asio::buffer(request));
    std::string answer;
    boost::system::error_code error;
    char buffer[4096];
    while (auto n = socket.read_some(boost::asio::buffer(buffer), error))
        answer.append(buffer, n);
    return answer;
}

std::vector<prometheus::MetricFamily> oneGauge()
{
    prometheus::ClientMetric metric;
    metric.gauge.value = 42;
    return {
        {"isolens_host_logical_cpus", "The host's logical CPUs.", prometheus::MetricType::Gauge, {metric}}};
}

} // namespace

TEST(MetricsEndpoint, AnswersEachScraperInItsFormat)
{
    auto endpoint = MetricsEndpoint::start({"127.0.0.1", 0}, oneGauge);
    ASSERT_TRUE(endpoint) << endpoint.error().describe();
    const auto port = endpoint.value()->address().port;
    ASSERT_NE(port, 0);

    const auto text = get(port, "/metrics");
    EXPECT_EQ(text.rfind("HTTP/1.1 200", 0), 0u) << text;
    EXPECT_NE(text.find("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("\r\n\r\n# HELP isolens_host_logical_cpus"), std::string::npos) << text;
    EXPECT_NE(text.find("isolens_host_logical_cpus 42\n"), std::string::npos) << text;

    const auto open = get(port, "/metrics", "application/openmetrics-text;version=1.0.0,text/plain;q=0.5");
    EXPECT_NE(open.find("Content-Type: application/openmetrics-text; version=1.0.0; charset=utf-8\r\n"),
              std::string::npos)
        << open;
    EXPECT_TRUE(open.ends_with("# EOF\n")) << open;

    EXPECT_EQ(get(port, "/").rfind("HTTP/1.1 200", 0), 0u);
    EXPECT_NE(get(port, "/").find("href=\"/metrics\""), std::string::npos);
    EXPECT_EQ(get(port, "/nothing-here").rfind("HTTP/1.1 404", 0), 0u);
}

TEST(MetricsEndpoint, APortInUseIsAnErrorThatNamesIt)
{
    auto first = MetricsEndpoint::start({"127.0.0.1", 0}, oneGauge);
    ASSERT_TRUE(first);
    const auto taken = first.value()->address();
    auto second = MetricsEndpoint::start(taken, oneGauge);
    ASSERT_FALSE(second);
    EXPECT_NE(second.error().message.find("cannot listen on " + taken.text()), std::string::npos)
        << second.error().message;
    EXPECT_NE(second.error().hint.find("--listen"), std::string::npos);
}

TEST(MetricsEndpoint, AFailingCollectionIsA500ThatSaysWhy)
{
    auto endpoint = MetricsEndpoint::start({"127.0.0.1", 0}, []() -> std::vector<prometheus::MetricFamily> {
        throw std::runtime_error("the state is gone");
    });
    ASSERT_TRUE(endpoint);
    const auto answer = get(endpoint.value()->address().port, "/metrics");
    EXPECT_EQ(answer.rfind("HTTP/1.1 500", 0), 0u) << answer;
    EXPECT_NE(answer.find("the state is gone"), std::string::npos) << answer;
}
