#include "isolens/core/base/timestamp.hpp"

#include <chrono>
#include <cstdio>

namespace isolens {

namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count, int& out)
{
    if (at + count > text.size())
        return false;
    out = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

} // namespace

std::optional<std::int64_t> parseRfc3339Nanos(std::string_view text)
{
    using namespace std::chrono;
    int year, month, day, hour, minute, second;
    if (!digits(text, 0, 4, year) || text.size() < 19 || text[4] != '-' || !digits(text, 5, 2, month) ||
        text[7] != '-' || !digits(text, 8, 2, day) ||
        (text[10] != 'T' && text[10] != 't' && text[10] != ' ') || !digits(text, 11, 2, hour) ||
        text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':' || !digits(text, 17, 2, second))
        return std::nullopt;
    const year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                              std::chrono::day{static_cast<unsigned>(day)}};
    // Nanoseconds since 1970 fit in 64 bits until 2262; the engine's "zero time" (year 1) is no time.
    if (!date.ok() || hour > 23 || minute > 59 || second > 60 || year < 1970 || year > 2261)
        return std::nullopt;

    std::size_t at = 19;
    std::int64_t fraction = 0;
    if (at < text.size() && text[at] == '.') {
        ++at;
        int scale = 0;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            if (scale < 9) {
                fraction = fraction * 10 + (text[at] - '0');
                ++scale;
            }
            ++at;
        }
        if (scale == 0)
            return std::nullopt;
        for (; scale < 9; ++scale)
            fraction *= 10;
    }
    std::int64_t offsetSeconds = 0;
    if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
        ++at;
    } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        int offsetHours, offsetMinutes;
        if (!digits(text, at + 1, 2, offsetHours) || at + 3 >= text.size() || text[at + 3] != ':' ||
            !digits(text, at + 4, 2, offsetMinutes) || offsetHours > 23 || offsetMinutes > 59)
            return std::nullopt;
        offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text[at] == '+' ? 1 : -1);
        at += 6;
    } else {
        return std::nullopt;
    }
    if (at != text.size())
        return std::nullopt;

    const auto days = sys_days{date}.time_since_epoch().count();
    const std::int64_t seconds = days * 86400LL + hour * 3600LL + minute * 60LL + second - offsetSeconds;
    return seconds * 1'000'000'000LL + fraction;
}

std::string formatRfc3339Millis(std::int64_t nanos)
{
    using namespace std::chrono;
    // Floor division without nanos - 999'999'999, which overflows for times near INT64_MIN.
    const auto seconds = nanos / 1'000'000'000 - (nanos % 1'000'000'000 < 0 ? 1 : 0);
    const auto millis = (nanos % 1'000'000'000 + (nanos % 1'000'000'000 < 0 ? 1'000'000'000 : 0)) / 1'000'000;
    const sys_days days{
        floor<std::chrono::days>(sys_seconds{std::chrono::seconds{seconds}}.time_since_epoch())};
    const year_month_day date{days};
    const auto secondOfDay = seconds - days.time_since_epoch().count() * 86400LL;
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                  static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()), static_cast<long long>(secondOfDay / 3600),
                  static_cast<long long>(secondOfDay / 60 % 60), static_cast<long long>(secondOfDay % 60),
                  static_cast<long long>(millis));
    return text;
}

} // namespace isolens
