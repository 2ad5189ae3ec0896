#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QString>

namespace kinspect::ui {

// A saved scan: the JSON report of DESIGN.md read back into a ClusterResult (the GUI opens what
// `kinspect-cli scan --format json` or the GUI's own export wrote). Unknown fields are ignored;
// a missing or mistyped required field is an error naming the file.
Expected<ClusterResult> readResultJson(const QByteArray &data, const QString &sourceName);

// The app's own saved result (*.kinspect): the same content in a compact binary form with one
// table of distinct strings (a cluster's nodes repeat most evidence text), so 1,000 nodes load
// in a fraction of the JSON's time and share their strings in memory.
QByteArray resultToBinary(const ClusterResult &result);
Expected<ClusterResult> readResultBinary(const QByteArray &data, const QString &sourceName);

// Reads either form (by its first bytes).
Expected<ClusterResult> loadResultFile(const QString &path);
// Writes the binary form when `path` ends in ".kinspect", else the JSON report.
Expected<bool> saveResultFile(const Benchmark &benchmark, const ClusterResult &result,
                              const QString &path);

} // namespace kinspect::ui
