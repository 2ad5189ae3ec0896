// The fleet path without a home-made runner: `kinspect-cli collector > collect.sh`, then
// `ansible all -i hosts.ini -m script -a collect.sh --forks N --tree DIR` against the lab's real
// sshd nodes (root, and NOPASSWD sudo through Ansible's become), each host's stdout saved as
// DIR/<host>.snap, then `kinspect-cli evaluate --snapshot DIR` must give the same verdicts as
// `kinspect-cli scan` of the same nodes.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

const QString kLabDir = QStringLiteral("/tmp/kinspect-ansible-lab");
const int kBasePort = 28551;
const QStringList kNodes{"cp-1", "cp-2", "w-bad", "w-kops"};

struct Run
{
    int code = -1;
    QByteArray out, err;
};

Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env = {},
        int timeoutMs = 180000)
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
               p.readAllStandardOutput(), p.readAllStandardError()};
}

// node name -> "id=STATUS" for every control, from a JSON report.
QMap<QString, QStringList> verdicts(const QByteArray &json)
{
    QMap<QString, QStringList> out;
    for (const auto &n : QJsonDocument::fromJson(json).object().value("nodes").toArray()) {
        const QJsonObject o = n.toObject();
        QStringList v;
        for (const auto &r : o.value("results").toArray())
            v << r.toObject().value("id").toString() + "=" +
                     r.toObject().value("status").toString();
        out.insert(o.value("name").toString(), v);
    }
    return out;
}

} // namespace

class TestAnsibleLab : public QObject
{
    Q_OBJECT

private:
    bool m_up = false;

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the lab needs root");
        if (QStandardPaths::findExecutable("ansible").isEmpty())
            QSKIP("ansible is not installed (apt-get install ansible; scripts/install-deps.sh "
                  "installs it)");
        Run up = run(KINSPECT_SOURCE_DIR "/tests/lab/lab.sh",
                     {"up", "--dir", kLabDir, "--base-port", QString::number(kBasePort), "--nodes",
                      "cp-1=cp-good,cp-2=cp-bad,w-bad=worker-bad,w-kops=worker-good/kops"});
        m_up = up.code == 0;
        QVERIFY2(m_up, (up.out + up.err).constData());
    }

    void cleanupTestCase()
    {
        if (m_up) {
            Run down = run(KINSPECT_SOURCE_DIR "/tests/lab/lab.sh", {"down", "--dir", kLabDir});
            QVERIFY2(down.code == 0, (down.out + down.err).constData());
        }
    }

    void ansibleMatchesScan()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // 1. the collector, as printed
        Run collector = run(KINSPECT_CLI, {"collector"});
        QCOMPARE(collector.code, 0);
        QFile script(dir.filePath("collect.sh"));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(collector.out);
        script.close();

        // 2. an Ansible inventory for the lab nodes (w-kops: its own user + become/sudo)
        QString ini = "[k8s]\n";
        for (int i = 0; i < kNodes.size(); ++i) {
            const QString user = kNodes[i] == "w-kops" ? "kops" : "root";
            ini += QString("%1 ansible_host=127.0.0.1 ansible_port=%2 ansible_user=%3%4\n")
                       .arg(kNodes[i])
                       .arg(kBasePort + i)
                       .arg(user, user == "root" ? "" : " ansible_become=true");
        }
        ini += "[k8s:vars]\nansible_ssh_private_key_file=" + kLabDir + "/id_ed25519\n" +
               "ansible_ssh_common_args='-F none -o IdentitiesOnly=yes -o UserKnownHostsFile=" +
               kLabDir +
               "/known_hosts -o GlobalKnownHostsFile=none -o StrictHostKeyChecking=yes'\n";
        QFile hosts(dir.filePath("hosts.ini"));
        QVERIFY(hosts.open(QIODevice::WriteOnly));
        hosts.write(ini.toUtf8());
        hosts.close();

        // 3. ansible all -m script, with forks; no pty, so stdout keeps its LF line ends
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("ANSIBLE_SSH_USETTY", "False");
        env.insert("ANSIBLE_HOST_KEY_CHECKING", "True");
        env.insert("ANSIBLE_LOCAL_TEMP", dir.filePath("ansible-local"));
        env.insert("ANSIBLE_REMOTE_TMP", "/tmp/.ansible-kinspect");
        env.insert("ANSIBLE_SSH_CONTROL_PATH_DIR", dir.filePath("cp"));
        env.insert("ANSIBLE_NOCOLOR", "1");
        env.insert("ANSIBLE_RETRY_FILES_ENABLED", "False");
        QElapsedTimer t;
        t.start();
        Run ans = run("ansible",
                      {"all", "-i", hosts.fileName(), "--forks", "4", "-m", "script", "-a",
                       script.fileName(), "--tree", dir.filePath("tree")},
                      env, 300000);
        qInfo("ansible gathered %d snapshots in %lld ms", int(kNodes.size()), t.elapsed());
        QVERIFY2(ans.code == 0, (ans.out + ans.err).constData());

        // 4. each host's stdout -> DIR/<host>.snap
        QDir().mkpath(dir.filePath("snaps"));
        for (const QString &n : kNodes) {
            QFile tree(dir.filePath("tree/") + n);
            QVERIFY2(tree.open(QIODevice::ReadOnly), qPrintable(n));
            const QJsonObject r = QJsonDocument::fromJson(tree.readAll()).object();
            const QByteArray stdoutData = r.value("stdout").toString().toUtf8();
            QVERIFY2(stdoutData.startsWith("kinspect-snapshot\t1\t"), qPrintable(n));
            QVERIFY2(!stdoutData.contains('\r'), qPrintable(n)); // no pty in between
            // every collector ran as root (w-kops through Ansible's become = sudo)
            QVERIFY2(stdoutData.contains("\nHOST\tuid\tMA==\n"), qPrintable(n));
            QFile snap(dir.filePath("snaps/") + n + ".snap");
            QVERIFY(snap.open(QIODevice::WriteOnly));
            snap.write(stdoutData);
        }

        // 5. evaluate the gathered snapshots; scan the same nodes directly
        Run ev = run(KINSPECT_CLI, {"evaluate", "--snapshot", dir.filePath("snaps"), "--benchmark",
                                    "cis-1.12", "--format", "json"});
        QVERIFY2(ev.code == 1, ev.err.constData()); // cp-2 and w-bad have findings
        Run scan = run(KINSPECT_CLI, {"scan", "--inventory", kLabDir + "/inventory.yaml",
                                      "--known-hosts", kLabDir + "/known_hosts", "--ssh-config",
                                      "none", "--benchmark", "cis-1.12", "--format", "json",
                                      "--no-history", "--secrets-file", kLabDir + "/cli-secrets"});
        QCOMPARE(scan.code, ev.code);
        const auto fromAnsible = verdicts(ev.out);
        const auto fromScan = verdicts(scan.out);
        QCOMPARE(QStringList(fromAnsible.keys()), QStringList(fromScan.keys()));
        for (const QString &n : kNodes) {
            QVERIFY2(fromAnsible.contains(n), qPrintable(n));
            QVERIFY2(fromScan.contains(n), qPrintable(n));
            QVERIFY(fromAnsible.value(n).size() > 50);
            QCOMPARE(fromAnsible.value(n), fromScan.value(n));
        }
        QVERIFY(fromAnsible.value("cp-2").filter("=FAIL").size() > 10);
        QVERIFY(fromAnsible.value("cp-1").filter("=FAIL").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAnsibleLab)
#include "TestAnsibleLab.moc"
