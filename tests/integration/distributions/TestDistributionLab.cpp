// k3s and RKE2 nodes of the lab (real sshd, the real collector) scanned by kinspect-cli: the
// result names the distribution, the component settings come from k3s's config.yaml / RKE2's
// static pods, and the file checks look at /var/lib/rancher/<dist>/... paths.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <unistd.h>

namespace {

const QString kLabDir = QStringLiteral("/tmp/kinspect-dist-lab");
const int kBasePort = 28501;

bool lab(const QStringList &args, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(KINSPECT_SOURCE_DIR "/tests/lab/lab.sh"), args);
    const bool ok =
        p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    *output = QString::fromUtf8(p.readAll());
    return ok;
}

QJsonObject nodeOf(const QJsonObject &report, const QString &name)
{
    for (const auto &n : report.value("nodes").toArray())
        if (n.toObject().value("name").toString() == name)
            return n.toObject();
    return {};
}

QJsonObject resultOf(const QJsonObject &node, const QString &id)
{
    for (const auto &r : node.value("results").toArray())
        if (r.toObject().value("id").toString() == id)
            return r.toObject();
    return {};
}

QString describe(const QJsonObject &r)
{
    return QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact));
}

// Every evidence path of a result.
QStringList paths(const QJsonObject &r)
{
    QStringList out;
    for (const auto &e : r.value("evidence").toArray())
        out << e.toObject().value("path").toString();
    return out;
}

} // namespace

class TestDistributionLab : public QObject
{
    Q_OBJECT

private:
    bool m_up = false;
    QJsonObject m_report;

    void expectStatus(const QJsonObject &node, const QString &id, const QString &status)
    {
        const QJsonObject r = resultOf(node, id);
        QVERIFY2(!r.isEmpty(), qPrintable(id));
        QVERIFY2(r.value("status").toString() == status,
                 qPrintable(node.value("name").toString() + QLatin1Char(' ') + describe(r)));
    }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the lab needs root");
        QString out;
        m_up = lab({"up", "--dir", kLabDir, "--base-port", QString::number(kBasePort), "--nodes",
                    "k3s=k3s-server,rke2=rke2-server"},
                   &out);
        QVERIFY2(m_up, qPrintable(out));
        QTest::qWait(1500); // static pods of the RKE2 node start after its kubelet
        QProcess scan;
        scan.start(QStringLiteral(KINSPECT_CLI),
                   {"scan", "--inventory", kLabDir + "/inventory.yaml", "--known-hosts",
                    kLabDir + "/known_hosts", "--ssh-config", "none", "--benchmark", "cis-1.12",
                    "--format", "json", "--no-history"});
        QVERIFY(scan.waitForFinished(180000));
        const QByteArray json = scan.readAllStandardOutput();
        m_report = QJsonDocument::fromJson(json).object();
        QVERIFY2(!m_report.isEmpty(), scan.readAllStandardError().constData());
    }

    void cleanupTestCase()
    {
        if (m_up) {
            QString out;
            QVERIFY2(lab({"down", "--dir", kLabDir}, &out), qPrintable(out));
        }
    }

    void k3s()
    {
        const QJsonObject n = nodeOf(m_report, "k3s");
        QCOMPARE(n.value("status").toString(), QStringLiteral("audited"));
        QCOMPARE(n.value("distribution").toString(), QStringLiteral("k3s"));
        // API server settings: from the k3s command line (audit-log-path), config.yaml
        // (audit-log-maxage), config.yaml.d's `kube-apiserver-arg+:` (maxbackup, maxsize) and
        // k3s's own defaults (profiling off, anonymous auth off, Node,RBAC)
        for (const char *id :
             {"1.2.15", "1.2.16", "1.2.17", "1.2.18", "1.2.19", "1.2.6", "1.2.7", "1.2.8"})
            expectStatus(n, id, "PASS");
        // controller manager / scheduler defaults of k3s
        for (const char *id : {"1.3.2", "1.3.3", "1.3.7", "1.4.1", "1.4.2"})
            expectStatus(n, id, "PASS");
        // embedded etcd (cluster-init): k3s's certificates, data dir below the data dir
        for (const char *id : {"2.1", "2.2", "2.4"})
            expectStatus(n, id, "PASS");
        const QJsonObject dataDir = resultOf(n, "1.1.11");
        QVERIFY2(paths(dataDir).contains("/var/lib/rancher/k3s/server/db/etcd"),
                 qPrintable(describe(dataDir)));
        expectStatus(n, "1.1.11", "PASS");
        const QJsonObject admin = resultOf(n, "1.1.13");
        QVERIFY2(
            paths(admin).join(' ').contains("/var/lib/rancher/k3s/server/cred/admin.kubeconfig"),
            qPrintable(describe(admin)));
        expectStatus(n, "1.1.13", "PASS");
        // the kubelet inside k3s: defaults + kubelet-arg from config.yaml
        for (const char *id : {"4.2.1", "4.2.2"})
            expectStatus(n, id, "PASS");
        // no static-pod manifests on k3s: the manifest file checks do not pass by accident
        QVERIFY(resultOf(n, "1.1.1").value("status").toString() != QLatin1String("PASS") ||
                paths(resultOf(n, "1.1.1")).join(' ').contains("/var/lib/rancher/k3s"));
    }

    void rke2()
    {
        const QJsonObject n = nodeOf(m_report, "rke2");
        QCOMPARE(n.value("status").toString(), QStringLiteral("audited"));
        QCOMPARE(n.value("distribution").toString(), QStringLiteral("rke2"));
        const QJsonObject manifest = resultOf(n, "1.1.1");
        QVERIFY2(paths(manifest).contains(
                     "/var/lib/rancher/rke2/agent/pod-manifests/kube-apiserver.yaml"),
                 qPrintable(describe(manifest)));
        for (const char *id : {"1.1.1", "1.1.3", "1.1.5", "1.1.7", "1.1.11", "1.1.12"})
            expectStatus(n, id, "PASS");
        QVERIFY(paths(resultOf(n, "1.1.12")).contains("/var/lib/rancher/rke2/server/db/etcd"));
        for (const char *id : {"1.2.15", "1.2.16", "1.3.2", "1.4.1", "2.1", "2.2", "4.2.1"})
            expectStatus(n, id, "PASS");
    }
};

QTEST_GUILESS_MAIN(TestDistributionLab)
#include "TestDistributionLab.moc"
