// Evaluation throughput: every snapshot of tests/data/snapshots, parsed once, evaluated under the
// real CIS catalogs again and again. One item = one control evaluated on one node, so items/s is
// node x control evaluations per second (target: 1,000,000). Also the snapshot parser's speed
// (bytes/s over the same files). BENCHMARKS.md gives the command and the figures.

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "snapshot/SnapshotParser.h"

#include <QDir>
#include <QFile>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

using namespace kinspect;

namespace {

struct Data
{
    QStringList names;
    QList<QByteArray> raw;
    QList<NodeSnapshot> snapshots;
    qint64 bytes = 0;
};

const Data &data()
{
    static const Data d = [] {
        Data out;
        const QDir dir(QStringLiteral(KINSPECT_TEST_DATA "/snapshots"));
        for (const QString &file :
             dir.entryList({QStringLiteral("*.snap")}, QDir::Files, QDir::Name)) {
            QFile in(dir.filePath(file));
            if (!in.open(QIODevice::ReadOnly))
                std::abort();
            const QByteArray raw = in.readAll();
            auto snap = parseSnapshot(raw, file);
            if (!snap) {
                std::fprintf(stderr, "%s\n", qPrintable(snap.error().toString()));
                std::abort();
            }
            out.names << file;
            out.raw << raw;
            out.snapshots << *snap;
            out.bytes += raw.size();
        }
        if (out.snapshots.isEmpty())
            std::abort();
        return out;
    }();
    return d;
}

// Both catalogs, loaded once (thread-safe static initialisation: the 2-thread runs share them).
const Benchmark &catalog(const QString &id)
{
    static const QHash<QString, Benchmark> loaded = [] {
        QHash<QString, Benchmark> out;
        for (const QString &cid : {QStringLiteral("cis-1.12"), QStringLiteral("cis-1.5.1")}) {
            auto b = CatalogLoader::load(cid);
            if (!b) {
                std::fprintf(stderr, "%s\n", qPrintable(b.error().toString()));
                std::abort();
            }
            out.insert(cid, *b);
        }
        return out;
    }();
    return *loaded.constFind(id);
}

// cold: the evaluator's caches of parsed config files are dropped before every pass
// over the snapshots, so every node's files are parsed (a cluster whose nodes all differ);
// without it the 8 snapshots' files are parsed once (nodes that share their configs, as the
// nodes of a real cluster mostly do).
void evaluateAll(benchmark::State &state, const QString &catalogId, bool cold = false)
{
    const Data &d = data();
    const Benchmark &b = catalog(catalogId);
    const Evaluator evaluator(b);
    QList<NodeContext> contexts;
    for (int i = 0; i < d.snapshots.size(); ++i)
        contexts << NodeContext{d.names[i], d.snapshots[i].hostname, {}};
    qint64 items = 0;
    for (auto _ : state) {
        if (cold)
            Evaluator::clearCaches();
        for (int i = 0; i < d.snapshots.size(); ++i) {
            NodeResult r = evaluator.evaluate(d.snapshots[i], contexts[i]);
            items += r.results.size();
            benchmark::DoNotOptimize(r);
        }
    }
    state.SetItemsProcessed(items);
    state.counters["nodes"] =
        benchmark::Counter(double(d.snapshots.size()), benchmark::Counter::kAvgThreads);
    state.counters["controls"] =
        benchmark::Counter(double(b.controls.size()), benchmark::Counter::kAvgThreads);
}

void BM_Evaluate_cis112(benchmark::State &state)
{
    evaluateAll(state, QStringLiteral("cis-1.12"));
}
void BM_Evaluate_cis151(benchmark::State &state)
{
    evaluateAll(state, QStringLiteral("cis-1.5.1"));
}
void BM_Evaluate_cis112_cold(benchmark::State &state)
{
    evaluateAll(state, QStringLiteral("cis-1.12"), true);
}
void BM_Evaluate_cis151_cold(benchmark::State &state)
{
    evaluateAll(state, QStringLiteral("cis-1.5.1"), true);
}

void BM_ParseSnapshots(benchmark::State &state)
{
    const Data &d = data();
    for (auto _ : state) {
        for (int i = 0; i < d.raw.size(); ++i) {
            auto snap = parseSnapshot(d.raw[i], d.names[i]);
            benchmark::DoNotOptimize(snap);
        }
    }
    state.SetBytesProcessed(state.iterations() * d.bytes);
    state.SetItemsProcessed(state.iterations() * d.raw.size());
}

} // namespace

BENCHMARK(BM_Evaluate_cis112)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Evaluate_cis151)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Evaluate_cis112_cold)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Evaluate_cis151_cold)->Unit(benchmark::kMicrosecond);
// Both cores, as a scan evaluates (one node per worker thread): rates per wall-clock second.
BENCHMARK(BM_Evaluate_cis112)->Unit(benchmark::kMicrosecond)->Threads(2)->UseRealTime();
BENCHMARK(BM_ParseSnapshots)->Unit(benchmark::kMicrosecond);

// --dump FILE: every field of every result (both catalogs, every snapshot) as text, to check
// that an optimization of the evaluator changes no result (diff the dumps before and after).
static int dump(const char *path)
{
    QFile out(QString::fromLocal8Bit(path));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 1;
    const Data &d = data();
    for (const QString &id : {QStringLiteral("cis-1.12"), QStringLiteral("cis-1.5.1")}) {
        const Evaluator evaluator(catalog(id));
        for (int i = 0; i < d.snapshots.size(); ++i) {
            const NodeResult n = evaluator.evaluate(
                d.snapshots[i], NodeContext{d.names[i], d.snapshots[i].hostname, {}});
            QStringList lines;
            lines << QStringLiteral("== %1 %2 roles=%3 dist=%4 version=%5 audited=%6")
                         .arg(id, n.name, n.roles.join(QLatin1Char(',')), n.distribution,
                              n.kubernetesVersion)
                         .arg(n.audited);
            for (const ControlResult &r : n.results) {
                lines << QStringLiteral("%1 %2 hint=%3 file=%4 | %5")
                             .arg(r.controlId, statusName(r.status),
                                  r.manualHint ? statusName(*r.manualHint) : QString(),
                                  r.remediationFile, r.reason);
                for (const Evidence &e : r.evidence)
                    lines << QStringLiteral("  ev %1|%2|%3|%4|%5|%6|%7")
                                 .arg(e.source, e.path, e.key, e.actual, e.expected, e.command)
                                 .arg(e.passed);
            }
            out.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
        }
    }
    return 0;
}

// --loop N [--cold]: evaluates every snapshot under CIS 1.12 N times and exits; a fixed amount of
// work for instruction counts (valgrind --tool=callgrind), which do not depend on the machine's
// load: valgrind --tool=callgrind --toggle-collect='kinspect::Evaluator::evaluate(*' ...
static int loop(int passes, bool cold)
{
    const Data &d = data();
    const Evaluator evaluator(catalog(QStringLiteral("cis-1.12")));
    qint64 items = 0;
    for (int pass = 0; pass < passes; ++pass) {
        if (cold)
            Evaluator::clearCaches();
        for (int i = 0; i < d.snapshots.size(); ++i)
            items +=
                evaluator
                    .evaluate(d.snapshots[i], NodeContext{d.names[i], d.snapshots[i].hostname, {}})
                    .results.size();
    }
    std::printf("%lld node x control evaluations\n", static_cast<long long>(items));
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--dump") == 0)
        return dump(argv[2]);
    if (argc >= 3 && qstrcmp(argv[1], "--loop") == 0)
        return loop(std::atoi(argv[2]), argc == 4 && qstrcmp(argv[3], "--cold") == 0);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
