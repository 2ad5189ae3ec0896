#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kinspect {

struct ReportOptions
{
    bool color = false;   // text: ANSI colours
    bool verbose = false; // text: every result, not only failures
};

// The formats renderReport() knows, e.g. {"text", "json"}. One registry for the CLI and the GUI's
// export dialog: a new writer is added here and appears in both.
QStringList reportFormats();

// Renders a cluster result; an unknown format is an error naming the known ones.
Expected<QByteArray> renderReport(const QString &format, const Benchmark &benchmark,
                                  const ClusterResult &result, const ReportOptions &options = {});

} // namespace kinspect
