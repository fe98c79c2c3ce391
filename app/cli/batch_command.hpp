#pragma once

#include "cli_context.hpp"
#include "compare_command.hpp"

#include "isolens/core/batch/batch_file.hpp"
#include "isolens/core/engine/hardening.hpp"
#include "isolens/core/engine/isolation_mode.hpp"

#include <array>
#include <vector>

// The rows --images or --batch names, read and checked before anything is asked of the engine.
isolens::Result<std::vector<isolens::BatchFileRow>> batchRows(const CompareOptions& options);

// isolens-cli compare --images A,B,C | --batch FILE [--repeat N]: a pair per image, one after another,
// each recorded, then the table. Exit 0 when every run was measured, 1 when one was not, 130 after
// Ctrl+C (the running pair is removed and the table so far is shown).
int runBatchCompare(const CliContext& context, const CompareOptions& options,
                    const std::vector<isolens::BatchFileRow>& rows, const EngineWithInfo& engine,
                    const std::array<isolens::IsolationMode, 2>& modes, const isolens::Hardening& hardening,
                    const isolens::BatchDefaults& defaults);
