// kinspect-cli as a user runs it: the process, its output and its exit code.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(KINSPECT_CLI), args);
    p.waitForFinished(60000);
    return Run{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QStringList referenceIds(const QString &benchmark)
{
    QStringList ids;
    QFile f(QStringLiteral(KINSPECT_TEST_DATA "/reference/%1-controls.tsv").arg(benchmark));
    f.open(QIODevice::ReadOnly);
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.startsWith('#') && line.contains('\t'))
            ids << QString::fromUtf8(line.left(line.indexOf('\t')));
    return ids;
}

QString snap(const char *name)
{
    return QStringLiteral(KINSPECT_TEST_DATA "/snapshots/%1.snap").arg(QLatin1String(name));
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void controlsJsonListsEveryReferenceId_data()
    {
        QTest::addColumn<QString>("benchmark");
        QTest::addColumn<QString>("seed1");
        QTest::addColumn<QString>("seed2");
        QTest::newRow("cis-1.5.1") << "cis-1.5.1"
                                   << "1.2.5"
                                   << "4.2.11";
        QTest::newRow("cis-1.12") << "cis-1.12"
                                  << "1.2.4"
                                  << "4.2.10";
    }

    void controlsJsonListsEveryReferenceId()
    {
        QFETCH(QString, benchmark);
        QFETCH(QString, seed1);
        QFETCH(QString, seed2);
        const Run r = cli({"controls", "--benchmark", benchmark, "--format", "json"});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["benchmark"].toObject()["id"].toString(), benchmark);
        QSet<QString> ids;
        QHash<QString, QJsonObject> byId;
        for (const auto &v : doc["controls"].toArray()) {
            ids << v.toObject()["id"].toString();
            byId.insert(v.toObject()["id"].toString(), v.toObject());
        }
        const QStringList ref = referenceIds(benchmark);
        QVERIFY(ref.size() > 100);
        QCOMPARE(ids.size(), ref.size());
        for (const QString &id : ref)
            QVERIFY2(ids.contains(id), qPrintable(id));
        // Every text field of the seed controls, as rich as the seed documents.
        for (const QString &seed : {seed1, seed2}) {
            const QJsonObject c = byId[seed];
            for (const char *field :
                 {"description", "rationale", "audit", "remediation", "impact", "defaultValue"})
                QVERIFY2(c[QLatin1String(field)].toString().size() > 40, field);
            QVERIFY(c["references"].toArray().size() >= 2);
            QVERIFY(c["cisControls"].toArray().size() >= 2);
            QVERIFY(!c["cisControls"].toArray()[0].toObject()["title"].toString().isEmpty());
        }
    }

    void benchmarksList()
    {
        const Run r = cli({"benchmarks", "--format", "json"});
        QCOMPARE(r.code, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].toObject()["id"].toString(), QStringLiteral("cis-1.5.1"));
        QCOMPARE(list[1].toObject()["id"].toString(), QStringLiteral("cis-1.12"));
    }

    void evaluateJsonContract()
    {
        const Run r = cli({"evaluate", "--snapshot", snap("kubeadm-cp-failing"), "--benchmark",
                           "cis-1.5.1", "--format", "json", "--cluster", "prod"});
        QCOMPARE(r.code, 1); // failures found
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["tool"].toObject()["name"].toString(), QStringLiteral("kinspect"));
        QCOMPARE(doc["benchmark"].toObject()["id"].toString(), QStringLiteral("cis-1.5.1"));
        QCOMPARE(doc["cluster"].toString(), QStringLiteral("prod"));
        QVERIFY(!doc["startedAt"].toString().isEmpty());
        QVERIFY(!doc["finishedAt"].toString().isEmpty());
        const QJsonObject summary = doc["summary"].toObject();
        for (const char *s : {"PASS", "FAIL", "MANUAL", "ERROR", "NOT_APPLICABLE", "WAIVED"})
            QVERIFY2(summary.contains(QLatin1String(s)), s);
        const QJsonArray nodes = doc["nodes"].toArray();
        QCOMPARE(nodes.size(), 1);
        const QJsonObject n = nodes[0].toObject();
        QCOMPARE(n["status"].toString(), QStringLiteral("audited"));
        QCOMPARE(n["distribution"].toString(), QStringLiteral("kubeadm"));
        QVERIFY(n["roles"].toArray().contains(QStringLiteral("control-plane")));
        int fails = 0;
        for (const auto &v : n["results"].toArray()) {
            const QJsonObject res = v.toObject();
            for (const char *k :
                 {"id", "title", "section", "automated", "status", "evidence", "remediation"})
                QVERIFY2(res.contains(QLatin1String(k)), k);
            if (res["status"].toString() == QLatin1String("FAIL")) {
                ++fails;
                const QJsonObject ev = res["evidence"].toArray()[0].toObject();
                for (const char *k : {"source", "path", "key", "actual", "expected"})
                    QVERIFY2(ev.contains(QLatin1String(k)), k);
                QVERIFY(!res["remediation"].toObject()["summary"].toString().isEmpty());
            }
        }
        QCOMPARE(summary["FAIL"].toInt(), fails);
        QVERIFY(fails > 0);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("stderrHas");
        QTest::newRow("no command") << QStringList{} << 64 << "Usage";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 64 << "unknown command";
        QTest::newRow("unknown option") << QStringList{"controls", "--bogus"} << 64 << "bogus";
        QTest::newRow("unknown benchmark")
            << QStringList{"controls", "--benchmark", "cis-9"} << 64 << "unknown benchmark";
        QTest::newRow("bad format")
            << QStringList{"evaluate", "--snapshot", snap("no-kubernetes"), "--format", "xml"} << 64
            << "unknown format";
        QTest::newRow("missing snapshot")
            << QStringList{"evaluate", "--snapshot", "/nonexistent.snap"} << 64
            << "/nonexistent.snap";
        QTest::newRow("nothing failed")
            << QStringList{"evaluate", "--snapshot", snap("no-kubernetes"), "--benchmark",
                           "cis-1.12"}
            << 0 << "";
        QTest::newRow("failures") << QStringList{"evaluate", "--snapshot",
                                                 snap("kubeadm-cp-failing"), "--benchmark",
                                                 "cis-1.12"}
                                  << 1 << "";
        QTest::newRow("not audited")
            << QStringList{"evaluate", "--snapshot", snap("malformed-kubelet-config"),
                           "--benchmark", "cis-1.12"}
            << 2 << "";
    }

    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, stderrHas);
        const Run r = cli(args);
        QCOMPARE(r.code, code);
        QVERIFY2(QString::fromUtf8(r.err).contains(stderrHas), r.err.constData());
    }

    void badSnapshotNamesFileAndLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.snap"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("kinspect-snapshot\t1\t1.0\nHOST\thostname\t!!notbase64\nEND\t1\n");
        f.close();
        const Run r = cli({"evaluate", "--snapshot", path, "--benchmark", "cis-1.12"});
        QCOMPARE(r.code, 64);
        QVERIFY2(r.err.contains((path + QStringLiteral(":2")).toUtf8()), r.err.constData());
    }

    void outputFileIsWrittenWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.json"));
        const Run r =
            cli({"evaluate", "--snapshot", QStringLiteral(KINSPECT_TEST_DATA "/snapshots"),
                 "--benchmark", "cis-1.12", "--format", "json", "--output", path});
        QVERIFY(r.out.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(doc["nodes"].toArray().size() >= 6);
        QCOMPARE(r.code, 2); // the malformed fixture is among them
    }

    void textOutputIsSafeForTerminals()
    {
        // The text report never lets node data write raw control characters.
        const Run r =
            cli({"evaluate", "--snapshot", QStringLiteral(KINSPECT_TEST_DATA "/snapshots"),
                 "--benchmark", "cis-1.12", "--color", "never", "--verbose"});
        QVERIFY(!r.out.contains('\x1b'));
        QVERIFY(r.out.contains("Summary: "));
    }

    void collectorIsPrinted()
    {
        const Run r = cli({"collector"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("#!/bin/sh"));
        QVERIFY(r.out.contains("kinspect-snapshot"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
