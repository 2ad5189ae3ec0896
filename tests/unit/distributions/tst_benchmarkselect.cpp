// selectBenchmarkId(): the benchmark for a node's Kubernetes version, as each benchmark's
// `kubernetes: {min, max}` range says; with the built-in catalogs and with synthetic ranges.
#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"

#include <QtTest>

using namespace kinspect;

namespace {

Benchmark range(const QString &id, const QString &min, const QString &max)
{
    Benchmark b;
    b.id = id;
    b.kubernetesMin = min;
    b.kubernetesMax = max;
    return b;
}

} // namespace

class TestBenchmarkSelect : public QObject
{
    Q_OBJECT

private slots:
    void builtin_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1.15") << "v1.15.0"
                              << "cis-1.5.1";
        QTest::newRow("1.18 kubeadm") << "v1.18.20"
                                      << "cis-1.5.1";
        QTest::newRow("1.16 k3s") << "v1.16.15+k3s1"
                                  << "cis-1.5.1";
        QTest::newRow("1.32") << "v1.32.2"
                              << "cis-1.12";
        QTest::newRow("1.33 rke2") << "v1.33.1+rke2r1"
                                   << "cis-1.12";
        QTest::newRow("1.40 future") << "v1.40.0"
                                     << "cis-1.12";
        QTest::newRow("no v") << "1.32"
                              << "cis-1.12";
        QTest::newRow("unknown") << ""
                                 << "cis-1.12";
        QTest::newRow("garbage") << "latest"
                                 << "cis-1.12";
        // between the two ranges: the nearest benchmark below
        QTest::newRow("1.25") << "v1.25.3"
                              << "cis-1.5.1";
        // older than every benchmark: the newest
        QTest::newRow("1.10") << "v1.10.0"
                              << "cis-1.12";
    }
    void builtin()
    {
        QFETCH(QString, version);
        QFETCH(QString, expected);
        QList<Benchmark> all;
        for (const QString &id : CatalogLoader::builtinIds()) {
            auto b = CatalogLoader::load(id);
            QVERIFY2(b, qPrintable(id));
            all << *b;
        }
        QVERIFY(all.size() >= 2);
        QCOMPARE(selectBenchmarkId(all, version), expected);
        // The order the catalogs were loaded in does not matter.
        std::reverse(all.begin(), all.end());
        QCOMPARE(selectBenchmarkId(all, version), expected);
    }

    void synthetic()
    {
        const QList<Benchmark> list{range("a", "1.15", "1.18"), range("b", "1.19", "1.21"),
                                    range("c", "1.24", "1.27"), range("d", "1.28", "")};
        QCOMPARE(selectBenchmarkId(list, "v1.19.0"), QStringLiteral("b"));
        QCOMPARE(selectBenchmarkId(list, "v1.21.14"), QStringLiteral("b"));
        QCOMPARE(selectBenchmarkId(list, "v1.22.0"), QStringLiteral("b")); // gap: nearest below
        QCOMPARE(selectBenchmarkId(list, "v1.27.9"), QStringLiteral("c"));
        QCOMPARE(selectBenchmarkId(list, "v1.28.0"), QStringLiteral("d"));
        QCOMPARE(selectBenchmarkId(list, "v1.99.0"), QStringLiteral("d")); // open range
        QCOMPARE(selectBenchmarkId(list, "v1.9.0"), QStringLiteral("d"));  // minor 9 < 15
        QCOMPARE(selectBenchmarkId(list, ""), QStringLiteral("d"));
        QCOMPARE(selectBenchmarkId({}, "v1.30.0"), QString());
        // minor versions compare as numbers, not strings ("1.9" < "1.15")
        QCOMPARE(
            selectBenchmarkId({range("x", "1.9", "1.9"), range("y", "1.15", "1.18")}, "v1.9.3"),
            QStringLiteral("x"));
    }

    // A k3s / RKE2 snapshot's version (reported by the k3s binary) selects the same way.
    void fromSnapshotVersion()
    {
        NodeSnapshot s;
        s.versions.insert("k3s", "v1.29.3+k3s1");
        QCOMPARE(Evaluator::kubernetesVersion(s), QStringLiteral("v1.29.3+k3s1"));
        s.versions.insert("kubelet", "v1.18.4");
        QCOMPARE(Evaluator::kubernetesVersion(s), QStringLiteral("v1.18.4")); // kubelet first
    }
};

QTEST_GUILESS_MAIN(TestBenchmarkSelect)
#include "tst_benchmarkselect.moc"
