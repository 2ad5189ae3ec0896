#include "CliCommon.h"
#include "CmdHistory.h"

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "inventory/importers/KubectlLogs.h"
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
    QByteArray raw; // the file as read (for the history)
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
        const QByteArray data = file.readAll();
        auto snap = parseSnapshot(data, f);
        if (!snap)
            return snap.error();
        QString name = QFileInfo(f).completeBaseName();
        out << LoadedSnapshot{name, std::move(*snap), data};
    }
    return out;
}

// Splits the pod logs of `kinspect-cli k8s-manifest` back into one snapshot per node.
Expected<QList<LoadedSnapshot>> kubectlLogSnapshots(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{file.errorString(), path, 0};
    auto parts = splitKubectlLogs(file.readAll(), path);
    if (!parts)
        return parts.error();
    QList<LoadedSnapshot> out;
    for (const LoggedSnapshot &l : *parts) {
        auto snap = parseSnapshot(
            l.data, QStringLiteral("%1 (node %2, line %3)").arg(path, l.node).arg(l.line));
        if (!snap)
            return snap.error();
        out << LoadedSnapshot{l.node, std::move(*snap), l.data};
    }
    return out;
}

// Re-evaluates a stored scan's snapshots (another benchmark, or the same after a catalog fix).
Expected<QList<LoadedSnapshot>> storedSnapshots(const QString &dbPath, qint64 id,
                                                ClusterResult *stored, QString *inventory)
{
    ScanHistory history;
    if (auto e = history.open(dbPath))
        return *e;
    auto scan = history.loadScan(id);
    if (!scan)
        return scan.error();
    *stored = scan->result;
    *inventory = scan->info.inventory;
    QList<LoadedSnapshot> out;
    for (int i = 0; i < scan->result.nodes.size(); ++i) {
        const QByteArray raw = scan->snapshots.value(i);
        if (raw.isEmpty())
            continue; // not audited then: kept as stored
        auto snap = parseSnapshot(raw, scan->result.nodes[i].name);
        if (!snap)
            return snap.error();
        out << LoadedSnapshot{scan->result.nodes[i].name, std::move(*snap), raw};
    }
    return out;
}

int cmdEvaluate(const QStringList &args)
{
    Options o;
    HistoryOptions h;
    QCommandLineOption scanId{QStringLiteral("scan"),
                              QStringLiteral("Re-evaluate the snapshots of stored scan ID."),
                              QStringLiteral("ID")};
    QCommandLineOption kubectlLogs{QStringLiteral("from-kubectl-logs"),
                                   QStringLiteral("Pod logs of 'k8s-manifest' collectors."),
                                   QStringLiteral("FILE")};
    QCommandLineParser p;
    if (!parse(p, QStringLiteral("evaluate"), args,
               QList<QCommandLineOption>{o.snapshot, kubectlLogs, scanId, o.benchmark, o.format,
                                         o.output, o.cluster, o.verbose, o.color} +
                   h.all()))
        return Usage;
    const QString format = p.value(o.format);
    if (!checkFormat(format, reportFormats()))
        return Usage;
    if (int(p.isSet(o.snapshot)) + int(p.isSet(scanId)) + int(p.isSet(kubectlLogs)) != 1)
        return usageError(QStringLiteral(
            "evaluate needs one of --snapshot FILE|DIR, --from-kubectl-logs FILE or --scan ID"));
    ClusterResult stored;
    QString inventory;
    Expected<QList<LoadedSnapshot>> snaps = QList<LoadedSnapshot>{};
    if (p.isSet(scanId)) {
        bool ok = false;
        const qint64 id = p.value(scanId).toLongLong(&ok);
        if (!ok || id <= 0)
            return usageError(QStringLiteral("--scan takes a scan id (see 'history list')"));
        snaps = storedSnapshots(historyPath(p, h), id, &stored, &inventory);
    } else if (p.isSet(kubectlLogs)) {
        snaps = kubectlLogSnapshots(p.value(kubectlLogs));
    } else {
        snaps = loadSnapshots(p.value(o.snapshot));
    }
    if (!snaps)
        return usageError(snaps.error().toString());

    QString benchmarkId = p.value(o.benchmark);
    if (benchmarkId.isEmpty() && p.isSet(scanId))
        benchmarkId = stored.benchmarkId;
    if (benchmarkId.isEmpty()) {
        const QList<Benchmark> all = CatalogLoader::builtinHeaders();
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
    result.cluster = p.isSet(o.cluster) ? p.value(o.cluster) : stored.cluster;
    result.benchmarkId = bench->id;
    result.startedAt = QDateTime::currentDateTimeUtc();
    const Evaluator evaluator(*bench);
    QList<QByteArray> raw;
    if (p.isSet(scanId)) {
        // Same nodes, same order as stored; unaudited nodes stay as they were.
        int next = 0;
        result.startedAt = stored.startedAt;
        for (const NodeResult &n : stored.nodes) {
            if (next < snaps->size() && (*snaps)[next].name == n.name) {
                const auto &s = (*snaps)[next++];
                NodeResult r = evaluator.evaluate(s.snapshot, NodeContext{n.name, n.host, n.roles});
                r.collectedAt = n.collectedAt;
                result.nodes << r;
            } else {
                result.nodes << n;
            }
        }
    } else {
        for (const auto &s : *snaps) {
            NodeContext ctx{s.name, s.snapshot.hostname, {}};
            result.nodes << evaluator.evaluate(s.snapshot, ctx);
            raw << s.raw;
        }
    }
    result.finishedAt = QDateTime::currentDateTimeUtc();
    // Offline evaluations are stored only when a history file is named.
    const bool store = p.isSet(h.historyDb) && !p.isSet(h.noHistory) && !p.isSet(scanId);
    return finishReport(p, o, h, *bench, result, raw, inventory, store);
}

const CommandRegistration regEvaluate{
    "evaluate",
    "evaluate --snapshot FILE|DIR | --from-kubectl-logs FILE | --scan ID [--benchmark ID]\n"
    "         [--format FORMAT] [--output FILE] [--waivers FILE] [--history-db FILE]\n"
    "                                             evaluate saved node snapshots offline",
    cmdEvaluate, 50};

} // namespace

} // namespace kinspect::cli
