#include "CliCommon.h"
#include "CmdHistory.h"
#include "Connection.h"

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "inventory/Inventory.h"
#include "report/ReportFormats.h"
#include "scan/ScanEngine.h"
#include "snapshot/SnapshotParser.h"
#include "ssh/SshCommandRunner.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <future>

#include <unistd.h>

namespace kinspect::cli {

namespace {

int cmdScan(const QStringList &args)
{
    Options o;
    ConnectionOptions c;
    HistoryOptions h;
    QCommandLineParser p;
    if (!parse(p, QStringLiteral("scan"), args,
               c.all() +
                   QList<QCommandLineOption>{o.benchmark, o.format, o.output, o.verbose, o.color} +
                   h.all()))
        return Usage;
    if (!checkFormat(p.value(o.format), reportFormats()))
        return Usage;
    auto conn = openConnection(p, c, QStringLiteral("scan"));
    if (!conn)
        return Usage;
    const Inventory *inv = &conn->inventory;

    QString benchmarkId = p.value(o.benchmark);
    if (benchmarkId.isEmpty())
        benchmarkId = inv->benchmark;
    // No benchmark named: scan under the newest, then pick by the Kubernetes version the nodes
    // report and re-evaluate the snapshots offline if that is another one.
    const bool autoSelect = benchmarkId.isEmpty();
    if (autoSelect)
        benchmarkId = CatalogLoader::builtinIds().value(CatalogLoader::builtinIds().size() - 1);
    // A built-in catalog is parsed on another thread while the first handshakes run (it is only
    // needed once a snapshot arrives); a catalog directory is checked before connecting anywhere.
    std::shared_future<Expected<Benchmark>> pending;
    if (CatalogLoader::builtinIds().contains(benchmarkId)) {
        pending = std::async(std::launch::async, [benchmarkId] {
                      return CatalogLoader::load(benchmarkId);
                  }).share();
    } else {
        std::promise<Expected<Benchmark>> loaded;
        loaded.set_value(CatalogLoader::load(benchmarkId));
        pending = loaded.get_future().share();
        if (!pending.get())
            return usageError(pending.get().error().toString());
    }
    const ScanEngine::RunnerFactory factory = conn->factory;
    const int nJobs = conn->jobs;

    ScanOptions so;
    so.jobs = nJobs;
    ScanEngine engine(*inv, ScanEngine::BenchmarkSource([pending]() -> const Benchmark * {
        const Expected<Benchmark> &b = pending.get();
        return b ? &*b : nullptr;
    }),
                      factory, so);
    const bool progress = isatty(STDERR_FILENO);
    int done = 0;
    const int total = int(inv->nodes.size());
    QObject::connect(
        &engine, &ScanEngine::nodeFinished, &engine,
        [&](int, const NodeResult &r) {
            ++done;
            if (!progress)
                return;
            const QString state = r.audited ? QStringLiteral("%1 FAIL, %2 PASS")
                                                  .arg(r.count(Status::Fail))
                                                  .arg(r.count(Status::Pass))
                                            : QStringLiteral("not audited (%1)").arg(r.errorKind);
            err() << "[" << done << "/" << total << "] " << sanitizeForTerminal(r.name) << ": "
                  << state << "\n";
            err().flush();
        },
        Qt::QueuedConnection);
    QEventLoop loop;
    QObject::connect(&engine, &ScanEngine::finished, &loop, &QEventLoop::quit,
                     Qt::QueuedConnection);
    engine.start();
    if (engine.isRunning())
        loop.exec();
    engine.waitForFinished();
    QCoreApplication::processEvents(); // deliver the last progress lines
    ClusterResult result = engine.result();
    engine.disconnectAll();
    auto bench = pending.get();
    if (!bench)
        return usageError(bench.error().toString());
    if (autoSelect) {
        QString version;
        for (const NodeResult &n : result.nodes)
            if (version.isEmpty() && !n.kubernetesVersion.isEmpty())
                version = n.kubernetesVersion;
        const QList<Benchmark> all = CatalogLoader::builtinHeaders();
        const QString chosen = selectBenchmarkId(all, version);
        err() << "kinspect-cli: benchmark " << chosen
              << (version.isEmpty() ? QStringLiteral(" (no Kubernetes version found)")
                                    : QStringLiteral(" selected for Kubernetes ") + version)
              << "\n";
        err().flush();
        if (chosen != bench->id) {
            bench = CatalogLoader::load(chosen);
            if (!bench)
                return usageError(bench.error().toString());
            result.benchmarkId = bench->id;
            const Evaluator evaluator(*bench);
            const QList<NodeScanOutput> outputs = engine.outputs();
            for (int i = 0; i < outputs.size(); ++i) {
                if (!outputs[i].result.audited)
                    continue;
                auto snap = parseSnapshot(outputs[i].snapshot, outputs[i].result.name);
                if (!snap)
                    continue; // parsed once already during the scan
                const NodeSpec &node = inv->nodes[i];
                result.nodes[i] =
                    evaluator.evaluate(*snap, NodeContext{node.name, node.host, node.roles});
            }
        }
    }

    // Waivers, then the history (one transaction: an interrupted CLI leaves no partial scan),
    // then the report.
    QList<QByteArray> snapshots;
    for (const NodeScanOutput &output : engine.outputs())
        snapshots << output.snapshot;
    return finishReport(p, o, h, *bench, result, snapshots, p.value(c.inventory),
                        !p.isSet(h.noHistory));
}
const CommandRegistration regScan{
    "scan",
    "scan --inventory FILE [--benchmark ID] [--jobs N] [--timeout S] [--format FORMAT]\n"
    "     [--output FILE] [--known-hosts FILE] [--host-key-policy strict|accept-new]\n"
    "     [--secrets-file FILE] [--waivers FILE] [--no-history] [--history-db FILE]\n"
    "     [--compare-previous]                   audit every node of an inventory over SSH",
    cmdScan, 40};

} // namespace

} // namespace kinspect::cli
