#include "CliCommon.h"
#include "SecretSource.h"

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

#include <unistd.h>

namespace kinspect::cli {

namespace {

int cmdScan(const QStringList &args)
{
    Options o;
    QCommandLineOption inventory{{QStringLiteral("i"), QStringLiteral("inventory")},
                                 QStringLiteral("Inventory file."),
                                 QStringLiteral("FILE")};
    QCommandLineOption jobs{{QStringLiteral("j"), QStringLiteral("jobs")},
                            QStringLiteral("Nodes scanned at once (default 16)."),
                            QStringLiteral("N"),
                            QStringLiteral("16")};
    QCommandLineOption timeout{{QStringLiteral("t"), QStringLiteral("timeout")},
                               QStringLiteral("Seconds to connect and authenticate (default 15)."),
                               QStringLiteral("S"),
                               QStringLiteral("15")};
    QCommandLineOption commandTimeout{
        QStringLiteral("command-timeout"),
        QStringLiteral("Seconds the collector may run (default 120)."), QStringLiteral("S"),
        QStringLiteral("120")};
    QCommandLineOption knownHosts{QStringLiteral("known-hosts"),
                                  QStringLiteral("known_hosts file (default ~/.ssh/known_hosts)."),
                                  QStringLiteral("FILE")};
    QCommandLineOption policy{QStringLiteral("host-key-policy"),
                              QStringLiteral("strict (default) or accept-new."),
                              QStringLiteral("POLICY"), QStringLiteral("strict")};
    QCommandLineOption sshConfig{QStringLiteral("ssh-config"),
                                 QStringLiteral("OpenSSH client config to read ('none' for none)."),
                                 QStringLiteral("FILE")};
    QCommandLineOption secrets{
        QStringLiteral("secrets-file"),
        QStringLiteral("File of KIND[@NODE]=SECRET lines (sudo-password, password, passphrase)."),
        QStringLiteral("FILE")};
    QCommandLineParser p;
    if (!parse(p, QStringLiteral("scan"), args,
               {inventory, o.benchmark, jobs, timeout, commandTimeout, o.format, o.output,
                knownHosts, policy, sshConfig, secrets, o.verbose, o.color}))
        return Usage;
    const QString format = p.value(o.format);
    if (!checkFormat(format, reportFormats()))
        return Usage;
    if (!p.isSet(inventory))
        return usageError(QStringLiteral("scan needs --inventory FILE"));
    bool okJobs = false, okTimeout = false, okCmd = false;
    const int nJobs = p.value(jobs).toInt(&okJobs);
    const int nTimeout = p.value(timeout).toInt(&okTimeout);
    const int nCmd = p.value(commandTimeout).toInt(&okCmd);
    if (!okJobs || nJobs < 1 || nJobs > 256)
        return usageError(QStringLiteral("--jobs must be a number from 1 to 256"));
    if (!okTimeout || nTimeout < 1 || !okCmd || nCmd < 1)
        return usageError(
            QStringLiteral("--timeout and --command-timeout take a number of seconds"));
    const QString pol = p.value(policy);
    if (pol != QLatin1String("strict") && pol != QLatin1String("accept-new"))
        return usageError(QStringLiteral("--host-key-policy is strict or accept-new"));

    auto inv = loadInventory(p.value(inventory));
    if (!inv)
        return usageError(inv.error().toString());

    QString benchmarkId = p.value(o.benchmark);
    if (benchmarkId.isEmpty())
        benchmarkId = inv->benchmark;
    // No benchmark named: scan under the newest, then pick by the Kubernetes version the nodes
    // report and re-evaluate the snapshots offline if that is another one.
    const bool autoSelect = benchmarkId.isEmpty();
    if (autoSelect)
        benchmarkId = CatalogLoader::builtinIds().value(CatalogLoader::builtinIds().size() - 1);
    auto bench = CatalogLoader::load(benchmarkId);
    if (!bench)
        return usageError(bench.error().toString());

    auto secretSource = std::make_shared<SecretSource>(p.value(secrets));
    QString secretError;
    if (!secretSource->load(&secretError))
        return usageError(secretError);

    SshOptions ssh;
    ssh.knownHostsFile = p.value(knownHosts);
    ssh.hostKeyPolicy = pol == QLatin1String("accept-new") ? SshOptions::HostKeyPolicy::AcceptNew
                                                           : SshOptions::HostKeyPolicy::Strict;
    ssh.sshConfigFile = p.value(sshConfig);
    ssh.connectTimeoutSec = nTimeout;
    ssh.commandTimeoutSec = nCmd;
    const Inventory inventoryCopy = *inv;
    ScanEngine::RunnerFactory factory = [ssh, secretSource, inventoryCopy](const NodeSpec &node) {
        SshOptions opts = ssh;
        opts.secretPrompt = [secretSource, name = node.name](const QString &prompt,
                                                             QByteArray *secret) {
            return secretSource->answer(name, prompt, secret);
        };
        return std::unique_ptr<ICommandRunner>(new SshCommandRunner(node, inventoryCopy, opts));
    };

    ScanOptions so;
    so.jobs = nJobs;
    ScanEngine engine(*inv, *bench, factory, so);
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
    if (autoSelect) {
        QString version;
        for (const NodeResult &n : result.nodes)
            if (version.isEmpty() && !n.kubernetesVersion.isEmpty())
                version = n.kubernetesVersion;
        QList<Benchmark> all;
        for (const QString &id : CatalogLoader::builtinIds())
            if (auto b = CatalogLoader::load(id))
                all << *b;
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

    return writeClusterReport(p, o, *bench, result);
}
const CommandRegistration regScan{
    "scan",
    "scan --inventory FILE [--benchmark ID] [--jobs N] [--timeout S] [--format FORMAT]\n"
    "     [--output FILE] [--known-hosts FILE] [--host-key-policy strict|accept-new]\n"
    "     [--secrets-file FILE]                  audit every node of an inventory over SSH",
    cmdScan, 40};

} // namespace

} // namespace kinspect::cli
