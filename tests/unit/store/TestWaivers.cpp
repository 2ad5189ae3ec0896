// Waivers: the strict YAML loader (errors name file and line), the YAML round trip, scope
// (node names, roles, every node), expiry, and the effect on summaries and exit codes — in the
// core and through kinspect-cli.

#include "store/Waiver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kinspect;

namespace {

ControlResult res(const QString &id, Status s)
{
    ControlResult r;
    r.controlId = id;
    r.status = s;
    return r;
}

ClusterResult cluster()
{
    ClusterResult c;
    c.cluster = QStringLiteral("lab");
    NodeResult cp;
    cp.name = QStringLiteral("cp-1");
    cp.roles = {QStringLiteral("control-plane"), QStringLiteral("etcd")};
    cp.audited = true;
    cp.results = {res(QStringLiteral("1.2.5"), Status::Fail),
                  res(QStringLiteral("1.2.6"), Status::Pass),
                  res(QStringLiteral("4.2.1"), Status::Fail)};
    NodeResult w1;
    w1.name = QStringLiteral("worker-1");
    w1.roles = {QStringLiteral("worker")};
    w1.audited = true;
    w1.results = {res(QStringLiteral("1.2.5"), Status::NotApplicable),
                  res(QStringLiteral("4.2.1"), Status::Fail)};
    NodeResult w2 = w1;
    w2.name = QStringLiteral("worker-2");
    c.nodes = {cp, w1, w2};
    return c;
}

Waiver waiver(const QString &control, const QStringList &nodes, const QDate &expires)
{
    return Waiver{QStringLiteral("W-") + control, control, nodes, QStringLiteral("accepted"),
                  QStringLiteral("alice"),        expires, {}};
}

const QDate kToday(2026, 11, 22);

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KINSPECT_HISTORY_DB"),
               QStringLiteral("/nonexistent/never-created.sqlite"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KINSPECT_CLI), args);
    p.waitForFinished(60000);
    return Run{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

class TestWaivers : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidFile()
    {
        const QByteArray yaml = "version: 1\n"
                                "waivers:\n"
                                "  - id: W-1\n"
                                "    control: \"1.2.5\"\n"
                                "    nodes: [cp-1, worker]\n"
                                "    justification: Vendor appliance, fixed in Q3\n"
                                "    owner: alice@example.com\n"
                                "    expires: 2027-03-31\n"
                                "  - id: W-2\n"
                                "    control: 4.2.1\n"
                                "    justification: x\n"
                                "    owner: bob\n"
                                "    expires: 2026-12-01\n";
        auto w = parseWaivers(yaml, QStringLiteral("w.yaml"));
        QVERIFY2(w, w ? "" : qPrintable(w.error().toString()));
        QCOMPARE(w->size(), 2);
        QCOMPARE(w->at(0).nodes, (QStringList{QStringLiteral("cp-1"), QStringLiteral("worker")}));
        QCOMPARE(w->at(0).expires, QDate(2027, 3, 31));
        QVERIFY(w->at(1).nodes.isEmpty());
        QCOMPARE(w->at(1).controlId, QStringLiteral("4.2.1"));
        QVERIFY(parseWaivers("", QStringLiteral("empty.yaml"))->isEmpty());
    }

    void strictErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("words");
        const QByteArray head = "waivers:\n  - id: W-1\n    control: 1.2.5\n";
        QTest::newRow("unknown key") << head + "    justification: j\n    owner: o\n    expires: "
                                               "2027-01-01\n    expiry: 2027-01-01\n"
                                     << 7 << "expiry";
        QTest::newRow("missing owner") << head + "    justification: j\n    expires: 2027-01-01\n"
                                       << 2 << "owner";
        QTest::newRow("bad date")
            << head + "    justification: j\n    owner: o\n    expires: next year\n"
            << 6 << "YYYY-MM-DD";
        QTest::newRow("bad control")
            << QByteArray("waivers:\n  - id: W-1\n    control: api-server\n    justification: j\n  "
                          "  owner: o\n    expires: 2027-01-01\n")
            << 3 << "control id";
        QTest::newRow("duplicate id")
            << head + "    justification: j\n    owner: o\n    expires: 2027-01-01\n" +
                   head.mid(9) + "    justification: j\n    owner: o\n    expires: 2027-01-01\n"
            << 7 << "duplicate";
        QTest::newRow("top-level key") << QByteArray("waiver:\n  - id: x\n") << 1 << "waiver";
        QTest::newRow("not a list") << QByteArray("waivers: {id: x}\n") << 1 << "list";
        QTest::newRow("nodes map") << head + "    nodes: {a: b}\n    justification: j\n    owner: "
                                             "o\n    expires: 2027-01-01\n"
                                   << 4 << "nodes";
        QTest::newRow("yaml syntax") << QByteArray("waivers:\n  - id: \"open\n") << 2 << "";
    }

    void strictErrors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(QString, words);
        auto w = parseWaivers(yaml, QStringLiteral("team/waivers.yaml"));
        QVERIFY(!w);
        QCOMPARE(w.error().file, QStringLiteral("team/waivers.yaml"));
        QCOMPARE(w.error().line, line);
        QVERIFY2(w.error().message.contains(words), qPrintable(w.error().toString()));
    }

    void yamlRoundTrip()
    {
        Waiver a =
            waiver(QStringLiteral("1.2.5"),
                   {QStringLiteral("cp-1"), QStringLiteral("we\"ird: [x]")}, QDate(2027, 1, 2));
        a.justification = QStringLiteral("multi\nline: with # hash and 'quotes' and ünïcode");
        a.created = QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC);
        const Waiver b = waiver(QStringLiteral("4.2.1"), {}, QDate(2026, 12, 31));
        const QByteArray yaml = waiversToYaml({a, b});
        auto back = parseWaivers(yaml, QStringLiteral("rt.yaml"));
        QVERIFY2(back, back ? ""
                            : qPrintable(back.error().toString() + QLatin1Char('\n') +
                                         QString::fromUtf8(yaml)));
        QCOMPARE(back->size(), 2);
        QCOMPARE(back->at(0).nodes, a.nodes);
        QCOMPARE(back->at(0).justification, a.justification);
        QCOMPARE(back->at(0).created, a.created);
        QCOMPARE(back->at(1).expires, b.expires);
        QVERIFY(back->at(1).nodes.isEmpty());
        QVERIFY(parseWaivers(waiversToYaml({}), QStringLiteral("e.yaml"))->isEmpty());
    }

    void scopeByNameRoleAndAll()
    {
        // By node name: only that node.
        ClusterResult c = cluster();
        auto o = applyWaivers(
            c, {waiver(QStringLiteral("4.2.1"), {QStringLiteral("worker-1")}, QDate(2030, 1, 1))},
            kToday);
        QCOMPARE(o.applied, 1);
        QCOMPARE(c.nodes[1].results[1].status, Status::Waived);
        QCOMPARE(c.nodes[2].results[1].status, Status::Fail);
        QCOMPARE(c.nodes[0].results[2].status, Status::Fail);
        QCOMPARE(c.nodes[1].results[1].originalStatus, std::optional<Status>(Status::Fail));
        QCOMPARE(c.nodes[1].results[1].waiver->owner, QStringLiteral("alice"));
        // By role: every worker.
        c = cluster();
        o = applyWaivers(
            c, {waiver(QStringLiteral("4.2.1"), {QStringLiteral("worker")}, QDate(2030, 1, 1))},
            kToday);
        QCOMPARE(o.applied, 2);
        QCOMPARE(c.nodes[0].results[2].status, Status::Fail);
        // No nodes: all of them. Only FAILs are waived (PASS / N/A untouched).
        c = cluster();
        o = applyWaivers(c,
                         {waiver(QStringLiteral("4.2.1"), {}, QDate(2030, 1, 1)),
                          waiver(QStringLiteral("1.2.5"), {}, QDate(2030, 1, 1))},
                         kToday);
        QCOMPARE(o.applied, 4);
        QCOMPARE(c.nodes[1].results[0].status, Status::NotApplicable);
        QVERIFY(!c.nodes[1].results[0].waiver);
        // Another control is never touched; an unused waiver is reported.
        c = cluster();
        o = applyWaivers(c, {waiver(QStringLiteral("9.9.9"), {}, QDate(2030, 1, 1))}, kToday);
        QCOMPARE(o.applied, 0);
        QCOMPARE(o.unused, QStringList{QStringLiteral("W-9.9.9")});
    }

    void expiry()
    {
        ClusterResult c = cluster();
        // Expires today: still holds. Expired yesterday: the failure shows again.
        auto o = applyWaivers(c,
                              {waiver(QStringLiteral("1.2.5"), {}, kToday),
                               waiver(QStringLiteral("4.2.1"), {}, kToday.addDays(-1))},
                              kToday);
        QCOMPARE(o.applied, 1);
        QCOMPARE(o.expired, 3);
        QCOMPARE(c.nodes[0].results[0].status, Status::Waived);
        QCOMPARE(c.nodes[0].results[2].status, Status::Fail);
        QVERIFY(c.nodes[0].results[2].waiver); // still named, so reports can say it expired
        QVERIFY(!c.nodes[0].results[2].originalStatus);
        // A valid waiver wins over an expired one for the same control.
        c = cluster();
        Waiver old = waiver(QStringLiteral("4.2.1"), {}, QDate(2020, 1, 1));
        old.id = QStringLiteral("old");
        o = applyWaivers(c, {old, waiver(QStringLiteral("4.2.1"), {}, QDate(2030, 1, 1))}, kToday);
        QCOMPARE(o.applied, 3);
        QCOMPARE(c.nodes[2].results[1].waiver->id, QStringLiteral("W-4.2.1"));
    }

    void summariesAndExitCodes()
    {
        ClusterResult c = cluster();
        QCOMPARE(exitCodeFor(c), 1);
        const auto before = c.summary();
        applyWaivers(c, {waiver(QStringLiteral("4.2.1"), {}, QDate(2030, 1, 1))}, kToday);
        const auto after = c.summary();
        QCOMPARE(after.value(Status::Fail), before.value(Status::Fail) - 3);
        QCOMPARE(after.value(Status::Waived), 3);
        QCOMPARE(exitCodeFor(c), 1); // 1.2.5 still fails on cp-1
        applyWaivers(
            c,
            {waiver(QStringLiteral("1.2.5"), {QStringLiteral("control-plane")}, QDate(2030, 1, 1))},
            kToday);
        QCOMPARE(exitCodeFor(c), 0);
        // An ERROR is never waived: it still says the node was not fully audited.
        c = cluster();
        c.nodes[1].results[1].status = Status::Error;
        applyWaivers(c,
                     {waiver(QStringLiteral("4.2.1"), {}, QDate(2030, 1, 1)),
                      waiver(QStringLiteral("1.2.5"), {}, QDate(2030, 1, 1))},
                     kToday);
        QCOMPARE(c.nodes[1].results[1].status, Status::Error);
        QCOMPARE(exitCodeFor(c), 2);
        // Expired waivers leave the exit code at 1.
        c = cluster();
        applyWaivers(c,
                     {waiver(QStringLiteral("4.2.1"), {}, QDate(2020, 1, 1)),
                      waiver(QStringLiteral("1.2.5"), {}, QDate(2020, 1, 1))},
                     kToday);
        QCOMPARE(exitCodeFor(c), 1);
    }

    void cliExitCodes()
    {
        QTemporaryDir dir;
        const QString snap =
            QStringLiteral(KINSPECT_TEST_DATA "/snapshots/kubeadm-cp-compliant.snap");
        const QStringList base{
            QStringLiteral("evaluate"),    QStringLiteral("--snapshot"), snap,
            QStringLiteral("--benchmark"), QStringLiteral("cis-1.12"),   QStringLiteral("--format"),
            QStringLiteral("json")};
        Run plain = cli(base);
        QCOMPARE(plain.code, 1);
        const QJsonObject root = QJsonDocument::fromJson(plain.out).object();
        QStringList failing;
        for (const auto &n : root.value(QStringLiteral("nodes")).toArray())
            for (const auto &r : n.toObject().value(QStringLiteral("results")).toArray())
                if (r.toObject().value(QStringLiteral("status")).toString() ==
                    QLatin1String("FAIL"))
                    failing << r.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!failing.isEmpty());
        auto writeFile = [&](const QString &name, const QDate &expires) {
            QList<Waiver> list;
            for (const QString &id : failing)
                list << waiver(id, {QStringLiteral("kubeadm-cp-compliant")}, expires);
            const QString path = dir.filePath(name);
            QFile f(path);
            f.open(QIODevice::WriteOnly);
            f.write(waiversToYaml(list));
            return path;
        };
        const QString valid =
            writeFile(QStringLiteral("valid.yaml"), QDate::currentDate().addYears(1));
        Run waived = cli(base + QStringList{QStringLiteral("--waivers"), valid});
        QCOMPARE(waived.code, 0);
        const QJsonObject sum = QJsonDocument::fromJson(waived.out)
                                    .object()
                                    .value(QStringLiteral("summary"))
                                    .toObject();
        QCOMPARE(sum.value(QStringLiteral("WAIVED")).toInt(), failing.size());
        QCOMPARE(sum.value(QStringLiteral("FAIL")).toInt(), 0);
        const QString expired =
            writeFile(QStringLiteral("expired.yaml"), QDate::currentDate().addDays(-1));
        Run exp = cli(base + QStringList{QStringLiteral("--waivers"), expired});
        QCOMPARE(exp.code, 1);
        QVERIFY(exp.err.contains("expired waiver"));
        // A broken file is bad input (64) and the message names file and line.
        const QString broken = dir.filePath(QStringLiteral("broken.yaml"));
        QFile f(broken);
        f.open(QIODevice::WriteOnly);
        f.write("waivers:\n  - id: W\n    control: 1.1.1\n    owner: me\n");
        f.close();
        Run bad = cli(base + QStringList{QStringLiteral("--waivers"), broken});
        QCOMPARE(bad.code, 64);
        QVERIFY2(bad.err.contains(broken.toUtf8() + ":2:"), bad.err.constData());
        // waivers check validates without a database.
        QCOMPARE(cli({QStringLiteral("waivers"), QStringLiteral("check"), QStringLiteral("--file"),
                      valid})
                     .code,
                 0);
        QCOMPARE(cli({QStringLiteral("waivers"), QStringLiteral("check"), QStringLiteral("--file"),
                      broken})
                     .code,
                 64);
    }

    // The history through the CLI: evaluate stores with --history-db, waivers from the DB apply
    // to the next run, list / compare / show / evaluate --scan read it back.
    void cliHistory()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("h.sqlite"));
        const QString snaps = QStringLiteral(KINSPECT_TEST_DATA "/snapshots");
        const QStringList eval{QStringLiteral("evaluate"),
                               QStringLiteral("--snapshot"),
                               snaps,
                               QStringLiteral("--benchmark"),
                               QStringLiteral("cis-1.12"),
                               QStringLiteral("--cluster"),
                               QStringLiteral("lab"),
                               QStringLiteral("--history-db"),
                               db,
                               QStringLiteral("-f"),
                               QStringLiteral("json")};
        Run first = cli(eval);
        QVERIFY2(first.err.contains("stored as scan 1"), first.err.constData());
        const int fails = QJsonDocument::fromJson(first.out)
                              .object()
                              .value(QStringLiteral("summary"))
                              .toObject()
                              .value(QStringLiteral("FAIL"))
                              .toInt();
        QVERIFY(fails > 0);
        // A waiver for every node's 1.1.1, stored in the DB.
        Run add =
            cli({QStringLiteral("waivers"), QStringLiteral("add"), QStringLiteral("--history-db"),
                 db, QStringLiteral("--id"), QStringLiteral("W-1"), QStringLiteral("--control"),
                 QStringLiteral("1.1.1"), QStringLiteral("--justification"), QStringLiteral("test"),
                 QStringLiteral("--owner"), QStringLiteral("qa"), QStringLiteral("--expires"),
                 QDate::currentDate().addDays(30).toString(Qt::ISODate)});
        QCOMPARE(add.code, 0);
        Run second = cli(eval);
        QVERIFY(second.err.contains("stored as scan 2"));
        const QJsonObject sum2 = QJsonDocument::fromJson(second.out)
                                     .object()
                                     .value(QStringLiteral("summary"))
                                     .toObject();
        QVERIFY(sum2.value(QStringLiteral("WAIVED")).toInt() > 0);
        QCOMPARE(sum2.value(QStringLiteral("FAIL")).toInt() +
                     sum2.value(QStringLiteral("WAIVED")).toInt(),
                 fails);

        Run list =
            cli({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--history-db"),
                 db, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(list.code, 0);
        const QJsonArray scans = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(scans.size(), 2);
        QCOMPARE(scans.at(0).toObject().value(QStringLiteral("id")).toInt(), 2);
        QCOMPARE(scans.at(0).toObject().value(QStringLiteral("cluster")).toString(),
                 QStringLiteral("lab"));

        Run cmp = cli({QStringLiteral("history"), QStringLiteral("compare"),
                       QStringLiteral("--history-db"), db, QStringLiteral("--from"),
                       QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("2"),
                       QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(cmp.code, 0); // no new failure
        const QJsonObject counts =
            QJsonDocument::fromJson(cmp.out).object().value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("status-changed")).toInt(),
                 sum2.value(QStringLiteral("WAIVED")).toInt());
        QCOMPARE(counts.value(QStringLiteral("new-failure")).toInt(), 0);

        Run show = cli({QStringLiteral("history"), QStringLiteral("show"),
                        QStringLiteral("--history-db"), db, QStringLiteral("--scan"),
                        QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY(show.out.contains("WAIVED"));
        QVERIFY(show.out.contains("W-1"));

        Run re = cli({QStringLiteral("evaluate"), QStringLiteral("--scan"), QStringLiteral("1"),
                      QStringLiteral("--history-db"), db, QStringLiteral("--benchmark"),
                      QStringLiteral("cis-1.5.1"), QStringLiteral("-f"), QStringLiteral("json")});
        const QJsonObject reRoot = QJsonDocument::fromJson(re.out).object();
        QCOMPARE(reRoot.value(QStringLiteral("benchmark"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 QStringLiteral("cis-1.5.1"));
        QCOMPARE(reRoot.value(QStringLiteral("nodes")).toArray().size(),
                 QJsonDocument::fromJson(first.out)
                     .object()
                     .value(QStringLiteral("nodes"))
                     .toArray()
                     .size());
        QCOMPARE(reRoot.value(QStringLiteral("cluster")).toString(), QStringLiteral("lab"));

        Run check = cli({QStringLiteral("history"), QStringLiteral("check"),
                         QStringLiteral("--history-db"), db});
        QCOMPARE(check.code, 0);
        QVERIFY(check.out.startsWith("ok\n"));
        // Exported waivers read back with the strict loader.
        Run exp = cli({QStringLiteral("waivers"), QStringLiteral("export"),
                       QStringLiteral("--history-db"), db});
        auto back = parseWaivers(exp.out, QStringLiteral("export"));
        QVERIFY(back && back->size() == 1 && back->first().id == QLatin1String("W-1"));
    }
};

QTEST_GUILESS_MAIN(TestWaivers)
#include "TestWaivers.moc"
