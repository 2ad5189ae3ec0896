#pragma once

#include "report/ReportFormats.h"

namespace kinspect {

// One self-contained HTML file (inline CSS, no scripts, no external resources): cover facts,
// executive summary with per-section bars, waivers, changes since the compared scan, a
// controls x nodes matrix per section, each failing control with its catalog text and the
// evidence per node, and a per-node appendix. Every value from a node or the catalog is escaped.
QByteArray htmlReport(const Benchmark &benchmark, const ClusterResult &result,
                      const ReportOptions &options);

} // namespace kinspect
