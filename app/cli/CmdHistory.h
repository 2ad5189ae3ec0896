#pragma once

// What `scan` and `evaluate` share with `history`: the history and waiver options, and the last
// step of a scan (apply waivers, store in the history, render the report).

#include "CliCommon.h"

#include "store/ScanHistory.h"

namespace kinspect::cli {

struct HistoryOptions
{
    QCommandLineOption noHistory{QStringLiteral("no-history"),
                                 QStringLiteral("Do not store the scan in the history.")};
    QCommandLineOption historyDb{
        QStringLiteral("history-db"),
        QStringLiteral("History database (default %1).").arg(ScanHistory::defaultPath()),
        QStringLiteral("FILE")};
    QCommandLineOption waivers{QStringLiteral("waivers"),
                               QStringLiteral("Waivers YAML file to apply (besides the stored "
                                              "ones)."),
                               QStringLiteral("FILE")};
    QCommandLineOption compare{QStringLiteral("compare-previous"),
                               QStringLiteral("Add the changes since the cluster's previous "
                                              "stored scan to the report.")};
    QList<QCommandLineOption> all() const { return {noHistory, historyDb, waivers, compare}; }
};

// The history file chosen with --history-db, else ScanHistory::defaultPath().
QString historyPath(const QCommandLineParser &p, const HistoryOptions &h);

// Applies the waivers of --waivers and of the history (when `useDbWaivers` and the file exists),
// stores the result when `store` (snapshots in node order; `inventory` for the listing), then
// writes the report of --format/--output. Returns the exit code of DESIGN.md (64 on bad input).
int finishReport(const QCommandLineParser &p, const Options &o, const HistoryOptions &h,
                 const Benchmark &benchmark, ClusterResult result,
                 const QList<QByteArray> &snapshots, const QString &inventory, bool store);

} // namespace kinspect::cli
