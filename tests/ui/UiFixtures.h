#pragma once

// Results for the GUI tests: the snapshot fixtures of tests/data evaluated under a built-in
// benchmark (real evaluator output, with evidence), and a large synthetic cluster made of them.

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "snapshot/SnapshotParser.h"

#include <QDir>
#include <QFileInfo>

namespace kinspect::testing {

inline Benchmark loadBenchmark(const QString &id = QStringLiteral("cis-1.12"))
{
    auto b = CatalogLoader::load(id);
    if (!b)
        qFatal("%s", qPrintable(b.error().toString()));
    return *b;
}

// One node per parseable fixture snapshot, named like its file.
inline ClusterResult fixtureResult(const Benchmark &benchmark)
{
    ClusterResult r;
    r.cluster = QStringLiteral("fixtures");
    r.benchmarkId = benchmark.id;
    r.startedAt = QDateTime::currentDateTimeUtc();
    const Evaluator ev(benchmark);
    const QDir dir(QStringLiteral(KINSPECT_TEST_DATA "/snapshots"));
    for (const QFileInfo &fi :
         dir.entryInfoList({QStringLiteral("*.snap")}, QDir::Files, QDir::Name)) {
        auto snap = loadSnapshotFile(fi.absoluteFilePath());
        if (!snap)
            continue;
        const QString name = fi.completeBaseName();
        r.nodes << ev.evaluate(*snap, NodeContext{name, QStringLiteral("10.0.0.1"), {}});
    }
    r.finishedAt = QDateTime::currentDateTimeUtc();
    return r;
}

// `count` nodes cycling through the fixture nodes (renamed), with one unreachable node every 97.
inline ClusterResult largeResult(const Benchmark &benchmark, int count)
{
    const ClusterResult base = fixtureResult(benchmark);
    ClusterResult r;
    r.cluster = QStringLiteral("large");
    r.benchmarkId = benchmark.id;
    r.nodes.reserve(count);
    for (int i = 0; i < count; ++i) {
        NodeResult n = base.nodes[i % base.nodes.size()];
        n.name = QStringLiteral("node-%1").arg(i, 4, 10, QLatin1Char('0'));
        n.host = QStringLiteral("10.1.%1.%2").arg(i / 250).arg(i % 250 + 1);
        if (i % 97 == 96) {
            n.audited = false;
            n.errorKind = QStringLiteral("unreachable");
            n.errorMessage = QStringLiteral("connection refused");
            n.results.clear();
        }
        r.nodes << n;
    }
    return r;
}

} // namespace kinspect::testing
