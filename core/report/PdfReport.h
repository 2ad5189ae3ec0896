#pragma once

#include "report/ReportFormats.h"

namespace kinspect {

// The auditor's PDF (QPdfWriter, A4): cover, table of contents with page numbers, executive
// summary (score, counts, a chart per section, nodes with most failures, controls failing on
// every node, waivers, changes since the compared scan), a controls x nodes matrix per section
// (node columns in groups when there are many nodes), a page per failing control (catalog text,
// evidence per node grouped where identical, remediation file), and a per-node appendix.
// Running header and footer with "Page X of Y" (laid out twice: the first pass numbers the
// pages). Title/author/subject metadata and the JSON report embedded as "kinspect-results.json".
//
// Needs a QGuiApplication (fonts); returns an error without one.
Expected<QByteArray> pdfReport(const Benchmark &benchmark, const ClusterResult &result,
                               const ReportOptions &options);

} // namespace kinspect
