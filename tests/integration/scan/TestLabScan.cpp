// The product against the lab: real OpenSSH servers in namespaces, real sudo, the real collector.
// Brings a private lab up in initTestCase and down in cleanupTestCase (needs root).

#include "LabTools.h"
#include "catalog/CatalogLoader.h"
#include "inventory/Inventory.h"
#include "scan/ScanEngine.h"
#include "ssh/SshCommandRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using namespace kinspect;

namespace {

const QString kLabDir = QStringLiteral("/tmp/kinspect-it-scan");
const int kBasePort = 24101;

const ControlResult *find(const NodeResult &n, const QString &id)
{
    for (const auto &r : n.results)
        if (r.controlId == id)
            return &r;
    return nullptr;
}

} // namespace

class TestLabScan : public QObject
{
    Q_OBJECT

private:
    bool m_up = false;
    bool m_netns = false;
    Benchmark m_b12;
    Benchmark m_b151;
    QString m_sudoPassword;

    SshOptions options(int connectTimeout = 10) const
    {
        SshOptions o;
        o.knownHostsFile = kLabDir + QStringLiteral("/known_hosts");
        o.sshConfigFile = QStringLiteral("none");
        o.useAgent = false;
        o.connectTimeoutSec = connectTimeout;
        o.commandTimeoutSec = 60;
        const QString pw = m_sudoPassword;
        o.secretPrompt = [pw](const QString &prompt, QByteArray *secret) {
            if (!prompt.startsWith(QLatin1String("sudo password")))
                return false;
            *secret = pw.toUtf8();
            return true;
        };
        return o;
    }

    ScanEngine::RunnerFactory factory(const Inventory &inv, int connectTimeout = 10) const
    {
        const SshOptions o = options(connectTimeout);
        return [o, inv](const NodeSpec &node) {
            return std::unique_ptr<ICommandRunner>(new SshCommandRunner(node, inv, o));
        };
    }

    Inventory inventory(const QString &file)
    {
        auto inv = loadInventory(kLabDir + QLatin1Char('/') + file);
        if (!inv)
            qFatal("%s", qPrintable(inv.error().toString()));
        return *inv;
    }

    ClusterResult scan(const Inventory &inv, const Benchmark &b, int connectTimeout = 10)
    {
        ScanEngine engine(inv, b, factory(inv, connectTimeout));
        engine.start();
        engine.waitForFinished(120000);
        return engine.result();
    }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the lab needs root");
        QString out;
        // With network namespaces for the jump host where the machine allows them.
        m_up = testlab::runLab({QStringLiteral("up"), QStringLiteral("--dir"), kLabDir,
                                QStringLiteral("--base-port"), QString::number(kBasePort),
                                QStringLiteral("--with-netns")},
                               &out);
        QVERIFY2(m_up, qPrintable(out));
        m_netns = QFile::exists(kLabDir + QStringLiteral("/inventory-faults.yaml")) &&
                  out.contains(QLatin1String("w-jump"));
        m_sudoPassword = testlab::labSecret(kLabDir, QStringLiteral("KADMIN_SUDO_PASSWORD"));
        QVERIFY(!m_sudoPassword.isEmpty());
        auto b = CatalogLoader::load(QStringLiteral("cis-1.12"));
        QVERIFY(b.ok());
        m_b12 = *b;
        auto c = CatalogLoader::load(QStringLiteral("cis-1.5.1"));
        QVERIFY(c.ok());
        m_b151 = *c;
    }

    void cleanupTestCase()
    {
        if (!m_up)
            return;
        QString out;
        QVERIFY2(testlab::runLab({QStringLiteral("down"), QStringLiteral("--dir"), kLabDir}, &out),
                 qPrintable(out));
    }

    // Every lab node audited, with the verdicts its profile was built to give.
    void fullScanVerdictsPerNode()
    {
        const Inventory inv = inventory(QStringLiteral("inventory.yaml"));
        QVERIFY(inv.nodes.size() >= 6);
        const ClusterResult r = scan(inv, m_b12);
        QCOMPARE(r.nodes.size(), inv.nodes.size());
        QHash<QString, NodeResult> byName;
        for (const NodeResult &n : r.nodes) {
            QVERIFY2(n.audited, qPrintable(n.name + QStringLiteral(": ") + n.errorMessage));
            QCOMPARE(n.distribution, QStringLiteral("kubeadm"));
            QCOMPARE(n.results.size(), m_b12.controls.size());
            byName.insert(n.name, n);
        }
        struct Expect
        {
            const char *node, *control, *status;
        };
        const Expect expects[] = {
            // compliant control plane (root login), the same reached through password sudo
            {"cp-1", "1.1.1", "PASS"},
            {"cp-1", "1.2.4", "PASS"},
            {"cp-1", "1.2.15", "PASS"},
            {"cp-1", "2.1", "PASS"},
            {"cp-1", "4.2.10", "PASS"},
            {"cp-1", "1.1.12", "PASS"},
            {"cp-sudo", "1.1.1", "PASS"},
            {"cp-sudo", "1.2.4", "PASS"},
            {"cp-sudo", "1.1.12", "PASS"},
            // control plane with typical findings
            {"cp-2", "1.1.1", "FAIL"},
            {"cp-2", "1.2.4", "FAIL"},
            {"cp-2", "1.2.15", "FAIL"},
            {"cp-2", "1.2.2", "FAIL"},
            {"cp-2", "1.2.10", "FAIL"},
            {"cp-2", "1.1.11", "FAIL"},
            // workers
            {"w-good", "4.2.10", "PASS"},
            {"w-good", "4.1.5", "PASS"},
            {"w-good", "1.2.4", "NOT_APPLICABLE"},
            {"w-kops", "4.2.10", "PASS"},
            {"w-kops", "4.2.1", "PASS"},
            {"w-bad", "4.2.10", "FAIL"},
            {"w-bad", "4.1.5", "FAIL"},
            {"w-bad", "4.2.4", "MANUAL"},
            {"w-dropin", "4.2.10", "FAIL"},
        };
        for (const Expect &e : expects) {
            const QString node = QLatin1String(e.node);
            QVERIFY2(byName.contains(node), e.node);
            const ControlResult *cr = find(byName[node], QLatin1String(e.control));
            QVERIFY2(cr, e.control);
            QVERIFY2(statusName(cr->status) == QLatin1String(e.status),
                     qPrintable(QStringLiteral("%1 %2: %3 (%4)")
                                    .arg(node, QLatin1String(e.control), statusName(cr->status),
                                         cr->reason)));
        }
        // 4.2.4 is a manual control in CIS 1.12; the data still tells the reviewer it fails.
        QCOMPARE(find(byName[QStringLiteral("w-bad")], QStringLiteral("4.2.4"))->manualHint,
                 std::optional(Status::Fail));
        // Where a finding comes from, on the node, so a fix edits the right file.
        QCOMPARE(find(byName[QStringLiteral("w-bad")], QStringLiteral("4.2.4"))->remediationFile,
                 QStringLiteral("/etc/default/kubelet"));
        QCOMPARE(find(byName[QStringLiteral("w-bad")], QStringLiteral("4.2.10"))->remediationFile,
                 QStringLiteral("/var/lib/kubelet/config.yaml"));
        const QString dropinFile =
            find(byName[QStringLiteral("w-dropin")], QStringLiteral("4.2.10"))->remediationFile;
        QVERIFY2(dropinFile.contains(QLatin1String("kubelet.service.d/")), qPrintable(dropinFile));
    }

    // The same snapshots under the older benchmark: the seed control 1.2.5 of CIS 1.5.1.
    void olderBenchmark()
    {
        const Inventory inv = inventory(QStringLiteral("inventory.yaml"));
        const ClusterResult r = scan(inv, m_b151);
        for (const NodeResult &n : r.nodes) {
            QVERIFY(n.audited);
            if (n.name == QLatin1String("cp-1"))
                QCOMPARE(find(n, QStringLiteral("1.2.5"))->status, Status::Pass);
            if (n.name == QLatin1String("cp-2"))
                QCOMPARE(find(n, QStringLiteral("1.2.5"))->status, Status::Fail);
            if (n.name == QLatin1String("w-bad")) {
                QCOMPARE(find(n, QStringLiteral("4.2.11"))->status, Status::Fail);
                QCOMPARE(find(n, QStringLiteral("4.2.4"))->status, Status::Fail); // automated here
            }
        }
    }

    // An unreachable node and one whose sshd accepts TCP and never answers are per-node errors;
    // every other node completes, and the whole scan ends within the timeout.
    void faultsArePerNode()
    {
        Inventory inv = inventory(QStringLiteral("inventory-faults.yaml"));
        if (!m_netns)
            inv.nodes.erase(std::remove_if(inv.nodes.begin(), inv.nodes.end(),
                                           [](const NodeSpec &n) { return !n.jump.isEmpty(); }),
                            inv.nodes.end());
        QElapsedTimer t;
        t.start();
        const int timeout = 3;
        const ClusterResult r = scan(inv, m_b12, timeout);
        const qint64 elapsed = t.elapsed();
        int audited = 0;
        for (const NodeResult &n : r.nodes) {
            if (n.name == QLatin1String("unreachable")) {
                QVERIFY(!n.audited);
                QCOMPARE(n.errorKind, QStringLiteral("unreachable"));
            } else if (n.name == QLatin1String("blackhole")) {
                QVERIFY(!n.audited);
                QCOMPARE(n.errorKind, QStringLiteral("timeout"));
            } else {
                QVERIFY2(n.audited, qPrintable(n.name + QStringLiteral(": ") + n.errorMessage));
                ++audited;
            }
        }
        QVERIFY(audited >= 7);
        // Bounded by the connect timeout (plus slack for this 2-core machine), not by the
        // blackhole.
        QVERIFY2(elapsed < (timeout + 7) * 1000, qPrintable(QString::number(elapsed)));
        QCOMPARE(exitCodeFor(r), 2);
    }

    void jumpHost()
    {
        if (!m_netns)
            QSKIP("network namespaces are not available here");
        Inventory inv = inventory(QStringLiteral("inventory-faults.yaml"));
        const NodeSpec *jumped = inv.node(QStringLiteral("w-jump"));
        QVERIFY(jumped);
        Inventory one = inv;
        one.nodes = {*jumped};
        const ClusterResult r = scan(one, m_b12);
        QVERIFY2(r.nodes[0].audited, qPrintable(r.nodes[0].errorMessage));
        QCOMPARE(find(r.nodes[0], QStringLiteral("4.2.10"))->status, Status::Pass);
    }

    // Cancel while a node hangs: the scan returns promptly and marks it cancelled.
    void cancelMidScan()
    {
        Inventory inv = inventory(QStringLiteral("inventory-faults.yaml"));
        Inventory hang = inv;
        hang.nodes = {*inv.node(QStringLiteral("blackhole")), *inv.node(QStringLiteral("cp-1"))};
        ScanEngine engine(hang, m_b12, factory(hang, 60));
        QSignalSpy finished(&engine, &ScanEngine::finished);
        engine.start();
        // cp-1 finishes while the blackhole node hangs (its timeouts are 60 s). Waiting for it,
        // not for a fixed time, keeps the test right on a loaded machine.
        QTRY_VERIFY_WITH_TIMEOUT(engine.outputs().value(1).result.audited, 30000);
        QVERIFY(engine.isRunning());
        QElapsedTimer t;
        t.start();
        engine.cancel();
        QVERIFY(engine.waitForFinished(10000));
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
        const ClusterResult r = engine.result();
        QCOMPARE(r.nodes[0].errorKind, QStringLiteral("cancelled"));
        QVERIFY(r.nodes[1].audited); // finished before the cancel
    }

    // Inventory values are data: a hostile node name, user or key path never becomes a command.
    void hostileInventoryValuesNeverRun()
    {
        const QString marker = QStringLiteral("/tmp/kinspect-pwned-%1").arg(getpid());
        QFile::remove(marker);
        Inventory inv = inventory(QStringLiteral("inventory.yaml"));
        NodeSpec n = *inv.node(QStringLiteral("cp-1"));
        n.name =
            QStringLiteral("cp-1'; touch %1; echo '$(touch %1)`touch %1`\n;touch %1").arg(marker);
        n.identityFile = kLabDir + QStringLiteral("/id_ed25519");
        Inventory one = inv;
        one.nodes = {n};
        const ClusterResult r = scan(one, m_b12);
        QVERIFY2(r.nodes[0].audited, qPrintable(r.nodes[0].errorMessage));
        QVERIFY(!QFile::exists(marker));
        // Nor on the node (its /tmp is the host's /tmp in the lab: the same check covers both).
        NodeSpec bad = n;
        bad.user = QStringLiteral("root$(touch %1)").arg(marker);
        one.nodes = {bad};
        const ClusterResult r2 = scan(one, m_b12);
        QVERIFY(!r2.nodes[0].audited);
        QCOMPARE(r2.nodes[0].errorKind, QStringLiteral("auth"));
        QVERIFY(!QFile::exists(marker));
    }

    // One collector exec per node per scan, and a re-scan over the kept sessions works.
    void rescanReusesSessions()
    {
        Inventory inv = inventory(QStringLiteral("inventory.yaml"));
        inv.nodes = {*inv.node(QStringLiteral("w-good"))};
        ScanEngine engine(inv, m_b12, factory(inv));
        engine.start();
        QVERIFY(engine.waitForFinished(60000));
        QVERIFY(engine.result().nodes[0].audited);
        QCOMPARE(engine.keepAlive(), 1);
        engine.start();
        QVERIFY(engine.waitForFinished(60000));
        QVERIFY(engine.result().nodes[0].audited);
        QVERIFY(!engine.outputs()[0].snapshot.isEmpty());
        engine.disconnectAll();
        QCOMPARE(engine.keepAlive(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLabScan)
#include "TestLabScan.moc"
