// ScanEngine over a fake transport: what it sends to a node on a re-scan (the versions it learnt
// from the node's binaries), and that node data of any other shape never reaches the command.

#include "catalog/CatalogLoader.h"
#include "scan/ScanEngine.h"
#include "snapshot/SnapshotParser.h"

#include <QFile>
#include <QTest>

#include <mutex>

using namespace kinspect;

namespace {

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(KINSPECT_TEST_DATA "/snapshots/%1.snap").arg(QLatin1String(name)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Answers every collector run with `reply` and records the commands it was given.
class FakeRunner : public ICommandRunner
{
public:
    FakeRunner(std::function<QByteArray()> reply, QList<RemoteCommand> *seen, std::mutex *mutex)
        : m_reply(std::move(reply)), m_seen(seen), m_mutex(mutex)
    {}
    bool connect(const std::atomic_bool *, RemoteError *) override { return true; }
    bool run(const RemoteCommand &command, RemoteResult *result, const std::atomic_bool *,
             RemoteError *) override
    {
        {
            std::lock_guard lock(*m_mutex);
            *m_seen << command;
        }
        result->exitStatus = 0;
        result->stdoutData = m_reply();
        return true;
    }
    void disconnect() override {}

private:
    std::function<QByteArray()> m_reply;
    QList<RemoteCommand> *m_seen;
    std::mutex *m_mutex;
};

// A snapshot with its kubelet VERSION record carrying `version` (raw) and `process`.
QByteArray withKubeletVersion(const QByteArray &snap, const QByteArray &version,
                              const QByteArray &process)
{
    QList<QByteArray> lines = snap.split('\n');
    for (QByteArray &l : lines)
        if (l.startsWith("VERSION\tkubelet\t"))
            l = "VERSION\tkubelet\t" + version.toBase64() + "\tbinary\t" + process;
    return lines.join('\n');
}

} // namespace

class TestScanEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        auto b = CatalogLoader::load(QStringLiteral("cis-1.12"));
        QVERIFY(b);
        m_benchmark = *b;
        QVERIFY(fixture("kubeadm-cp-compliant").contains("VERSION\tkubelet\t"));
    }

    void knownVersionsOf_data()
    {
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<QByteArray>("process");
        QTest::addColumn<QStringList>("expected");
        const QByteArray p = "4242:987654:6f1c2d3e-0a1b-4c5d-8e9f-0123456789ab";
        QTest::newRow("plain") << QByteArray("v1.32.2") << p
                               << QStringList{QStringLiteral("kubelet=") + QLatin1String(p) +
                                              QStringLiteral("=v1.32.2")};
        QTest::newRow("k3s style") << QByteArray("v1.32.2+k3s1") << p
                                   << QStringList{QStringLiteral("kubelet=") + QLatin1String(p) +
                                                  QStringLiteral("=v1.32.2+k3s1")};
        QTest::newRow("quote") << QByteArray("v1'; touch /tmp/x; '") << p << QStringList();
        QTest::newRow("space") << QByteArray("v1 v2") << p << QStringList();
        QTest::newRow("newline") << QByteArray("v1\nKC_X=1") << p << QStringList();
        QTest::newRow("not v") << QByteArray("1.32.2") << p << QStringList();
    }
    void knownVersionsOf()
    {
        QFETCH(QByteArray, version);
        QFETCH(QByteArray, process);
        QFETCH(QStringList, expected);
        auto s =
            parseSnapshot(withKubeletVersion(fixture("kubeadm-cp-compliant"), version, process),
                          QStringLiteral("t"));
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        QCOMPARE(ScanEngine::knownVersionsOf(*s), expected);
        // whatever the list holds, the command carries only words of the known shape
        const RemoteCommand c = ScanEngine::collectorCommand(
            NodeSpec{},
            QStringList{QStringLiteral("kubelet=1:2:ab=v1'x"), QStringLiteral("a b=1:2:ab=v1")} +
                ScanEngine::knownVersionsOf(*s));
        QCOMPARE(c.argv,
                 (QStringList{QStringLiteral("sh"), QStringLiteral("-s"), QStringLiteral("--")}));
        const QByteArray first = c.stdinData.left(c.stdinData.indexOf('\n'));
        if (expected.isEmpty())
            QVERIFY(!c.stdinData.startsWith("KC_PRESET_KNOWN="));
        else
            QCOMPARE(first, "KC_PRESET_KNOWN='" + expected.join(QLatin1Char(' ')).toLatin1() + "'");
        QVERIFY(c.stdinData.endsWith(ScanEngine::collectorScript()));
    }

    // The first scan sends the plain script; a re-scan of the node tells the collector the
    // version its binary gave, per node.
    void rescanSendsKnownVersions()
    {
        Inventory inv;
        inv.cluster = QStringLiteral("c");
        NodeSpec a, b;
        a.name = QStringLiteral("a");
        a.host = QStringLiteral("10.0.0.1");
        b.name = QStringLiteral("b");
        b.host = QStringLiteral("10.0.0.2");
        inv.nodes = {a, b};
        const QByteArray pa = "11:100:6f1c2d3e-0a1b-4c5d-8e9f-0123456789ab";
        const QByteArray snapA = withKubeletVersion(fixture("kubeadm-cp-compliant"), "v1.32.2", pa);
        const QByteArray snapB = fixture("worker-custom-config"); // no process field
        QVERIFY(!snapB.isEmpty());
        std::mutex mutex;
        // Both lists exist before the workers start: an insert could move the other.
        QHash<QString, QList<RemoteCommand>> seen{{QStringLiteral("a"), {}},
                                                  {QStringLiteral("b"), {}}};
        ScanEngine engine(inv, m_benchmark, [&](const NodeSpec &n) {
            const QByteArray reply = n.name == QLatin1String("a") ? snapA : snapB;
            return std::unique_ptr<ICommandRunner>(
                new FakeRunner([reply] { return reply; }, &seen[n.name], &mutex));
        });
        QVERIFY(engine.start());
        QVERIFY(engine.waitForFinished(30000));
        QVERIFY(engine.start());
        QVERIFY(engine.waitForFinished(30000));
        QCOMPARE(seen[QStringLiteral("a")].size(), 2);
        QCOMPARE(seen[QStringLiteral("a")][0].stdinData, ScanEngine::collectorScript());
        QCOMPARE(seen[QStringLiteral("a")][1].stdinData,
                 "KC_PRESET_KNOWN='kubelet=" + pa + "=v1.32.2'\n" + ScanEngine::collectorScript());
        QCOMPARE(seen[QStringLiteral("b")][1].stdinData, ScanEngine::collectorScript());
        QVERIFY(engine.result().nodes[0].audited);
    }

private:
    Benchmark m_benchmark;
};

QTEST_GUILESS_MAIN(TestScanEngine)
#include "TestScanEngine.moc"
