#include "isolens/core/series/chart_scale.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace isolens {

double niceAxisMax(double value, double minimum)
{
    if (!std::isfinite(value) || value <= minimum)
        return minimum;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : std::array{1.0, 2.0, 2.5, 5.0, 10.0})
        if (step * magnitude >= value * (1.0 - 1e-12))
            return step * magnitude;
    return 10.0 * magnitude;
}

ByteScale byteScaleFor(double maxBytes)
{
    static const std::array<ByteScale, 4> scales{
        {{1024.0 * 1024.0 * 1024.0, "GiB"}, {1024.0 * 1024.0, "MiB"}, {1024.0, "KiB"}, {1.0, "B"}}};
    for (const auto& scale : scales)
        if (maxBytes >= scale.divisor)
            return scale;
    return scales.back();
}

} // namespace isolens

namespace isolens {

TimeWindow visibleWindow(std::int64_t spanFirst, std::int64_t spanLast, std::int64_t width,
                         std::int64_t offsetFromEnd)
{
    constexpr std::int64_t kPastTheEnd = 1'000'000; // 1 ms, so the last point is inside
    if (spanLast < spanFirst)
        spanLast = spanFirst;
    if (width <= 0)
        return {spanFirst, spanLast + kPastTheEnd};
    const std::int64_t span = spanLast - spanFirst;
    if (span <= width)
        return {spanFirst, spanFirst + width};
    offsetFromEnd = std::clamp<std::int64_t>(offsetFromEnd, 0, span - width);
    const std::int64_t last = spanLast - offsetFromEnd + kPastTheEnd;
    return {last - kPastTheEnd - width, last};
}

} // namespace isolens

namespace isolens {

namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kMinute = 60 * kNanosPerSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

constexpr std::array<std::int64_t, 18> kTimeSteps{1 * kNanosPerSecond,
                                                  2 * kNanosPerSecond,
                                                  5 * kNanosPerSecond,
                                                  10 * kNanosPerSecond,
                                                  15 * kNanosPerSecond,
                                                  30 * kNanosPerSecond,
                                                  kMinute,
                                                  2 * kMinute,
                                                  5 * kMinute,
                                                  10 * kMinute,
                                                  15 * kMinute,
                                                  30 * kMinute,
                                                  kHour,
                                                  2 * kHour,
                                                  3 * kHour,
                                                  6 * kHour,
                                                  12 * kHour,
                                                  kDay};

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

// The multiples of step (in local time) in [first, last].
std::int64_t firstMultiple(std::int64_t first, std::int64_t step, std::int64_t offset)
{
    return (floorDiv(first + offset - 1, step) + 1) * step - offset;
}

std::int64_t countMultiples(std::int64_t first, std::int64_t last, std::int64_t step, std::int64_t offset)
{
    return floorDiv(last + offset, step) - floorDiv(first + offset - 1, step);
}

} // namespace

TimeTicks niceTimeTicks(std::int64_t firstNanos, std::int64_t lastNanos, int maxLabels,
                        std::int64_t utcOffsetNanos)
{
    TimeTicks ticks;
    ticks.step = kTimeSteps.front();
    if (lastNanos < firstNanos)
        return ticks;
    const std::int64_t wanted = std::max(maxLabels, 1);
    const auto fits = [&](std::int64_t step) {
        return countMultiples(firstNanos, lastNanos, step, utcOffsetNanos) <= wanted;
    };
    const auto nice = std::find_if(kTimeSteps.begin(), kTimeSteps.end(), fits);
    if (nice != kTimeSteps.end()) {
        ticks.step = *nice;
    } else {
        // Longer than maxLabels days: whole days, as few as fit.
        std::int64_t days = std::max<std::int64_t>(2, (lastNanos - firstNanos) / kDay / wanted);
        while (!fits(days * kDay))
            ++days;
        ticks.step = days * kDay;
    }
    for (std::int64_t at = firstMultiple(firstNanos, ticks.step, utcOffsetNanos); at <= lastNanos;
         at += ticks.step)
        ticks.instants.push_back(at);

    if (ticks.step < kMinute)
        ticks.format = TimeLabelFormat::HoursMinutesSeconds;
    else if (ticks.step >= kDay)
        ticks.format = TimeLabelFormat::Day;
    else if (lastNanos - firstNanos < kDay)
        ticks.format = TimeLabelFormat::HoursMinutes;
    else
        ticks.format = TimeLabelFormat::DayHoursMinutes;
    return ticks;
}

} // namespace isolens
