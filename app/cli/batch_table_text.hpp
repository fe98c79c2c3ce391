#pragma once

#include "isolens/core/batch/batch_table.hpp"

#include <string>

// A batch's table for people, in the published table's shape (image, each mode's memory, the
// difference) with the runs, then CPU and start-up, the spread over repeats, and why a row has no figures.
// With several runs a cell is the median of the runs' figures.
std::string batchTableText(const isolens::BatchTable& table);
