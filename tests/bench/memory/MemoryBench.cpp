// Peak memory for 1,000 node results of CIS 1.12 (131 controls each).
//
// Each measurement runs in its own child process, so every figure is that process's peak
// resident set (getrusage RUSAGE_SELF ru_maxrss) and nothing else's:
//   baseline  Qt, the CIS 1.12 catalog and the 8 fixture snapshots loaded, nothing more;
//   hold      + a ClusterResult of N nodes held in memory (every node evaluated on its own, as a
//             scan does: the fixture snapshots of tests/data/snapshots cycled, one node in 97
//             not audited), plus the N raw snapshots a scan keeps;
//   load      baseline + ScanHistory::loadScan() of that scan (results and raw snapshots) from
//             the SQLite history written beforehand by the "store" child (saveScan).
// The parent only runs the children (in a temporary directory) and prints a table; it fails if a
// peak exceeds 1 GiB. BENCH_MEMORY_STAGES=1 prints current and peak RSS at each stage.
//   bench_memory [--nodes N]

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "snapshot/SnapshotParser.h"
#include "store/ScanHistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <malloc.h>

using namespace kinspect;

namespace {

long peakKiB()
{
    struct rusage u = {};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss; // KiB on Linux
}

long currentKiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readAll().split(' ').value(1).toLong() * (sysconf(_SC_PAGESIZE) / 1024);
}

void stage(const char *what)
{
    if (qEnvironmentVariableIsSet("BENCH_MEMORY_STAGES"))
        std::fprintf(stderr, "  %-24s current %7.1f MiB  peak %7.1f MiB  malloc in use %7.1f MiB\n",
                     what, currentKiB() / 1024.0, peakKiB() / 1024.0,
                     double(mallinfo2().uordblks + mallinfo2().hblkhd) / (1024 * 1024));
    if (qEnvironmentVariableIsSet("BENCH_MEMORY_STAGES") && qstrcmp(what, "measured") == 0)
        malloc_stats();
}

struct Inputs
{
    Benchmark benchmark;
    QStringList names;
    QList<QByteArray> raw;
    QList<NodeSnapshot> snapshots;
};

Inputs loadInputs()
{
    Inputs in;
    stage("start");
    auto b = CatalogLoader::load(QStringLiteral("cis-1.12"));
    stage("catalog loaded");
    if (!b)
        qFatal("%s", qPrintable(b.error().toString()));
    in.benchmark = *b;
    const QDir dir(QStringLiteral(KINSPECT_TEST_DATA "/snapshots"));
    for (const QString &file : dir.entryList({QStringLiteral("*.snap")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file));
        const QByteArray raw = f.readAll();
        auto s = parseSnapshot(raw, file);
        if (!s)
            qFatal("%s", qPrintable(s.error().toString()));
        in.names << QFileInfo(file).completeBaseName();
        in.raw << raw;
        in.snapshots << *s;
    }
    stage("snapshots parsed");
    return in;
}

// A scan's result as the engine builds it: every node evaluated separately.
void buildScan(const Inputs &in, int nodes, ClusterResult *result, QList<QByteArray> *snapshots)
{
    const Evaluator evaluator(in.benchmark);
    result->cluster = QStringLiteral("bench-1000");
    result->benchmarkId = in.benchmark.id;
    result->startedAt = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < nodes; ++i) {
        const QString name = QStringLiteral("node-%1").arg(i + 1, 4, 10, QLatin1Char('0'));
        if (i % 97 == 96) {
            NodeResult down;
            down.name = name;
            down.host = QStringLiteral("10.1.%1.%2").arg(i / 250).arg(i % 250 + 1);
            down.errorKind = QStringLiteral("unreachable");
            down.errorMessage = QStringLiteral("connection refused");
            result->nodes << down;
            snapshots->append(QByteArray());
            continue;
        }
        const int k = i % in.snapshots.size();
        NodeResult n = evaluator.evaluate(in.snapshots[k], NodeContext{name, QString(), {}});
        n.host = QStringLiteral("10.1.%1.%2").arg(i / 250).arg(i % 250 + 1);
        result->nodes << n;
        QByteArray copy(in.raw[k].constData(), in.raw[k].size()); // its own bytes, as received
        snapshots->append(copy);
    }
    result->finishedAt = QDateTime::currentDateTimeUtc();
}

int child(const QString &mode, int nodes, const QString &db)
{
    const Inputs in = loadInputs();
    qint64 count = 0;
    QElapsedTimer t;
    t.start();
    if (mode == QLatin1String("hold")) {
        ClusterResult result;
        QList<QByteArray> snapshots;
        buildScan(in, nodes, &result, &snapshots);
        for (const NodeResult &n : std::as_const(result.nodes))
            count += n.results.size();
        stage("results held");
    } else if (mode == QLatin1String("store")) {
        ClusterResult result;
        QList<QByteArray> snapshots;
        buildScan(in, nodes, &result, &snapshots);
        ScanHistory h;
        if (auto e = h.open(db))
            qFatal("%s", qPrintable(e->toString()));
        t.restart();
        auto id = h.saveScan(result, snapshots);
        if (!id)
            qFatal("%s", qPrintable(id.error().toString()));
    } else if (mode == QLatin1String("load")) {
        ScanHistory h;
        if (auto e = h.open(db))
            qFatal("%s", qPrintable(e->toString()));
        auto scans = h.listScans();
        if (!scans || scans->isEmpty())
            qFatal("no scan stored");
        auto s = h.loadScan(scans->first().id);
        if (!s)
            qFatal("%s", qPrintable(s.error().toString()));
        for (const NodeResult &n : std::as_const(s->result.nodes))
            count += n.results.size();
        stage("scan loaded");
    }
    stage("measured");
    std::printf("%ld %lld %lld\n", peakKiB(), count, t.elapsed());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int nodes = 1000;
    QString mode, db;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--nodes"))
            nodes = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--child"))
            mode = args[i + 1];
        else if (args[i] == QLatin1String("--db"))
            db = args[i + 1];
    }
    if (!mode.isEmpty())
        return child(mode, nodes, db);

    // The parent stays small and does nothing but start children: a child's ru_maxrss starts
    // from its parent's resident size at fork (Linux keeps it across exec).
    QTemporaryDir tmp;
    db = tmp.filePath(QStringLiteral("history.sqlite"));
    long base = 0;
    int rc = 0;
    for (const QString &m : {QStringLiteral("store"), QStringLiteral("baseline"),
                             QStringLiteral("hold"), QStringLiteral("load")}) {
        QProcess p;
        p.start(app.applicationFilePath(), {QStringLiteral("--child"), m, QStringLiteral("--nodes"),
                                            QString::number(nodes), QStringLiteral("--db"), db});
        if (!p.waitForFinished(600000) || p.exitCode() != 0) {
            std::printf("%s: failed: %s\n", qPrintable(m), p.readAllStandardError().constData());
            return 1;
        }
        const QList<QByteArray> f = p.readAllStandardOutput().trimmed().split(' ');
        const long kib = f.value(0).toLong();
        if (m == QLatin1String("store")) {
            std::printf("stored %d nodes (results and raw snapshots) in %lld ms; history file "
                        "%.1f MB; peak RSS of the writer %.1f MiB\n",
                        nodes, f.value(2).toLongLong(), QFileInfo(db).size() / 1e6, kib / 1024.0);
            continue;
        }
        if (m == QLatin1String("baseline"))
            base = kib;
        std::printf("%-8s peak RSS %7.1f MiB  (+%6.1f MiB over baseline)  %lld node x control "
                    "results, %lld ms\n",
                    qPrintable(m), kib / 1024.0, (kib - base) / 1024.0, f.value(1).toLongLong(),
                    f.value(2).toLongLong());
        if (kib > 1024 * 1024)
            rc = 1;
    }
    return rc;
}
