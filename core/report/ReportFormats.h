#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "store/ScanDiff.h"
#include "util/Expected.h"

#include <QDateTime>
#include <optional>

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kinspect {

struct ReportOptions
{
    bool color = false;   // text: ANSI colours
    bool verbose = false; // text: every result, not only failures
    // Cover of the PDF/HTML: who ran the scan ("user@host"; empty: the current user and host)
    // and when the report was made (invalid: now).
    QString ranBy;
    QDateTime generatedAt;
    // Adds a "Changes since scan N" section (text, HTML, PDF) when set.
    std::optional<ScanDiff> comparison;
    // Raw collector output per node (same order as result.nodes; may be shorter or empty).
    // With it the PDF and HTML show the change each failing control's fix would make.
    QList<QByteArray> snapshots;
};

// The formats renderReport() knows: text, json, csv, junit, html, pdf. One registry for the CLI and
// the GUI's export dialog: a new writer is added here and appears in both.
QStringList reportFormats();
// The usual file name extension of a format ("junit" -> "xml", "text" -> "txt").
QString reportFileSuffix(const QString &format);
// Formats that need a QGuiApplication (fonts): "pdf".
bool reportFormatNeedsGui(const QString &format);

// Renders a cluster result; an unknown format is an error naming the known ones.
Expected<QByteArray> renderReport(const QString &format, const Benchmark &benchmark,
                                  const ClusterResult &result, const ReportOptions &options = {});

// renderReport() written atomically to `path` (QSaveFile): the GUI's export dialog.
std::optional<Error> writeReportFile(const QString &path, const QString &format,
                                     const Benchmark &benchmark, const ClusterResult &result,
                                     const ReportOptions &options = {});

} // namespace kinspect
