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
Expected<ClusterResult> loadResultFile(const QString &path);
Expected<bool> saveResultFile(const Benchmark &benchmark, const ClusterResult &result,
                              const QString &path);

} // namespace kinspect::ui
