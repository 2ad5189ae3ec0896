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
    // The built-in benchmarks' headers only (id, title, version, Kubernetes range, sections; no
    // controls): enough to choose one by version at a fraction of the cost of loading them all.
    static QList<Benchmark> builtinHeaders();
    // True when every built-in catalog is also in the binary in compiled form (the build puts it
    // there; see CatalogCodec.h). load() reads that form instead of parsing the YAML.
    static bool hasCompiledBuiltins();

    // Parsing entry points, used by the loader and by tests on in-memory text.
    static Expected<bool> parseBenchmarkFile(const QByteArray &data, const QString &fileName,
                                             Benchmark *benchmark);
    static Expected<bool> parseControlsFile(const QByteArray &data, const QString &fileName,
                                            Benchmark *benchmark);
    static Expected<bool> parseBooleanFlags(const QByteArray &data, const QString &fileName,
                                            Benchmark *benchmark);

private:
    static Expected<Benchmark> loadBuiltin(const QString &id);
};

} // namespace kinspect
