// The scan history: survives a restart, keeps snapshots and results exactly, lists per cluster /
// inventory, compares scans, versions its schema, and stays consistent when the writing process
// is killed half way through a scan (the test kills a real writer process with SIGKILL).

#include "store/ScanDiff.h"
#include "store/ScanHistory.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace kinspect;

namespace {

ClusterResult makeResult(const QString &cluster, int nodes, int seed)
{
    ClusterResult r;
    r.cluster = cluster;
    r.benchmarkId = QStringLiteral("cis-1.12");
    r.startedAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(seed * 60);
    r.finishedAt = r.startedAt.addSecs(30);
    for (int i = 0; i < nodes; ++i) {
        NodeResult n;
        n.name = QStringLiteral("node-%1").arg(i);
        n.host = QStringLiteral("10.0.0.%1").arg(i);
        n.roles = {QStringLiteral("worker")};
        n.audited = true;
        n.collectedAt = r.startedAt;
        for (int c = 1; c <= 5; ++c) {
            ControlResult cr;
            cr.controlId = QStringLiteral("4.2.%1").arg(c);
            cr.status = (c + seed + i) % 3 == 0 ? Status::Fail : Status::Pass;
            cr.reason = QStringLiteral("reason %1 ünïcode").arg(c);
            cr.evidence << Evidence{QStringLiteral("argv"),
                                    QStringLiteral("/proc/1/cmdline"),
                                    QStringLiteral("--flag-%1").arg(c),
                                    QString::number(seed),
                                    QStringLiteral("eq 1"),
                                    QStringLiteral("cat /proc/1/cmdline"),
                                    false};
            cr.remediationFile = QStringLiteral("/etc/kubernetes/kubelet.conf");
            n.results << cr;
        }
        r.nodes << n;
    }
    return r;
}

QByteArray snapshotBytes(int i, int size = 2000)
{
    QByteArray b = "#kinspect-snapshot v1\n";
    while (b.size() < size)
        b += "line of node " + QByteArray::number(i) + "\n";
    return b;
}

// The child process: writes scans forever (until killed), announcing each completed one.
int writer(const QString &path, const QString &mode)
{
    ScanHistory h;
    if (auto e = h.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(e->toString()));
        return 3;
    }
    for (int k = 1;; ++k) {
        const ClusterResult r = makeResult(QStringLiteral("kill"), 40, k);
        QList<QByteArray> snaps;
        for (int i = 0; i < r.nodes.size(); ++i)
            snaps << snapshotBytes(i, 20000);
        if (mode == QLatin1String("atomic")) {
            std::printf("saving %d\n", k);
            std::fflush(stdout);
            if (!h.saveScan(r, snaps))
                return 4;
        } else {
            auto id = h.beginScan(r, {});
            if (!id)
                return 4;
            for (int i = 0; i < r.nodes.size(); ++i) {
                if (h.addNode(*id, i, r.nodes[i], snaps[i]))
                    return 5;
                if (i == r.nodes.size() / 2) {
                    std::printf("half %d\n", k);
                    std::fflush(stdout);
                }
                QThread::msleep(5); // a node finishes now and then, as in a real scan
            }
            if (h.finishScan(*id, r))
                return 6;
        }
        std::printf("done %d\n", k);
        std::fflush(stdout);
    }
}

} // namespace

class TestScanHistory : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void survivesRestart()
    {
        const QString path = m_dir.filePath(QStringLiteral("restart/h.sqlite"));
        ClusterResult r = makeResult(QStringLiteral("prod"), 3, 1);
        r.nodes[1].results[0].status = Status::Waived;
        r.nodes[1].results[0].originalStatus = Status::Fail;
        r.nodes[1].results[0].waiver = AppliedWaiver{QStringLiteral("W-9"), QStringLiteral("why"),
                                                     QStringLiteral("bob"), QDate(2030, 5, 1)};
        r.nodes[2].results[1].manualHint = Status::Fail;
        NodeResult down;
        down.name = QStringLiteral("down");
        down.audited = false;
        down.errorKind = QStringLiteral("timeout");
        down.errorMessage = QStringLiteral("no answer");
        r.nodes << down;
        qint64 id = 0;
        {
            ScanHistory h;
            QVERIFY(!h.open(path));
            QCOMPARE(h.schemaVersion(), ScanHistory::kSchemaVersion);
            ScanMeta meta;
            meta.inventory = QStringLiteral("/srv/prod.yaml");
            meta.ranBy = QStringLiteral("ops@ws");
            auto saved =
                h.saveScan(r, {snapshotBytes(0), snapshotBytes(1), snapshotBytes(2)}, meta);
            QVERIFY2(saved, saved ? "" : qPrintable(saved.error().toString()));
            id = *saved;
        }
        ScanHistory h;
        QVERIFY(!h.open(path));
        auto list = h.listScans();
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        const ScanInfo &info = list->first();
        QCOMPARE(info.id, id);
        QVERIFY(info.complete);
        QCOMPARE(info.cluster, QStringLiteral("prod"));
        QCOMPARE(info.inventory, QStringLiteral("/srv/prod.yaml"));
        QCOMPARE(info.ranBy, QStringLiteral("ops@ws"));
        QCOMPARE(info.nodeCount, 4);
        QCOMPARE(info.summary, r.summary());
        QCOMPARE(info.startedAt, r.startedAt);
        auto s = h.loadScan(id);
        QVERIFY(s);
        QCOMPARE(s->result.nodes.size(), r.nodes.size());
        QCOMPARE(s->snapshots.size(), r.nodes.size());
        QCOMPARE(s->snapshots[2], snapshotBytes(2));
        QVERIFY(s->snapshots[3].isEmpty());
        QCOMPARE(s->result.summary(), r.summary());
        const ControlResult &w = s->result.nodes[1].results[0];
        QCOMPARE(w.status, Status::Waived);
        QCOMPARE(w.originalStatus, std::optional<Status>(Status::Fail));
        QVERIFY(w.waiver);
        QCOMPARE(w.waiver->owner, QStringLiteral("bob"));
        QCOMPARE(w.waiver->expires, QDate(2030, 5, 1));
        QCOMPARE(s->result.nodes[2].results[1].manualHint, std::optional<Status>(Status::Fail));
        QCOMPARE(s->result.nodes[0].results[2].evidence.first().key, QStringLiteral("--flag-3"));
        QCOMPARE(s->result.nodes[0].results[0].reason, r.nodes[0].results[0].reason);
        QVERIFY(!s->result.nodes[3].audited);
        QCOMPARE(s->result.nodes[3].errorKind, QStringLiteral("timeout"));
        QVERIFY(!h.loadScan(id + 100));
        // The texts the nodes repeat are one copy in memory once loaded (as the evaluator's own
        // results share them), not one per node: a 1,000-node scan read back stays small.
        const ControlResult &a = s->result.nodes[0].results[2];
        const ControlResult &b = s->result.nodes[2].results[2];
        QCOMPARE(a.reason, b.reason);
        QCOMPARE(a.reason.constData(), b.reason.constData());
        QCOMPARE(a.evidence.first().command.constData(), b.evidence.first().command.constData());
        QCOMPARE(a.remediationFile.constData(), b.remediationFile.constData());
        QCOMPARE(a.controlId.constData(), b.controlId.constData());
    }

    void listsPerClusterAndInventory()
    {
        ScanHistory h;
        QVERIFY(!h.open(m_dir.filePath(QStringLiteral("list.sqlite"))));
        ScanMeta a{QStringLiteral("/inv/a.yaml"), {}, {}};
        ScanMeta b{QStringLiteral("/inv/b.yaml"), {}, {}};
        const qint64 a1 = *h.saveScan(makeResult(QStringLiteral("A"), 1, 1), {}, a);
        const qint64 b1 = *h.saveScan(makeResult(QStringLiteral("B"), 1, 2), {}, b);
        const qint64 a2 = *h.saveScan(makeResult(QStringLiteral("A"), 1, 3), {}, a);
        auto all = h.listScans();
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->first().id, a2); // newest first
        auto onlyA = h.listScans(QStringLiteral("A"));
        QCOMPARE(onlyA->size(), 2);
        QCOMPARE(onlyA->at(0).id, a2);
        QCOMPARE(onlyA->at(1).id, a1);
        auto invB = h.listScans(QString(), QStringLiteral("/inv/b.yaml"));
        QCOMPARE(invB->size(), 1);
        QCOMPARE(invB->first().id, b1);
        QCOMPARE(h.previousScan(a2), std::optional<qint64>(a1));
        QCOMPARE(h.previousScan(a1), std::nullopt);
        QVERIFY(!h.deleteScan(a1));
        QCOMPARE(h.listScans(QStringLiteral("A"))->size(), 1);
        QVERIFY(h.deleteScan(a1)); // already gone: an error
    }

    void incompleteScanIsMarked()
    {
        ScanHistory h;
        QVERIFY(!h.open(m_dir.filePath(QStringLiteral("incomplete.sqlite"))));
        const ClusterResult r = makeResult(QStringLiteral("C"), 3, 1);
        auto id = h.beginScan(r, {});
        QVERIFY(id);
        QVERIFY(!h.addNode(*id, 0, r.nodes[0], snapshotBytes(0)));
        QCOMPARE(h.listScans()->size(), 0);
        auto all = h.listScans(QString(), QString(), true);
        QCOMPARE(all->size(), 1);
        QVERIFY(!all->first().complete);
        QVERIFY(!h.finishScan(*id, r));
        QCOMPARE(h.listScans()->size(), 1);
        QCOMPARE(h.loadScan(*id)->result.nodes.size(), 3);
    }

    void schemaVersioning()
    {
        const QString path = m_dir.filePath(QStringLiteral("future.sqlite"));
        {
            ScanHistory h;
            QVERIFY(!h.open(path));
        }
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        ScanHistory h;
        auto e = h.open(path);
        QVERIFY(e);
        QVERIFY2(e->message.contains(QLatin1String("newer")), qPrintable(e->message));
        // Not a database at all.
        const QString junk = m_dir.filePath(QStringLiteral("junk.sqlite"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        ScanHistory j;
        QVERIFY(j.open(junk));
    }

    void killedWriter_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("incremental") << QStringLiteral("incremental");
        QTest::newRow("atomic") << QStringLiteral("atomic");
    }

    void killedWriter()
    {
        QFETCH(QString, mode);
        const QString path = m_dir.filePath(QStringLiteral("kill-%1.sqlite").arg(mode));
        QProcess p;
        p.setProcessChannelMode(QProcess::SeparateChannels);
        p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--writer"), path, mode});
        QVERIFY(p.waitForStarted());
        int done = 0;
        QByteArray outText;
        QElapsedTimer t;
        t.start();
        // Kill inside the third scan: incremental, after half its nodes are stored; atomic,
        // right after saveScan() began its transaction.
        const QByteArray trigger = mode == QLatin1String("atomic") ? "saving 3" : "half 3";
        while (!outText.contains(trigger) && t.elapsed() < 60000) {
            p.waitForReadyRead(1000);
            outText += p.readAllStandardOutput();
            QVERIFY2(p.state() == QProcess::Running, p.readAllStandardError().constData());
        }
        QVERIFY(outText.contains(trigger));
        done = int(outText.count("done"));
        QCOMPARE(done, 2);
        if (mode == QLatin1String("atomic"))
            QTest::qWait(3);
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        outText += p.readAllStandardOutput();
        const int announced = int(outText.count("done"));

        ScanHistory h;
        QVERIFY(!h.open(path));
        QCOMPARE(*h.integrityCheck(), QStringLiteral("ok"));
        auto complete = h.listScans();
        auto all = h.listScans(QString(), QString(), true);
        QVERIFY(complete && all);
        // Every announced scan is there; at most the one being written when killed may have
        // committed without being announced.
        QVERIFY2(complete->size() >= announced && complete->size() <= announced + 1 &&
                     (mode == QLatin1String("atomic") || complete->size() == 2),
                 qPrintable(QStringLiteral("%1 vs %2").arg(complete->size()).arg(announced)));
        for (const ScanInfo &i : *complete) {
            auto s = h.loadScan(i.id);
            QVERIFY(s);
            QCOMPARE(s->result.nodes.size(), 40);
            QCOMPARE(s->snapshots.last(), snapshotBytes(39, 20000));
        }
        const qsizetype incomplete = all->size() - complete->size();
        qInfo("%s: %d announced, %d complete, %d incomplete", qPrintable(mode), announced,
              int(complete->size()), int(incomplete));
        if (mode == QLatin1String("atomic"))
            QCOMPARE(incomplete, qsizetype(0)); // a killed saveScan() leaves nothing behind
        else
            QCOMPARE(incomplete, qsizetype(1)); // the interrupted scan, marked incomplete
        for (const ScanInfo &i : *all)
            if (!i.complete)
                QVERIFY(h.loadScan(i.id)->result.nodes.size() < 40);
        // The database still takes writes.
        QVERIFY(h.saveScan(makeResult(QStringLiteral("after"), 1, 1), {}));
    }

    void compare()
    {
        ClusterResult a = makeResult(QStringLiteral("D"), 3, 0);
        ClusterResult b = a;
        // node-0 4.2.1: PASS -> FAIL; find a FAIL and make it PASS; change evidence; swap nodes.
        auto find = [](ClusterResult &r, int node, Status s) -> ControlResult * {
            for (auto &c : r.nodes[node].results)
                if (c.status == s)
                    return &c;
            return nullptr;
        };
        ControlResult *p = find(b, 0, Status::Pass);
        QVERIFY(p);
        p->status = Status::Fail;
        ControlResult *f = find(b, 1, Status::Fail);
        QVERIFY(f);
        f->status = Status::Pass;
        ControlResult *e = find(b, 1, Status::Pass);
        QVERIFY(e && e != f);
        e->evidence[0].actual = QStringLiteral("changed");
        ControlResult *w = find(b, 2, Status::Fail);
        QVERIFY(w);
        w->status = Status::Waived;
        b.nodes.removeLast();
        NodeResult extra = a.nodes[0];
        extra.name = QStringLiteral("node-new");
        b.nodes << extra;

        const ScanDiff d = compareScans(a, b);
        QCOMPARE(d.count(ScanChange::Kind::NewFailure),
                 1 + int(std::count_if(
                         extra.results.cbegin(), extra.results.cend(),
                         [](const ControlResult &r) { return r.status == Status::Fail; })));
        QCOMPARE(d.count(ScanChange::Kind::Fixed), 1);
        QCOMPARE(d.count(ScanChange::Kind::EvidenceChanged), 1);
        QCOMPARE(d.ofKind(ScanChange::Kind::EvidenceChanged)
                     .first()
                     .afterValues.first()
                     .endsWith(QLatin1String("= changed")),
                 true);
        QCOMPARE(d.count(ScanChange::Kind::StatusChanged), 0);
        QCOMPARE(d.count(ScanChange::Kind::NodeAdded), 1);
        QCOMPARE(d.count(ScanChange::Kind::NodeRemoved), 1);
        QCOMPARE(d.ofKind(ScanChange::Kind::NodeRemoved).first().node, QStringLiteral("node-2"));
        const QJsonObject j = scanDiffToJson(d);
        QCOMPARE(
            j.value(QStringLiteral("counts")).toObject().value(QStringLiteral("fixed")).toInt(), 1);
        QVERIFY(scanDiffText(d).contains(QLatin1String("Fixed: 1")));
        QVERIFY(compareScans(a, a).changes.isEmpty());
    }

    void waiversStored()
    {
        ScanHistory h;
        QVERIFY(!h.open(m_dir.filePath(QStringLiteral("w.sqlite"))));
        Waiver w{QStringLiteral("W-1"),
                 QStringLiteral("1.2.5"),
                 {QStringLiteral("cp-1"), QStringLiteral("etcd")},
                 QStringLiteral("accepted"),
                 QStringLiteral("alice"),
                 QDate(2030, 1, 1),
                 {}};
        QVERIFY(!h.saveWaiver(w));
        Waiver bad = w;
        bad.owner.clear();
        QVERIFY(h.saveWaiver(bad));
        w.justification = QStringLiteral("updated");
        QVERIFY(!h.saveWaiver(w)); // same id: replaced
        auto list = h.waivers();
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().justification, QStringLiteral("updated"));
        QCOMPARE(list->first().nodes,
                 (QStringList{QStringLiteral("cp-1"), QStringLiteral("etcd")}));
        QVERIFY(list->first().created.isValid());
        Waiver w2 = w;
        w2.id = QStringLiteral("W-2");
        QVERIFY(!h.replaceWaivers({w2}));
        QCOMPARE(h.waivers()->size(), 1);
        QCOMPARE(h.waivers()->first().id, QStringLiteral("W-2"));
        QVERIFY(h.removeWaiver(QStringLiteral("W-1")));
        QVERIFY(!h.removeWaiver(QStringLiteral("W-2")));
        QCOMPARE(h.waivers()->size(), 0);
    }

private:
    QTemporaryDir m_dir;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--writer") == 0)
        return writer(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    TestScanHistory t;
    return QTest::qExec(&t, argc, argv);
}

#include "TestScanHistory.moc"
