#include "snapshot/SnapshotParser.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace kinspect;

namespace {

QByteArray b64(const QByteArray &s)
{
    return s.toBase64();
}

// A well-formed snapshot around `records` (one record per element, without newline).
QByteArray wrap(const QList<QByteArray> &records)
{
    QByteArray out = "kinspect-snapshot\t1\t1.0.0\n";
    for (const QByteArray &r : records)
        out += r + '\n';
    out += "END\t" + QByteArray::number(records.size()) + '\n';
    return out;
}

QByteArray fileRecord(const QByteArray &path, const QByteArray &content,
                      const QByteArray &state = "ok")
{
    const QByteArray sha = QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
    return "FILE\t" + b64(path) + '\t' + sha + '\t' + QByteArray::number(content.size()) + '\t' +
           state + '\t' + b64(content);
}

QByteArray statRecord(const QByteArray &path, const QByteArray &type = "regular",
                      const QByteArray &mode = "600", const QByteArray &link = QByteArray())
{
    return "STAT\t" + b64(path) + '\t' + type + '\t' + mode + "\t0\t0\t" + b64("root") + '\t' +
           b64("root") + "\t12\t" + b64(link);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return f.readAll();
}

} // namespace

class TestSnapshotParser : public QObject
{
    Q_OBJECT

private slots:
    void minimal()
    {
        auto r = parseSnapshot(wrap({}), QStringLiteral("x.snap"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->formatVersion, 1);
        QCOMPARE(r->collectorVersion, QStringLiteral("1.0.0"));
        QVERIFY(r->processes.isEmpty());
    }

    void goodRecords()
    {
        static const char rawArgv[] = "/usr/bin/kubelet\0--node-labels=a=b c\0\0--x=\xc3\xbc";
        const QByteArray argv(rawArgv, sizeof(rawArgv) - 1);
        const QList<QByteArray> recs = {
            "HOST\thostname\t" + b64("cp-1"),
            "HOST\tcollectedAt\t" + b64("2026-01-01T10:20:30Z"),
            "HOST\tkernel\t" + b64("6.1.0"),
            "HOST\tosRelease\t" + b64("Debian GNU/Linux 12 (bookworm)"),
            "HOST\tdistribution\t" + b64("kubeadm"),
            "HOST\tuid\t" + b64("0"),
            "HOST\tfutureFact\t" + b64("ignored"),
            "PROFILE\tkubeletConfig\t" + b64("/etc/kubelet/custom.yaml"),
            "PROC\t42\tkubelet\t" + b64("/usr/bin/kubelet") + '\t' + b64(argv) + "\tok",
            "PROC\t43\tk3s\t\t" + b64("k3s\0server\0--token=REDACTED") + "\tredacted",
            statRecord("/etc/kubernetes/manifests/kube-apiserver.yaml", "regular", "600"),
            statRecord("/var/lib/kubelet/pki/current.pem", "symlink", "777", "kubelet-2026.pem"),
            statRecord("/opt/setuid", "regular", "4755"),
            "STAT\t" + b64("/etc/kubernetes/admin.conf") + "\tmissing",
            "FILE\t" + b64("/etc/kubernetes/big.yaml") + "\t-\t2000000\tskipped\ttoo-large",
            "VERSION\tkubelet\t" + b64("v1.29.3") + "\tbinary\t42:12345:0a1b-2c3d",
            "VERSION\tkube-apiserver\t" + b64("v1.29.3") + "\timage",
            "WARN\t" + b64("something odd"),
        };
        auto r = parseSnapshot(wrap(recs), QStringLiteral("x.snap"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const NodeSnapshot &s = *r;
        QCOMPARE(s.hostname, QStringLiteral("cp-1"));
        QCOMPARE(s.collectedAt, QDateTime(QDate(2026, 1, 1), QTime(10, 20, 30), Qt::UTC));
        QCOMPARE(s.distribution, QStringLiteral("kubeadm"));
        QCOMPARE(s.osRelease, QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
        QCOMPARE(s.collectorUid, 0);
        QCOMPARE(s.profile.value(QStringLiteral("kubeletConfig")),
                 QStringLiteral("/etc/kubelet/custom.yaml"));
        QCOMPARE(s.processes.size(), 2);
        const ProcessInfo *k = s.process(QStringLiteral("kubelet"));
        QVERIFY(k);
        QCOMPARE(k->pid, qint64(42));
        QCOMPARE(k->argv, (QStringList{QStringLiteral("/usr/bin/kubelet"),
                                       QStringLiteral("--node-labels=a=b c"), QString(),
                                       QStringLiteral("--x=\u00fc")}));
        QVERIFY(!k->argvRedacted);
        QVERIFY(s.process(QStringLiteral("k3s"))->argvRedacted);
        QVERIFY(s.process(QStringLiteral("k3s"))->exe.isEmpty());
        const FileStat *m = s.stat(QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml"));
        QVERIFY(m);
        QCOMPARE(m->type, FileStat::Type::Regular);
        QCOMPARE(m->mode, 0600u);
        QCOMPARE(m->user, QStringLiteral("root"));
        QCOMPARE(s.stat(QStringLiteral("/opt/setuid"))->mode, 04755u);
        const FileStat *l = s.stat(QStringLiteral("/var/lib/kubelet/pki/current.pem"));
        QCOMPARE(l->type, FileStat::Type::Symlink);
        QCOMPARE(l->linkTarget, QStringLiteral("kubelet-2026.pem"));
        QVERIFY(!s.stat(QStringLiteral("/etc/kubernetes/admin.conf"))->exists());
        const FileContent *big = s.file(QStringLiteral("/etc/kubernetes/big.yaml"));
        QCOMPARE(big->skippedCode, QStringLiteral("too-large"));
        QVERIFY(!big->skippedReason.isEmpty());
        QVERIFY(big->sha256.isEmpty());
        QCOMPARE(big->size, qint64(2000000));
        QCOMPARE(s.versions.value(QStringLiteral("kubelet")), QStringLiteral("v1.29.3"));
        QCOMPARE(s.versionProcesses.value(QStringLiteral("kubelet")),
                 QStringLiteral("42:12345:0a1b-2c3d"));
        QVERIFY(!s.versionProcesses.contains(QStringLiteral("kube-apiserver")));
        QVERIFY(s.warnings.contains(QStringLiteral("something odd")));
    }

    // Non-UTF-8 bytes, NUL, CR, CRLF and a missing final newline survive byte-exact.
    void binaryContentByteExact()
    {
        static const char raw[] = "line1\r\nkey: \xff\xfe\x80 value\r\n\0\x01\x02 tail";
        QByteArray content(raw, sizeof(raw) - 1);
        for (int i = 0; i < 256; ++i)
            content += char(i);
        auto r = parseSnapshot(wrap({fileRecord("/etc/x.conf", content)}), QStringLiteral("x"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const FileContent *f = r->file(QStringLiteral("/etc/x.conf"));
        QVERIFY(f);
        QCOMPARE(f->data, content);
        QCOMPARE(f->size, qint64(content.size()));
        QCOMPARE(f->sha256, QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        QVERIFY(!f->redacted);
    }

    void redactedContentMayDifferInSize()
    {
        QByteArray rec = fileRecord("/etc/k.conf", "token: REDACTED\n", "redacted");
        rec.replace("\t16\t", "\t9\t"); // real file was "token: x" + newline
        auto r = parseSnapshot(wrap({rec}), QStringLiteral("x"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QVERIFY(r->file(QStringLiteral("/etc/k.conf"))->redacted);
        QCOMPARE(r->file(QStringLiteral("/etc/k.conf"))->size, qint64(9));
    }

    void unknownRecordsAndExtraFieldsIgnored()
    {
        auto r = parseSnapshot(wrap({"FUTURE\tanything\there", "WARN\t" + b64("w") + "\textra",
                                     statRecord("/a") + "\tmore\tfields"}),
                               QStringLiteral("x"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QVERIFY(r->stat(QStringLiteral("/a")));
        bool mentioned = false;
        for (const QString &w : r->warnings)
            mentioned = mentioned || w.contains(QLatin1String("FUTURE"));
        QVERIFY(mentioned);
    }

    void noiseBeforeHeader()
    {
        const QByteArray data =
            "Welcome to host!\nlast login: yesterday\n" + wrap({"HOST\thostname\t" + b64("h")});
        auto r = parseSnapshot(data, QStringLiteral("x"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->hostname, QStringLiteral("h"));
        QVERIFY(!r->warnings.isEmpty());

        // errors still name the real line of the stream
        auto bad = parseSnapshot("noise\nkinspect-snapshot\t1\t1.0.0\nSTAT\t!!\tmissing\nEND\t1\n",
                                 QStringLiteral("x"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().line, 3);

        QByteArray far(70 * 1024, 'x');
        far += '\n' + wrap({});
        QVERIFY(!parseSnapshot(far, QStringLiteral("x")).ok());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        const QByteArray h = "kinspect-snapshot\t1\t1.0.0\n";
        QTest::newRow("empty") << QByteArray() << 0 << QStringLiteral("empty");
        QTest::newRow("not a snapshot")
            << QByteArray("hello\nworld\n") << 0 << QStringLiteral("header");
        QTest::newRow("future version") << QByteArray("kinspect-snapshot\t2\t9.0\nEND\t0\n") << 1
                                        << QStringLiteral("version 2");
        QTest::newRow("bad collector version")
            << QByteArray("kinspect-snapshot\t1\tbad version\nEND\t0\n") << 1
            << QStringLiteral("collector version");
        QTest::newRow("no END") << h + "WARN\t" + b64("x") + '\n'
                                << 3 << QStringLiteral("truncated");
        QTest::newRow("header only") << h << 2 << QStringLiteral("truncated");
        QTest::newRow("count mismatch") << h + "WARN\t" + b64("x") + "\nEND\t2\n"
                                        << 3 << QStringLiteral("2 records but 1");
        QTest::newRow("after END") << h + "END\t0\nWARN\t" + b64("x") + '\n'
                                   << 3 << QStringLiteral("after the END");
        QTest::newRow("no final newline") << h + "END\t0" << 2 << QStringLiteral("newline");
        QTest::newRow("CRLF") << QByteArray("kinspect-snapshot\t1\t1.0.0\r\nEND\t0\r\n") << 1
                              << QStringLiteral("carriage return");
        QTest::newRow("empty line") << h + "\nEND\t0\n" << 2 << QStringLiteral("empty line");
        QTest::newRow("lower-case tag") << h + "stat\tx\nEND\t1\n"
                                        << 2 << QStringLiteral("record type");
        QTest::newRow("bad base64 char") << h + "WARN\tab$=\nEND\t1\n"
                                         << 2 << QStringLiteral("base64");
        QTest::newRow("bad base64 length") << h + "WARN\tabcde\nEND\t1\n"
                                           << 2 << QStringLiteral("base64");
        QTest::newRow("base64 padding inside") << h + "WARN\tab==abcd\nEND\t1\n"
                                               << 2 << QStringLiteral("base64");
        QTest::newRow("STAT few fields") << h + "STAT\t" + b64("/a") + "\tregular\t600\nEND\t1\n"
                                         << 2 << QStringLiteral("fields");
        QTest::newRow("STAT bad mode") << h + statRecord("/a", "regular", "0999") + "\nEND\t1\n"
                                       << 2 << QStringLiteral("mode");
        QTest::newRow("STAT long mode") << h + statRecord("/a", "regular", "10644") + "\nEND\t1\n"
                                        << 2 << QStringLiteral("mode");
        QTest::newRow("STAT bad type") << h + statRecord("/a", "socketish") + "\nEND\t1\n"
                                       << 2 << QStringLiteral("file type");
        QTest::newRow("STAT relative") << h + statRecord("etc/a") + "\nEND\t1\n"
                                       << 2 << QStringLiteral("absolute");
        QTest::newRow("STAT duplicate")
            << h + statRecord("/a") + '\n' + statRecord("/a") + "\nEND\t2\n"
            << 3 << QStringLiteral("duplicate");
        QTest::newRow("link on regular")
            << h + statRecord("/a", "regular", "600", "/b") + "\nEND\t1\n"
            << 2 << QStringLiteral("not a symlink");
        QByteArray badSha = fileRecord("/a", "x");
        badSha.replace(QCryptographicHash::hash("x", QCryptographicHash::Sha256).toHex(), "abc");
        QTest::newRow("FILE bad sha") << h + badSha + "\nEND\t1\n" << 2 << QStringLiteral("sha256");
        QByteArray badSize = fileRecord("/a", "xyz");
        badSize.replace("\t3\t", "\t4\t");
        QTest::newRow("FILE size mismatch") << h + badSize + "\nEND\t1\n"
                                            << 2 << QStringLiteral("bytes but its size");
        QTest::newRow("FILE bad state") << h + fileRecord("/a", "x", "maybe") + "\nEND\t1\n"
                                        << 2 << QStringLiteral("state");
        QTest::newRow("FILE too big")
            << h + fileRecord("/a", QByteArray(3 * 1024 * 1024, 'a')) + "\nEND\t1\n"
            << 2 << QStringLiteral("MiB");
        QTest::newRow("PROC pid 0") << h + "PROC\t0\tkubelet\t\t\tok\nEND\t1\n"
                                    << 2 << QStringLiteral("pid");
        QTest::newRow("PROC bad state") << h + "PROC\t5\tkubelet\t\t\tmaybe\nEND\t1\n"
                                        << 2 << QStringLiteral("argv state");
        QTest::newRow("PROC duplicate")
            << h + "PROC\t5\tkubelet\t\t\tok\nPROC\t5\tetcd\t\t\tok\nEND\t2\n"
            << 3 << QStringLiteral("duplicate");
        QTest::newRow("HOST bad time")
            << h + "HOST\tcollectedAt\t" + b64("yesterday") + "\nEND\t1\n"
            << 2 << QStringLiteral("ISO 8601");
        QTest::newRow("VERSION bad process")
            << h + "VERSION\tkubelet\t" + b64("v1") + "\tbinary\t42:x:ab\nEND\t1\n"
            << 2 << QStringLiteral("VERSION process");
        QTest::newRow("HOST duplicate")
            << h + "HOST\tkernel\t" + b64("a") + "\nHOST\tkernel\t" + b64("b") + "\nEND\t2\n"
            << 3 << QStringLiteral("duplicate");
    }
    void malformed()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, line);
        QFETCH(QString, message);
        auto r = parseSnapshot(data, QStringLiteral("node.snap"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, QStringLiteral("node.snap"));
        QCOMPARE(r.error().line, line);
        QVERIFY2(r.error().message.contains(message, Qt::CaseInsensitive),
                 qPrintable(r.error().toString()));
    }

    // Cutting a real snapshot anywhere must be detected.
    void truncationAnywhere()
    {
        for (const char *name : {"no-kubernetes", "worker-json-config"}) {
            const QByteArray full = readFile(
                QStringLiteral(KINSPECT_TEST_DATA "/snapshots/%1.snap").arg(QLatin1String(name)));
            QVERIFY2(!full.isEmpty(), name);
            QVERIFY(parseSnapshot(full, QStringLiteral("x")).ok());
            const int step = full.size() > 4096 ? 7 : 1;
            for (qsizetype cut = 0; cut < full.size(); cut += step) {
                auto r = parseSnapshot(full.left(cut), QStringLiteral("x"));
                if (r.ok())
                    QFAIL(qPrintable(
                        QStringLiteral("%1 cut at %2 parsed").arg(QLatin1String(name)).arg(cut)));
            }
            // a record dropped from the middle
            QByteArrayList lines = full.split('\n');
            lines.removeAt(lines.size() / 2);
            QVERIFY(!parseSnapshot(lines.join('\n'), QStringLiteral("x")).ok());
        }
    }

    void loadMissingFile()
    {
        auto r = loadSnapshotFile(QStringLiteral("/nonexistent/x.snap"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, QStringLiteral("/nonexistent/x.snap"));
    }

    // Every committed fixture snapshot parses (other suites rely on them).
    void fixtures()
    {
        const QDir dir(QStringLiteral(KINSPECT_TEST_DATA "/snapshots"));
        const QStringList names = dir.entryList({QStringLiteral("*.snap")}, QDir::Files);
        QVERIFY(names.size() >= 7);
        for (const QString &n : names) {
            auto r = loadSnapshotFile(dir.filePath(n));
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
            QVERIFY(!r->hostname.isEmpty());
        }
        auto cp = parseSnapshot(readFile(dir.filePath(QStringLiteral("kubeadm-cp-compliant.snap"))),
                                QStringLiteral("cp"));
        QVERIFY(cp.ok());
        QCOMPARE(cp->distribution, QStringLiteral("kubeadm"));
        QVERIFY(cp->process(QStringLiteral("kube-apiserver")));
        QVERIFY(cp->process(QStringLiteral("kube-apiserver"))
                    ->argv.contains(QStringLiteral("--anonymous-auth=false")));
        QCOMPARE(cp->versions.value(QStringLiteral("kube-apiserver")), QStringLiteral("v1.29.3"));
        QCOMPARE(cp->stat(QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml"))->mode,
                 0600u);
    }
};

QTEST_APPLESS_MAIN(TestSnapshotParser)
#include "TestSnapshotParser.moc"
