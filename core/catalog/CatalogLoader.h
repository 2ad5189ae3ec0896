#pragma once

#include "catalog/Catalog.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kinspect {

// Loads benchmark catalogs (docs/catalog-format.md). Strict: unknown keys, duplicate ids, unknown
// operators and controls without a declared section are errors naming the file and line.
class CatalogLoader
{
public:
    // Ids of the benchmarks built into the binary (":/benchmarks/<id>/benchmark.yaml").
    static QStringList builtinIds();
    // A built-in benchmark by id, or a catalog directory on disk when `id` is a path.
    static Expected<Benchmark> load(const QString &idOrDir);
    static Expected<Benchmark> loadDirectory(const QString &dir);

    // Parsing entry points, used by the loader and by tests on in-memory text.
    static Expected<bool> parseBenchmarkFile(const QByteArray &data, const QString &fileName,
                                             Benchmark *benchmark);
    static Expected<bool> parseControlsFile(const QByteArray &data, const QString &fileName,
                                            Benchmark *benchmark);
    static Expected<bool> parseBooleanFlags(const QByteArray &data, const QString &fileName,
                                            Benchmark *benchmark);
};

} // namespace kinspect
