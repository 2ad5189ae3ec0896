// k3s / RKE2: component argv rebuilt from the server process, config.yaml (+ .d) and defaults;
// path profiles; evaluation of a k3s snapshot through the unchanged catalog.
#include "catalog/CatalogLoader.h"
#include "evaluate/Distributions.h"
#include "evaluate/Evaluator.h"
#include "evaluate/Profile.h"
#include "snapshot/SnapshotParser.h"

#include <QFile>
#include <QtTest>

using namespace kinspect;

namespace {

NodeSnapshot fixture(const char *name)
{
    QFile f(QStringLiteral(KINSPECT_TEST_DATA "/snapshots/") + QLatin1String(name) + ".snap");
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    auto s = parseSnapshot(f.readAll(), f.fileName());
    if (!s)
        qFatal("%s", qPrintable(s.error().toString()));
    return *s;
}

void addFile(NodeSnapshot &s, const QString &path, const QByteArray &data)
{
    FileContent f;
    f.path = path;
    f.data = data;
    f.size = data.size();
    s.files.insert(path, f);
    FileStat st;
    st.path = path;
    st.type = FileStat::Type::Regular;
    st.mode = 0600;
    s.stats.insert(path, st);
}

NodeSnapshot rancher(const QString &dist, const QStringList &argv)
{
    NodeSnapshot s;
    s.formatVersion = 1;
    s.distribution = dist;
    s.hostname = QStringLiteral("n1");
    ProcessInfo p;
    p.pid = 42;
    p.component = dist;
    p.exe = QStringLiteral("/usr/local/bin/") + dist;
    p.argv = argv;
    s.processes << p;
    const PathProfile prof = PathProfile::forDistribution(dist);
    for (auto it = prof.vars.cbegin(); it != prof.vars.cend(); ++it)
        s.profile.insert(it.key(), it.value());
    return s;
}

// The value of --flag in argv (last wins), or a null string.
QString flagValue(const ProcessInfo *p, const QString &flag)
{
    QString v;
    if (!p)
        return v;
    for (const QString &a : p->argv)
        if (a.startsWith(flag + "="))
            v = a.mid(flag.size() + 1);
    return v;
}

const ControlResult *result(const NodeResult &r, const QString &id)
{
    for (const auto &c : r.results)
        if (c.controlId == id)
            return &c;
    return nullptr;
}

} // namespace

class TestDistributions : public QObject
{
    Q_OBJECT

private slots:
    void profiles()
    {
        const PathProfile kubeadm = PathProfile::forDistribution("kubeadm");
        QCOMPARE(kubeadm.name, QStringLiteral("kubeadm"));
        QCOMPARE(kubeadm.vars.value("manifests"), QStringLiteral("/etc/kubernetes/manifests"));
        QCOMPARE(PathProfile::forDistribution("unknown").vars, kubeadm.vars);
        const PathProfile k3s = PathProfile::forDistribution("k3s");
        QCOMPARE(k3s.name, QStringLiteral("k3s"));
        QCOMPARE(k3s.vars.value("manifests"),
                 QStringLiteral("/var/lib/rancher/k3s/agent/pod-manifests"));
        QCOMPARE(k3s.vars.value("pki"), QStringLiteral("/var/lib/rancher/k3s/server/tls"));
        QCOMPARE(k3s.vars.value("adminConf"),
                 QStringLiteral("/var/lib/rancher/k3s/server/cred/admin.kubeconfig"));
        QCOMPARE(k3s.vars.value("cniDir"),
                 QStringLiteral("/var/lib/rancher/k3s/agent/etc/cni/net.d"));
        QVERIFY(!k3s.vars.contains("kubeletConfig"));
        QVERIFY(!k3s.vars.contains("superAdminConf"));
        const PathProfile rke2 = PathProfile::forDistribution("rke2");
        QCOMPARE(rke2.vars.value("manifests"),
                 QStringLiteral("/var/lib/rancher/rke2/agent/pod-manifests"));
        QCOMPARE(rke2.vars.value("cniDir"), QStringLiteral("/etc/cni/net.d"));
        QCOMPARE(rke2.expand("${etcdDataDir}/member"),
                 QStringLiteral("/var/lib/rancher/rke2/server/db/etcd/member"));
        // Variables are ${name} with a letter first; anything else stays as written.
        QCOMPARE(rke2.expand("${pki}${cniDir}"),
                 QStringLiteral("/var/lib/rancher/rke2/server/tls/etc/cni/net.d"));
        QCOMPARE(rke2.expand("${nope}/x ${1pki} $${pki} ${pki"),
                 QStringLiteral("${nope}/x ${1pki} $/var/lib/rancher/rke2/server/tls ${pki"));
        QCOMPARE(rke2.expand("${${pki}}"), QStringLiteral("${/var/lib/rancher/rke2/server/tls}"));
        QCOMPARE(rke2.expand("no variables"), QStringLiteral("no variables"));
        // The collector's profile of the k3s fixture says the same as ours.
        const NodeSnapshot s = fixture("k3s-server");
        for (auto it = s.profile.cbegin(); it != s.profile.cend(); ++it)
            QCOMPARE(k3s.vars.value(it.key()), it.value());
    }

    void k3sFixture()
    {
        const NodeSnapshot raw = fixture("k3s-server");
        QVERIFY(!raw.process("kube-apiserver"));
        auto s = synthesizeDistributionComponents(raw);
        QVERIFY(s);
        const ProcessInfo *api = s->process("kube-apiserver");
        QVERIFY(api);
        QCOMPARE(api->argv.first(), QStringLiteral("kube-apiserver"));
        QCOMPARE(api->pid, 3000); // the k3s server process
        // --kube-apiserver-arg on the command line, kube-apiserver-arg in config.yaml, defaults
        QCOMPARE(flagValue(api, "--audit-log-path"), QStringLiteral("/var/log/k3s-audit.log"));
        QCOMPARE(flagValue(api, "--anonymous-auth"), QStringLiteral("false"));
        QCOMPARE(flagValue(api, "--profiling"), QStringLiteral("false"));
        QCOMPARE(flagValue(api, "--authorization-mode"), QStringLiteral("Node,RBAC"));
        QCOMPARE(flagValue(api, "--client-ca-file"),
                 QStringLiteral("/var/lib/rancher/k3s/server/tls/client-ca.crt"));
        // an external datastore (postgres): kine, no embedded etcd
        QCOMPARE(flagValue(api, "--etcd-servers"), QStringLiteral("unix://kine.sock"));
        QVERIFY(!s->process("etcd"));
        const ProcessInfo *kubelet = s->process("kubelet");
        QVERIFY(kubelet);
        QCOMPARE(flagValue(kubelet, "--protect-kernel-defaults"), QStringLiteral("true"));
        QCOMPARE(flagValue(kubelet, "--kubeconfig"),
                 QStringLiteral("/var/lib/rancher/k3s/agent/kubelet.kubeconfig"));
        QCOMPARE(flagValue(kubelet, "--read-only-port"), QStringLiteral("0"));
        QVERIFY(s->process("kube-controller-manager"));
        QVERIFY(s->process("kube-scheduler"));
        QVERIFY(s->process("kube-proxy"));
        QVERIFY(s->warnings.join('\n').contains("rebuilt"));
        // idempotent: a synthesized snapshot has nothing left to add
        QVERIFY(!synthesizeDistributionComponents(*s));
        // kubeadm snapshots are left alone
        QVERIFY(!synthesizeDistributionComponents(fixture("kubeadm-cp-compliant")));
        QVERIFY(!synthesizeDistributionComponents(fixture("no-kubernetes")));
    }

    void k3sEvaluates()
    {
        auto bench = CatalogLoader::load("cis-1.12");
        QVERIFY(bench);
        const Evaluator ev(*bench);
        const NodeResult r = ev.evaluate(fixture("k3s-server"), NodeContext{"k3s-1", "h", {}});
        QCOMPARE(r.distribution, QStringLiteral("k3s"));
        QVERIFY(r.roles.contains("control-plane"));
        QVERIFY(!r.roles.contains("etcd"));
        for (const char *id : {"1.2.15", "1.2.16", "1.3.2", "4.2.1"}) {
            const ControlResult *c = result(r, id);
            QVERIFY2(c, id);
            QVERIFY2(c->status == Status::Pass, qPrintable(QString(id) + ": " + c->reason));
        }
        // The evidence names the flag as it reached the component.
        const ControlResult *audit = result(r, "1.2.16");
        bool named = false;
        for (const auto &e : audit->evidence)
            named |= e.actual == QLatin1String("/var/log/k3s-audit.log");
        QVERIFY(named);
        // No pod specification files on k3s (the manifests directory was listed): not applicable.
        QCOMPARE(result(r, "1.1.1")->status, Status::NotApplicable);
        // admin.kubeconfig is 644 in the fixture; k3s has no super-admin kubeconfig
        QCOMPARE(result(r, "1.1.13")->status, Status::Fail);
        QVERIFY(result(r, "1.1.13")->reason.contains("admin.kubeconfig"));
        // No etcd on this node (postgres datastore): section 2 does not apply.
        QCOMPARE(result(r, "2.1")->status, Status::NotApplicable);
        // The same snapshot without the config file: anonymous auth still off by k3s's default,
        // but the audit log is only set on argv.
        NodeSnapshot noConfig = fixture("k3s-server");
        noConfig.files.remove("/etc/rancher/k3s/config.yaml");
        const NodeResult r2 = ev.evaluate(noConfig, NodeContext{"k3s-1", "h", {}});
        QCOMPARE(result(r2, "1.2.16")->status, Status::Pass);
    }

    void configMerging()
    {
        NodeSnapshot s =
            rancher("k3s", {"/usr/local/bin/k3s", "server", "--cluster-init",
                            "--kube-apiserver-arg", "profiling=true",
                            "--kubelet-arg=read-only-port=10255", "--node-name", "srv-1"});
        addFile(s, "/etc/rancher/k3s/config.yaml",
                "kube-apiserver-arg:\n  - profiling=false\n  - audit-log-maxage=30\n"
                "kubelet-arg: [\"anonymous-auth=true\"]\nsecrets-encryption: true\n");
        addFile(s, "/etc/rancher/k3s/config.yaml.d/20-extra.yaml",
                "kube-controller-manager-arg+:\n  - terminated-pod-gc-threshold=10\n"
                "kube-scheduler-arg: [\"profiling=true\"]\n");
        addFile(s, "/etc/rancher/k3s/config.yaml.d/10-first.yaml",
                "kube-scheduler-arg: [\"profiling=false\"]\nkube-controller-manager-arg: "
                "[\"bind-address=0.0.0.0\"]\n");
        auto out = synthesizeDistributionComponents(s);
        QVERIFY(out);
        const ProcessInfo *api = out->process("kube-apiserver");
        // list flags add up (config.yaml first, the command line last: its item wins per flag)
        QCOMPARE(flagValue(api, "--profiling"), QStringLiteral("true"));
        QCOMPARE(flagValue(api, "--audit-log-maxage"), QStringLiteral("30"));
        QCOMPARE(flagValue(api, "--encryption-provider-config"),
                 QStringLiteral("/var/lib/rancher/k3s/server/cred/encryption-config.json"));
        QCOMPARE(flagValue(api, "--etcd-servers"), QStringLiteral("https://127.0.0.1:2379"));
        // config.yaml.d in name order: 20-extra.yaml's scheduler list replaces 10-first's;
        // `key+:` appends to 10-first's controller-manager list
        QCOMPARE(flagValue(out->process("kube-scheduler"), "--profiling"), QStringLiteral("true"));
        const ProcessInfo *cm = out->process("kube-controller-manager");
        QCOMPARE(flagValue(cm, "--bind-address"), QStringLiteral("0.0.0.0"));
        QCOMPARE(flagValue(cm, "--terminated-pod-gc-threshold"), QStringLiteral("10"));
        const ProcessInfo *kubelet = out->process("kubelet");
        QCOMPARE(flagValue(kubelet, "--read-only-port"), QStringLiteral("10255"));
        QCOMPARE(flagValue(kubelet, "--anonymous-auth"), QStringLiteral("true")); // config.yaml
        QCOMPARE(flagValue(kubelet, "--hostname-override"), QStringLiteral("srv-1"));
        // --cluster-init: embedded etcd with k3s's certificates
        const ProcessInfo *etcd = out->process("etcd");
        QVERIFY(etcd);
        QCOMPARE(flagValue(etcd, "--data-dir"),
                 QStringLiteral("/var/lib/rancher/k3s/server/db/etcd"));
        QCOMPARE(flagValue(etcd, "--client-cert-auth"), QStringLiteral("true"));
        QCOMPARE(flagValue(etcd, "--peer-trusted-ca-file"),
                 QStringLiteral("/var/lib/rancher/k3s/server/tls/etcd/peer-ca.crt"));
    }

    // Regression (fuzz_snapshot, found under ASan): a list value of a config key was walked
    // through a temporary of yaml-cpp's iterator (stack-use-after-scope). Fails in a sanitized
    // build without the fix; here every item of every list must arrive.
    void configListValues()
    {
        NodeSnapshot s = rancher("k3s", {"/usr/local/bin/k3s", "server"});
        addFile(s, "/etc/rancher/k3s/config.yaml",
                "kube-apiserver-arg:\n  - profiling=false\n  - audit-log-maxage=30\n"
                "  - audit-log-maxbackup=10\nkubelet-arg: [\"anonymous-auth=false\", "
                "\"read-only-port=0\"]\ntls-san: [a.example, b.example]\n");
        auto out = synthesizeDistributionComponents(s);
        QVERIFY(out);
        const ProcessInfo *api = out->process("kube-apiserver");
        QCOMPARE(flagValue(api, "--profiling"), QStringLiteral("false"));
        QCOMPARE(flagValue(api, "--audit-log-maxage"), QStringLiteral("30"));
        QCOMPARE(flagValue(api, "--audit-log-maxbackup"), QStringLiteral("10"));
        const ProcessInfo *kubelet = out->process("kubelet");
        QCOMPARE(flagValue(kubelet, "--anonymous-auth"), QStringLiteral("false"));
        QCOMPARE(flagValue(kubelet, "--read-only-port"), QStringLiteral("0"));
    }

    void customDataDirAndBrokenConfig()
    {
        NodeSnapshot s = rancher("k3s", {"k3s", "server", "--data-dir=/srv/k3s",
                                         "--disable-kube-proxy", "--config", "/srv/k3s.yaml"});
        addFile(s, "/srv/k3s.yaml", "node-name: \"unterminated\n");
        auto out = synthesizeDistributionComponents(s);
        QVERIFY(out);
        QCOMPARE(flagValue(out->process("kube-apiserver"), "--client-ca-file"),
                 QStringLiteral("/srv/k3s/server/tls/client-ca.crt"));
        QVERIFY(!out->process("kube-proxy"));
        QVERIFY2(out->warnings.join('\n').contains("/srv/k3s.yaml:1"),
                 qPrintable(out->warnings.join('\n')));
    }

    void k3sAgent()
    {
        NodeSnapshot s = rancher("k3s", {"/usr/local/bin/k3s", "agent", "--server",
                                         "https://10.0.0.1:6443", "--kubelet-arg", "event-qps=0"});
        auto out = synthesizeDistributionComponents(s);
        QVERIFY(out);
        QVERIFY(!out->process("kube-apiserver"));
        QVERIFY(!out->process("etcd"));
        QCOMPARE(flagValue(out->process("kubelet"), "--event-qps"), QStringLiteral("0"));
        QVERIFY(out->process("kube-proxy"));
        QCOMPARE(Evaluator::detectRoles(*out), QStringList{"worker"});
    }

    // k3s rewrites its process title: the whole command line can arrive as one argv item.
    void k3sRewrittenTitle()
    {
        NodeSnapshot s = rancher(
            "k3s", {"/usr/local/bin/k3s agent --server https://10.0.0.1:6443 --token REDACTED "
                    "--kubelet-arg=event-qps=0 --protect-kernel-defaults"});
        auto out = synthesizeDistributionComponents(s);
        QVERIFY(out);
        QVERIFY(!out->process("kube-apiserver"));
        QCOMPARE(flagValue(out->process("kubelet"), "--event-qps"), QStringLiteral("0"));
        QCOMPARE(flagValue(out->process("kubelet"), "--protect-kernel-defaults"),
                 QStringLiteral("true"));
        QCOMPARE(Evaluator::detectRoles(*out), QStringList{"worker"});
        // A title with only the sub-command (the flags are in config.yaml).
        NodeSnapshot t = rancher("k3s", {"/usr/local/bin/k3s server"});
        QVERIFY(synthesizeDistributionComponents(t)->process("kube-apiserver"));
    }

    void rke2()
    {
        NodeSnapshot s = rancher("rke2", {"/usr/local/bin/rke2", "server"});
        // RKE2's kubelet is a real process; the API server is a static pod whose process the
        // collector did not see (e.g. a restart): its argv comes from the manifest.
        ProcessInfo kubelet;
        kubelet.pid = 50;
        kubelet.component = "kubelet";
        kubelet.argv = QStringList{"/var/lib/rancher/rke2/data/v1/bin/kubelet",
                                   "--anonymous-auth=false", "--read-only-port=0"};
        s.processes << kubelet;
        ProcessInfo sched;
        sched.pid = 51;
        sched.component = "kube-scheduler";
        sched.argv = QStringList{"kube-scheduler", "--profiling=false"};
        s.processes << sched;
        addFile(s, "/var/lib/rancher/rke2/agent/pod-manifests/kube-apiserver.yaml",
                "apiVersion: v1\nkind: Pod\nmetadata: {name: kube-apiserver}\nspec:\n"
                "  containers:\n  - name: kube-apiserver\n    command: [kube-apiserver]\n"
                "    args:\n    - --profiling=false\n    - --anonymous-auth=false\n");
        addFile(s, "/etc/rancher/rke2/config.yaml", "profile: cis\n");
        auto out = synthesizeDistributionComponents(s);
        QVERIFY(out);
        QCOMPARE(out->process("kube-apiserver")->argv,
                 (QStringList{"kube-apiserver", "--profiling=false", "--anonymous-auth=false"}));
        // the real processes stay as they are, and are not doubled
        QCOMPARE(out->process("kubelet")->pid, 50);
        int schedulers = 0;
        for (const auto &p : out->processes)
            schedulers += p.component == QLatin1String("kube-scheduler");
        QCOMPARE(schedulers, 1);
        // no manifest, no process: the controller manager and etcd are not invented
        QVERIFY(!out->process("kube-controller-manager"));
        QVERIFY(!out->process("etcd"));
    }
};

QTEST_GUILESS_MAIN(TestDistributions)
#include "tst_distributions.moc"
