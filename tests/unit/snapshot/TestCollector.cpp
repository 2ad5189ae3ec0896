// Runs the real collector (resources/collector/kinspect-collect.sh) with /bin/sh (dash on Debian)
// against the fixture node trees in tests/data/trees, through tests/data/make-snapshots.sh, and
// checks what the parsed snapshots hold: exact argv, stat modes, byte-exact contents, and that no
// planted secret leaves the "node".
#include "snapshot/SnapshotParser.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace kinspect;

namespace {

const QString kData = QStringLiteral(KINSPECT_TEST_DATA);

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return f.readAll();
}

// pid -> argv, from a tree's tree.txt ("proc PID EXE" then "arg ITEM" lines)
QHash<qint64, QStringList> specArgv(const QString &tree)
{
    QHash<qint64, QStringList> out;
    qint64 pid = -1;
    const QByteArrayList lines =
        readFile(kData + QStringLiteral("/trees/") + tree + QStringLiteral("/tree.txt"))
            .split('\n');
    for (const QByteArray &l : lines) {
        if (l.startsWith("proc ")) {
            pid = l.split(' ').value(1).toLongLong();
            out[pid];
        } else if (l.startsWith("arg ")) {
            out[pid] << QString::fromUtf8(l.mid(4));
        }
    }
    return out;
}

bool runMakeSnapshots(const QString &outDir, const QString &shell, QString *log,
                      const QString &path = QString(), const QString &workDir = QString())
{
    QProcess p;
    if (!path.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), path);
        p.setProcessEnvironment(env);
    }
    QStringList args{kData + QStringLiteral("/make-snapshots.sh"), QStringLiteral("--out"), outDir};
    if (!shell.isEmpty())
        args << QStringLiteral("--shell") << shell;
    if (!workDir.isEmpty())
        args << QStringLiteral("--work") << workDir;
    p.start(QStringLiteral("/bin/sh"), args);
    if (!p.waitForFinished(240000)) {
        p.kill();
        *log = QStringLiteral("timed out");
        return false;
    }
    *log = QString::fromLocal8Bit(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Every field of every line, base64-decoded where it decodes: what a reader of the snapshot could
// recover. Secrets must not be found in it.
QByteArray recoverable(const QByteArray &snap)
{
    QByteArray out = snap;
    for (const QByteArray &line : snap.split('\n')) {
        for (const QByteArray &field : line.split('\t')) {
            auto r = QByteArray::fromBase64Encoding(field, QByteArray::AbortOnBase64DecodingErrors);
            if (r)
                out += '\n' + r.decoded;
        }
    }
    return out;
}

// Runs the collector file with `shell` (e.g. "/bin/sh", "busybox sh") against a node tree.
QByteArray runCollector(const QString &shell, const QString &root, const QString &proc,
                        QString *err)
{
    QStringList args = shell.split(QLatin1Char(' '));
    const QString program = args.takeFirst();
    args << QStringLiteral(KINSPECT_SOURCE_DIR "/resources/collector/kinspect-collect.sh")
         << QStringLiteral("--root") << root << QStringLiteral("--proc") << proc
         << QStringLiteral("--fixed-time") << QStringLiteral("2026-01-01T00:00:00Z");
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        *err = QStringLiteral("timed out");
        return QByteArray();
    }
    *err = QString::fromLocal8Bit(p.readAllStandardError());
    return p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
}

// The collector as Kinspect runs it: `SHELL -s -- ARGS` with the script on stdin, after an optional
// line of settings (ScanEngine::collectorCommand puts known versions there).
QByteArray runCollectorStdin(const QString &shell, const QString &root, const QString &proc,
                             const QByteArray &prefix, QString *err)
{
    QStringList args = shell.split(QLatin1Char(' '));
    const QString program = args.takeFirst();
    args << QStringLiteral("-s") << QStringLiteral("--") << QStringLiteral("--root") << root
         << QStringLiteral("--proc") << proc << QStringLiteral("--fixed-time")
         << QStringLiteral("2026-01-01T00:00:00Z");
    QFile script(QStringLiteral(KINSPECT_SOURCE_DIR "/resources/collector/kinspect-collect.sh"));
    if (!script.open(QIODevice::ReadOnly))
        return QByteArray();
    QProcess p;
    p.start(program, args);
    p.write(prefix + script.readAll());
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        *err = QStringLiteral("timed out");
        return QByteArray();
    }
    *err = QString::fromLocal8Bit(p.readAllStandardError());
    return p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A fake /proc entry: cmdline (NUL-terminated items) and the exe link
bool fakeProcess(const QString &proc, int pid, const QString &exe, const QStringList &argv)
{
    const QString dir = proc + QLatin1Char('/') + QString::number(pid);
    QByteArray cmdline;
    for (const QString &a : argv)
        cmdline += a.toUtf8() + '\0';
    return writeBytes(dir + QStringLiteral("/cmdline"), cmdline) &&
           QFile::link(exe, dir + QStringLiteral("/exe"));
}

// `n` bytes of text lines, a NUL at byte `nulAt` (1-based; 0: none)
QByteArray textWithNul(int n, int nulAt)
{
    QByteArray b(n, 'a');
    for (int i = 49; i < n; i += 50)
        b[i] = '\n';
    if (nulAt > 0)
        b[nulAt - 1] = '\0';
    return b;
}

} // namespace

class TestCollector : public QObject
{
    Q_OBJECT

    QTemporaryDir m_out;
    QTemporaryDir m_work; // the prepared trees (modes applied, fake /proc)
    QStringList m_trees;
    QHash<QString, QByteArray> m_raw;
    QHash<QString, NodeSnapshot> m_snaps;

    const NodeSnapshot &snap(const QString &name) { return m_snaps[name]; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        m_trees =
            QDir(kData + QStringLiteral("/trees")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(m_trees.size() >= 7);
        QElapsedTimer t;
        t.start();
        QString log;
        QVERIFY2(runMakeSnapshots(m_out.path(), QString(), &log, QString(), m_work.path()),
                 qPrintable(log));
        qInfo("collected %lld fixture trees in %lld ms (including their preparation)",
              qint64(m_trees.size()), t.elapsed());
        for (const QString &name : std::as_const(m_trees)) {
            const QByteArray raw = readFile(m_out.filePath(name + QStringLiteral(".snap")));
            QVERIFY2(!raw.isEmpty(), qPrintable(name));
            auto r = parseSnapshot(raw, name);
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
            m_raw.insert(name, raw);
            m_snaps.insert(name, *r);
        }
    }

    void components_data()
    {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QStringList>("components");
        const QStringList cp{QStringLiteral("etcd"), QStringLiteral("kube-apiserver"),
                             QStringLiteral("kube-controller-manager"),
                             QStringLiteral("kube-scheduler"), QStringLiteral("kubelet")};
        const QStringList worker{QStringLiteral("kube-proxy"), QStringLiteral("kubelet")};
        QTest::newRow("cp-compliant") << QStringLiteral("kubeadm-cp-compliant") << cp;
        QTest::newRow("cp-failing") << QStringLiteral("kubeadm-cp-failing") << cp;
        QTest::newRow("custom") << QStringLiteral("worker-custom-config") << worker;
        QTest::newRow("json") << QStringLiteral("worker-json-config") << worker;
        QTest::newRow("dropin") << QStringLiteral("worker-dropin-extra-args") << worker;
        QTest::newRow("malformed") << QStringLiteral("malformed-kubelet-config") << worker;
        QTest::newRow("none") << QStringLiteral("no-kubernetes") << QStringList();
        QTest::newRow("k3s") << QStringLiteral("k3s-server") << QStringList{QStringLiteral("k3s")};
    }
    // Components are recognised by argv[0]/exe (never by a word elsewhere in argv: `grep
    // kubelet`, `less etcd-migration.log`, k3s' containerd children are not components).
    void components()
    {
        QFETCH(QString, tree);
        QFETCH(QStringList, components);
        QStringList got;
        for (const ProcessInfo &p : snap(tree).processes)
            got << p.component;
        got.sort();
        QCOMPARE(got, components);
    }

    // argv is exactly what the fake /proc holds (items with spaces, '=' inside values...).
    void argvExact()
    {
        for (const QString &tree : std::as_const(m_trees)) {
            const auto spec = specArgv(tree);
            for (const ProcessInfo &p : snap(tree).processes) {
                QVERIFY(spec.contains(p.pid));
                if (!p.argvRedacted)
                    QCOMPARE(p.argv, spec.value(p.pid));
                else
                    QCOMPARE(p.argv.size(), spec.value(p.pid).size());
            }
        }
        const ProcessInfo *k =
            snap(QStringLiteral("worker-custom-config")).process(QStringLiteral("kubelet"));
        QVERIFY(k);
        QVERIFY(k->argv.contains(QStringLiteral("--node-labels=team=data platform,tier=batch")));
        QCOMPARE(k->exe, QStringLiteral("/usr/bin/kubelet"));
    }

    // Every content collected unredacted equals the node file byte for byte; every checksum is
    // the real file's.
    void contentsByteExact()
    {
        int checked = 0;
        for (const QString &tree : std::as_const(m_trees)) {
            for (const FileContent &f : snap(tree).files) {
                const QString real =
                    kData + QStringLiteral("/trees/") + tree + QStringLiteral("/root") + f.path;
                if (!QFile::exists(real))
                    continue; // generated by make-snapshots (too large / binary)
                if (!f.skippedCode.isEmpty())
                    continue; // may be generated over a tree file (bigfile in tree.txt)
                const QByteArray bytes = readFile(real);
                QCOMPARE(f.size, qint64(bytes.size()));
                QCOMPARE(f.sha256,
                         QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
                if (!f.redacted)
                    QCOMPARE(f.data, bytes);
                ++checked;
            }
        }
        QVERIFY(checked > 40);
    }

    void crlfPreserved()
    {
        const FileContent *f = snap(QStringLiteral("worker-dropin-extra-args"))
                                   .file(QStringLiteral("/etc/sysconfig/kubelet"));
        QVERIFY(f);
        QVERIFY(f->data.contains(
            "KUBELET_EXTRA_ARGS=--protect-kernel-defaults=true --event-qps=0\r\n"));
        const FileContent *g =
            snap(QStringLiteral("kubeadm-cp-failing")).file(QStringLiteral("/etc/default/kubelet"));
        QVERIFY(g);
        QVERIFY(g->data.endsWith("\r\n"));
    }

    void statModes()
    {
        const NodeSnapshot &ok = snap(QStringLiteral("kubeadm-cp-compliant"));
        const NodeSnapshot &bad = snap(QStringLiteral("kubeadm-cp-failing"));
        const QString api = QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml");
        QCOMPARE(ok.stat(api)->mode, 0600u);
        QCOMPARE(bad.stat(api)->mode, 0644u);
        QCOMPARE(bad.stat(QStringLiteral("/etc/kubernetes/manifests/kube-controller-manager.yaml"))
                     ->mode,
                 0666u);
        QCOMPARE(ok.stat(QStringLiteral("/var/lib/etcd"))->type, FileStat::Type::Directory);
        QCOMPARE(ok.stat(QStringLiteral("/var/lib/etcd"))->mode, 0700u);
        QCOMPARE(bad.stat(QStringLiteral("/var/lib/etcd"))->mode, 0755u);
        QCOMPARE(ok.stat(QStringLiteral("/etc/kubernetes/pki/apiserver.key"))->mode, 0600u);
        QCOMPARE(bad.stat(QStringLiteral("/etc/kubernetes/pki/apiserver.key"))->mode, 0644u);
        QVERIFY(ok.stat(QStringLiteral("/etc/kubernetes/pki/etcd/peer.key"))); // recursive pki
        QVERIFY(!bad.stat(QStringLiteral("/etc/kubernetes/super-admin.conf"))->exists());
        QVERIFY(
            !ok.stat(QStringLiteral("/var/log/kubernetes/audit/audit.log"))->exists()); // argv path
        // symlinks: target recorded, the target stat'ed too; a loop is only listed
        const FileStat *cur =
            ok.stat(QStringLiteral("/var/lib/kubelet/pki/kubelet-client-current.pem"));
        QVERIFY(cur);
        QCOMPARE(cur->type, FileStat::Type::Symlink);
        QCOMPARE(cur->linkTarget, QStringLiteral("kubelet-client-2026-01-01-00-00-00.pem"));
        QCOMPARE(
            ok.stat(QStringLiteral("/var/lib/kubelet/pki/kubelet-client-2026-01-01-00-00-00.pem"))
                ->mode,
            0600u);
        QCOMPARE(ok.stat(QStringLiteral("/etc/kubernetes/pki/loop"))->type,
                 FileStat::Type::Symlink);
        QVERIFY(ok.stat(QStringLiteral("/etc/kubernetes/pki/loop"))->linkTarget ==
                QStringLiteral("../pki"));
        // owner as the fixture files have it (whoever ran the collector)
        QCOMPARE(ok.stat(api)->user.isEmpty(), false);
    }

    void profileAndConfigs()
    {
        const NodeSnapshot &custom = snap(QStringLiteral("worker-custom-config"));
        QCOMPARE(custom.profile.value(QStringLiteral("kubeletConfig")),
                 QStringLiteral("/etc/kubelet/custom-config.yaml"));
        QVERIFY(custom.file(QStringLiteral("/etc/kubelet/custom-config.yaml")));
        QVERIFY(custom.file(QStringLiteral("/etc/kubelet/custom-config.yaml"))
                    ->data.contains("readOnlyPort: 0\n"));
        const NodeSnapshot &json = snap(QStringLiteral("worker-json-config"));
        QCOMPARE(json.profile.value(QStringLiteral("kubeletConfig")),
                 QStringLiteral("/var/lib/kubelet/config.json"));
        QVERIFY(json.file(QStringLiteral("/var/lib/kubelet/config.json"))->data.startsWith("{"));
        QVERIFY(json.stat(QStringLiteral("/var/lib/kubelet/pki/kubelet.crt"))->exists());
        const NodeSnapshot &dropin = snap(QStringLiteral("worker-dropin-extra-args"));
        QVERIFY(
            dropin.file(QStringLiteral("/etc/systemd/system/kubelet.service.d/20-hardening.conf")));
        QVERIFY(dropin.file(
            QStringLiteral("/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf")));
        QVERIFY(dropin.file(QStringLiteral("/var/lib/kubelet/kubeadm-flags.env")));
        QVERIFY(dropin.process(QStringLiteral("kubelet"))
                    ->argv.contains(QStringLiteral("--protect-kernel-defaults=true")));
        const NodeSnapshot &bad = snap(QStringLiteral("malformed-kubelet-config"));
        const QByteArrayList lines =
            bad.file(QStringLiteral("/var/lib/kubelet/config.yaml"))->data.split('\n');
        QCOMPARE(lines.value(6), QByteArray("  mode: \"Webhook"));
        const NodeSnapshot &cp = snap(QStringLiteral("kubeadm-cp-compliant"));
        for (const char *m :
             {"kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"})
            QVERIFY(
                cp.file(QStringLiteral("/etc/kubernetes/manifests/%1.yaml").arg(QLatin1String(m))));
        QVERIFY(cp.file(QStringLiteral("/etc/kubernetes/audit-policy.yaml")));
        QVERIFY(cp.file(QStringLiteral("/etc/kubernetes/enc/encryption-config.yaml"))->redacted);
        QCOMPARE(cp.distribution, QStringLiteral("kubeadm"));
        QCOMPARE(cp.hostname, QStringLiteral("cp-1"));
        QCOMPARE(cp.osRelease, QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
        QCOMPARE(cp.versions.value(QStringLiteral("kubelet")), QStringLiteral("v1.29.3"));
        QCOMPARE(cp.versions.value(QStringLiteral("etcd")), QStringLiteral("3.5.12-0"));
        QCOMPARE(snap(QStringLiteral("k3s-server")).distribution, QStringLiteral("k3s"));
        QCOMPARE(snap(QStringLiteral("k3s-server")).versions.value(QStringLiteral("k3s")),
                 QStringLiteral("v1.29.3+k3s1"));
        const NodeSnapshot &none = snap(QStringLiteral("no-kubernetes"));
        QCOMPARE(none.distribution, QStringLiteral("unknown"));
        QVERIFY(none.files.isEmpty());
        for (const FileStat &s : none.stats)
            QVERIFY2(!s.exists(), qPrintable(s.path));
    }

    void skipped()
    {
        const NodeSnapshot &bad = snap(QStringLiteral("kubeadm-cp-failing"));
        const FileContent *big = bad.file(QStringLiteral("/etc/kubernetes/audit-policy.yaml"));
        QVERIFY(big);
        QCOMPARE(big->skippedCode, QStringLiteral("too-large"));
        QCOMPARE(big->size, qint64(1500000));
        QVERIFY(big->data.isEmpty());
        const FileContent *bin =
            bad.file(QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml.gz"));
        QVERIFY(bin);
        QCOMPARE(bin->skippedCode, QStringLiteral("binary"));
        const FileContent *key =
            snap(QStringLiteral("k3s-server")).file(QStringLiteral("/etc/rancher/k3s/token.key"));
        QVERIFY(key);
        QCOMPARE(key->skippedCode, QStringLiteral("private-key"));
        QVERIFY(key->sha256.isEmpty());
        // the token file named by --token-auth-file is stat'ed, never read
        QVERIFY(bad.stat(QStringLiteral("/etc/kubernetes/tokens.csv"))->exists());
        QVERIFY(!bad.file(QStringLiteral("/etc/kubernetes/tokens.csv")));
    }

    // Planted secrets: every one contains "PLANTED" (or its base64, "UExBTlRFRC") in the trees.
    void secretsNeverLeave()
    {
        int planted = 0;
        QDirIterator it(kData + QStringLiteral("/trees"), QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QByteArray b = readFile(it.next());
            planted += b.count("PLANTED") + b.count("UExBTlRFRC");
        }
        QVERIFY2(planted >= 40, qPrintable(QString::number(planted)));
        for (const QString &tree : std::as_const(m_trees)) {
            const QByteArray all = recoverable(m_raw.value(tree));
            QVERIFY2(!all.contains("PLANTED"), qPrintable(tree));
            QVERIFY2(!all.contains("UExBTlRFRC"), qPrintable(tree));
            static const QRegularExpression pem(QStringLiteral("BEGIN [A-Z ]*PRIVATE KEY"));
            QVERIFY2(!QString::fromLatin1(all).contains(pem), qPrintable(tree));
        }
        // ...while the non-secret parts stay
        const NodeSnapshot &cp = snap(QStringLiteral("kubeadm-cp-compliant"));
        const QByteArray admin = cp.file(QStringLiteral("/etc/kubernetes/admin.conf"))->data;
        QVERIFY(cp.file(QStringLiteral("/etc/kubernetes/admin.conf"))->redacted);
        QVERIFY(admin.contains("server: https://10.0.0.10:6443\n"));
        QVERIFY(admin.contains("client-certificate-data: UFVCTElDLUNMSUVOVC1DRVJULURBVEEK\n"));
        QVERIFY(admin.contains("client-key-data: REDACTED\n"));
        QVERIFY(admin.contains("certificate-authority-data: "));
        const QByteArray sched = cp.file(QStringLiteral("/etc/kubernetes/scheduler.conf"))->data;
        QVERIFY(sched.contains("username: scheduler-basic\n"));
        QVERIFY(sched.contains("password: \"REDACTED\"\n"));
        const QByteArray adm =
            cp.file(QStringLiteral("/etc/kubernetes/admission/admission-config.yaml"))->data;
        QVERIFY(adm.contains("kubeConfigFile: /etc/kubernetes/admission/webhook.kubeconfig\n"));
        QVERIFY(adm.contains("      -----REDACTED PRIVATE KEY-----\n    afterKey: kept\n"));
        const QByteArray enc =
            cp.file(QStringLiteral("/etc/kubernetes/enc/encryption-config.yaml"))->data;
        QVERIFY(enc.contains("- name: key1\n"));
        QVERIFY(enc.contains("secret: REDACTED\n"));
        QVERIFY(cp.stat(QStringLiteral("/etc/kubernetes/pki/ca.key"))->exists());
        QVERIFY(!cp.file(QStringLiteral("/etc/kubernetes/pki/ca.key")));
        QVERIFY(cp.process(QStringLiteral("kube-apiserver"))
                    ->argv.contains(QStringLiteral(
                        "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key")));
        QVERIFY(!cp.process(QStringLiteral("kube-apiserver"))->argvRedacted);
        QVERIFY(!cp.file(QStringLiteral("/etc/kubernetes/kubelet.conf"))->redacted);

        const ProcessInfo *k3s = snap(QStringLiteral("k3s-server")).process(QStringLiteral("k3s"));
        QVERIFY(k3s->argvRedacted);
        QCOMPARE(k3s->argv.mid(0, 5),
                 (QStringList{QStringLiteral("/usr/local/bin/k3s"), QStringLiteral("server"),
                              QStringLiteral("--token"), QStringLiteral("REDACTED"),
                              QStringLiteral("--agent-token=REDACTED")}));
        QVERIFY(k3s->argv.contains(
            QStringLiteral("--datastore-endpoint=postgres://k3s:REDACTED@db.internal:5432/k3s")));
        QVERIFY(k3s->argv.contains(QStringLiteral("--write-kubeconfig-mode")));
        const QByteArray cfg = snap(QStringLiteral("k3s-server"))
                                   .file(QStringLiteral("/etc/rancher/k3s/config.yaml"))
                                   ->data;
        QVERIFY(cfg.contains("protect-kernel-defaults: true\n"));
        QVERIFY(cfg.contains("write-kubeconfig-mode: \"0600\"\n"));
        const QByteArray proxy = snap(QStringLiteral("worker-json-config"))
                                     .file(QStringLiteral("/var/lib/kube-proxy/kubeconfig.conf"))
                                     ->data;
        QVERIFY(proxy.contains(
            "\"tokenFile\": \"/var/run/secrets/kubernetes.io/serviceaccount/token\""));
        QVERIFY(proxy.contains("\"client-id\": \"kinspect\""));
        QVERIFY(
            proxy.contains("{\"name\": \"VAULT_ADDR\", \"value\": \"https://vault.internal\"}"));
        QVERIFY(proxy.contains("{\"name\": \"VAULT_TOKEN\", \"value\": \"REDACTED\"}"));
        const QByteArray cm =
            cp.file(QStringLiteral("/etc/kubernetes/manifests/kube-controller-manager.yaml"))->data;
        QVERIFY(cp.file(QStringLiteral("/etc/kubernetes/manifests/kube-controller-manager.yaml"))
                    ->redacted);
        QVERIFY(cm.contains("- name: AZURE_CLIENT_SECRET\n      value: REDACTED\n"));
        QVERIFY(cm.contains("- name: HTTPS_PROXY\n      value: http://proxy.internal:3128\n"));
        QVERIFY(cm.contains("- {name: VAULT_TOKEN, value: \"REDACTED\"}\n"));
        QVERIFY(cm.contains("    - --use-service-account-credentials=true\n"));
    }

    // The same trees give byte-identical snapshots under busybox sh, first with the system's
    // tools, then with nothing but busybox applets on PATH (an Alpine-like node).
    void busyboxSameOutput_data()
    {
        QTest::addColumn<bool>("appletsOnly");
        QTest::newRow("busybox sh") << false;
        QTest::newRow("busybox applets only") << true;
    }
    void busyboxSameOutput()
    {
        QFETCH(bool, appletsOnly);
        const QString bb = QStandardPaths::findExecutable(QStringLiteral("busybox"));
        if (bb.isEmpty())
            QSKIP("busybox is not installed");
        QTemporaryDir out;
        QTemporaryDir bin;
        QString path;
        QString shell = bb + QStringLiteral(" sh");
        if (appletsOnly) {
            QProcess list;
            list.start(bb, {QStringLiteral("--list")});
            QVERIFY(list.waitForFinished(10000));
            const QByteArrayList applets = list.readAllStandardOutput().split('\n');
            QVERIFY(applets.size() > 50);
            for (const QByteArray &a : applets)
                if (!a.isEmpty())
                    QFile::link(bb, bin.filePath(QString::fromLatin1(a)));
            path = bin.path();
            shell = bin.filePath(QStringLiteral("sh"));
        }
        QString log;
        QVERIFY2(runMakeSnapshots(out.path(), shell, &log, path), qPrintable(log));
        for (const QString &tree : std::as_const(m_trees))
            QVERIFY2(readFile(out.filePath(tree + QStringLiteral(".snap"))) == m_raw.value(tree),
                     qPrintable(tree));
    }

    // Paths the fixture trees do not take: a kubelet config and a kubeconfig that are symlinks
    // (mode and size then come from stat -L), a staticPodPath outside the default manifests dir
    // (parsed again), NUL early in a file over 32 KiB (grep -I) and as the last byte of a small
    // one, a process whose argv[0] names no component but whose executable does, a listing root
    // that is a symlink (not followed). The same bytes under busybox sh.
    void uncommonPaths()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.filePath(QStringLiteral("root"));
        const QString proc = dir.filePath(QStringLiteral("proc"));
        const QByteArray config = "kind: KubeletConfiguration\nstaticPodPath: /srv/static\n";
        QVERIFY(writeBytes(root + QStringLiteral("/etc/kubelet-real/config.yaml"), config));
        QDir().mkpath(root + QStringLiteral("/var/lib/kubelet/pki-real"));
        QVERIFY(QFile::link(QStringLiteral("../../../etc/kubelet-real/config.yaml"),
                            root + QStringLiteral("/var/lib/kubelet/config.yaml")));
        QVERIFY(writeBytes(root + QStringLiteral("/var/lib/kubelet/pki-real/kubelet.crt"), "x"));
        QVERIFY(
            QFile::link(QStringLiteral("pki-real"), root + QStringLiteral("/var/lib/kubelet/pki")));
        QVERIFY(writeBytes(root + QStringLiteral("/etc/kubernetes/real-admin.conf"),
                           "apiVersion: v1\nusers:\n- name: a\n  user:\n    token: PLANTED\n"));
        QVERIFY(QFile::link(QStringLiteral("real-admin.conf"),
                            root + QStringLiteral("/etc/kubernetes/admin.conf")));
        QVERIFY(writeBytes(root + QStringLiteral("/srv/static/etcd.yaml"),
                           "spec:\n  containers:\n  - image: registry.k8s.io/etcd:3.5.21-0\n"));
        QVERIFY(writeBytes(root + QStringLiteral("/srv/static/early-nul.yaml"),
                           textWithNul(40000, 100)));
        QVERIFY(
            writeBytes(root + QStringLiteral("/srv/static/end-nul.yaml"), QByteArray("abc\0", 4)));
        const QByteArray plain = textWithNul(40000, 0);
        QVERIFY(writeBytes(root + QStringLiteral("/srv/static/plain.yaml"), plain));
        QVERIFY(writeBytes(proc + QStringLiteral("/sys/kernel/hostname"), "n1\n"));
        QVERIFY(fakeProcess(proc, 1, QStringLiteral("/usr/lib/systemd/systemd"),
                            {QStringLiteral("/sbin/init")}));
        QVERIFY(fakeProcess(proc, 100, QStringLiteral("/usr/bin/kubelet"),
                            {QStringLiteral("/usr/bin/kubelet"),
                             QStringLiteral("--config=/var/lib/kubelet/config.yaml"),
                             QStringLiteral("--kubeconfig=/etc/kubernetes/admin.conf")}));
        QVERIFY(fakeProcess(proc, 200, QStringLiteral("/usr/local/bin/kube-proxy"),
                            {QStringLiteral("proxy-wrapper"),
                             QStringLiteral("--config=/var/lib/kube-proxy/config.conf")}));

        QString err;
        const QByteArray raw = runCollector(QStringLiteral("/bin/sh"), root, proc, &err);
        QVERIFY2(!raw.isEmpty(), qPrintable(err));
        QVERIFY(!recoverable(raw).contains("PLANTED"));
        auto r = parseSnapshot(raw, QStringLiteral("uncommon"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const NodeSnapshot &s = *r;

        const ProcessInfo *proxy = s.process(QStringLiteral("kube-proxy"));
        QVERIFY(proxy);
        QCOMPARE(proxy->pid, qint64(200));
        QCOMPARE(proxy->exe, QStringLiteral("/usr/local/bin/kube-proxy"));
        QCOMPARE(s.profile.value(QStringLiteral("manifests")), QStringLiteral("/srv/static"));
        QCOMPARE(s.versions.value(QStringLiteral("etcd")), QStringLiteral("3.5.21-0"));

        const FileContent *cfg = s.file(QStringLiteral("/var/lib/kubelet/config.yaml"));
        QVERIFY(cfg);
        QCOMPARE(cfg->data, config);
        QCOMPARE(cfg->size, qint64(config.size()));
        const FileStat *link = s.stat(QStringLiteral("/var/lib/kubelet/config.yaml"));
        QVERIFY(link && link->type == FileStat::Type::Symlink);
        QCOMPARE(link->linkTarget, QStringLiteral("../../../etc/kubelet-real/config.yaml"));
        const FileContent *admin = s.file(QStringLiteral("/etc/kubernetes/admin.conf"));
        QVERIFY(admin && admin->redacted);

        QCOMPARE(s.file(QStringLiteral("/srv/static/early-nul.yaml"))->skippedCode,
                 QStringLiteral("binary"));
        QCOMPARE(s.file(QStringLiteral("/srv/static/end-nul.yaml"))->skippedCode,
                 QStringLiteral("binary"));
        QCOMPARE(s.file(QStringLiteral("/srv/static/plain.yaml"))->data, plain);

        const FileStat *pki = s.stat(QStringLiteral("/var/lib/kubelet/pki"));
        QVERIFY(pki && pki->type == FileStat::Type::Symlink);
        QVERIFY(!s.stat(QStringLiteral("/var/lib/kubelet/pki/kubelet.crt")));

        const QString bb = QStandardPaths::findExecutable(QStringLiteral("busybox"));
        if (bb.isEmpty())
            return;
        QCOMPARE(runCollector(bb + QStringLiteral(" sh"), root, proc, &err), raw);
    }

    // A process may rewrite its title so that the whole command line is one argv item without
    // NULs ("k3s agent --token V ..."): its words are redacted by the same rules as items.
    void secretsInRewrittenProcessTitle()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.filePath(QStringLiteral("root"));
        const QString proc = dir.filePath(QStringLiteral("proc"));
        QDir().mkpath(root + QStringLiteral("/etc/rancher/k3s"));
        QVERIFY(writeBytes(proc + QStringLiteral("/sys/kernel/hostname"), "n1\n"));
        const QString title =
            QStringLiteral("/usr/local/bin/k3s agent --token PLANTED1 --server https://s:6443 "
                           "-t PLANTED2 --agent-token=PLANTED3  --node-name=n1 "
                           "--datastore-endpoint=mysql://u:PLANTED4@db/k3s --kubelet-arg=v=2");
        QVERIFY(fakeProcess(proc, 300, QStringLiteral("/usr/local/bin/k3s"), {title}));
        QString err;
        const QByteArray raw = runCollector(QStringLiteral("/bin/sh"), root, proc, &err);
        QVERIFY2(!raw.isEmpty(), qPrintable(err));
        QVERIFY(!recoverable(raw).contains("PLANTED"));
        auto r = parseSnapshot(raw, QStringLiteral("title"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const ProcessInfo *k3s = r->process(QStringLiteral("k3s"));
        QVERIFY(k3s);
        QVERIFY(k3s->argvRedacted);
        QCOMPARE(k3s->argv,
                 QStringList{QStringLiteral(
                     "/usr/local/bin/k3s agent --token REDACTED --server https://s:6443 "
                     "-t REDACTED --agent-token=REDACTED  --node-name=n1 "
                     "--datastore-endpoint=mysql://u:REDACTED@db/k3s --kubelet-arg=v=2")});
        const QString bb = QStandardPaths::findExecutable(QStringLiteral("busybox"));
        if (!bb.isEmpty())
            QCOMPARE(runCollector(bb + QStringLiteral(" sh"), root, proc, &err), raw);
    }

    // A binary's version is asked once per running process: a re-scan passes what the last scan
    // learnt (component, process, version) and the binary is not started again while the same
    // process runs; anything else, or a value of another shape, and it is.
    void knownVersionsSkipTheBinary()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.filePath(QStringLiteral("root"));
        const QString proc = dir.filePath(QStringLiteral("proc"));
        const QString ran = dir.filePath(QStringLiteral("ran"));
        const QString kubelet = root + QStringLiteral("/usr/bin/kubelet");
        QVERIFY(writeBytes(kubelet, "#!/bin/sh\necho run >> '" + ran.toUtf8() +
                                        "'\necho 'Kubernetes v1.30.1'\n"));
        QVERIFY(
            QFile::setPermissions(kubelet, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(writeBytes(proc + QStringLiteral("/sys/kernel/hostname"), "n1\n"));
        const QByteArray boot = "6f1c2d3e-0a1b-4c5d-8e9f-0123456789ab";
        QVERIFY(writeBytes(proc + QStringLiteral("/sys/kernel/random/boot_id"), boot + "\n"));
        QVERIFY(fakeProcess(proc, 100, QStringLiteral("/usr/bin/kubelet"),
                            {QStringLiteral("/usr/bin/kubelet"), QStringLiteral("--v=2")}));
        // the name may hold spaces and parentheses: the fields count from the last ')'
        QVERIFY(writeBytes(proc + QStringLiteral("/100/stat"),
                           "100 (kube) let) S 1 100 100 0 -1 4194560 0 0 0 0 7 3 0 0 20 0 9 0 "
                           "424242 1000 200 18446744073709551615\n"));
        const auto ranCount = [&ran] {
            QFile f(ran);
            return f.open(QIODevice::ReadOnly) ? int(f.readAll().count('\n')) : 0;
        };
        const auto versionRecord = [](const QByteArray &raw) {
            for (const QByteArray &l : raw.split('\n'))
                if (l.startsWith("VERSION\tkubelet\t"))
                    return l;
            return QByteArray();
        };
        const QString bb = QStandardPaths::findExecutable(QStringLiteral("busybox"));
        QStringList shells{QStringLiteral("/bin/sh")};
        if (!bb.isEmpty())
            shells << bb + QStringLiteral(" sh");
        for (const QString &sh : shells) {
            QFile::remove(ran);
            QString err;
            const QByteArray first = runCollectorStdin(sh, root, proc, QByteArray(), &err);
            QVERIFY2(!first.isEmpty(), qPrintable(err));
            const QByteArray process = "100:424242:" + boot;
            QCOMPARE(versionRecord(first), "VERSION\tkubelet\t" + QByteArray("v1.30.1").toBase64() +
                                               "\tbinary\t" + process);
            QCOMPARE(ranCount(), 1);
            auto parsed = parseSnapshot(first, QStringLiteral("first"));
            QVERIFY(parsed.ok());
            QCOMPARE(parsed->versionProcesses.value(QStringLiteral("kubelet")),
                     QString::fromLatin1(process));

            // the same process: the known version, the binary not run
            const QByteArray known = "kubelet=" + process + "=v1.30.0";
            QByteArray again =
                runCollectorStdin(sh, root, proc, "KC_PRESET_KNOWN='" + known + "'\n", &err);
            QCOMPARE(versionRecord(again), "VERSION\tkubelet\t" + QByteArray("v1.30.0").toBase64() +
                                               "\tbinary\t" + process);
            QCOMPARE(ranCount(), 1);
            // the same through the option
            QStringList args = sh.split(QLatin1Char(' '));
            const QString program = args.takeFirst();
            QProcess opt;
            opt.start(program, args << QStringLiteral(KINSPECT_SOURCE_DIR
                                                      "/resources/collector/kinspect-collect.sh")
                                    << QStringLiteral("--root") << root << QStringLiteral("--proc")
                                    << proc << QStringLiteral("--fixed-time")
                                    << QStringLiteral("2026-01-01T00:00:00Z")
                                    << QStringLiteral("--known-version")
                                    << QString::fromLatin1(known));
            QVERIFY(opt.waitForFinished(60000));
            QCOMPARE(opt.readAllStandardOutput(), again);
            QCOMPARE(ranCount(), 1);

            // another process (start time), another boot, or a value of another shape: asked
            for (const QByteArray &w : {QByteArray("kubelet=100:424241:" + boot + "=v1.29.0"),
                                        QByteArray("kubelet=100:424242:0000=v1.29.0"),
                                        QByteArray("kubelet=" + process + "=v1;touch${IFS}/tmp/x"),
                                        QByteArray("kube-proxy=" + process + "=v1.29.0")}) {
                const int before = ranCount();
                again = runCollectorStdin(sh, root, proc, "KC_PRESET_KNOWN='" + w + "'\n", &err);
                QVERIFY2(versionRecord(again).contains(QByteArray("v1.30.1").toBase64()),
                         w.constData());
                QCOMPARE(ranCount(), before + 1);
            }
        }
    }

    // Kinspect runs the collector as `sh -s -- ARGS` with the script on stdin: nothing in it may
    // read stdin (it would eat the rest of the script). Same output as running the file.
    void runsFromStdin()
    {
        const QString tree = QStringLiteral("kubeadm-cp-compliant");
        const QByteArray script = readFile(
            QStringLiteral(KINSPECT_SOURCE_DIR "/resources/collector/kinspect-collect.sh"));
        QVERIFY(!script.isEmpty());
        QProcess p;
        p.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-s"), QStringLiteral("--"), QStringLiteral("--root"),
                 m_work.filePath(tree + QStringLiteral("/root")), QStringLiteral("--proc"),
                 m_work.filePath(tree + QStringLiteral("/proc")), QStringLiteral("--fixed-time"),
                 QStringLiteral("2026-01-01T00:00:00Z")});
        QVERIFY(p.waitForStarted());
        p.write(script);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardOutput(), m_raw.value(tree));
    }

    void unknownOptionIsUsageError()
    {
        QProcess p;
        p.start(QStringLiteral("/bin/sh"),
                {QStringLiteral(KINSPECT_SOURCE_DIR "/resources/collector/kinspect-collect.sh"),
                 QStringLiteral("--bogus")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 64);
        QVERIFY(p.readAllStandardOutput().isEmpty());
    }

    // The committed fixtures are what the collector produces today (regenerate with
    // tests/data/make-snapshots.sh when this fails after a collector change).
    void committedSnapshotsCurrent()
    {
        for (const QString &tree : std::as_const(m_trees)) {
            const QByteArray committed =
                readFile(kData + QStringLiteral("/snapshots/") + tree + QStringLiteral(".snap"));
            auto c = parseSnapshot(committed, tree);
            QVERIFY2(c.ok(), qPrintable(tree));
            // compare what does not depend on the file system the fixture was built on
            const NodeSnapshot &now = snap(tree);
            QCOMPARE(c->processes.size(), now.processes.size());
            QCOMPARE(c->stats.keys().size(), now.stats.keys().size());
            for (const FileContent &f : now.files)
                QVERIFY2(c->file(f.path) && c->file(f.path)->data == f.data, qPrintable(f.path));
        }
    }
};

QTEST_GUILESS_MAIN(TestCollector)
#include "TestCollector.moc"
