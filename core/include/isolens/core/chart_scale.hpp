#pragma once

#include <string>

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
