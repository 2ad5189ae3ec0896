// Re-scan over kept sessions: one ScanEngine scans a lab once (connect, authenticate, sudo,
// collect, evaluate), then start() again N times; the engine keeps each node's SSH runner, so a
// re-scan opens only new channels on the open sessions (what the GUI's "Scan again" does).
// Prints one line per scan: "cold MS", then "rescan MS nodes-audited max-node-MS". Driven by
// tests/bench/rescan-vs-ssh.py, which brings up the lab and measures the OpenSSH floor.
//   kinspect-rescan-bench --lab DIR [--runs N] [--benchmark ID] [--step] [--per-node]
// --per-node: each node's time of every scan on stderr ("name=ms ...").
// --step: before each re-scan, wait for a line on stdin (the driver interleaves its floor runs).

#include "catalog/CatalogLoader.h"
#include "inventory/Inventory.h"
#include "scan/ScanEngine.h"
#include "ssh/SshCommandRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>

using namespace kinspect;

static QString labSecret(const QString &labDir, const QString &key)
{
    QFile f(labDir + QStringLiteral("/secrets"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key.toUtf8() + '='))
            return QString::fromUtf8(line.mid(key.size() + 1)).trimmed();
    return {};
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString lab, benchmarkId = QStringLiteral("cis-1.12");
    int runs = 15;
    QStringList args = app.arguments();
    const bool step = args.removeAll(QStringLiteral("--step")) > 0;
    const bool perNode = args.removeAll(QStringLiteral("--per-node")) > 0;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--lab"))
            lab = args[i + 1];
        else if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--benchmark"))
            benchmarkId = args[i + 1];
    }
    if (lab.isEmpty()) {
        std::fprintf(stderr,
                     "usage: kinspect-rescan-bench --lab DIR [--runs N] [--benchmark ID]\n");
        return 2;
    }
    auto inv = loadInventory(lab + QStringLiteral("/inventory.yaml"));
    if (!inv) {
        std::fprintf(stderr, "%s\n", qPrintable(inv.error().toString()));
        return 2;
    }
    auto benchmark = CatalogLoader::load(benchmarkId);
    if (!benchmark) {
        std::fprintf(stderr, "%s\n", qPrintable(benchmark.error().toString()));
        return 2;
    }
    SshOptions o;
    o.knownHostsFile = lab + QStringLiteral("/known_hosts");
    o.sshConfigFile = QStringLiteral("none");
    o.useAgent = false;
    o.connectTimeoutSec = 15;
    o.commandTimeoutSec = 120;
    const QString pw = labSecret(lab, QStringLiteral("KADMIN_SUDO_PASSWORD"));
    o.secretPrompt = [pw](const QString &prompt, QByteArray *secret) {
        if (!prompt.startsWith(QLatin1String("sudo password")))
            return false;
        *secret = pw.toUtf8();
        return true;
    };
    const Inventory inventory = *inv;
    ScanEngine engine(
        inventory, *benchmark,
        [o, inventory](const NodeSpec &node) {
            return std::unique_ptr<ICommandRunner>(new SshCommandRunner(node, inventory, o));
        },
        ScanOptions{int(inventory.nodes.size())}); // every node at once, as the floor does

    int rc = 0;
    for (int run = 0; run <= runs; ++run) {
        char line[64];
        if (step && run > 0 && !std::fgets(line, sizeof line, stdin))
            break;
        QElapsedTimer t;
        t.start();
        if (!engine.start()) {
            std::fprintf(stderr, "start() refused\n");
            return 1;
        }
        engine.waitForFinished(-1);
        const qint64 ms = t.elapsed();
        int audited = 0;
        qint64 slowest = 0;
        for (const NodeScanOutput &n : engine.outputs()) {
            audited += n.result.audited;
            slowest = std::max(slowest, n.elapsedMs);
            if (!n.result.audited && run == 0)
                std::fprintf(stderr, "%s: %s %s\n", qPrintable(n.result.name),
                             qPrintable(n.result.errorKind), qPrintable(n.result.errorMessage));
        }
        if (audited != inventory.nodes.size())
            rc = 1;
        if (perNode) {
            QStringList each;
            for (const NodeScanOutput &n : engine.outputs())
                each << n.result.name + QLatin1Char('=') + QString::number(n.elapsedMs);
            std::fprintf(stderr, "%s\n", qPrintable(each.join(QLatin1Char(' '))));
        }
        std::printf("%s %lld %d %lld\n", run == 0 ? "cold" : "rescan", ms, audited, slowest);
        std::fflush(stdout);
    }
    engine.disconnectAll();
    return rc;
}
