// RemediationPlanner on collector-made snapshot fixtures (tests/data/snapshots) and the real
// catalogs: which file a fix edits, what the diff adds, parameters, follow-up.

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "remediate/RemediationPlan.h"
#include "snapshot/SnapshotParser.h"

#include <QTest>

using namespace kinspect;

namespace {

NodeSnapshot snapshot(const QString &name)
{
    auto s = loadSnapshotFile(QStringLiteral(KINSPECT_TEST_DATA "/snapshots/%1.snap").arg(name));
    if (!s)
        qFatal("%s", qPrintable(s.error().toString()));
    return *s;
}

ControlResult resultOf(const Benchmark &b, const NodeSnapshot &s, const QString &id)
{
    const NodeResult nr = Evaluator(b).evaluate(s, NodeContext{s.hostname, QString(), {}});
    for (const ControlResult &r : nr.results)
        if (r.controlId == id)
            return r;
    return {};
}

} // namespace

class TestPlanner : public QObject
{
    Q_OBJECT

    Benchmark m_b12, m_b151;

private slots:
    void initTestCase()
    {
        auto a = CatalogLoader::load(QStringLiteral("cis-1.12"));
        auto b = CatalogLoader::load(QStringLiteral("cis-1.5.1"));
        QVERIFY(a.ok() && b.ok());
        m_b12 = *a;
        m_b151 = *b;
    }

    void staticPodFlagsWithParameters()
    {
        const NodeSnapshot s = snapshot(QStringLiteral("kubeadm-cp-failing"));
        const Control *c = m_b12.control(QStringLiteral("1.2.5"));
        QVERIFY(c && c->fix);
        const ControlResult r = resultOf(m_b12, s, c->id);
        QCOMPARE(r.status, Status::Fail);
        RemediationPlanner planner(m_b12, *c, s, r);
        const auto params = planner.parameters();
        QCOMPARE(params.size(), 1);
        QCOMPARE(params[0].defaultValue, QStringLiteral("/etc/kubernetes/pki/ca.crt"));
        QCOMPARE(params[0].validate, QStringLiteral("fileExists"));

        const QString manifest = QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml");
        QHash<QString, QByteArray> contents{{manifest, s.file(manifest)->data}};
        auto byDefault = planner.plan({}, contents);
        QVERIFY2(byDefault.ok(),
                 qPrintable(byDefault.ok() ? QString() : byDefault.error().toString()));
        QVERIFY(byDefault->unifiedDiff().contains(
            QLatin1String("+    - --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt\n")));
        auto plan = planner.plan(
            {{QStringLiteral("ca"), QStringLiteral("/srv/pki/kubelet-ca.crt")}}, contents);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        QCOMPARE(plan->changes.size(), 1);
        const FileChange &ch = plan->changes.first();
        QCOMPARE(ch.path, manifest);
        QCOMPARE(ch.kind, FileChange::Kind::Content);
        QCOMPARE(ch.diff.added(), 1);
        QCOMPARE(ch.diff.removed(), 0);
        QCOMPARE(plan->followUp, FollowUp::StaticPodWait);
        QCOMPARE(plan->component, QStringLiteral("kube-apiserver"));
        QVERIFY(plan->unifiedDiff().contains(
            QLatin1String("--kubelet-certificate-authority=/srv/pki/kubelet-ca.crt")));
        QCOMPARE(ch.beforeSha256.size(), 64);
        QVERIFY(ch.beforeSha256 != ch.afterSha256);

        auto bad = planner.plan({{QStringLiteral("nope"), QStringLiteral("x")}}, contents);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QLatin1String("(it has: ca)")));
        auto relative = planner.plan({{QStringLiteral("ca"), QStringLiteral("ca.crt")}}, contents);
        QVERIFY(!relative.ok());
    }

    void removeFlag()
    {
        const NodeSnapshot s = snapshot(QStringLiteral("kubeadm-cp-failing"));
        const Control *c = m_b12.control(QStringLiteral("1.2.2"));
        const ControlResult r = resultOf(m_b12, s, c->id);
        QCOMPARE(r.status, Status::Fail);
        const QString manifest = QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml");
        auto plan =
            RemediationPlanner(m_b12, *c, s, r).plan({}, {{manifest, s.file(manifest)->data}});
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        QCOMPARE(plan->changes.size(), 1);
        QCOMPARE(plan->changes[0].diff.added(), 0);
        QCOMPARE(plan->changes[0].diff.removed(), 1);
    }

    void modesFromFailingEvidence()
    {
        const NodeSnapshot s = snapshot(QStringLiteral("kubeadm-cp-failing"));
        const Control *c = m_b12.control(QStringLiteral("1.1.1"));
        const ControlResult r = resultOf(m_b12, s, c->id);
        QCOMPARE(r.status, Status::Fail);
        auto plan = RemediationPlanner(m_b12, *c, s, r).plan({});
        QVERIFY(plan.ok());
        QCOMPARE(plan->changes.size(), 1);
        QCOMPARE(plan->changes[0].kind, FileChange::Kind::Mode);
        QCOMPARE(plan->changes[0].path,
                 QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml"));
        QCOMPARE(plan->changes[0].to, QStringLiteral("600"));
        QCOMPARE(plan->followUp, FollowUp::None);
        QVERIFY(plan->unifiedDiff().startsWith(QLatin1String("chmod 600 ")));
    }

    void recursiveModesCoverTheTree()
    {
        const NodeSnapshot s = snapshot(QStringLiteral("kubeadm-cp-failing"));
        const Control *c = m_b12.control(QStringLiteral("1.1.21"));
        const ControlResult r = resultOf(m_b12, s, c->id); // manual in 1.12: evidence as a hint
        int failing = 0;
        for (const Evidence &e : r.evidence)
            failing += e.source == QLatin1String("stat") && !e.passed;
        auto plan = RemediationPlanner(m_b12, *c, s, r).plan({});
        QVERIFY(plan.ok());
        QVERIFY(failing > 0);
        QVERIFY(plan->changes.size() >= failing);
        for (const FileChange &ch : plan->changes) {
            QCOMPARE(ch.kind, FileChange::Kind::Mode);
            QVERIFY2(ch.path.endsWith(QLatin1String(".key")), qPrintable(ch.path));
            QCOMPARE(ch.to, QStringLiteral("600"));
            QVERIFY(ch.from != QLatin1String("600"));
        }
    }

    void sensitiveDiffNotLogged()
    {
        const NodeSnapshot s = snapshot(QStringLiteral("kubeadm-cp-failing"));
        const Control *c = m_b12.control(QStringLiteral("1.2.15"));
        const QString manifest = QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml");
        auto plan = RemediationPlanner(m_b12, *c, s, resultOf(m_b12, s, c->id))
                        .plan({}, {{manifest, s.file(manifest)->data}});
        QVERIFY(plan.ok());
        QVERIFY(plan->loggedDiff().contains(QLatin1String("+    - --profiling=false")));
        plan->changes[0].sensitive = true;
        QVERIFY(plan->unifiedDiff().contains(QLatin1String("--profiling=false")));
        QVERIFY(!plan->loggedDiff().contains(QLatin1String("--profiling=false")));
        QVERIFY(plan->loggedDiff().contains(QLatin1String("1 line(s) added")));
    }

    void kubeletConfigKeyWhenNoFlag()
    {
        const NodeSnapshot s = snapshot(QStringLiteral("worker-dropin-extra-args"));
        const Control *c = m_b151.control(QStringLiteral("4.2.12"));
        QVERIFY(c && c->fix);
        const ControlResult r = resultOf(m_b151, s, c->id);
        auto plan = RemediationPlanner(m_b151, *c, s, r).plan({});
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        QCOMPARE(plan->changes.size(), 1);
        QCOMPARE(plan->changes[0].path, QStringLiteral("/var/lib/kubelet/config.yaml"));
        QVERIFY(
            plan->unifiedDiff().contains(QLatin1String("+  RotateKubeletServerCertificate: true")));
        QCOMPARE(plan->followUp, FollowUp::KubeletRestart);
        QCOMPARE(plan->followUpCommands().size(), 2);
    }

    void kubeletFlagFromEnvironmentFileBeatsConfig()
    {
        // A fix for a flag the kubelet gets from an EnvironmentFile (CRLF): the flag's source is
        // edited, not the config file (the flag would override it).
        const NodeSnapshot s = snapshot(QStringLiteral("worker-dropin-extra-args"));
        Control c = *m_b151.control(QStringLiteral("4.2.11"));
        c.fix->actions = {FixAction{QStringLiteral("set"), QStringLiteral("--event-qps"),
                                    QStringLiteral("eventRecordQPS"), QString(), QString(),
                                    QStringLiteral("5"), QString(), QString()}};
        const ControlResult r = resultOf(m_b151, s, c.id);
        auto plan = RemediationPlanner(m_b151, c, s, r).plan({});
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        QCOMPARE(plan->changes.size(), 1);
        const FileChange &ch = plan->changes[0];
        QCOMPARE(ch.path, QStringLiteral("/etc/sysconfig/kubelet"));
        QVERIFY(ch.after.contains("--event-qps=5\r\n"));
        QCOMPARE(ch.diff.added(), 1);
        QCOMPARE(ch.diff.removed(), 1);
        // Already compliant: nothing to change.
        Control same = c;
        same.fix->actions[0].value = QStringLiteral("0");
        auto none = RemediationPlanner(m_b151, same, s, r).plan({});
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
        QVERIFY(!none->notes.isEmpty());
    }

    void noFixNoPlan()
    {
        const NodeSnapshot s = snapshot(QStringLiteral("kubeadm-cp-failing"));
        for (const Control &c : m_b12.controls) {
            if (c.fix)
                continue;
            auto plan = RemediationPlanner(m_b12, c, s, resultOf(m_b12, s, c.id)).plan({});
            QVERIFY(!plan.ok());
            break;
        }
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "TestPlanner.moc"
