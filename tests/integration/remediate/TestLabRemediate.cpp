// Guided remediation against the lab: real sshd, real files, a supervisor that restarts static
// pods and the kubelet. Brings its own lab up (root only) and down.

#include "LabTools.h"
#include "catalog/CatalogLoader.h"
#include "inventory/Inventory.h"
#include "remediate/LineDiff.h"
#include "remediate/RemediationLog.h"
#include "remediate/RemediationSession.h"
#include "ssh/SshCommandRunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace kinspect;

namespace {

const QString kLabDir = QStringLiteral("/tmp/kinspect-rem-lab");
const int kBasePort = 27001;
const QString kApiserver = QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml");
const QString kManifests = QStringLiteral("/etc/kubernetes/manifests");

QString nodeStat(const QString &node, const QString &path)
{
    return QString::fromUtf8(testlab::nodeExec(kLabDir, node,
                                               QStringLiteral("stat -c '%a %U:%G' '%1'").arg(path)))
        .trimmed();
}

QString nodeListing(const QString &node, const QString &dir)
{
    return QString::fromUtf8(
        testlab::nodeExec(kLabDir, node, QStringLiteral("ls -A '%1'").arg(dir)));
}

QStringList commentLines(const QByteArray &data)
{
    QStringList out;
    for (const QByteArray &l : data.split('\n'))
        if (l.trimmed().startsWith('#'))
            out << QString::fromUtf8(l);
    return out;
}

} // namespace

class TestLabRemediate : public QObject
{
    Q_OBJECT

    bool m_up = false;
    Inventory m_inv;
    Benchmark m_b151;
    QTemporaryDir m_data;

    SshOptions sshOptions() const
    {
        SshOptions o;
        o.knownHostsFile = kLabDir + QStringLiteral("/known_hosts");
        o.sshConfigFile = QStringLiteral("none");
        o.useAgent = false;
        o.connectTimeoutSec = 10;
        o.commandTimeoutSec = 120;
        return o;
    }

    const NodeSpec &node(const QString &name) const { return *m_inv.node(name); }

    int cli(const QStringList &args, QString *output)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KINSPECT_DATA_DIR"), m_data.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KINSPECT_CLI),
                QStringList{QStringLiteral("remediate"), QStringLiteral("--inventory"),
                            kLabDir + QStringLiteral("/inventory.yaml"),
                            QStringLiteral("--known-hosts"),
                            kLabDir + QStringLiteral("/known_hosts"),
                            QStringLiteral("--ssh-config"), QStringLiteral("none"),
                            QStringLiteral("--benchmark"), QStringLiteral("cis-1.5.1")} +
                    args);
        p.waitForFinished(240000);
        *output = QString::fromUtf8(p.readAllStandardOutput()) +
                  QString::fromUtf8(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    // The things every apply must keep: comments and unrelated lines, mode/owner, a clean
    // manifests directory, a restorable backup equal to the old file.
    void checkKept(const QString &nodeName, const QString &path, const QByteArray &before,
                   const QString &statBefore, const QString &listingBefore, int added, int removed)
    {
        const QByteArray after = testlab::nodeFile(kLabDir, nodeName, path);
        const LineDiff d = LineDiff::compute(before, after);
        QCOMPARE(d.added(), added);
        QCOMPARE(d.removed(), removed);
        for (const QString &c : commentLines(before))
            QVERIFY2(commentLines(after).contains(c), qPrintable(c));
        QCOMPARE(nodeStat(nodeName, path), statBefore);
        QCOMPARE(nodeListing(nodeName, kManifests), listingBefore);
    }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the lab needs root");
        QVERIFY(m_data.isValid());
        QString out;
        m_up = testlab::runLab(
            {QStringLiteral("up"), QStringLiteral("--dir"), kLabDir, QStringLiteral("--base-port"),
             QString::number(kBasePort), QStringLiteral("--nodes"),
             QStringLiteral("cp-2=cp-bad,w-bad=worker-bad,w-dropin=worker-dropin-bad")},
            &out);
        QVERIFY2(m_up, qPrintable(out));
        auto inv = loadInventory(kLabDir + QStringLiteral("/inventory.yaml"));
        QVERIFY(inv.ok());
        m_inv = *inv;
        auto b = CatalogLoader::load(QStringLiteral("cis-1.5.1"));
        QVERIFY(b.ok());
        m_b151 = *b;
    }

    void cleanupTestCase()
    {
        if (!m_up)
            return;
        QString out;
        QVERIFY2(testlab::runLab({QStringLiteral("down"), QStringLiteral("--dir"), kLabDir}, &out),
                 qPrintable(out));
    }

    // 1.2.5 on cp-2 through the CLI: FAIL -> dry-run adds exactly the two missing flag lines
    // and changes nothing -> apply -> PASS once the supervisor restarted the API server ->
    // --rollback restores the backup byte for byte.
    void staticPodFlagThroughCli()
    {
        const QByteArray before = testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), kApiserver);
        QVERIFY(before.contains("# - --kubelet-client-certificate"));
        const QString statBefore = nodeStat(QStringLiteral("cp-2"), kApiserver);
        const QString listing = nodeListing(QStringLiteral("cp-2"), kManifests);
        QVERIFY(listing.contains(QLatin1String(".kube-apiserver.yaml.swp")));

        QString out;
        const QStringList base = {QStringLiteral("--node"), QStringLiteral("cp-2"),
                                  QStringLiteral("--control"), QStringLiteral("1.2.5")};
        QCOMPARE(cli(base + QStringList{QStringLiteral("--dry-run")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("1.2.5 FAIL")), qPrintable(out));
        QStringList plus, minus;
        for (const QString &l : out.split(QLatin1Char('\n'))) {
            if (l.startsWith(QLatin1Char('+')) && !l.startsWith(QLatin1String("+++")))
                plus << l;
            if (l.startsWith(QLatin1Char('-')) && !l.startsWith(QLatin1String("---")))
                minus << l;
        }
        QCOMPARE(plus,
                 QStringList({QStringLiteral("+        - --kubelet-client-certificate="
                                             "/etc/kubernetes/pki/apiserver-kubelet-client.crt"),
                              QStringLiteral("+        - --kubelet-client-key="
                                             "/etc/kubernetes/pki/apiserver-kubelet-client.key")}));
        QVERIFY(minus.isEmpty());
        QCOMPARE(testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), kApiserver),
                 before); // dry run: unchanged

        QCOMPARE(cli(base + QStringList{QStringLiteral("--apply")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("1.2.5 is now PASS")), qPrintable(out));
        checkKept(QStringLiteral("cp-2"), kApiserver, before, statBefore, listing, 2, 0);
        const QString argv = QString::fromUtf8(testlab::nodeExec(
            kLabDir, QStringLiteral("cp-2"),
            QStringLiteral("for p in /proc/[0-9]*; do tr '\\0' ' ' < $p/cmdline; echo; done")));
        QVERIFY(argv.contains(QLatin1String("--kubelet-client-key=/etc/kubernetes/pki/"
                                            "apiserver-kubelet-client.key")));

        // The log has the record with the backup; the backup is the old file.
        const QList<RemediationRecord> log =
            RemediationLog::read(m_data.path() + QStringLiteral("/remediation-log.jsonl"));
        QVERIFY(!log.isEmpty());
        const RemediationRecord &rec = log.last();
        QCOMPARE(rec.outcome, QStringLiteral("verified"));
        QCOMPARE(rec.node, QStringLiteral("cp-2"));
        QVERIFY(rec.diff.contains(QLatin1String("+        - --kubelet-client-key")));
        QCOMPARE(rec.items.size(), 1);
        QVERIFY(!rec.items[0].backup.startsWith(kManifests));
        QCOMPARE(testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), rec.items[0].backup), before);

        QCOMPARE(cli(base + QStringList{QStringLiteral("--rollback")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("1.2.5 is now FAIL")), qPrintable(out));
        QCOMPARE(testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), kApiserver), before);
        QCOMPARE(nodeStat(QStringLiteral("cp-2"), kApiserver), statBefore);
        QCOMPARE(nodeListing(QStringLiteral("cp-2"), kManifests), listing);
    }

    // 4.2.11 FAIL -> PASS when the cause is the kubelet config file (w-bad) and when it is a
    // flag in a drop-in (w-dropin, flag beats config).
    void kubeletRotation_data()
    {
        QTest::addColumn<QString>("nodeName");
        QTest::addColumn<QString>("file");
        QTest::newRow("config-file") << "w-bad"
                                     << "/var/lib/kubelet/config.yaml";
        QTest::newRow("drop-in") << "w-dropin"
                                 << "/etc/systemd/system/kubelet.service.d/20-rotation.conf";
    }

    void kubeletRotation()
    {
        QFETCH(QString, nodeName);
        QFETCH(QString, file);
        const QByteArray before = testlab::nodeFile(kLabDir, nodeName, file);
        const QString statBefore = nodeStat(nodeName, file);
        const QString listing = nodeListing(nodeName, kManifests);
        SshCommandRunner runner(node(nodeName), m_inv, sshOptions());
        RemediationOptions ro;
        ro.waitSeconds = 40;
        RemediationSession s(&runner, node(nodeName), m_b151, ro);
        auto r = s.audit(QStringLiteral("4.2.11"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->status, Status::Fail);
        QCOMPARE(r->remediationFile, file);
        auto plan = s.plan(QStringLiteral("4.2.11"));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        QCOMPARE(plan->changes.size(), 1);
        QCOMPARE(plan->changes[0].path, file);
        QCOMPARE(plan->followUp, FollowUp::KubeletRestart);
        QVERIFY(!s.validate(*plan));
        // Restart confirmed: daemon-reload + restart, then the re-check.
        const RemediationRecord rec = s.applyAndVerify(*plan, true);
        QVERIFY2(rec.outcome == QLatin1String("verified"), qPrintable(rec.message));
        QCOMPARE(rec.statusAfter, QStringLiteral("PASS"));
        checkKept(nodeName, file, before, statBefore, listing, 1, 1);
        QCOMPARE(testlab::nodeFile(kLabDir, nodeName, rec.items[0].backup), before);
        // Roll back on request: the old file and FAIL again.
        QVERIFY(!s.rollback(rec, true));
        QCOMPARE(testlab::nodeFile(kLabDir, nodeName, file), before);
        auto again = s.recheck(QStringLiteral("4.2.11"));
        QVERIFY(again.ok());
        QCOMPARE(again->status, Status::Fail);
    }

    // A kubelet change that makes the kubelet crash-loop (a malformed boolean in the drop-in) is
    // rolled back automatically, with daemon-reload + restart, and the kubelet runs again.
    void brokenKubeletChangeRolledBack()
    {
        const QString file =
            QStringLiteral("/etc/systemd/system/kubelet.service.d/20-rotation.conf");
        Benchmark broken = m_b151;
        for (Control &c : broken.controls)
            if (c.id == QLatin1String("4.2.11"))
                c.fix->actions[0].value = QStringLiteral("maybe");
        const QByteArray before = testlab::nodeFile(kLabDir, QStringLiteral("w-dropin"), file);
        SshCommandRunner runner(node(QStringLiteral("w-dropin")), m_inv, sshOptions());
        RemediationOptions ro;
        ro.waitSeconds = 12;
        RemediationSession s(&runner, node(QStringLiteral("w-dropin")), broken, ro);
        QVERIFY(s.audit(QStringLiteral("4.2.11")).ok());
        auto plan = s.plan(QStringLiteral("4.2.11"));
        QVERIFY(plan.ok());
        QVERIFY(plan->changes[0].after.contains("--rotate-certificates=maybe"));
        const RemediationRecord rec = s.applyAndVerify(*plan, true);
        QCOMPARE(rec.outcome, QStringLiteral("rolled-back"));
        QCOMPARE(rec.statusAfter, QStringLiteral("FAIL"));
        QCOMPARE(testlab::nodeFile(kLabDir, QStringLiteral("w-dropin"), file), before);
        QCOMPARE(QString::fromUtf8(testlab::nodeExec(kLabDir, QStringLiteral("w-dropin"),
                                                     QStringLiteral("systemctl is-active kubelet")))
                     .trimmed(),
                 QStringLiteral("active"));
    }

    void kubeletRestartNeedsConfirmation()
    {
        const QString file = QStringLiteral("/var/lib/kubelet/config.yaml");
        SshCommandRunner runner(node(QStringLiteral("w-bad")), m_inv, sshOptions());
        RemediationSession s(&runner, node(QStringLiteral("w-bad")), m_b151);
        QVERIFY(s.audit(QStringLiteral("4.2.11")).ok());
        auto plan = s.plan(QStringLiteral("4.2.11"));
        QVERIFY(plan.ok());
        const RemediationRecord rec = s.applyAndVerify(*plan, false);
        QCOMPARE(rec.outcome, QStringLiteral("applied"));
        QVERIFY(rec.message.contains(QLatin1String("systemctl restart kubelet")));
        QVERIFY(rec.statusAfter.isEmpty()); // not re-checked: the kubelet still runs the old one
        QVERIFY(!s.rollback(rec, false));
        QCOMPARE(testlab::nodeFile(kLabDir, QStringLiteral("w-bad"), file),
                 plan->changes[0].before);
    }

    // A file permission control: FAIL -> PASS, and back from the saved mode.
    void filePermission()
    {
        const QString dir = QStringLiteral("/var/lib/etcd");
        const QString statBefore = nodeStat(QStringLiteral("cp-2"), dir);
        QVERIFY(statBefore.startsWith(QLatin1String("755 ")));
        SshCommandRunner runner(node(QStringLiteral("cp-2")), m_inv, sshOptions());
        RemediationSession s(&runner, node(QStringLiteral("cp-2")), m_b151);
        auto r = s.audit(QStringLiteral("1.1.11"));
        QVERIFY(r.ok());
        QCOMPARE(r->status, Status::Fail);
        auto plan = s.plan(QStringLiteral("1.1.11"));
        QVERIFY(plan.ok());
        QCOMPARE(plan->changes.size(), 1);
        QCOMPARE(plan->changes[0].kind, FileChange::Kind::Mode);
        const QString listing = nodeListing(QStringLiteral("cp-2"), kManifests);
        const RemediationRecord rec = s.applyAndVerify(*plan, false);
        QCOMPARE(rec.outcome, QStringLiteral("verified"));
        QCOMPARE(nodeStat(QStringLiteral("cp-2"), dir),
                 QStringLiteral("700") + statBefore.mid(3)); // owner kept
        QCOMPARE(nodeListing(QStringLiteral("cp-2"), kManifests), listing);
        QVERIFY(!s.rollback(rec, false));
        QCOMPARE(nodeStat(QStringLiteral("cp-2"), dir), statBefore);
    }

    // A file changed after the scan is refused, both at planning and at writing time; then a
    // fresh scan plans and applies (the scheduler keeps its flags in args:, with a bare boolean).
    void changedSinceScanRefused()
    {
        const QString sched = QStringLiteral("/etc/kubernetes/manifests/kube-scheduler.yaml");
        SshCommandRunner runner(node(QStringLiteral("cp-2")), m_inv, sshOptions());
        RemediationSession s(&runner, node(QStringLiteral("cp-2")), m_b151);
        auto r = s.audit(QStringLiteral("1.4.1"));
        QVERIFY(r.ok());
        QCOMPARE(r->status, Status::Fail);
        testlab::nodeExec(
            kLabDir, QStringLiteral("cp-2"),
            QStringLiteral("printf '# touched after the scan\\n' >> '%1'").arg(sched));
        const QByteArray touched = testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), sched);
        auto refused = s.plan(QStringLiteral("1.4.1"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QLatin1String("changed")),
                 qPrintable(refused.error().toString()));
        QCOMPARE(refused.error().file, sched);

        // Re-scan: the plan works; a change between plan and apply is refused by the node.
        QVERIFY(s.audit(QStringLiteral("1.4.1")).ok());
        auto plan = s.plan(QStringLiteral("1.4.1"));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        testlab::nodeExec(kLabDir, QStringLiteral("cp-2"),
                          QStringLiteral("printf '# again\\n' >> '%1'").arg(sched));
        const QByteArray touched2 = testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), sched);
        const RemediationRecord refusedRec = s.applyAndVerify(*plan, false);
        QCOMPARE(refusedRec.outcome, QStringLiteral("refused"));
        QCOMPARE(testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), sched), touched2);
        Q_UNUSED(touched);

        QVERIFY(s.audit(QStringLiteral("1.4.1")).ok());
        plan = s.plan(QStringLiteral("1.4.1"));
        QVERIFY(plan.ok());
        const QString statBefore = nodeStat(QStringLiteral("cp-2"), sched);
        const QString listing = nodeListing(QStringLiteral("cp-2"), kManifests);
        QVERIFY(plan->unifiedDiff().contains(QLatin1String("+    - --profiling=false")) ||
                plan->unifiedDiff().contains(QLatin1String("--profiling=false")));
        const RemediationRecord rec = s.applyAndVerify(*plan, false);
        QVERIFY2(rec.outcome == QLatin1String("verified"), qPrintable(rec.message));
        // The bare `--profiling` in args: became --profiling=false, nothing else moved.
        checkKept(QStringLiteral("cp-2"), sched, touched2, statBefore, listing, 1, 1);
        QCOMPARE(testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), rec.items[0].backup), touched2);
        QVERIFY(!s.rollback(rec, false));
        QCOMPARE(testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), sched), touched2);
    }

    // A broken edit (a certificate flag pointing at a missing file: the API server crash-loops)
    // is refused by the on-node validation, and when forced, rolled back automatically.
    void brokenEditRolledBack()
    {
        const QByteArray before = testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), kApiserver);
        const QString statBefore = nodeStat(QStringLiteral("cp-2"), kApiserver);
        const QString listing = nodeListing(QStringLiteral("cp-2"), kManifests);
        SshCommandRunner runner(node(QStringLiteral("cp-2")), m_inv, sshOptions());
        RemediationOptions ro;
        ro.waitSeconds = 15;
        RemediationSession s(&runner, node(QStringLiteral("cp-2")), m_b151, ro);
        QVERIFY(s.audit(QStringLiteral("1.2.5")).ok());
        const QMap<QString, QString> bad{
            {QStringLiteral("certificate"), QStringLiteral("/etc/kubernetes/pki/missing.crt")}};
        auto plan = s.plan(QStringLiteral("1.2.5"), bad);
        QVERIFY(plan.ok());
        const auto invalid = s.validate(*plan);
        QVERIFY(invalid.has_value());
        QCOMPARE(invalid->file, QStringLiteral("/etc/kubernetes/pki/missing.crt"));

        const RemediationRecord rec = s.applyAndVerify(*plan, false);
        QCOMPARE(rec.outcome, QStringLiteral("rolled-back"));
        QCOMPARE(rec.statusBefore, QStringLiteral("FAIL"));
        QCOMPARE(rec.statusAfter, QStringLiteral("FAIL"));
        QCOMPARE(testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), kApiserver), before);
        QCOMPARE(nodeStat(QStringLiteral("cp-2"), kApiserver), statBefore);
        QCOMPARE(nodeListing(QStringLiteral("cp-2"), kManifests), listing);
        auto after = s.recheck(QStringLiteral("1.2.5"));
        QVERIFY(after.ok());
        QCOMPARE(after->status, Status::Fail);
        QCOMPARE(after->reason, s.result().reason);
    }
};

QTEST_GUILESS_MAIN(TestLabRemediate)
#include "TestLabRemediate.moc"
