#include "CliCommon.h"

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "report/ReportFormats.h"
#include "snapshot/SnapshotParser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kinspect::cli {

namespace {

struct LoadedSnapshot
{
    QString name;
    NodeSnapshot snapshot;
};

// Reads one snapshot file or every *.snap file of a directory.
Expected<QList<LoadedSnapshot>> loadSnapshots(const QString &path)
{
    QStringList files;
    const QFileInfo fi(path);
    if (fi.isDir()) {
        const QDir dir(path);
        for (const QString &f : dir.entryList({QStringLiteral("*.snap")}, QDir::Files, QDir::Name))
            files << dir.filePath(f);
        if (files.isEmpty())
            return Error{QStringLiteral("no *.snap files in the directory"), path, 0};
    } else if (fi.exists()) {
        files << path;
    } else {
        return Error{QStringLiteral("no such file or directory"), path, 0};
    }
    QList<LoadedSnapshot> out;
    for (const QString &f : files) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly))
            return Error{file.errorString(), f, 0};
        auto snap = parseSnapshot(file.readAll(), f);
        if (!snap)
            return snap.error();
        QString name = QFileInfo(f).completeBaseName();
        out << LoadedSnapshot{name, std::move(*snap)};
    }
    return out;
}

int cmdEvaluate(const QStringList &args)
{
    Options o;
    QCommandLineParser p;
    if (!parse(p, QStringLiteral("evaluate"), args,
               {o.snapshot, o.benchmark, o.format, o.output, o.cluster, o.verbose, o.color}))
        return Usage;
    const QString format = p.value(o.format);
    if (!checkFormat(format, reportFormats()))
        return Usage;
    if (!p.isSet(o.snapshot))
        return usageError(QStringLiteral("evaluate needs --snapshot FILE|DIR"));
    auto snaps = loadSnapshots(p.value(o.snapshot));
    if (!snaps)
        return usageError(snaps.error().toString());

    QString benchmarkId = p.value(o.benchmark);
    if (benchmarkId.isEmpty()) {
        QList<Benchmark> all;
        for (const QString &id : CatalogLoader::builtinIds())
            if (auto b = CatalogLoader::load(id))
                all << *b;
        QString version;
        for (const auto &s : *snaps)
            if (version.isEmpty())
                version = Evaluator::kubernetesVersion(s.snapshot);
        benchmarkId = selectBenchmarkId(all, version);
        err() << "kinspect-cli: no --benchmark given; using " << benchmarkId
              << (version.isEmpty() ? QStringLiteral(" (Kubernetes version unknown)")
                                    : QStringLiteral(" for Kubernetes ") + version)
              << "\n";
    }
    auto bench = CatalogLoader::load(benchmarkId);
    if (!bench)
        return usageError(bench.error().toString());

    ClusterResult result;
    result.cluster = p.value(o.cluster);
    result.benchmarkId = bench->id;
    result.startedAt = QDateTime::currentDateTimeUtc();
    const Evaluator evaluator(*bench);
    for (const auto &s : *snaps) {
        NodeContext ctx{s.name, s.snapshot.hostname, {}};
        result.nodes << evaluator.evaluate(s.snapshot, ctx);
    }
    result.finishedAt = QDateTime::currentDateTimeUtc();

    return writeClusterReport(p, o, *bench, result);
}

const CommandRegistration regEvaluate{
    "evaluate",
    "evaluate --snapshot FILE|DIR [--benchmark ID] [--format FORMAT] [--output FILE]\n"
    "                                             evaluate saved node snapshots offline",
    cmdEvaluate, 50};

} // namespace

} // namespace kinspect::cli
