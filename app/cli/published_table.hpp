#pragma once

#include <string>

// The published reference figures as a table under their label and source: shown after a comparison,
// never as IsoLens' own measurement.
std::string publishedReferenceTable();
