// The real catalogs evaluated on snapshots the real collector produced from fixture node trees
// (tests/data/trees -> tests/data/make-snapshots.sh -> tests/data/snapshots).

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "snapshot/SnapshotParser.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace kinspect;

namespace {

NodeSnapshot load(const QString &name)
{
    QFile f(QStringLiteral(KINSPECT_TEST_DATA "/snapshots/%1.snap").arg(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    auto s = parseSnapshot(f.readAll(), f.fileName());
    if (!s)
        qFatal("%s", qPrintable(s.error().toString()));
    return *s;
}

const Benchmark &bench(const QString &id)
{
    static QHash<QString, Benchmark> cache;
    if (!cache.contains(id)) {
        auto b = CatalogLoader::load(id);
        if (!b)
            qFatal("%s", qPrintable(b.error().toString()));
        cache.insert(id, *b);
    }
    return cache[id];
}

NodeResult eval(const QString &benchmark, const NodeSnapshot &s)
{
    return Evaluator(bench(benchmark)).evaluate(s, NodeContext{s.hostname, QString(), {}});
}

// By value: callers bind the result of find(eval(...)) to a const reference, and a reference
// into the temporary NodeResult would dangle (heap-use-after-free under ASan).
ControlResult find(const NodeResult &n, const QString &id)
{
    for (const auto &r : n.results)
        if (r.controlId == id)
            return r;
    qFatal("no result for %s", qPrintable(id));
}

} // namespace

class TestFixtures : public QObject
{
    Q_OBJECT

private slots:
    void verdicts_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("benchmark");
        QTest::addColumn<QString>("control");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("source"); // of the first evidence item; "" to skip
        QTest::addColumn<QString>("path");   // of the first evidence item; "" to skip

        // The seed controls on a compliant kubeadm control plane.
        QTest::newRow("seed 1.2.5 pass") << "kubeadm-cp-compliant"
                                         << "cis-1.5.1"
                                         << "1.2.5"
                                         << "PASS"
                                         << "argv"
                                         << "/etc/kubernetes/manifests/kube-apiserver.yaml";
        QTest::newRow("seed 1.2.4 pass") << "kubeadm-cp-compliant"
                                         << "cis-1.12"
                                         << "1.2.4"
                                         << "PASS"
                                         << "argv"
                                         << "/etc/kubernetes/manifests/kube-apiserver.yaml";
        QTest::newRow("seed 4.2.11 pass") << "kubeadm-cp-compliant"
                                          << "cis-1.5.1"
                                          << "4.2.11"
                                          << "PASS"
                                          << "config"
                                          << "/var/lib/kubelet/config.yaml";
        QTest::newRow("seed 4.2.10 pass") << "kubeadm-cp-compliant"
                                          << "cis-1.12"
                                          << "4.2.10"
                                          << "PASS"
                                          << "config"
                                          << "/var/lib/kubelet/config.yaml";
        // ... and failing where the kubelet config turns rotation off.
        QTest::newRow("seed 4.2.11 fail") << "kubeadm-cp-failing"
                                          << "cis-1.5.1"
                                          << "4.2.11"
                                          << "FAIL"
                                          << "config"
                                          << "/var/lib/kubelet/config.yaml";
        QTest::newRow("seed 4.2.10 fail") << "kubeadm-cp-failing"
                                          << "cis-1.12"
                                          << "4.2.10"
                                          << "FAIL"
                                          << "config"
                                          << "/var/lib/kubelet/config.yaml";
        // A kubelet config at a non-default --config path is the one read and stat'ed.
        QTest::newRow("custom config mode") << "worker-custom-config"
                                            << "cis-1.12"
                                            << "4.1.9"
                                            << "FAIL"
                                            << "stat"
                                            << "/etc/kubelet/custom-config.yaml";
        QTest::newRow("custom config value") << "worker-custom-config"
                                             << "cis-1.5.1"
                                             << "4.2.4"
                                             << "PASS"
                                             << "config"
                                             << "/etc/kubelet/custom-config.yaml";
        // A kubelet config written in JSON.
        QTest::newRow("json config") << "worker-json-config"
                                     << "cis-1.5.1"
                                     << "4.2.4"
                                     << "PASS"
                                     << "config"
                                     << "/var/lib/kubelet/config.json";
        QTest::newRow("json config rotation") << "worker-json-config"
                                              << "cis-1.12"
                                              << "4.2.10"
                                              << "PASS"
                                              << "config"
                                              << "/var/lib/kubelet/config.json";
        // A drop-in's EnvironmentFile adds a flag: decided from argv, attributed to that file.
        QTest::newRow("drop-in flag") << "worker-dropin-extra-args"
                                      << "cis-1.5.1"
                                      << "4.2.6"
                                      << "PASS"
                                      << "argv"
                                      << "/etc/sysconfig/kubelet";
        // kube-proxy as a kubeadm pod: its --config is read inside the container.
        QTest::newRow("kube-proxy config in its container")
            << "worker-dropin-extra-args"
            << "cis-1.12"
            << "4.3.1"
            << "PASS"
            << "config"
            << "/proc/2300/root/var/lib/kube-proxy/config.conf";
        // The control plane is not applicable on a worker, with a reason.
        QTest::newRow("worker no apiserver") << "worker-json-config"
                                             << "cis-1.5.1"
                                             << "1.2.5"
                                             << "NOT_APPLICABLE"
                                             << ""
                                             << "";
        // A malformed kubelet config is an ERROR, not a guess.
        QTest::newRow("malformed") << "malformed-kubelet-config"
                                   << "cis-1.12"
                                   << "4.2.1"
                                   << "ERROR"
                                   << "config"
                                   << "/var/lib/kubelet/config.yaml";
    }

    void verdicts()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, benchmark);
        QFETCH(QString, control);
        QFETCH(QString, status);
        QFETCH(QString, source);
        QFETCH(QString, path);
        const ControlResult &r = find(eval(benchmark, load(fixture)), control);
        QVERIFY2(statusName(r.status) == status,
                 qPrintable(statusName(r.status) + QStringLiteral(": ") + r.reason));
        QVERIFY(!r.reason.isEmpty());
        if (!source.isEmpty()) {
            QVERIFY(!r.evidence.isEmpty());
            QCOMPARE(r.evidence[0].source, source);
            QCOMPARE(r.evidence[0].path, path);
        }
    }

    void malformedNamesFileAndLine()
    {
        const ControlResult &r =
            find(eval(QStringLiteral("cis-1.12"), load(QStringLiteral("malformed-kubelet-config"))),
                 QStringLiteral("4.2.2"));
        QCOMPARE(r.status, Status::Error);
        QVERIFY2(r.reason.startsWith(QStringLiteral("/var/lib/kubelet/config.yaml:7: ")),
                 qPrintable(r.reason));
    }

    // The seed 1.2.5 failing: the same compliant node without --kubelet-client-key.
    void seedFailsWithoutKey()
    {
        NodeSnapshot s = load(QStringLiteral("kubeadm-cp-compliant"));
        for (auto &p : s.processes)
            if (p.component == QLatin1String("kube-apiserver")) {
                const int before = int(p.argv.size());
                p.argv.erase(std::remove_if(p.argv.begin(), p.argv.end(),
                                            [](const QString &a) {
                                                return a.startsWith(
                                                    QLatin1String("--kubelet-client-key"));
                                            }),
                             p.argv.end());
                QCOMPARE(p.argv.size(), before - 1);
            }
        for (const QString &b : {QStringLiteral("cis-1.5.1"), QStringLiteral("cis-1.12")}) {
            const QString id =
                b == QLatin1String("cis-1.5.1") ? QStringLiteral("1.2.5") : QStringLiteral("1.2.4");
            const ControlResult &r = find(eval(b, s), id);
            QCOMPARE(r.status, Status::Fail);
            QVERIFY(r.reason.contains(QLatin1String("--kubelet-client-key")));
            QCOMPARE(r.remediationFile,
                     QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml"));
        }
    }

    void noKubernetesIsNeverPass()
    {
        for (const QString &b : CatalogLoader::builtinIds()) {
            const NodeResult n = eval(b, load(QStringLiteral("no-kubernetes")));
            for (const auto &r : n.results) {
                QVERIFY2(r.status == Status::NotApplicable, qPrintable(r.controlId));
                QVERIFY(!r.reason.isEmpty());
            }
        }
    }

    // Every decided result of every fixture carries evidence; every result a reason.
    void everyVerdictHasEvidence()
    {
        const QStringList fixtures = QDir(QStringLiteral(KINSPECT_TEST_DATA "/snapshots"))
                                         .entryList({QStringLiteral("*.snap")}, QDir::Files);
        QVERIFY(fixtures.size() >= 6);
        for (const QString &f : fixtures) {
            const NodeSnapshot s = load(f.chopped(5));
            for (const QString &b : CatalogLoader::builtinIds()) {
                const NodeResult n = eval(b, s);
                QCOMPARE(n.results.size(), bench(b).controls.size());
                for (const auto &r : n.results) {
                    QVERIFY2(!r.reason.isEmpty(), qPrintable(f + QLatin1Char(' ') + r.controlId));
                    if (r.status == Status::Pass || r.status == Status::Fail)
                        QVERIFY2(!r.evidence.isEmpty(),
                                 qPrintable(f + QLatin1Char(' ') + r.controlId));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFixtures)
#include "TestFixtures.moc"
