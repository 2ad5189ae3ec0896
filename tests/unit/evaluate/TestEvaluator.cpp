// Evaluator semantics on small, hand-built snapshots with a small catalog written for the test.
// The real catalogs on collector-made fixtures are covered by TestCatalog and TestFixtures.

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"

#include <QTest>

using namespace kinspect;

namespace {

const char *kBenchmark = R"(
formatVersion: 1
id: test
title: Test benchmark
version: "1"
sections:
  - {id: "1", title: Control plane, nodeType: master}
  - {id: "2", title: Etcd, nodeType: etcd}
  - {id: "4", title: Node, nodeType: node}
  - {id: "5", title: Policies, nodeType: policies}
)";

const char *kControls = R"(
controls:
  - id: 1.1.1
    title: apiserver manifest mode
    automated: true
    TEXT
    check:
      tests:
        - file: {path: "${manifests}/kube-apiserver.yaml"}
          property: mode
          op: bitmask
          value: "600"
  - id: 1.1.2
    title: apiserver manifest owner
    automated: true
    TEXT
    check:
      tests:
        - file: {path: "${manifests}/kube-apiserver.yaml"}
          property: owner
          op: owner
          value: root:root
          ifMissing: notApplicable
          reason: not a static pod
  - id: 1.1.19
    title: pki ownership
    automated: true
    TEXT
    check:
      tests:
        - file: {path: "${pki}", recursive: true}
          property: owner
          op: owner
          value: root:root
  - id: 1.2.1
    title: kubelet client cert and key
    automated: true
    TEXT
    check:
      component: kube-apiserver
      tests:
        - setting: {flag: --kubelet-client-certificate}
          op: present
        - setting: {flag: --kubelet-client-key}
          op: present
  - id: 1.2.2
    title: profiling off
    automated: true
    TEXT
    check:
      component: kube-apiserver
      tests:
        - setting: {flag: --profiling, default: "true"}
          op: eq
          value: "false"
  - id: 1.2.3
    title: admission plugins
    automated: true
    TEXT
    check:
      component: kube-apiserver
      tests:
        - setting: {flag: --enable-admission-plugins}
          op: has
          value: NodeRestriction
        - setting: {flag: --authorization-mode, default: AlwaysAllow}
          op: nothave
          value: AlwaysAllow
  - id: 1.2.4
    title: audit log maxage
    automated: true
    TEXT
    check:
      component: kube-apiserver
      tests:
        - setting: {flag: --audit-log-maxage}
          op: gte
          value: "30"
  - id: 2.1
    title: etcd client cert auth
    automated: true
    TEXT
    check:
      component: etcd
      tests:
        - setting: {flag: --client-cert-auth, default: "false"}
          op: eq
          value: "true"
  - id: 4.1.1
    title: kubelet unit mode
    automated: true
    TEXT
    check:
      tests:
        - file: {unit: kubelet}
          property: mode
          op: bitmask
          value: "600"
  - id: 4.1.5
    title: kubelet config mode
    automated: true
    TEXT
    check:
      component: kubelet
      tests:
        - file: {pathFrom: {flag: --config, default: "${kubeletConfig}"}}
          property: mode
          op: bitmask
          value: "600"
  - id: 4.2.1
    title: anonymous auth off
    automated: true
    TEXT
    check:
      component: kubelet
      tests:
        - setting: {flag: --anonymous-auth, config: authentication.anonymous.enabled, default: "true", configDefault: "false"}
          op: eq
          value: "false"
  - id: 4.2.4
    title: read-only port off
    automated: true
    TEXT
    check:
      component: kubelet
      tests:
        - setting: {flag: --read-only-port, config: readOnlyPort, default: "10255", configDefault: "0"}
          op: eq
          value: "0"
  - id: 4.2.5
    title: streaming idle timeout
    automated: true
    TEXT
    check:
      component: kubelet
      tests:
        - setting: {flag: --streaming-connection-idle-timeout, config: streamingConnectionIdleTimeout, default: 4h0m0s}
          op: noteq
          value: "0"
  - id: 4.2.11
    title: rotate certificates
    automated: true
    TEXT
    check:
      component: kubelet
      tests:
        - setting: {flag: --rotate-certificates, config: rotateCertificates, default: "false"}
          op: eq
          value: "true"
  - id: 4.2.12
    title: server cert rotation gate
    automated: true
    TEXT
    check:
      component: kubelet
      tests:
        - setting: {flag: --feature-gates, config: featureGates, key: RotateKubeletServerCertificate, default: "true"}
          op: eq
          value: "true"
  - id: 4.2.13
    title: ciphers
    automated: true
    TEXT
    check:
      component: kubelet
      tests:
        - setting: {flag: --tls-cipher-suites, config: tlsCipherSuites}
          op: valid_elements
          value: TLS_A,TLS_B
  - id: 4.2.14
    title: client ca file via config key, regex
    automated: true
    TEXT
    check:
      component: kubelet
      tests:
        - setting: {flag: --client-ca-file, config: authentication.x509.clientCAFile}
          op: regex
          value: "/etc/kubernetes/pki/.*\\.crt"
  - id: 4.3.1
    title: kube-proxy metrics bind
    automated: true
    TEXT
    check:
      component: kube-proxy
      tests:
        - setting: {flag: --metrics-bind-address, default: "127.0.0.1:10249"}
          op: regex
          value: "127\\.0\\.0\\.1:.*"
  - id: 5.1.1
    title: RBAC review
    automated: false
    TEXT
  - id: 5.2.1
    title: manual with a hint
    automated: false
    TEXT
    check:
      component: kube-apiserver
      tests:
        - setting: {flag: --enable-admission-plugins}
          op: has
          value: PodSecurity
)";

// Every control of the test catalog has the same (irrelevant here) text fields: "TEXT" stands
// for them.
QByteArray controlsYaml()
{
    QByteArray y(kControls);
    y.replace("    TEXT\n",
              "    description: d\n    rationale: r\n    audit: a\n    remediation: m\n"
              "    impact: i\n    defaultValue: v\n    references: [https://kubernetes.io/docs/]\n"
              "    cisControls: [{version: 8, id: '4.1', title: Secure Configuration}]\n");
    return y;
}

Benchmark testBenchmark()
{
    Benchmark b;
    auto r1 = CatalogLoader::parseBenchmarkFile(kBenchmark, QStringLiteral("benchmark.yaml"), &b);
    if (!r1)
        qFatal("%s", qPrintable(r1.error().toString()));
    auto r2 =
        CatalogLoader::parseControlsFile(controlsYaml(), QStringLiteral("controls-test.yaml"), &b);
    if (!r2)
        qFatal("%s", qPrintable(r2.error().toString()));
    b.booleanFlags[QStringLiteral("kube-apiserver")] = {QStringLiteral("--profiling")};
    b.booleanFlags[QStringLiteral("kubelet")] = {QStringLiteral("--anonymous-auth"),
                                                 QStringLiteral("--rotate-certificates")};
    b.booleanFlags[QStringLiteral("etcd")] = {QStringLiteral("--client-cert-auth")};
    return b;
}

// A small builder for snapshots.
struct Snap
{
    NodeSnapshot s;
    Snap() { s.distribution = QStringLiteral("kubeadm"); }

    Snap &proc(const QString &component, const QStringList &args, qint64 pid = 0)
    {
        ProcessInfo p;
        p.pid = pid ? pid : 100 + s.processes.size();
        p.component = component;
        p.argv = QStringList{component} + args;
        s.processes << p;
        return *this;
    }
    Snap &stat(const QString &path, uint mode, const QString &user = QStringLiteral("root"),
               const QString &group = QStringLiteral("root"),
               FileStat::Type type = FileStat::Type::Regular)
    {
        FileStat st;
        st.path = path;
        st.type = type;
        st.mode = mode;
        st.user = user;
        st.group = group;
        st.uid = user == QLatin1String("root") ? 0 : 1000;
        st.gid = group == QLatin1String("root") ? 0 : 1000;
        s.stats.insert(path, st);
        return *this;
    }
    Snap &missing(const QString &path)
    {
        FileStat st;
        st.path = path;
        s.stats.insert(path, st);
        return *this;
    }
    Snap &file(const QString &path, const QByteArray &data, uint mode = 0600)
    {
        stat(path, mode);
        FileContent fc;
        fc.path = path;
        fc.data = data;
        fc.size = data.size();
        s.files.insert(path, fc);
        return *this;
    }
    Snap &apiserver(const QStringList &args)
    {
        proc(QStringLiteral("kube-apiserver"), args);
        return file(QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml"),
                    "spec:\n  containers:\n  - command:\n    - kube-apiserver\n");
    }
};

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

class TestEvaluator : public QObject
{
    Q_OBJECT

private:
    Benchmark m_b = testBenchmark();

    NodeResult eval(const Snap &snap, const QStringList &roles = {})
    {
        return Evaluator(m_b).evaluate(
            snap.s, NodeContext{QStringLiteral("n1"), QStringLiteral("10.0.0.1"), roles});
    }

    static QString S(const char *s) { return QString::fromUtf8(s); }

private slots:
    // --- the seed control shape (1.2.5 in cis-1.5.1): two flags, both required -------------
    void seedKubeletClientCertPassesAndFails()
    {
        Snap ok;
        ok.apiserver(
            {S("--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt"),
             S("--kubelet-client-key"), S("/etc/kubernetes/pki/apiserver-kubelet-client.key")});
        const auto &r = find(eval(ok), S("1.2.1"));
        QCOMPARE(r.status, Status::Pass);
        QCOMPARE(r.evidence.size(), 2);
        QCOMPARE(r.evidence[1].actual, S("/etc/kubernetes/pki/apiserver-kubelet-client.key"));
        QCOMPARE(r.evidence[0].source, S("argv"));

        Snap bad;
        bad.apiserver(
            {S("--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt")});
        const auto &rb = find(eval(bad), S("1.2.1"));
        QCOMPARE(rb.status, Status::Fail);
        QVERIFY2(rb.reason.contains(S("--kubelet-client-key")), qPrintable(rb.reason));
        QCOMPARE(rb.remediationFile, S("/etc/kubernetes/manifests/kube-apiserver.yaml"));
    }

    // --- flag forms reach the verdict ------------------------------------------------------
    void flagForms_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::newRow("--profiling=false")
            << QStringList{S("--profiling=false")} << int(Status::Pass);
        QTest::newRow("bare --profiling is true")
            << QStringList{S("--profiling")} << int(Status::Fail);
        QTest::newRow("bool does not eat next word")
            << QStringList{S("--profiling"), S("false")} << int(Status::Fail);
        QTest::newRow("repeat last wins")
            << QStringList{S("--profiling=false"), S("--profiling=true")} << int(Status::Fail);
        QTest::newRow("repeat last wins 2")
            << QStringList{S("--profiling=true"), S("--profiling=False")} << int(Status::Pass);
        QTest::newRow("absent uses default true") << QStringList{} << int(Status::Fail);
    }

    void flagForms()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        Snap s;
        s.apiserver(args);
        const auto &r = find(eval(s), S("1.2.2"));
        QCOMPARE(int(r.status), status);
    }

    void defaultNamedInEvidence()
    {
        Snap s;
        s.apiserver({});
        const auto &r = find(eval(s), S("1.2.3"));
        // --enable-admission-plugins unset -> has fails; authorization default AlwaysAllow -> fails
        QCOMPARE(r.status, Status::Fail);
        bool sawDefault = false;
        for (const auto &e : r.evidence)
            if (e.key == S("--authorization-mode")) {
                QCOMPARE(e.source, S("default"));
                QCOMPARE(e.actual, S("AlwaysAllow"));
                sawDefault = true;
            }
        QVERIFY(sawDefault);
    }

    void listsAsSets()
    {
        Snap s;
        s.apiserver({S("--enable-admission-plugins=EventRateLimit,NodeRestriction"),
                     S("--authorization-mode=Node,RBAC")});
        QCOMPARE(find(eval(s), S("1.2.3")).status, Status::Pass);
        Snap t;
        t.apiserver({S("--enable-admission-plugins=NodeRestriction"),
                     S("--authorization-mode=RBAC,AlwaysAllow")});
        QCOMPARE(find(eval(t), S("1.2.3")).status, Status::Fail);
    }

    void repeatedListFlagsAccumulate()
    {
        // pflag string slices append on every occurrence: an earlier AlwaysAllow is not
        // "overridden" by a later --authorization-mode=Node,RBAC.
        Snap s;
        s.apiserver({S("--enable-admission-plugins=NodeRestriction"),
                     S("--authorization-mode=AlwaysAllow"), S("--authorization-mode=Node,RBAC")});
        const auto &r = find(eval(s), S("1.2.3"));
        QCOMPARE(r.status, Status::Fail);
        QCOMPARE(r.evidence[1].actual, S("AlwaysAllow,Node,RBAC"));
        QVERIFY2(r.reason.contains(S("given 2 times")), qPrintable(r.reason));
    }

    void numericComparison()
    {
        Snap s;
        s.apiserver({S("--audit-log-maxage=30")});
        QCOMPARE(find(eval(s), S("1.2.4")).status, Status::Pass);
        Snap t;
        t.apiserver({S("--audit-log-maxage=7")});
        QCOMPARE(find(eval(t), S("1.2.4")).status, Status::Fail);
        Snap u;
        u.apiserver({S("--audit-log-maxage=thirty")});
        QCOMPARE(find(eval(u), S("1.2.4")).status, Status::Error);
    }

    // --- precedence: flag > config file > default -----------------------------------------
    void precedence_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("config"); // empty: no --config
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("source");

        const QStringList withConfig{S("--config=/var/lib/kubelet/config.yaml")};
        QTest::newRow("flag beats config")
            << (withConfig + QStringList{S("--read-only-port=10255")})
            << QByteArray("readOnlyPort: 0\n") << int(Status::Fail) << S("argv");
        QTest::newRow("flag beats config (pass)")
            << (withConfig + QStringList{S("--read-only-port"), S("0")})
            << QByteArray("readOnlyPort: 10255\n") << int(Status::Pass) << S("argv");
        QTest::newRow("config beats default")
            << withConfig << QByteArray("readOnlyPort: 0\n") << int(Status::Pass) << S("config");
        QTest::newRow("config sets insecure value")
            << withConfig << QByteArray("kind: KubeletConfiguration\nreadOnlyPort: 10255\n")
            << int(Status::Fail) << S("config");
        QTest::newRow("config file in use: config default")
            << withConfig << QByteArray("kind: KubeletConfiguration\n") << int(Status::Pass)
            << S("default");
        QTest::newRow("no config file: flag default")
            << QStringList{} << QByteArray() << int(Status::Fail) << S("default");
    }

    void precedence()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, config);
        QFETCH(int, status);
        QFETCH(QString, source);
        Snap s;
        s.proc(S("kubelet"), args);
        if (!config.isEmpty())
            s.file(S("/var/lib/kubelet/config.yaml"), config);
        const auto &r = find(eval(s), S("4.2.4"));
        QCOMPARE(int(r.status), status);
        QCOMPARE(r.evidence.value(0).source, source);
    }

    void configAtNonDefaultPath()
    {
        Snap s;
        s.proc(S("kubelet"), {S("--config"), S("/etc/kubelet.d/my config.yaml")});
        s.file(S("/etc/kubelet.d/my config.yaml"),
               "authentication:\n  anonymous:\n    enabled: true\nreadOnlyPort: 0\n", 0644);
        // A decoy at the default path must not be read.
        s.file(S("/var/lib/kubelet/config.yaml"),
               "authentication:\n  anonymous:\n    enabled: false\n");
        const NodeResult n = eval(s);
        const auto &anon = find(n, S("4.2.1"));
        QCOMPARE(anon.status, Status::Fail);
        QCOMPARE(anon.evidence[0].path, S("/etc/kubelet.d/my config.yaml"));
        QVERIFY2(anon.evidence[0].key.contains(S("line 3")), qPrintable(anon.evidence[0].key));
        QCOMPARE(anon.remediationFile, S("/etc/kubelet.d/my config.yaml"));
        // 4.1.5 follows the real --config too.
        const auto &mode = find(n, S("4.1.5"));
        QCOMPARE(mode.status, Status::Fail);
        QCOMPARE(mode.evidence[0].path, S("/etc/kubelet.d/my config.yaml"));
        QCOMPARE(mode.evidence[0].actual, S("644"));
    }

    void kubeletConfigInJson()
    {
        Snap s;
        s.proc(S("kubelet"), {S("--config=/var/lib/kubelet/config.json")});
        s.file(S("/var/lib/kubelet/config.json"),
               R"({"kind":"KubeletConfiguration","authentication":{"anonymous":{"enabled":false}},)"
               R"("readOnlyPort":10255,"featureGates":{"RotateKubeletServerCertificate":false},)"
               R"("tlsCipherSuites":["TLS_A","TLS_C"],"rotateCertificates":true})");
        const NodeResult n = eval(s);
        QCOMPARE(find(n, S("4.2.1")).status, Status::Pass);
        QCOMPARE(find(n, S("4.2.4")).status, Status::Fail);
        QCOMPARE(find(n, S("4.2.11")).status, Status::Pass);
        QCOMPARE(find(n, S("4.2.12")).status, Status::Fail);
        const auto &ciphers = find(n, S("4.2.13"));
        QCOMPARE(ciphers.status, Status::Fail);
        QCOMPARE(ciphers.evidence[0].actual, S("TLS_A,TLS_C"));
    }

    void featureGateFromFlagOverridesConfigMap()
    {
        Snap s;
        s.proc(S("kubelet"), {S("--config=/var/lib/kubelet/config.yaml"),
                              S("--feature-gates=Foo=true,RotateKubeletServerCertificate=true")});
        s.file(S("/var/lib/kubelet/config.yaml"),
               "featureGates:\n  RotateKubeletServerCertificate: false\n");
        const auto &r = find(eval(s), S("4.2.12"));
        QCOMPARE(r.status, Status::Pass);
        QCOMPARE(r.evidence[0].source, S("argv"));
        QCOMPARE(r.evidence[0].key, S("--feature-gates:RotateKubeletServerCertificate"));
    }

    void durationsAndRegexFromConfig()
    {
        Snap s;
        s.proc(S("kubelet"), {S("--config=/var/lib/kubelet/config.yaml")});
        s.file(S("/var/lib/kubelet/config.yaml"),
               "streamingConnectionIdleTimeout: 0s\nauthentication:\n  x509:\n    clientCAFile: "
               "/etc/kubernetes/pki/ca.crt\n");
        const NodeResult n = eval(s);
        // "0s" is zero written as a duration: it must equal "0", so noteq 0 fails.
        const auto &idle = find(n, S("4.2.5"));
        QCOMPARE(idle.status, Status::Fail);
        QCOMPARE(idle.evidence[0].actual, S("0s"));
        QCOMPARE(find(n, S("4.2.14")).status, Status::Pass);
    }

    // --- a drop-in that adds a flag: verdict from the real argv, attributed to the drop-in -----
    void dropInAddsFlag()
    {
        Snap s;
        s.proc(S("kubelet"),
               {S("--config=/var/lib/kubelet/config.yaml"), S("--read-only-port=10255")});
        s.file(S("/var/lib/kubelet/config.yaml"), "readOnlyPort: 0\n");
        s.file(S("/usr/lib/systemd/system/kubelet.service"),
               "[Service]\nExecStart=/usr/bin/kubelet\n", 0644);
        s.file(S("/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf"),
               "[Service]\nEnvironmentFile=-/etc/default/kubelet\nExecStart=\n"
               "ExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS $KUBELET_EXTRA_ARGS\n",
               0644);
        s.file(S("/etc/systemd/system/kubelet.service.d/20-ports.conf"),
               "[Service]\nEnvironment=\"KUBELET_EXTRA_ARGS=--read-only-port=10255\"\n", 0600);
        s.file(S("/etc/default/kubelet"), "KUBELET_EXTRA_ARGS=\n");
        const NodeResult n = eval(s);
        const auto &r = find(n, S("4.2.4"));
        QCOMPARE(r.status, Status::Fail);
        QCOMPARE(r.evidence[0].source, S("argv"));
        QCOMPARE(r.evidence[0].path, S("/etc/systemd/system/kubelet.service.d/20-ports.conf"));
        QCOMPARE(r.remediationFile, S("/etc/systemd/system/kubelet.service.d/20-ports.conf"));
        // 4.1.1 looks at every unit file and drop-in: two are 644.
        const auto &unit = find(n, S("4.1.1"));
        QCOMPARE(unit.status, Status::Fail);
        QVERIFY2(unit.reason.startsWith(S("2 of 3 files")), qPrintable(unit.reason));
    }

    void flagInEnvironmentFile()
    {
        Snap s;
        s.proc(S("kubelet"), {S("--rotate-certificates=false")});
        s.file(S("/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf"),
               "[Service]\nEnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env\n");
        s.file(S("/var/lib/kubelet/kubeadm-flags.env"),
               "KUBELET_KUBEADM_ARGS=\"--container-runtime-endpoint=unix:///run/containerd/"
               "containerd.sock --rotate-certificates=false\"\n");
        const auto &r = find(eval(s), S("4.2.11"));
        QCOMPARE(r.status, Status::Fail);
        QCOMPARE(r.remediationFile, S("/var/lib/kubelet/kubeadm-flags.env"));
    }

    // --- missing components are never a PASS ----------------------------------------------
    void missingComponent()
    {
        Snap worker;
        worker.proc(S("kubelet"), {});
        const NodeResult n = eval(worker);
        QCOMPARE(find(n, S("1.2.2")).status, Status::NotApplicable);
        QCOMPARE(find(n, S("1.1.1")).status, Status::NotApplicable);
        QCOMPARE(find(n, S("2.1")).status, Status::NotApplicable);
        QVERIFY(find(n, S("1.2.2")).reason.contains(S("control-plane")));
        // kube-proxy is optional: not running is N/A with the reason.
        QCOMPARE(find(n, S("4.3.1")).status, Status::NotApplicable);
        QVERIFY(find(n, S("4.3.1")).reason.contains(S("kube-proxy")));

        // Declared control plane, API server down: ERROR, not N/A, never PASS.
        const NodeResult d = eval(worker, {S("control-plane")});
        QCOMPARE(find(d, S("1.2.2")).status, Status::Error);
        QVERIFY(find(d, S("1.2.2")).reason.contains(S("kube-apiserver is not running")));

        // Declared worker, kubelet down: node controls are ERROR.
        Snap empty;
        const NodeResult e = eval(empty, {S("worker")});
        QCOMPARE(find(e, S("4.2.1")).status, Status::Error);

        // No Kubernetes at all, nothing declared: not applicable, with a reason.
        const NodeResult none = eval(empty);
        for (const auto &r : none.results) {
            QVERIFY2(r.status != Status::Pass, qPrintable(r.controlId));
            QCOMPARE(r.status, Status::NotApplicable);
            QVERIFY(!r.reason.isEmpty());
        }
    }

    void malformedConfigIsErrorNamingFileAndLine()
    {
        Snap s;
        s.proc(S("kubelet"), {S("--config=/var/lib/kubelet/config.yaml")});
        s.file(S("/var/lib/kubelet/config.yaml"), "kind: KubeletConfiguration\nauthentication:\n  "
                                                  "anonymous: [enabled: false\nreadOnlyPort: 0\n");
        const NodeResult n = eval(s);
        const auto &r = find(n, S("4.2.1"));
        QCOMPARE(r.status, Status::Error);
        QVERIFY2(r.reason.startsWith(S("/var/lib/kubelet/config.yaml:")), qPrintable(r.reason));
        QVERIFY2(QRegularExpression(S("^/var/lib/kubelet/config.yaml:[3-5]: "))
                     .match(r.reason)
                     .hasMatch(),
                 qPrintable(r.reason));
        // A flag on the command line does not need the config: still decided.
        Snap t;
        t.proc(S("kubelet"),
               {S("--config=/var/lib/kubelet/config.yaml"), S("--anonymous-auth=false")});
        t.file(S("/var/lib/kubelet/config.yaml"), "a: [\n");
        QCOMPARE(find(eval(t), S("4.2.1")).status, Status::Pass);
    }

    void configNamedButMissing()
    {
        Snap s;
        s.proc(S("kubelet"), {S("--config=/etc/kubelet/none.yaml")});
        s.missing(S("/etc/kubelet/none.yaml"));
        const auto &r = find(eval(s), S("4.2.1"));
        QCOMPARE(r.status, Status::Error);
        QVERIFY(r.reason.contains(S("does not exist")));
    }

    // --- file tests ------------------------------------------------------------------------
    void fileModeAndOwner()
    {
        Snap s;
        s.proc(S("kube-apiserver"), {});
        s.stat(S("/etc/kubernetes/manifests/kube-apiserver.yaml"), 0644, S("root"), S("kube"));
        const NodeResult n = eval(s);
        const auto &mode = find(n, S("1.1.1"));
        QCOMPARE(mode.status, Status::Fail);
        QCOMPARE(mode.evidence[0].actual, S("644"));
        QCOMPARE(mode.evidence[0].expected, S("bitmask 600"));
        QCOMPARE(mode.evidence[0].command,
                 S("stat -c '%a' /etc/kubernetes/manifests/kube-apiserver.yaml"));
        QCOMPARE(mode.remediationFile, S("/etc/kubernetes/manifests/kube-apiserver.yaml"));
        QCOMPARE(find(n, S("1.1.2")).status, Status::Fail);
    }

    void missingFileFollowsIfMissing()
    {
        Snap s;
        s.proc(S("kube-apiserver"), {});
        s.missing(S("/etc/kubernetes/manifests/kube-apiserver.yaml"));
        const NodeResult n = eval(s);
        QCOMPARE(find(n, S("1.1.1")).status, Status::Error); // default: error
        QCOMPARE(find(n, S("1.1.2")).status, Status::NotApplicable);
        QVERIFY(find(n, S("1.1.2")).reason.contains(S("not a static pod")));
        // Never collected at all: error saying so.
        Snap t;
        t.proc(S("kube-apiserver"), {});
        QVERIFY(find(eval(t), S("1.1.1")).reason.contains(S("not collected")));
    }

    void recursiveOwnership()
    {
        Snap s;
        s.proc(S("kube-apiserver"), {});
        s.stat(S("/etc/kubernetes/pki"), 0755, S("root"), S("root"), FileStat::Type::Directory);
        s.stat(S("/etc/kubernetes/pki/ca.crt"), 0644);
        s.stat(S("/etc/kubernetes/pki/etcd"), 0755, S("root"), S("root"),
               FileStat::Type::Directory);
        s.stat(S("/etc/kubernetes/pki/etcd/ca.key"), 0600, S("etcd"), S("root"));
        s.stat(S("/etc/kubernetes/pkix/other"), 0600, S("nobody"), S("nogroup")); // not below pki/
        const auto &r = find(eval(s), S("1.1.19"));
        QCOMPARE(r.status, Status::Fail);
        QVERIFY2(r.reason.contains(S("/etc/kubernetes/pki/etcd/ca.key")), qPrintable(r.reason));
        int failed = 0;
        for (const auto &e : r.evidence)
            failed += !e.passed;
        QCOMPARE(failed, 1);
        QCOMPARE(r.evidence.size(), 4);
    }

    // --- manual controls -------------------------------------------------------------------
    void manualControls()
    {
        Snap s;
        s.apiserver({S("--enable-admission-plugins=NodeRestriction")});
        const NodeResult n = eval(s);
        QCOMPARE(find(n, S("5.1.1")).status, Status::Manual);
        const auto &hint = find(n, S("5.2.1"));
        QCOMPARE(hint.status, Status::Manual);
        QVERIFY(hint.manualHint.has_value());
        QCOMPARE(*hint.manualHint, Status::Fail);
        QCOMPARE(hint.evidence.size(), 1);
    }

    void rolesDetected()
    {
        Snap s;
        s.apiserver({});
        s.proc(S("etcd"), {S("--client-cert-auth=true")});
        s.proc(S("kubelet"), {});
        const NodeResult n = eval(s);
        QCOMPARE(n.roles, (QStringList{S("control-plane"), S("etcd")}));
        QCOMPARE(find(n, S("2.1")).status, Status::Pass);
        Snap w;
        w.proc(S("kubelet"), {});
        QCOMPARE(eval(w).roles, QStringList{S("worker")});
    }

    void exitCodes()
    {
        const auto result = [](const QString &id, Status status) {
            ControlResult r;
            r.controlId = id;
            r.status = status;
            return r;
        };
        ClusterResult c;
        NodeResult a;
        a.audited = true;
        a.results << result(S("1"), Status::Pass);
        c.nodes << a;
        QCOMPARE(exitCodeFor(c), 0);
        c.nodes[0].results << result(S("2"), Status::Fail);
        QCOMPARE(exitCodeFor(c), 1);
        NodeResult down;
        down.audited = false;
        c.nodes << down;
        QCOMPARE(exitCodeFor(c), 2);
    }
};

QTEST_GUILESS_MAIN(TestEvaluator)
#include "TestEvaluator.moc"
