// kinspect-cli's fleet side, run as the real binary: `inventory import`, `k8s-manifest` (its
// structure checked offline, and with kubectl against a discovery-only fake API server when
// kubectl is installed) and `evaluate --from-kubectl-logs`.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <yaml-cpp/yaml.h>

namespace {

struct Run
{
    int code = -1;
    QByteArray out, err;
};

Run cli(const QStringList &args, const QByteArray &input = QByteArray())
{
    QProcess p;
    p.start(QStringLiteral(KINSPECT_CLI), args);
    p.waitForStarted();
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return Run{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString data(const char *name)
{
    return QStringLiteral(IMPORTERS_TEST_DATA "/") + QLatin1String(name);
}

QString snapshots(const char *name)
{
    return QStringLiteral(KINSPECT_TEST_DATA "/snapshots/") + QLatin1String(name);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Node results without the times, for comparing two evaluations of the same snapshots.
QJsonArray verdicts(const QByteArray &json)
{
    QJsonArray out;
    for (const auto &n : QJsonDocument::fromJson(json).object().value("nodes").toArray()) {
        QJsonObject o = n.toObject();
        QJsonObject v;
        v["name"] = o["name"];
        v["distribution"] = o["distribution"];
        QJsonArray rs;
        for (const auto &r : o["results"].toArray())
            rs.append(r.toObject()["id"].toString() + "=" + r.toObject()["status"].toString());
        v["results"] = rs;
        out.append(v);
    }
    return out;
}

std::vector<YAML::Node> docs(const QByteArray &yaml)
{
    return YAML::LoadAll(yaml.toStdString());
}

} // namespace

class TestFleetCli : public QObject
{
    Q_OBJECT

private slots:
    void inventoryImport()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("inv.yaml");
        Run r = cli({"inventory", "import", "--from", "ansible", data("kubespray.ini"), "--output",
                     out, "--cluster", "prod"});
        QCOMPARE(r.code, 0);
        const QByteArray inv = readAll(out);
        QVERIFY(inv.contains("cluster: prod"));
        QVERIFY(inv.contains("node1"));
        // The written file is a valid inventory for the other commands (scan reads it the same).
        Run again = cli({"inventory", "import", "--from", "kubectl", data("nodes.json")});
        QCOMPARE(again.code, 0);
        QVERIFY(again.out.contains("k3s-server-1"));
        QVERIFY(again.out.contains("192.168.50.10"));
    }

    void inventoryImportErrors()
    {
        Run bad = cli({"inventory", "import", "--from", "ssh-config", data("ssh_config_bad_port")});
        QCOMPARE(bad.code, 64);
        QVERIFY2(bad.err.contains("ssh_config_bad_port:6: bad port"), bad.err.constData());
        Run kind = cli({"inventory", "import", "--from", "terraform", data("nodes.json")});
        QCOMPARE(kind.code, 64);
        Run nofile = cli({"inventory", "import", "--from", "ansible"});
        QCOMPARE(nofile.code, 64);
        Run nosub = cli({"inventory"});
        QCOMPARE(nosub.code, 64);
    }

    void manifestDaemonSet()
    {
        Run r = cli({"k8s-manifest", "--namespace", "audit", "--image", "busybox:1.36"});
        QCOMPARE(r.code, 0);
        const auto all = docs(r.out);
        QCOMPARE(int(all.size()), 3);
        QCOMPARE(all[0]["kind"].as<std::string>(), std::string("Namespace"));
        QCOMPARE(all[1]["kind"].as<std::string>(), std::string("ConfigMap"));
        QCOMPARE(all[2]["kind"].as<std::string>(), std::string("DaemonSet"));
        // The ConfigMap carries exactly the collector `kinspect-cli collector` prints.
        Run collector = cli({"collector"});
        QCOMPARE(QByteArray::fromStdString(all[1]["data"]["kinspect-collect.sh"].as<std::string>()),
                 collector.out);
        for (const auto &d : all)
            if (d["metadata"]["namespace"])
                QCOMPARE(d["metadata"]["namespace"].as<std::string>(), std::string("audit"));
        checkPodSpec(all[2]["spec"]["template"]["spec"], true);
        // The selector matches the template's labels.
        QCOMPARE(
            all[2]["spec"]["selector"]["matchLabels"]["app.kubernetes.io/name"].as<std::string>(),
            all[2]["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/name"]
                .as<std::string>());
    }

    void manifestJobs()
    {
        Run r =
            cli({"k8s-manifest", "--mode", "jobs", "--node", "cp-1", "--node", "w.example.org"});
        QCOMPARE(r.code, 0);
        const auto all = docs(r.out);
        QCOMPARE(int(all.size()), 4);
        QCOMPARE(all[2]["kind"].as<std::string>(), std::string("Job"));
        QCOMPARE(all[2]["spec"]["template"]["spec"]["nodeName"].as<std::string>(),
                 std::string("cp-1"));
        QCOMPARE(all[3]["spec"]["template"]["spec"]["nodeName"].as<std::string>(),
                 std::string("w.example.org"));
        QCOMPARE(all[3]["metadata"]["name"].as<std::string>(),
                 std::string("kinspect-collect-w-example-org"));
        QCOMPARE(all[2]["spec"]["backoffLimit"].as<int>(), 0);
        for (int i = 2; i < 4; ++i)
            checkPodSpec(all[i]["spec"]["template"]["spec"], false);
    }

    void manifestBadValues()
    {
        QCOMPARE(cli({"k8s-manifest", "--namespace", "Bad_NS"}).code, 64);
        QCOMPARE(cli({"k8s-manifest", "--image", "busybox\n  evil: 1"}).code, 64);
        QCOMPARE(cli({"k8s-manifest", "--mode", "jobs"}).code, 64);
        QCOMPARE(cli({"k8s-manifest", "--node", "x"}).code, 64);
    }

    // kubectl decodes every object strictly into its Go type (a bool where a string belongs, a
    // misplaced list, ... fail). Needs no cluster: a fake API server answers discovery only.
    void manifestKubectlDryRun()
    {
        const QString kubectl = QStandardPaths::findExecutable("kubectl");
        if (kubectl.isEmpty())
            QSKIP("kubectl is not installed (the structural checks above still ran)");
        QTemporaryDir dir;
        QProcess server;
        server.start("python3", {QStringLiteral(IMPORTERS_SOURCE_DIR "/fake-apiserver.py"),
                                 dir.filePath("port")});
        QVERIFY(server.waitForStarted());
        QString port;
        for (int i = 0; i < 100 && port.isEmpty(); ++i) {
            QTest::qWait(50);
            port = QString::fromUtf8(readAll(dir.filePath("port")));
        }
        QVERIFY(!port.isEmpty());
        QFile kc(dir.filePath("kubeconfig"));
        QVERIFY(kc.open(QIODevice::WriteOnly));
        kc.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters: [{name: f, cluster: "
                                "{server: \"http://127.0.0.1:%1\"}}]\ncontexts: [{name: f, "
                                "context: {cluster: f, user: u}}]\nusers: [{name: u, user: {}}]\n"
                                "current-context: f\n")
                     .arg(port)
                     .toUtf8());
        kc.close();
        for (const QStringList &args :
             {QStringList{"k8s-manifest"},
              QStringList{"k8s-manifest", "--mode", "jobs", "--node", "n1", "--node", "n2"}}) {
            Run m = cli(args);
            QCOMPARE(m.code, 0);
            QProcess k;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert("KUBECONFIG", dir.filePath("kubeconfig"));
            k.setProcessEnvironment(env);
            k.start(kubectl, {"apply", "--dry-run=client", "--validate=false", "-f", "-"});
            k.write(m.out);
            k.closeWriteChannel();
            QVERIFY(k.waitForFinished(60000));
            const QByteArray out = k.readAllStandardOutput() + k.readAllStandardError();
            QVERIFY2(k.exitCode() == 0, out.constData());
            QVERIFY2(out.contains("created (dry run)"), out.constData());
        }
        server.kill();
        server.waitForFinished();
    }

    // The pod's own script, run with sh against an empty root: its log splits back into a
    // snapshot that evaluates. Then real fixture snapshots through a --prefix'ed log evaluate to
    // the same verdicts as the snapshot files themselves.
    void fromKubectlLogs()
    {
        Run m = cli({"k8s-manifest", "--mode", "jobs", "--node", "n1"});
        const auto all = docs(m.out);
        QString script = QString::fromStdString(
            all[2]["spec"]["template"]["spec"]["containers"][0]["args"][0].as<std::string>());
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath("root"));
        QDir().mkpath(dir.filePath("proc"));
        QFile c(dir.filePath("collect.sh"));
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(cli({"collector"}).out);
        c.close();
        QVERIFY(script.contains("--root /host --proc /proc"));
        script.replace("/opt/kinspect/kinspect-collect.sh", c.fileName());
        script.replace("--root /host --proc /proc",
                       "--root " + dir.filePath("root") + " --proc " + dir.filePath("proc"));
        QProcess sh;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("KINSPECT_NODE", "n1");
        sh.setProcessEnvironment(env);
        sh.start("sh", {"-c", script});
        QVERIFY(sh.waitForFinished(60000));
        QCOMPARE(sh.exitCode(), 0);
        QFile log(dir.filePath("pod.log"));
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write(sh.readAllStandardOutput());
        log.close();
        Run e = cli({"evaluate", "--from-kubectl-logs", log.fileName(), "--benchmark", "cis-1.12",
                     "--format", "json"});
        QVERIFY2(e.code == 0 || e.code == 1 || e.code == 2, e.err.constData());
        QCOMPARE(verdicts(e.out).size(), 1);
        QCOMPARE(verdicts(e.out)[0].toObject()["name"].toString(), QStringLiteral("n1"));

        // Two fixture snapshots as `kubectl logs --prefix` prints them.
        QByteArray combined;
        for (const char *n : {"kubeadm-cp-compliant", "k3s-server"}) {
            const QByteArray prefix = "[pod/kinspect-collector-x/collector] ";
            combined += prefix + "KINSPECT-NODE-BEGIN " + n + "\n";
            for (const QByteArray &line : readAll(snapshots(n) + ".snap").split('\n'))
                if (!line.isEmpty())
                    combined += prefix + line + "\n";
            combined += prefix + "KINSPECT-NODE-END " + n + " 0\n";
        }
        QFile both(dir.filePath("both.log"));
        QVERIFY(both.open(QIODevice::WriteOnly));
        both.write(combined);
        both.close();
        QDir().mkpath(dir.filePath("snaps"));
        for (const char *n : {"kubeadm-cp-compliant", "k3s-server"})
            QVERIFY(QFile::copy(snapshots(n) + ".snap", dir.filePath("snaps/") + n + ".snap"));
        Run fromLogs = cli({"evaluate", "--from-kubectl-logs", both.fileName(), "--benchmark",
                            "cis-1.12", "--format", "json"});
        Run fromFiles = cli({"evaluate", "--snapshot", dir.filePath("snaps"), "--benchmark",
                             "cis-1.12", "--format", "json"});
        QCOMPARE(fromLogs.code, fromFiles.code);
        const QJsonArray a = verdicts(fromLogs.out), b = verdicts(fromFiles.out);
        QCOMPARE(a.size(), 2);
        // Same nodes (sorted by name in the directory), same verdicts.
        QJsonArray aSorted;
        aSorted.append(a[1]);
        aSorted.append(a[0]);
        QCOMPARE(a[0].toObject()["name"].toString(), QStringLiteral("kubeadm-cp-compliant"));
        QCOMPARE(QJsonDocument(a[0].toObject()["results"].toArray()).toJson(),
                 QJsonDocument(b[1].toObject()["results"].toArray()).toJson());
        QCOMPARE(QJsonDocument(a[1].toObject()["results"].toArray()).toJson(),
                 QJsonDocument(b[0].toObject()["results"].toArray()).toJson());
        QCOMPARE(a[1].toObject()["distribution"].toString(), QStringLiteral("k3s"));

        // A truncated log is refused with the line of the node's header.
        QFile cut(dir.filePath("cut.log"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(combined.left(combined.indexOf("KINSPECT-NODE-END")));
        cut.close();
        Run t = cli({"evaluate", "--from-kubectl-logs", cut.fileName(), "--benchmark", "cis-1.12"});
        QCOMPARE(t.code, 64);
        QVERIFY2(t.err.contains("cut.log:1:"), t.err.constData());
    }

private:
    void checkPodSpec(const YAML::Node &spec, bool daemonSet)
    {
        QVERIFY(spec["hostPID"].as<bool>());
        QVERIFY(!spec["hostNetwork"].as<bool>());
        QVERIFY(!spec["hostIPC"].as<bool>());
        QVERIFY(!spec["automountServiceAccountToken"].as<bool>());
        QCOMPARE(QString::fromStdString(spec["restartPolicy"].as<std::string>()),
                 daemonSet ? QStringLiteral("Always") : QStringLiteral("Never"));
        // Every hostPath volume is mounted read-only, in every container.
        QStringList hostVolumes;
        for (const auto &v : spec["volumes"])
            if (v["hostPath"])
                hostVolumes << QString::fromStdString(v["name"].as<std::string>());
        QCOMPARE(hostVolumes, QStringList{"host"});
        QVERIFY(spec["containers"].size() == 1);
        QVERIFY(!spec["initContainers"]);
        int hostMounts = 0;
        for (const auto &c : spec["containers"]) {
            for (const auto &m : c["volumeMounts"]) {
                QVERIFY2(m["readOnly"] && m["readOnly"].as<bool>(),
                         m["name"].as<std::string>().c_str());
                if (hostVolumes.contains(QString::fromStdString(m["name"].as<std::string>()))) {
                    ++hostMounts;
                    QCOMPARE(m["recursiveReadOnly"].as<std::string>(), std::string("IfPossible"));
                    QCOMPARE(m["mountPropagation"].as<std::string>(), std::string("None"));
                }
            }
            const YAML::Node sc = c["securityContext"];
            QVERIFY(!sc["privileged"].as<bool>());
            QVERIFY(!sc["allowPrivilegeEscalation"].as<bool>());
            QVERIFY(sc["readOnlyRootFilesystem"].as<bool>());
            QCOMPARE(sc["capabilities"]["drop"][0].as<std::string>(), std::string("ALL"));
            QStringList added;
            for (const auto &a : sc["capabilities"]["add"])
                added << QString::fromStdString(a.as<std::string>());
            QCOMPARE(added, (QStringList{"DAC_READ_SEARCH", "SYS_PTRACE"}));
            const QString script = QString::fromStdString(c["args"][0].as<std::string>());
            QVERIFY(script.contains("--root /host --proc /proc"));
            QVERIFY(script.contains("KINSPECT-NODE-BEGIN"));
            QCOMPARE(c["env"][0]["valueFrom"]["fieldRef"]["fieldPath"].as<std::string>(),
                     std::string("spec.nodeName"));
        }
        QCOMPARE(hostMounts, 1);
        QCOMPARE(spec["volumes"][0]["hostPath"]["path"].as<std::string>(), std::string("/"));
    }
};

QTEST_GUILESS_MAIN(TestFleetCli)
#include "tst_fleetcli.moc"
