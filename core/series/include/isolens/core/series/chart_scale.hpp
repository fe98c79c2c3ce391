#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace isolens {

// The top of a value axis: the smallest 1, 2, 2.5 or 5 x 10^n at or above the value, so gridlines
// fall on round numbers. At least `minimum` (an empty chart still gets an axis).
double niceAxisMax(double value, double minimum = 1.0);

// The unit a memory axis is labelled in: the largest of B, KiB, MiB, GiB that keeps the axis' top
// at 1 or more.
struct ByteScale {
    double divisor = 1.0;
    std::string unit = "B";
};
ByteScale byteScaleFor(double maxBytes);

} // namespace isolens

namespace isolens {

// The time range a chart shows: `width` nanoseconds ending `offsetFromEnd` before the end of the
// data, never starting before the data (a short session fills the chart from its first sample),
// or the whole span when width is 0. last is exclusive and one millisecond past the data.
struct TimeWindow {
    std::int64_t first = 0;
    std::int64_t last = 0;
};
TimeWindow visibleWindow(std::int64_t spanFirst, std::int64_t spanLast, std::int64_t width,
                         std::int64_t offsetFromEnd);

} // namespace isolens

namespace isolens {

// How a time axis' labels read: seconds only when they are less than a minute apart, the day
// when the labels would otherwise repeat (a window of a day or more).
enum class TimeLabelFormat { HoursMinutesSeconds, HoursMinutes, DayHoursMinutes, Day };

// Where a time axis is labelled: at round instants of local time, every `step` (1, 2, 5, 10, 15,
// 30 s; 1, 2, 5, 10, 15, 30 min; 1, 2, 3, 6, 12 h; then whole days), the smallest step that puts at
// most maxLabels labels in [first, last]. Times are nanoseconds since 1970; utcOffset is local time
// minus UTC (so hours and days fall on local midnight, and a +05:30 zone's hours on :30 UTC).
struct TimeTicks {
    std::int64_t step = 0;
    std::vector<std::int64_t> instants; // ascending, in [first, last]
    TimeLabelFormat format = TimeLabelFormat::HoursMinutesSeconds;
};
TimeTicks niceTimeTicks(std::int64_t firstNanos, std::int64_t lastNanos, int maxLabels,
                        std::int64_t utcOffsetNanos = 0);

} // namespace isolens
