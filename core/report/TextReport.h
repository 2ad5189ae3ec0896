#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"

#include <QString>

namespace kinspect {

struct TextReportOptions
{
    bool color = false;   // ANSI colours (only for a terminal)
    bool verbose = false; // list every result, not only FAIL / ERROR / WAIVED
};

// The terminal report: per node, the failures with the reason, then a summary. All node data is
// passed through sanitizeForTerminal().
QString textReport(const Benchmark &benchmark, const ClusterResult &result,
                   const TextReportOptions &options);

} // namespace kinspect
