// The fault matrix against the lab (issue #8): every fault gives a clear per-node error (kind +
// a message naming the node and, where it applies, the file/line or the limit), the other nodes
// of the same scan complete with their normal verdicts, nothing hangs (each scan is timed), and
// no partial write survives on a node. Brings its own lab up and down (needs root).

#include "LabTools.h"
#include "catalog/CatalogLoader.h"
#include "inventory/Inventory.h"
#include "remediate/RemediationLog.h"
#include "remediate/RemediationSession.h"
#include "scan/ScanEngine.h"
#include "snapshot/SnapshotParser.h"
#include "ssh/SshCommandRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <mutex>
#include <unistd.h>

using namespace kinspect;

namespace {

const QString kLabDir = QStringLiteral("/tmp/kinspect-it-faults");
const int kBasePort = 29001;
const QString kNodes = QStringLiteral(
    "cp-1=cp-good,w-good=worker-good,w-bad=worker-bad,cp-sudo=cp-good/kadmin,"
    "f-hostkey=worker-good,f-stop=worker-good,f-files=cp-good,f-links=cp-good,f-dev=worker-good,"
    "f-mid1=worker-good,f-mid2=worker-good,f-mid3=worker-good,f-rem=cp-bad");

const ControlResult *find(const NodeResult &n, const QString &id)
{
    for (const auto &r : n.results)
        if (r.controlId == id)
            return &r;
    return nullptr;
}

QString describe(const NodeResult &n)
{
    return QStringLiteral("%1: audited=%2 kind=%3 message=%4")
        .arg(n.name)
        .arg(n.audited)
        .arg(n.errorKind, n.errorMessage);
}

bool fault(const QString &node, const QString &action, const QString &arg = QString())
{
    QString out;
    QStringList args{QStringLiteral("fault"), QStringLiteral("--dir"), kLabDir, node, action};
    if (!arg.isEmpty())
        args << arg;
    const bool ok = testlab::runLab(args, &out, 60000);
    if (!ok)
        qWarning("lab fault %s %s: %s", qPrintable(node), qPrintable(action), qPrintable(out));
    return ok;
}

QByteArray nodeSh(const QString &node, const QString &cmd)
{
    return testlab::nodeExec(kLabDir, node, cmd);
}

QString nodeText(const QString &node, const QString &cmd)
{
    return QString::fromUtf8(nodeSh(node, cmd)).trimmed();
}

// The processes the lab's supervisor (the node's "kubelet") runs on a node, by name, as its
// ctl/state.json says.
QJsonObject labProcesses(const QString &node)
{
    QFile f(kLabDir + QStringLiteral("/nodes/") + node + QStringLiteral("/ctl/state.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll())
        .object()
        .value(QStringLiteral("processes"))
        .toObject();
}

// A runner that changes what the real transport does or returns: the collector's stream cut
// short (no end marker, exit 0), or a smaller output cap.
class TamperingRunner : public ICommandRunner
{
public:
    enum class Mode
    {
        Truncate,
        SmallCap
    };
    TamperingRunner(std::unique_ptr<ICommandRunner> inner, Mode mode)
        : m_inner(std::move(inner)), m_mode(mode)
    {}
    bool connect(const std::atomic_bool *cancel, RemoteError *error) override
    {
        return m_inner->connect(cancel, error);
    }
    bool run(const RemoteCommand &command, RemoteResult *result, const std::atomic_bool *cancel,
             RemoteError *error) override
    {
        RemoteCommand c = command;
        if (m_mode == Mode::SmallCap)
            c.maxOutputBytes = 8 * 1024;
        if (!m_inner->run(c, result, cancel, error))
            return false;
        if (m_mode == Mode::Truncate) // whole lines, so only the missing END tells
            result->stdoutData.truncate(
                result->stdoutData.lastIndexOf('\n', result->stdoutData.size() / 2) + 1);
        return true;
    }
    void disconnect() override { m_inner->disconnect(); }

private:
    std::unique_ptr<ICommandRunner> m_inner;
    Mode m_mode;
};

} // namespace

class TestLabFaults : public QObject
{
    Q_OBJECT

private:
    bool m_up = false;
    Inventory m_inv;
    Benchmark m_b12;
    Benchmark m_b151;
    QString m_sudoPassword;
    QString m_passphrase;
    QTemporaryDir m_tmp;

    SshOptions options(int connectTimeout, int commandTimeout) const
    {
        SshOptions o;
        o.knownHostsFile = kLabDir + QStringLiteral("/known_hosts");
        o.globalKnownHostsFile = m_tmp.filePath(QStringLiteral("no_global_known_hosts"));
        o.sshConfigFile = QStringLiteral("none");
        o.useAgent = false;
        o.connectTimeoutSec = connectTimeout;
        o.commandTimeoutSec = commandTimeout;
        return o;
    }

    NodeSpec node(const QString &name) const
    {
        const NodeSpec *n = m_inv.node(name);
        if (!n)
            qFatal("no node %s in the lab inventory", qPrintable(name));
        return *n;
    }

    Inventory only(const QStringList &names) const
    {
        Inventory inv = m_inv;
        inv.nodes.clear();
        for (const QString &n : names)
            inv.nodes << node(n);
        return inv;
    }

    ClusterResult scan(const Inventory &inv, const SshOptions &o, int waitMs,
                       qint64 *elapsed = nullptr,
                       std::optional<TamperingRunner::Mode> tamper = std::nullopt,
                       const Benchmark *benchmark = nullptr)
    {
        ScanEngine engine(
            inv, benchmark ? *benchmark : m_b12,
            [o, inv, tamper](const NodeSpec &n) -> std::unique_ptr<ICommandRunner> {
                auto real = std::make_unique<SshCommandRunner>(n, inv, o);
                if (tamper)
                    return std::make_unique<TamperingRunner>(std::move(real), *tamper);
                return real;
            },
            ScanOptions{16});
        QElapsedTimer t;
        t.start();
        engine.start();
        if (!engine.waitForFinished(waitMs))
            qWarning("scan still running after %d ms", waitMs);
        if (elapsed)
            *elapsed = t.elapsed();
        return engine.result();
    }

    static QHash<QString, NodeResult> byName(const ClusterResult &r)
    {
        QHash<QString, NodeResult> out;
        for (const NodeResult &n : r.nodes)
            out.insert(n.name, n);
        return out;
    }

    // The nodes that were not faulted keep their usual verdicts.
    void checkHealthy(const QHash<QString, NodeResult> &nodes)
    {
        struct Expect
        {
            const char *node, *control;
            Status status;
        };
        const Expect expects[] = {
            {"cp-1", "1.2.4", Status::Pass},    {"cp-1", "1.1.1", Status::Pass},
            {"w-good", "4.2.10", Status::Pass}, {"w-good", "4.1.5", Status::Pass},
            {"w-bad", "4.2.10", Status::Fail},  {"w-bad", "4.1.5", Status::Fail},
        };
        for (const Expect &e : expects) {
            const QString name = QLatin1String(e.node);
            if (!nodes.contains(name))
                continue;
            const NodeResult &n = nodes[name];
            QVERIFY2(n.audited, qPrintable(describe(n)));
            QCOMPARE(n.results.size(), m_b12.controls.size());
            const ControlResult *cr = find(n, QLatin1String(e.control));
            QVERIFY2(cr, e.control);
            QVERIFY2(cr->status == e.status,
                     qPrintable(QStringLiteral("%1 %2: %3 (%4)")
                                    .arg(name, QLatin1String(e.control), statusName(cr->status),
                                         cr->reason)));
        }
    }

    // The 1-based line of known_hosts that holds the node's key.
    int knownHostsLine(int port) const
    {
        QFile f(kLabDir + QStringLiteral("/known_hosts"));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        const QByteArray prefix = QStringLiteral("[127.0.0.1]:%1 ").arg(port).toUtf8();
        int line = 0;
        for (const QByteArray &l : f.readAll().split('\n')) {
            ++line;
            if (l.startsWith(prefix))
                return line;
        }
        return 0;
    }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the lab needs root");
        QVERIFY(m_tmp.isValid());
        QElapsedTimer t;
        t.start();
        QString out;
        m_up = testlab::runLab({QStringLiteral("up"), QStringLiteral("--dir"), kLabDir,
                                QStringLiteral("--base-port"), QString::number(kBasePort),
                                QStringLiteral("--nodes"), kNodes},
                               &out);
        QVERIFY2(m_up, qPrintable(out));
        qInfo("lab up in %lld ms", t.elapsed());
        auto inv = loadInventory(kLabDir + QStringLiteral("/inventory-faults.yaml"));
        QVERIFY2(inv.ok(), qPrintable(inv.ok() ? QString() : inv.error().toString()));
        m_inv = *inv;
        m_sudoPassword = testlab::labSecret(kLabDir, QStringLiteral("KADMIN_SUDO_PASSWORD"));
        m_passphrase = testlab::labSecret(kLabDir, QStringLiteral("KEY_PASSPHRASE"));
        QVERIFY(!m_sudoPassword.isEmpty());
        QVERIFY(!m_passphrase.isEmpty());
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

    // Faults before the first byte of SSH: nothing listens, a silent TCP peer, a frozen sshd,
    // a changed host key, a wrong sudo password. One scan; each is its own node's error.
    void connectionFaults()
    {
        QVERIFY(fault(QStringLiteral("f-hostkey"), QStringLiteral("rotate-hostkey")));
        QVERIFY(fault(QStringLiteral("f-stop"), QStringLiteral("stop-sshd")));
        const Inventory inv = only({QStringLiteral("cp-1"), QStringLiteral("w-good"),
                                    QStringLiteral("w-bad"), QStringLiteral("cp-sudo"),
                                    QStringLiteral("unreachable"), QStringLiteral("blackhole"),
                                    QStringLiteral("f-hostkey"), QStringLiteral("f-stop")});
        SshOptions o = options(3, 60);
        o.secretPrompt = [](const QString &prompt, QByteArray *secret) {
            if (!prompt.startsWith(QLatin1String("sudo password")))
                return false;
            *secret = QByteArrayLiteral("not-the-password");
            return true;
        };
        qint64 ms = 0;
        const auto nodes = byName(scan(inv, o, 60000, &ms));
        fault(QStringLiteral("f-stop"), QStringLiteral("cont-sshd"));
        fault(QStringLiteral("f-hostkey"), QStringLiteral("restore-hostkey"));
        qInfo("connection faults: scan took %lld ms", ms);
        QVERIFY2(ms < 12000, qPrintable(QString::number(ms)));
        QCOMPARE(nodes.size(), inv.nodes.size());

        struct Expect
        {
            const char *node, *kind, *text;
        };
        const Expect expects[] = {
            {"unreachable", "unreachable", "unreachable"},
            {"blackhole", "timeout", "no SSH handshake"},
            {"f-stop", "timeout", "no SSH handshake"},
            {"f-hostkey", "host-key", "CHANGED"},
            {"cp-sudo", "sudo", "wrong sudo password"},
        };
        for (const Expect &e : expects) {
            const NodeResult &n = nodes[QLatin1String(e.node)];
            QVERIFY2(!n.audited, qPrintable(describe(n)));
            QVERIFY2(n.errorKind == QLatin1String(e.kind), qPrintable(describe(n)));
            QVERIFY2(n.errorMessage.contains(QLatin1String(e.text)), qPrintable(describe(n)));
            QVERIFY2(n.errorMessage.contains(n.name), qPrintable(describe(n)));
        }
        // The changed key: which known_hosts file and line hold the old one.
        const int line = knownHostsLine(node(QStringLiteral("f-hostkey")).port);
        QVERIFY(line > 0);
        const QString where = QStringLiteral("%1/known_hosts line %2").arg(kLabDir).arg(line);
        QVERIFY2(nodes[QStringLiteral("f-hostkey")].errorMessage.contains(where),
                 qPrintable(describe(nodes[QStringLiteral("f-hostkey")])));
        // The sudo password itself is never part of a message.
        QVERIFY(!nodes[QStringLiteral("cp-sudo")].errorMessage.contains(
            QLatin1String("not-the-password")));
        checkHealthy(nodes);
    }

    // Every way authentication can fail, as separate nodes of one scan (the same sshd).
    void authFailures()
    {
        QVERIFY(fault(QStringLiteral("w-bad"), QStringLiteral("allow-password")));
        const QString strayKey = m_tmp.filePath(QStringLiteral("stray_key"));
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                      QStringLiteral("-N"), QString(), QStringLiteral("-f"), strayKey});
        QVERIFY(keygen.waitForFinished(20000) && keygen.exitCode() == 0);

        const NodeSpec good = node(QStringLiteral("w-good"));
        const NodeSpec pw = node(QStringLiteral("w-bad"));
        const QString passKey = kLabDir + QStringLiteral("/id_ed25519_passphrase");
        const QString noKey = m_tmp.filePath(QStringLiteral("missing_key"));
        struct Case
        {
            QString name;
            NodeSpec base;
            QString user;
            QString key;
            QString expect; // in the message
        };
        const QList<Case> cases = {
            {QStringLiteral("a-wrong-key"), good, QStringLiteral("root"), strayKey,
             QStringLiteral("not accepted")},
            {QStringLiteral("a-wrong-passphrase"), good, QStringLiteral("root"), passKey,
             QStringLiteral("wrong passphrase")},
            {QStringLiteral("a-empty-passphrase"), good, QStringLiteral("root"), passKey,
             QStringLiteral("wrong passphrase")},
            {QStringLiteral("a-cancel-passphrase"), good, QStringLiteral("root"), passKey,
             QStringLiteral("wrong passphrase")},
            {QStringLiteral("a-no-method"), good, QStringLiteral("root"), noKey,
             QStringLiteral("missing")},
            {QStringLiteral("a-unknown-user"), good, QStringLiteral("nosuchuser"),
             kLabDir + QStringLiteral("/id_ed25519"), QStringLiteral("not accepted")},
            {QStringLiteral("a-wrong-password"), pw, QStringLiteral("kadmin"), noKey,
             QStringLiteral("password")},
            {QStringLiteral("a-empty-password"), pw, QStringLiteral("kadmin"), noKey,
             QStringLiteral("password")},
            {QStringLiteral("a-cancel-password"), pw, QStringLiteral("kadmin"), noKey,
             QStringLiteral("password (not given)")},
        };
        Inventory inv = only({QStringLiteral("w-good")});
        for (const Case &c : cases) {
            NodeSpec n = c.base;
            n.name = c.name;
            n.user = c.user;
            n.identityFile = c.key;
            n.sudo = NodeSpec::SudoMode::None;
            inv.nodes << n;
        }
        SshOptions o = options(5, 60);
        std::mutex mutex;
        QStringList prompts;
        o.secretPrompt = [&](const QString &prompt, QByteArray *secret) {
            {
                std::lock_guard lock(mutex);
                prompts << prompt;
            }
            if (prompt.contains(QLatin1String("a-cancel-")))
                return false;
            if (prompt.contains(QLatin1String("a-empty-"))) {
                secret->clear();
                return true;
            }
            *secret = QByteArrayLiteral("wrong secret");
            return true;
        };
        qint64 ms = 0;
        const auto nodes = byName(scan(inv, o, 60000, &ms));
        qInfo("auth failures: scan took %lld ms", ms);
        QVERIFY2(ms < 20000, qPrintable(QString::number(ms)));
        for (const Case &c : cases) {
            const NodeResult &n = nodes[c.name];
            QVERIFY2(!n.audited, qPrintable(describe(n)));
            QVERIFY2(n.errorKind == QLatin1String("auth"), qPrintable(describe(n)));
            QVERIFY2(n.errorMessage.contains(c.name), qPrintable(describe(n)));
            QVERIFY2(n.errorMessage.contains(c.expect, Qt::CaseInsensitive),
                     qPrintable(describe(n)));
            QVERIFY2(!n.errorMessage.contains(QLatin1String("wrong secret")),
                     qPrintable(describe(n)));
        }
        // The password was really asked for (the server offers it) and the passphrase too.
        QVERIFY(std::any_of(prompts.begin(), prompts.end(), [](const QString &p) {
            return p.startsWith(QLatin1String("Password for kadmin@a-wrong-password"));
        }));
        QVERIFY(std::any_of(prompts.begin(), prompts.end(), [](const QString &p) {
            return p.contains(QLatin1String("Passphrase for key")) &&
                   p.contains(QLatin1String("id_ed25519_passphrase"));
        }));
        checkHealthy(nodes);
    }

    // Faults that hit a collection already running: the connection reset, sshd killed (with
    // its sessions), sshd frozen (the session stops answering). The collector is slowed down on
    // those nodes so the fault lands mid-collection.
    void midCollectionFaults()
    {
        const QStringList mid{QStringLiteral("f-mid1"), QStringLiteral("f-mid2"),
                              QStringLiteral("f-mid3")};
        for (const QString &n : mid)
            QVERIFY(fault(n, QStringLiteral("slow-collect"), QStringLiteral("6")));
        const Inventory inv =
            only(QStringList{QStringLiteral("cp-1"), QStringLiteral("w-good")} + mid);
        const int commandTimeout = 10;
        // A long connect timeout: stopping the frozen command must not wait for it.
        const SshOptions o = options(15, commandTimeout);
        std::mutex mutex;
        QSet<QString> collecting;
        ScanEngine engine(inv, m_b12, [o, inv](const NodeSpec &n) {
            return std::unique_ptr<ICommandRunner>(new SshCommandRunner(n, inv, o));
        });
        connect(
            &engine, &ScanEngine::nodeStageChanged, this,
            [&](int index, NodeStage stage) {
                if (stage == NodeStage::Collecting) {
                    std::lock_guard lock(mutex);
                    collecting << inv.nodes[index].name;
                }
            },
            Qt::DirectConnection);
        QElapsedTimer t;
        t.start();
        engine.start();
        QElapsedTimer wait;
        wait.start();
        for (;;) {
            {
                std::lock_guard lock(mutex);
                if (collecting.contains(mid[0]) && collecting.contains(mid[1]) &&
                    collecting.contains(mid[2]))
                    break;
            }
            QVERIFY2(wait.elapsed() < 15000, "the slowed nodes never started collecting");
            QThread::msleep(50);
        }
        QThread::msleep(1000); // the collector is on the node now (it sleeps 6 s in sha256sum)
        QVERIFY(fault(mid[0], QStringLiteral("drop-connections")));
        QVERIFY(fault(mid[1], QStringLiteral("kill-sshd-all")));
        QVERIFY(fault(mid[2], QStringLiteral("stop-sshd-all")));
        const bool done = engine.waitForFinished(60000);
        const qint64 ms = t.elapsed();
        fault(mid[2], QStringLiteral("cont-sshd-all"));
        fault(mid[1], QStringLiteral("start-sshd"));
        QVERIFY(done);
        qInfo("mid-collection faults: scan took %lld ms", ms);
        // The frozen session is bounded by the command timeout (plus slack), nothing else waits.
        QVERIFY2(ms < (commandTimeout + 5) * 1000, qPrintable(QString::number(ms)));
        const auto nodes = byName(engine.result());
        for (const QString &name : mid.mid(0, 2)) {
            const NodeResult &n = nodes[name];
            QVERIFY2(!n.audited, qPrintable(describe(n)));
            QVERIFY2(n.errorKind == QLatin1String("unreachable"), qPrintable(describe(n)));
            QVERIFY2(n.errorMessage.contains(QLatin1String("connection lost")),
                     qPrintable(describe(n)));
            QVERIFY2(n.errorMessage.contains(name), qPrintable(describe(n)));
        }
        const NodeResult &frozen = nodes[mid[2]];
        QVERIFY2(!frozen.audited, qPrintable(describe(frozen)));
        QVERIFY2(frozen.errorKind == QLatin1String("timeout"), qPrintable(describe(frozen)));
        QVERIFY2(frozen.errorMessage.contains(QStringLiteral("within %1 s").arg(commandTimeout)),
                 qPrintable(describe(frozen)));
        QVERIFY2(frozen.errorMessage.contains(mid[2]), qPrintable(describe(frozen)));
        checkHealthy(nodes);

        // Once the fault is gone the same nodes scan normally again.
        for (const QString &n : mid)
            QVERIFY(fault(n, QStringLiteral("fast-collect")));
        const auto again = byName(scan(only(mid), options(5, 60), 60000));
        for (const QString &name : mid)
            QVERIFY2(again[name].audited, qPrintable(describe(again[name])));
    }

    // Cancel while the node's sshd is frozen mid-collection: the scan still returns promptly
    // (stopping the remote command must not wait on a server that never answers).
    void cancelWhileFrozen()
    {
        const QString name = QStringLiteral("f-mid3");
        QVERIFY(fault(name, QStringLiteral("slow-collect"), QStringLiteral("6")));
        const Inventory inv = only({name});
        const SshOptions o = options(15, 120);
        std::atomic_bool collecting{false};
        ScanEngine engine(inv, m_b12, [o, inv](const NodeSpec &n) {
            return std::unique_ptr<ICommandRunner>(new SshCommandRunner(n, inv, o));
        });
        connect(
            &engine, &ScanEngine::nodeStageChanged, this,
            [&](int, NodeStage stage) {
                if (stage == NodeStage::Collecting)
                    collecting = true;
            },
            Qt::DirectConnection);
        engine.start();
        QElapsedTimer wait;
        wait.start();
        while (!collecting && wait.elapsed() < 15000)
            QThread::msleep(50);
        QVERIFY(collecting);
        QThread::msleep(1000);
        QVERIFY(fault(name, QStringLiteral("stop-sshd-all")));
        QThread::msleep(500);
        QElapsedTimer t;
        t.start();
        engine.cancel();
        const bool done = engine.waitForFinished(60000);
        const qint64 ms = t.elapsed();
        fault(name, QStringLiteral("cont-sshd-all"));
        fault(name, QStringLiteral("fast-collect"));
        QVERIFY(done);
        qInfo("cancel with a frozen sshd: finished %lld ms after the cancel", ms);
        QCOMPARE(engine.result().nodes[0].errorKind, QStringLiteral("cancelled"));
        QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
    }

    // The collector's stream ends before its end marker; the stream is larger than the cap.
    void truncatedAndOversizedOutput()
    {
        const Inventory inv = only({QStringLiteral("w-good")});
        const auto cut =
            byName(scan(inv, options(5, 60), 60000, nullptr, TamperingRunner::Mode::Truncate));
        const NodeResult &n = cut[QStringLiteral("w-good")];
        QVERIFY2(!n.audited, qPrintable(describe(n)));
        QVERIFY2(n.errorKind == QLatin1String("parse"), qPrintable(describe(n)));
        QVERIFY2(n.errorMessage.contains(QLatin1String("w-good")), qPrintable(describe(n)));
        QVERIFY2(n.errorMessage.contains(QLatin1String("no END record")), qPrintable(describe(n)));
        QVERIFY2(n.errorMessage.contains(QLatin1String("truncated")), qPrintable(describe(n)));

        const auto big = byName(scan(only({QStringLiteral("cp-1")}), options(5, 60), 60000, nullptr,
                                     TamperingRunner::Mode::SmallCap));
        const NodeResult &b = big[QStringLiteral("cp-1")];
        QVERIFY2(!b.audited, qPrintable(describe(b)));
        QVERIFY2(b.errorKind == QLatin1String("collect"), qPrintable(describe(b)));
        QVERIFY2(b.errorMessage.contains(QLatin1String("exceeds 8192 bytes")),
                 qPrintable(describe(b)));
        QVERIFY2(b.errorMessage.contains(QLatin1String("cp-1")), qPrintable(describe(b)));
    }

    // Hostile files where the collector reads: binary garbage and non-UTF-8 text in the kubelet
    // config, a manifest and a drop-in; symlink loops (manifests dir, kubelet config, PKI dir);
    // 50 MB where a manifest should be; a FIFO and a device where config files should be.
    void hostileFiles()
    {
        const QString cfg = QStringLiteral("/var/lib/kubelet/config.yaml");
        const QString dropin =
            QStringLiteral("/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf");
        const QString man = QStringLiteral("/etc/kubernetes/manifests");
        // f-files: garbage and non-UTF-8 content (modes and owners kept: written in place)
        nodeSh(
            QStringLiteral("f-files"),
            QStringLiteral("head -c 3000 /dev/urandom > %1 && printf '\\000\\377\\376\\n' >> %1 && "
                           "printf '# caf\\351 \\377\\376\\n' >> %2/kube-scheduler.yaml && "
                           "head -c 2000 /dev/urandom >> %3 && printf '\\000\\n' >> %3")
                .arg(cfg, man, dropin));
        // f-links: loops and the 50 MB manifest
        nodeSh(QStringLiteral("f-links"),
               QStringLiteral(
                   "{ printf 'apiVersion: v1\\nkind: Pod\\n'; head -c 52428800 /dev/zero; } "
                   "> %1/kube-apiserver.yaml && "
                   "ln -s loop-b.yaml %1/loop-a.yaml && ln -s loop-a.yaml %1/loop-b.yaml && "
                   "ln -s loop /etc/kubernetes/pki/loop && ln -s . /etc/kubernetes/pki/self && "
                   "rm -f %2 && ln -s config.yaml %2")
                   .arg(man, cfg));
        // f-dev: a FIFO and a device
        nodeSh(QStringLiteral("f-dev"),
               QStringLiteral(
                   "rm -f %1 /etc/default/kubelet && mkfifo -m 600 %1 && "
                   "mknod -m 600 /etc/default/kubelet c 1 5 && "
                   "mkfifo -m 600 /usr/lib/systemd/system/kubelet.service.d/20-fifo.conf && "
                   "mkdir -p %2 && mkfifo -m 600 %2/fifo.yaml")
                   .arg(cfg, man));
        // f-mid1 (free after midCollectionFaults): Latin-1 bytes in the kubelet config, no NUL
        nodeSh(QStringLiteral("f-mid1"),
               QStringLiteral("printf '# r\\351sum\\351\\nclusterDomain: caf\\351.local\\n' >> %1")
                   .arg(cfg));
        // The lab's kubelet drops the pod of a manifest it can no longer parse when it next
        // looks (every 0.5 s): the scan must come after that, not race it (it did once the scan
        // got fast).
        QVERIFY(labProcesses(QStringLiteral("f-files")).contains(QStringLiteral("kube-apiserver")));
        QTRY_VERIFY_WITH_TIMEOUT(
            !labProcesses(QStringLiteral("f-files")).contains(QStringLiteral("kube-scheduler")),
            10000);
        QCOMPARE(nodeText(QStringLiteral("f-links"),
                          QStringLiteral("stat -c %s %1/kube-apiserver.yaml").arg(man)),
                 QStringLiteral("52428825"));
        QCOMPARE(
            nodeText(QStringLiteral("f-dev"), QStringLiteral("stat -c %F /etc/default/kubelet")),
            QStringLiteral("character special file"));

        const QStringList names{QStringLiteral("cp-1"),    QStringLiteral("w-good"),
                                QStringLiteral("f-files"), QStringLiteral("f-links"),
                                QStringLiteral("f-dev"),   QStringLiteral("f-mid1")};
        const Inventory inv = only(names);
        ScanEngine engine(inv, m_b12, [o = options(5, 60), inv](const NodeSpec &n) {
            return std::unique_ptr<ICommandRunner>(new SshCommandRunner(n, inv, o));
        });
        QElapsedTimer t;
        t.start();
        engine.start();
        const bool done = engine.waitForFinished(90000);
        const qint64 ms = t.elapsed();
        QVERIFY(done);
        qInfo("hostile files: scan took %lld ms", ms);
        QHash<QString, NodeScanOutput> out;
        for (const NodeScanOutput &o : engine.outputs())
            out.insert(o.result.name, o);
        QHash<QString, NodeResult> nodes;
        for (const NodeScanOutput &o : out)
            nodes.insert(o.result.name, o.result);
        checkHealthy(nodes);
        for (const QString &n : names) {
            QVERIFY2(nodes[n].audited, qPrintable(describe(nodes[n])));
            QCOMPARE(nodes[n].results.size(), m_b12.controls.size());
            qInfo("%s: snapshot %lld bytes in %lld ms", qPrintable(n),
                  qint64(out[n].snapshot.size()), qint64(out[n].elapsedMs));
            for (const ControlResult &r : nodes[n].results)
                if (r.status == Status::Error)
                    qInfo("  %s ERROR: %s", qPrintable(r.controlId), qPrintable(r.reason));
        }
        // No node takes long: the collector never reads the 50 MB file, never blocks on the
        // FIFO or the device, never follows a loop.
        QVERIFY2(ms < 15000, qPrintable(QString::number(ms)));
        for (const QString &n : names)
            QVERIFY2(out[n].elapsedMs < 8000, qPrintable(n));
        // The 50 MB file never crosses the wire; the snapshot says why it was not read.
        QVERIFY2(out[QStringLiteral("f-links")].snapshot.size() < 1024 * 1024,
                 qPrintable(QString::number(out[QStringLiteral("f-links")].snapshot.size())));
        auto snap = [&](const QString &n) {
            auto s = parseSnapshot(out[n].snapshot, n);
            if (!s)
                qFatal("%s", qPrintable(s.error().toString()));
            return *s;
        };
        const NodeSnapshot links = snap(QStringLiteral("f-links"));
        const FileContent big = links.files.value(man + QStringLiteral("/kube-apiserver.yaml"));
        QCOMPARE(big.skippedCode, QStringLiteral("too-large"));
        QCOMPARE(big.size, qint64(52428825));
        QVERIFY(big.data.isEmpty());
        QVERIFY2(
            links.warnings.join(QLatin1Char('\n'))
                .contains(
                    QStringLiteral("%1/kube-apiserver.yaml is larger than 1048576 bytes").arg(man)),
            qPrintable(links.warnings.join(QLatin1Char('\n'))));
        // The loops are recorded as links (target kept), nothing below them was walked.
        QCOMPARE(links.stats.value(man + QStringLiteral("/loop-a.yaml")).linkTarget,
                 QStringLiteral("loop-b.yaml"));
        QCOMPARE(links.stats.value(QStringLiteral("/etc/kubernetes/pki/self")).linkTarget,
                 QStringLiteral("."));
        QCOMPARE(links.stats.value(cfg).linkTarget, QStringLiteral("config.yaml"));
        for (const QString &k : links.stats.keys())
            QVERIFY2(!k.contains(QLatin1String("/self/")), qPrintable(k));
        const NodeSnapshot dev = snap(QStringLiteral("f-dev"));
        QCOMPARE(dev.files.value(cfg).skippedCode, QStringLiteral("not-regular"));
        QCOMPARE(dev.files.value(QStringLiteral("/etc/default/kubelet")).skippedCode,
                 QStringLiteral("not-regular"));
        const NodeSnapshot files = snap(QStringLiteral("f-files"));
        QCOMPARE(files.files.value(cfg).skippedCode, QStringLiteral("binary"));
        QCOMPARE(files.files.value(dropin).skippedCode, QStringLiteral("binary"));
        // the non-UTF-8 manifest is carried as it is (the lab's kubelet refuses it, so the
        // scheduler is not running there: its controls say so)
        QVERIFY(files.files.value(man + QStringLiteral("/kube-scheduler.yaml"))
                    .data.contains("caf\xe9"));
        QVERIFY2(
            find(nodes[QStringLiteral("f-files")], QStringLiteral("1.4.1"))
                ->reason.contains(QLatin1String("kube-scheduler is not running")),
            qPrintable(find(nodes[QStringLiteral("f-files")], QStringLiteral("1.4.1"))->reason));
        // Latin-1 in the kubelet config (no NUL): refused like the kubelet refuses it, the
        // controls that read it say ERROR naming the file; the node is still audited.
        const NodeResult &latin1 = nodes[QStringLiteral("f-mid1")];
        const ControlResult *rot = find(latin1, QStringLiteral("4.2.10"));
        QVERIFY2(rot->status == Status::Error && rot->reason.contains(cfg) &&
                     rot->reason.contains(QLatin1String("UTF-8")),
                 qPrintable(statusName(rot->status) + QLatin1Char(' ') + rot->reason));
        QVERIFY(find(latin1, QStringLiteral("4.1.5"))->status == Status::Pass);

        // Controls that read the kubelet config: ERROR naming the file and why, on every one
        // of the three nodes; the rest of each node is still evaluated.
        const QHash<QString, QString> why{
            {QStringLiteral("f-files"), QStringLiteral("binary data")},
            {QStringLiteral("f-links"), QStringLiteral("not collected")},
            {QStringLiteral("f-dev"), QStringLiteral("not a regular file")}};
        for (auto it = why.begin(); it != why.end(); ++it) {
            const NodeResult &n = nodes[it.key()];
            for (const char *id : {"4.2.1", "4.2.10"}) {
                const ControlResult *cr = find(n, QLatin1String(id));
                QVERIFY(cr);
                QVERIFY2(cr->status == Status::Error && cr->reason.contains(cfg) &&
                             cr->reason.contains(it.value()),
                         qPrintable(it.key() + QLatin1Char(' ') + QLatin1String(id) +
                                    QStringLiteral(": ") + statusName(cr->status) +
                                    QStringLiteral(" ") + cr->reason));
            }
            // file permissions are still audited (a hardened profile: PASS)
            const char *perm = it.key() == QLatin1String("f-dev") ? "4.1.5" : "1.1.3";
            QVERIFY2(find(n, QLatin1String(perm))->status == Status::Pass,
                     qPrintable(it.key() + QLatin1Char(' ') + QLatin1String(perm)));
        }
    }

    // The disk holding the backups is full (a small tmpfs over the node's backup root, inside
    // its mount namespace): the remediation fails with the node's reason, the manifest stays
    // byte for byte, and neither a half-written backup nor a staged copy stays behind. With
    // room for the backup but not for the staged new content: the same.
    void remediationBackupDiskFull_data()
    {
        QTest::addColumn<int>("freeKb");
        QTest::addColumn<QString>("expect");
        QTest::newRow("no room for the backup") << 0 << QStringLiteral("cannot back up");
        QTest::newRow("room for the backup only") << 8 << QStringLiteral("cannot stage");
    }

    void remediationBackupDiskFull()
    {
        QFETCH(int, freeKb);
        QFETCH(QString, expect);
        const QString name = QStringLiteral("f-rem");
        const QString root = QStringLiteral("/var/lib/kinspect/backups");
        const QString sched = QStringLiteral("/etc/kubernetes/manifests/kube-scheduler.yaml");
        const QString manifests = QStringLiteral("/etc/kubernetes/manifests");
        nodeSh(name, QStringLiteral("umount %1 2>/dev/null; mkdir -p %1 && "
                                    "mount -t tmpfs -o size=64k,mode=700 kinspect-full %1 && "
                                    "dd if=/dev/zero of=%1/filler bs=4k count=%2 2>/dev/null; "
                                    "sync")
                         .arg(root)
                         .arg(16 - freeKb / 4));
        QCOMPARE(nodeText(name, QStringLiteral("df -k --output=avail %1 | tail -1").arg(root)),
                 QString::number(freeKb));
        const QByteArray before = testlab::nodeFile(kLabDir, name, sched);
        QVERIFY(!before.isEmpty());
        const QString listing = nodeText(name, QStringLiteral("ls -A %1").arg(manifests));

        const NodeSpec n = node(name);
        SshCommandRunner runner(n, m_inv, options(5, 120));
        RemediationSession s(&runner, n, m_b151);
        auto audited = s.audit(QStringLiteral("1.4.1"));
        QVERIFY(audited.ok());
        QCOMPARE(audited->status, Status::Fail);
        auto plan = s.plan(QStringLiteral("1.4.1"));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        QElapsedTimer t;
        t.start();
        const RemediationRecord rec = s.applyAndVerify(*plan, false);
        qInfo("disk full (%d KiB free): %s in %lld ms: %s", freeKb, qPrintable(rec.outcome),
              t.elapsed(), qPrintable(rec.message));
        const QString leftovers = nodeText(
            name, QStringLiteral("find %1 -mindepth 1 ! -name filler; umount %1").arg(root));
        QCOMPARE(rec.outcome, QStringLiteral("error"));
        QVERIFY2(rec.message.contains(name), qPrintable(rec.message));
        QVERIFY2(rec.message.contains(expect), qPrintable(rec.message));
        QVERIFY2(rec.message.contains(sched), qPrintable(rec.message));
        QVERIFY2(rec.message.contains(QLatin1String("No space left on device")),
                 qPrintable(rec.message));
        QVERIFY(rec.items.isEmpty());
        // Nothing changed, nothing left behind (no backup, no staged copy, no temp file).
        QCOMPARE(testlab::nodeFile(kLabDir, name, sched), before);
        QCOMPARE(nodeText(name, QStringLiteral("ls -A %1").arg(manifests)), listing);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers));
    }
};

QTEST_GUILESS_MAIN(TestLabFaults)
#include "TestLabFaults.moc"
