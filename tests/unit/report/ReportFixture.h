#pragma once

// The fixed result set every report test (and the report benchmark) renders: the snapshots of
// tests/data/snapshots evaluated under CIS 1.12, plus one node that could not be audited and a
// waiver on one FAIL. `copies` > 1 repeats the audited nodes (node names get a suffix) for the
// 100-node benchmark.

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "snapshot/SnapshotParser.h"
#include "store/Waiver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

namespace kinspect::testing {

struct Fixture
{
    Benchmark benchmark;
    ClusterResult result;
    QList<QByteArray> snapshots;
};

inline Fixture buildFixture(int copies = 1, bool withWaiver = true, bool withUnaudited = true)
{
    Fixture f;
    auto b = CatalogLoader::load(QStringLiteral("cis-1.12"));
    if (!b)
        qFatal("catalog: %s", qPrintable(b.error().toString()));
    f.benchmark = *b;
    f.result.cluster = QStringLiteral("prod-eu <1> & \"quoted\"");
    f.result.benchmarkId = f.benchmark.id;
    f.result.startedAt = QDateTime(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC);
    f.result.finishedAt = f.result.startedAt.addSecs(42);
    const QDir dir(QStringLiteral(KINSPECT_TEST_DATA "/snapshots"));
    const QStringList files = dir.entryList({QStringLiteral("*.snap")}, QDir::Files, QDir::Name);
    const Evaluator evaluator(f.benchmark);
    for (int c = 0; c < copies; ++c) {
        for (const QString &file : files) {
            QFile in(dir.filePath(file));
            in.open(QIODevice::ReadOnly);
            const QByteArray data = in.readAll();
            auto snap = parseSnapshot(data, file);
            if (!snap)
                qFatal("snapshot: %s", qPrintable(snap.error().toString()));
            QString name = QFileInfo(file).completeBaseName();
            if (copies > 1)
                name += QStringLiteral("-%1").arg(c + 1, 2, 10, QLatin1Char('0'));
            NodeResult n = evaluator.evaluate(*snap, NodeContext{name, snap->hostname, {}});
            n.host = QStringLiteral("10.0.%1.%2").arg(c).arg(f.result.nodes.size() % 250 + 1);
            f.result.nodes << n;
            f.snapshots << data;
        }
    }
    if (withUnaudited) {
        NodeResult down;
        down.name = QStringLiteral("worker-down");
        down.host = QStringLiteral("10.9.9.9");
        down.audited = false;
        down.errorKind = QStringLiteral("unreachable");
        down.errorMessage = QStringLiteral("connection refused <script>alert(1)</script>");
        f.result.nodes << down;
        f.snapshots << QByteArray();
    }
    if (withWaiver) {
        // Waive the first FAIL found, on the node it failed on.
        for (const NodeResult &n : std::as_const(f.result.nodes))
            for (const ControlResult &r : n.results)
                if (r.status == Status::Fail) {
                    Waiver w;
                    w.id = QStringLiteral("W-1");
                    w.controlId = r.controlId;
                    w.nodes = {n.name};
                    w.justification = QStringLiteral("=cmd|' /C calc'!A0 accepted until the "
                                                     "upgrade, ticket SEC-12");
                    w.owner = QStringLiteral("alice@example.com");
                    w.expires = QDate(2099, 1, 31);
                    applyWaivers(f.result, {w}, QDate(2026, 11, 22));
                    return f;
                }
    }
    return f;
}

} // namespace kinspect::testing
