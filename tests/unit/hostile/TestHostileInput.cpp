// Hostile input (issue #8): a malicious node, crafted snapshots, inventories and YAML files.
// Node data reaches every report format and every CLI output; none of it may drive a terminal,
// inject markup, break XML/JSON, or hang/crash a parser.

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "inventory/Inventory.h"
#include "report/ReportFormats.h"
#include "snapshot/SnapshotParser.h"
#include "store/Waiver.h"
#include "util/Text.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace kinspect;

namespace {

// Everything a hostile value can try on a terminal or in markup: OSC 52 (clipboard write), CSI
// clear screen, OSC 8 hyperlink, BEL, backspace, CR (overwrite the line), the 8-bit CSI (U+009B),
// a right-to-left override, HTML/attribute breaking characters, a formula prefix.
const QString kEvil = QStringLiteral(
    "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b]8;;http://evil.example/\x1b\\\x08\r\u009b31m\u202e\u2066"
    "<img src=x onerror=alert(1)>\"'&=cmd|");

// Characters that must never reach a terminal raw (util/Text: C0 but TAB/LF, DEL, C1, bidi).
QString firstRawControl(const QString &text, bool allowCr = false)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (allowCr && u == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
            continue;
        if (isTerminalControl(u))
            return QStringLiteral("U+%1 at %2: ...%3...")
                .arg(uint(u), 4, 16, QLatin1Char('0'))
                .arg(i)
                .arg(sanitizeForTerminal(text.mid(std::max<qsizetype>(0, i - 40), 80)));
    }
    return {};
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

// A real control-plane snapshot whose node-supplied fields are made hostile: the hostname, an
// argv value the evaluator reports (authorization mode, profiling), the kubelet config path (in
// argv, STAT, FILE, PROFILE), a value inside the kubelet config file (as YAML escapes), a WARN.
QByteArray craftedSnapshot()
{
    const QByteArray evil = kEvil.toUtf8();
    const QList<QByteArray> lines =
        readFile(QStringLiteral(KINSPECT_TEST_DATA "/snapshots/kubeadm-cp-failing.snap"))
            .split('\n');
    auto mutate = [&](QByteArray b) {
        b.replace("/var/lib/kubelet/config.yaml", "/var/lib/kubelet/conf" + evil + ".yaml");
        b.replace("--authorization-mode=Node,RBAC", "--authorization-mode=AlwaysAllow" + evil);
        b.replace("--profiling=true", "--profiling=true" + evil);
        b.replace("mode: AlwaysAllow",
                  "mode: \"AlwaysAllow\\e]8;;http://evil\\a\\u202e\\x9b2J<script>x</script>\"");
        return b;
    };
    QList<QByteArray> out;
    int records = 0;
    for (const QByteArray &line : lines) {
        if (line.isEmpty() || line.startsWith("END\t") || line.startsWith("kinspect-snapshot"))
            continue;
        QList<QByteArray> f = line.split('\t');
        if (f[0] == "HOST" && f[1] == "hostname")
            f[2] = ("cp" + evil).toBase64();
        for (int i = 1; i < f.size(); ++i) {
            const auto d =
                QByteArray::fromBase64Encoding(f[i], QByteArray::AbortOnBase64DecodingErrors);
            if (f[i].size() >= 4 && d && d.decoded.toBase64() == f[i]) {
                const QByteArray m = mutate(d.decoded);
                if (m != d.decoded)
                    f[i] = m.toBase64();
            }
        }
        if (f[0] == "FILE" && f.size() > 5 && f[4] == "ok") {
            const QByteArray data = QByteArray::fromBase64(f[5]);
            f[3] = QByteArray::number(data.size());
            f[2] = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
        }
        out << f.join('\t');
        ++records;
    }
    out << "WARN\t" + ("collector warning " + evil).toBase64();
    ++records;
    return "kinspect-snapshot\t1\t1.0.0\n" + out.join('\n') + "\nEND\t" +
           QByteArray::number(records) + "\n";
}

struct Run
{
    int code = -1;
    QByteArray out, err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(KINSPECT_CLI), args);
    p.waitForFinished(60000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

// Runs the CLI with stdout and stderr on a pseudo-terminal (util-linux `script`): what a person
// running it in a terminal would see.
QByteArray cliOnTerminal(const QStringList &args)
{
    QStringList quoted;
    for (const QString &a : args) {
        QString q = a;
        q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
        quoted << QLatin1Char('\'') + q + QLatin1Char('\'');
    }
    QProcess p;
    p.start(QStringLiteral("script"),
            {QStringLiteral("-qec"),
             QStringLiteral(KINSPECT_CLI) + QLatin1Char(' ') + quoted.join(QLatin1Char(' ')),
             QStringLiteral("/dev/null")});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

    Benchmark m_benchmark;
    ClusterResult m_result;
    QByteArray m_snapshot;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        auto b = CatalogLoader::load(QStringLiteral("cis-1.12"));
        QVERIFY2(b, qPrintable(b ? QString() : b.error().toString()));
        m_benchmark = *b;
        m_snapshot = craftedSnapshot();
        auto snap = parseSnapshot(m_snapshot, QStringLiteral("evil.snap"));
        QVERIFY2(snap, qPrintable(snap ? QString() : snap.error().toString()));
        QVERIFY(snap->hostname.contains(QStringLiteral("\u202e")));

        m_result.cluster = QStringLiteral("prod") + kEvil;
        m_result.benchmarkId = m_benchmark.id;
        m_result.startedAt = QDateTime::currentDateTimeUtc();
        m_result.finishedAt = m_result.startedAt;
        NodeResult n =
            Evaluator(m_benchmark)
                .evaluate(*snap, NodeContext{QStringLiteral("cp") + kEvil, snap->hostname, {}});
        n.host = QStringLiteral("10.0.0.1") + kEvil;
        m_result.nodes << n;
        NodeResult down;
        down.name = QStringLiteral("down") + kEvil;
        down.host = kEvil;
        down.audited = false;
        down.errorKind = QStringLiteral("auth");
        down.errorMessage = QStringLiteral("server said: ") + kEvil;
        m_result.nodes << down;

        // The hostile values must really be in the evidence, or the checks below prove nothing.
        bool inEvidence = false;
        for (const ControlResult &r : std::as_const(m_result.nodes[0].results))
            for (const Evidence &e : r.evidence)
                inEvidence |= e.actual.contains(QStringLiteral("\x1b]52")) ||
                              e.path.contains(QStringLiteral("\x1b]52"));
        QVERIFY(inEvidence);

        Waiver w;
        w.id = QStringLiteral("W") + kEvil;
        w.controlId = QStringLiteral("1.2.6");
        w.justification = kEvil;
        w.owner = kEvil;
        w.expires = QDate::currentDate().addDays(30);
        applyWaivers(m_result, {w}, QDate::currentDate());
        QVERIFY(m_dir.isValid());
    }

    // The UTF-8 form of escapeTerminalControls() (its fast way skips decoding) changes exactly
    // what the QString form changes.
    void escapeBytesEqualsEscapeText_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("plain") << QByteArray("{\n\t\"a\": \"b\"\n}\n");
        QTest::newRow("crlf kept") << QByteArray("a\r\nb");
        QTest::newRow("lone cr") << QByteArray("a\rb");
        QTest::newRow("esc") << QByteArray("a\x1b]52;c;x\x07b");
        QTest::newRow("del") << QByteArray("a\x7f");
        QTest::newRow("c1 csi") << QByteArray("a\xc2\x9b"
                                              "31m");
        QTest::newRow("latin-1 text") << QByteArray("\xc3\xa9t\xc3\xa9 \xc2\xa0nbsp");
        QTest::newRow("rlo") << QByteArray("x\xe2\x80\xaey");
        QTest::newRow("other e2") << QByteArray("\xe2\x80\x94 dash \xe2\x82\xac");
        QTest::newRow("alm") << QByteArray("\xd8\x9c");
        QTest::newRow("arabic") << QByteArray("\xd8\xa7");
        QTest::newRow("invalid c1 byte") << QByteArray("a\x9b"
                                                       "31m");
        QTest::newRow("invalid") << QByteArray("\xff\xfe");
        QTest::newRow("empty") << QByteArray();
    }
    void escapeBytesEqualsEscapeText()
    {
        QFETCH(QByteArray, bytes);
        const QByteArray viaText = escapeTerminalControls(QString::fromUtf8(bytes)).toUtf8();
        QCOMPARE(escapeTerminalControls(bytes), viaText);
        for (const char c : escapeTerminalControls(bytes)) {
            const auto b = static_cast<unsigned char>(c);
            QVERIFY(b >= 0x20 || b == '\n' || b == '\t' || b == '\r');
            QVERIFY(b != 0x7f && b != 0x9b);
        }
    }

    // --- reports -------------------------------------------------------------------------------

    void textReportHasNoRawControls_data()
    {
        QTest::addColumn<bool>("color");
        QTest::newRow("plain") << false;
        QTest::newRow("color") << true;
    }
    void textReportHasNoRawControls()
    {
        QFETCH(bool, color);
        ReportOptions o;
        o.color = color;
        o.verbose = true;
        o.snapshots = {m_snapshot};
        auto data = renderReport(QStringLiteral("text"), m_benchmark, m_result, o);
        QVERIFY(data);
        QString text = QString::fromUtf8(*data);
        QVERIFY(text.contains(QStringLiteral("\\x1b]52")) ||
                text.contains(QStringLiteral("\\u001b]52")));
        if (color) // the report's own SGR colour sequences are the only escapes allowed
            text.remove(QRegularExpression(QStringLiteral("\x1b\\[[0-9;]*m")));
        const QString bad = firstRawControl(text);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
    }

    void jsonReportIsValidExactAndTerminalSafe()
    {
        auto data = renderReport(QStringLiteral("json"), m_benchmark, m_result);
        QVERIFY(data);
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(*data, &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        // Values survive exactly (escaped, not altered).
        QCOMPARE(doc[QStringLiteral("cluster")].toString(), m_result.cluster);
        QCOMPARE(doc[QStringLiteral("nodes")][0][QStringLiteral("name")].toString(),
                 m_result.nodes[0].name);
        // ...and `cat report.json` cannot drive the terminal (C1 and bidi written as \u escapes).
        const QString bad = firstRawControl(QString::fromUtf8(*data));
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
    }

    void junitIsWellFormedXml()
    {
        auto data = renderReport(QStringLiteral("junit"), m_benchmark, m_result);
        QVERIFY(data);
        QXmlStreamReader r(*data);
        int suites = 0;
        QString names;
        while (!r.atEnd()) {
            r.readNext();
            if (r.isStartElement() && r.name() == QLatin1String("testsuite")) {
                ++suites;
                names += r.attributes().value(QLatin1String("name")).toString();
            }
        }
        QVERIFY2(!r.hasError(), qPrintable(r.errorString()));
        QCOMPARE(suites, 2);
        QVERIFY(names.contains(QStringLiteral("<img src=x"))); // as an attribute value, escaped
        QVERIFY(!data->contains("\x1b"));
        QVERIFY(!data->contains("<img"));
    }

    void htmlEscapesEverything()
    {
        ReportOptions o;
        o.snapshots = {m_snapshot};
        auto data = renderReport(QStringLiteral("html"), m_benchmark, m_result, o);
        QVERIFY(data);
        const QString html = QString::fromUtf8(*data);
        QVERIFY(html.contains(QStringLiteral("&lt;img src=x onerror=alert(1)&gt;")));
        // Every tag in the document is one the report writes itself: no injected element, no
        // event-handler attribute, no javascript: URL, no attribute broken open by a quote.
        static const QStringList allowed = {
            QStringLiteral("html"),    QStringLiteral("head"),    QStringLiteral("meta"),
            QStringLiteral("title"),   QStringLiteral("style"),   QStringLiteral("body"),
            QStringLiteral("h1"),      QStringLiteral("h2"),      QStringLiteral("h3"),
            QStringLiteral("h4"),      QStringLiteral("p"),       QStringLiteral("table"),
            QStringLiteral("tr"),      QStringLiteral("td"),      QStringLiteral("th"),
            QStringLiteral("a"),       QStringLiteral("span"),    QStringLiteral("div"),
            QStringLiteral("ul"),      QStringLiteral("ol"),      QStringLiteral("li"),
            QStringLiteral("pre"),     QStringLiteral("b"),       QStringLiteral("i"),
            QStringLiteral("br"),      QStringLiteral("code"),    QStringLiteral("section"),
            QStringLiteral("svg"),     QStringLiteral("rect"),    QStringLiteral("path"),
            QStringLiteral("circle"),  QStringLiteral("text"),    QStringLiteral("g"),
            QStringLiteral("small"),   QStringLiteral("em"),      QStringLiteral("strong"),
            QStringLiteral("nav"),     QStringLiteral("header"),  QStringLiteral("footer"),
            QStringLiteral("details"), QStringLiteral("summary"), QStringLiteral("colgroup"),
            QStringLiteral("col"),     QStringLiteral("thead"),   QStringLiteral("tbody"),
            QStringLiteral("caption"), QStringLiteral("sup"),     QStringLiteral("hr")};
        static const QRegularExpression tag(QStringLiteral("<(/?)([A-Za-z0-9!]+)([^<>]*)>"));
        static const QRegularExpression attr(
            QStringLiteral("\\s([A-Za-z-]+)(=(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?"));
        for (auto it = tag.globalMatch(html); it.hasNext();) {
            const auto m = it.next();
            const QString name = m.captured(2).toLower();
            if (name == QLatin1String("!doctype"))
                continue;
            QVERIFY2(
                allowed.contains(name),
                qPrintable(
                    QStringLiteral("unexpected tag <%1%2>").arg(name, m.captured(3).left(80))));
            QString rest = m.captured(3);
            for (auto a = attr.globalMatch(rest); a.hasNext();) {
                const auto am = a.next();
                QVERIFY2(!am.captured(1).toLower().startsWith(QLatin1String("on")),
                         qPrintable(m.captured(0).left(120)));
                QVERIFY2(
                    !am.captured(3).contains(QLatin1String("javascript:"), Qt::CaseInsensitive),
                    qPrintable(m.captured(0).left(120)));
            }
            // Whatever is left after removing well-formed attributes is only whitespace or '/'.
            rest.remove(attr);
            QVERIFY2(
                rest.trimmed().isEmpty() || rest.trimmed() == QLatin1String("/"),
                qPrintable(QStringLiteral("broken attribute in %1").arg(m.captured(0).left(160))));
        }
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("<img")));
    }

    void csvIsParseableAndFormulaSafe()
    {
        auto data = renderReport(QStringLiteral("csv"), m_benchmark, m_result);
        QVERIFY(data);
        // The cluster and node names start with letters here, so look at the waiver cells which
        // begin with the hostile text itself ("\x1b]52..." is not a formula, "=cmd|" is inside).
        QVERIFY(!data->contains(",=cmd") && !data->contains(",\"=cmd"));
    }

    void pdfRendersNodeDataAsText()
    {
        ReportOptions o;
        o.snapshots = {m_snapshot};
        auto data = renderReport(QStringLiteral("pdf"), m_benchmark, m_result, o);
        QVERIFY(data);
        QVERIFY(data->startsWith("%PDF-"));
        QVERIFY(data->size() > 10000);
    }

    // --- CLI -----------------------------------------------------------------------------------

    void cliOutputsAreTerminalSafe_data()
    {
        QTest::addColumn<QString>("format");
        for (const char *f : {"text", "json", "csv", "junit", "html"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void cliOutputsAreTerminalSafe()
    {
        // A snapshot directory whose file name is hostile too (the node name comes from it).
        QFETCH(QString, format);
        const QString dir = m_dir.filePath(QStringLiteral("snaps-") + format);
        QDir().mkpath(dir);
        QFile f(dir + QStringLiteral("/cp\x1b]0;pwned\x07\u202e.snap"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_snapshot);
        f.close();
        const QStringList args = {QStringLiteral("evaluate"),
                                  QStringLiteral("--snapshot"),
                                  dir,
                                  QStringLiteral("--benchmark"),
                                  QStringLiteral("cis-1.12"),
                                  QStringLiteral("--verbose"),
                                  QStringLiteral("--format"),
                                  format};
        // Redirected: stderr always escaped; the text report escaped by itself.
        const Run r = cli(args);
        QCOMPARE(r.code, 1);
        const QString bad = firstRawControl(QString::fromUtf8(r.err));
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        if (format == QLatin1String("text")) {
            const QString badOut = firstRawControl(QString::fromUtf8(r.out));
            QVERIFY2(badOut.isEmpty(), qPrintable(badOut));
        }
        // On a terminal: every format is escaped for it (CSV keeps its CRLF line ends).
        if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
            QSKIP("util-linux 'script' not installed");
        QByteArray tty =
            cliOnTerminal(args + QStringList{QStringLiteral("--color"), QStringLiteral("never")});
        QVERIFY2(tty.size() > 1000, tty.constData());
        // The pty turns every LF into CRLF (so CSV's own CRLF arrives as CR CR LF).
        tty.replace("\r\r\n", "\r\n");
        const QString badTty = firstRawControl(QString::fromUtf8(tty), true);
        QVERIFY2(badTty.isEmpty(), qPrintable(badTty));
    }

    void cliErrorsEchoingValuesAreEscaped()
    {
        // A damaged snapshot with a hostile file name: the parse error names the file.
        const QString dir = m_dir.filePath(QStringLiteral("broken"));
        QDir().mkpath(dir);
        QFile f(dir + QStringLiteral("/x\x1b]52;c;QQ==\x07y.snap"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(m_snapshot).replace("END\t", "END\t9"));
        f.close();
        Run r = cli({QStringLiteral("evaluate"), QStringLiteral("--snapshot"), dir,
                     QStringLiteral("--benchmark"), QStringLiteral("cis-1.12")});
        QVERIFY(r.code != 0);
        QVERIFY(r.err.contains("y.snap"));
        QString bad = firstRawControl(QString::fromUtf8(r.err));
        QVERIFY2(bad.isEmpty(), qPrintable(bad));

        // A waivers file whose values are hostile: messages echo the id / control.
        const QString wf = m_dir.filePath(QStringLiteral("w.yaml"));
        QFile w(wf);
        QVERIFY(w.open(QIODevice::WriteOnly));
        w.write("waivers:\n  - id: \"a\\e]52;c;QQ==\\a\\u202e\"\n    control: \"9.9\\e[2J\"\n"
                "    justification: x\n    owner: y\n    expires: 2099-01-01\n    bogus: 1\n");
        w.close();
        r = cli({QStringLiteral("waivers"), QStringLiteral("check"), QStringLiteral("--file"), wf});
        bad = firstRawControl(QString::fromUtf8(r.err + r.out));
        QVERIFY2(bad.isEmpty(), qPrintable(bad));

        // An unknown node name given on the command line is echoed in the error.
        const QString inv = m_dir.filePath(QStringLiteral("inv.yaml"));
        QFile i(inv);
        QVERIFY(i.open(QIODevice::WriteOnly));
        i.write("cluster: c\nnodes:\n  - {name: n1, host: 127.0.0.1}\n");
        i.close();
        r = cli({QStringLiteral("remediate"), QStringLiteral("--inventory"), inv,
                 QStringLiteral("--node"), QStringLiteral("n\x1b]52;c;QQ==\x07"),
                 QStringLiteral("--control"), QStringLiteral("1.2.5\x1b[2J"),
                 QStringLiteral("--benchmark"), QStringLiteral("cis-1.12"),
                 QStringLiteral("--dry-run")});
        QVERIFY(r.code != 0);
        bad = firstRawControl(QString::fromUtf8(r.err + r.out));
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
    }

    void historyOutputsAreEscaped()
    {
        const QString db = m_dir.filePath(QStringLiteral("h.db"));
        const QString dir = m_dir.filePath(QStringLiteral("hist"));
        QDir().mkpath(dir);
        QFile f(dir + QStringLiteral("/node\x1b[8m.snap"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_snapshot);
        f.close();
        Run r = cli({QStringLiteral("evaluate"), QStringLiteral("--snapshot"), dir,
                     QStringLiteral("--benchmark"), QStringLiteral("cis-1.12"),
                     QStringLiteral("--cluster"), QStringLiteral("c\x1b]0;t\x07"),
                     QStringLiteral("--history-db"), db, QStringLiteral("--output"),
                     m_dir.filePath(QStringLiteral("r.txt"))});
        QString bad = firstRawControl(QString::fromUtf8(r.err + r.out));
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        for (const QStringList &args :
             {QStringList{QStringLiteral("history"), QStringLiteral("list"),
                          QStringLiteral("--all")},
              QStringList{QStringLiteral("history"), QStringLiteral("show"),
                          QStringLiteral("--scan"), QStringLiteral("1"),
                          QStringLiteral("--verbose")}}) {
            r = cli(args + QStringList{QStringLiteral("--history-db"), db});
            bad = firstRawControl(QString::fromUtf8(r.err + r.out));
            QVERIFY2(bad.isEmpty(),
                     qPrintable(QStringLiteral("%1: %2").arg(args.join(QLatin1Char(' ')), bad)));
        }
    }

    // --- YAML: bombs, nesting, size -------------------------------------------------------------

    void yamlBombsAreRefusedQuickly_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expect"); // a word the error must contain
        QByteArray laughs =
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        for (char c = 'b'; c <= 'j'; ++c) {
            const char p = char(c - 1);
            laughs += QByteArray(1, c) + ": &" + c + " [";
            for (int i = 0; i < 9; ++i)
                laughs += QByteArray(i ? ",*" : "*") + p;
            laughs += "]\n";
        }
        QTest::newRow("billion laughs") << laughs << QStringLiteral("alias");
        QTest::newRow("100000 [") << QByteArray(100000, '[') << QStringLiteral("deep");
        QTest::newRow("100000 [ closed")
            << QByteArray(100000, '[') + QByteArray(100000, ']') << QStringLiteral("deep");
        QTest::newRow("100000 {a:")
            << QByteArray("x: ") + QByteArray("{a: ").repeated(100000) << QStringLiteral("deep");
        QTest::newRow("100000 '- '") << QByteArray("- ").repeated(100000) + "x\n"
                                     << QStringLiteral("deep");
        QByteArray indented;
        for (int i = 0; i < 1400; ++i)
            indented += QByteArray(i, ' ') + "a:\n";
        QTest::newRow("1400 block levels") << indented << QStringLiteral("deep|large");
        QTest::newRow("huge file") << QByteArray("a: ") + QByteArray(40 * 1024 * 1024, 'x') + "\n"
                                   << QStringLiteral("large");
    }
    void yamlBombsAreRefusedQuickly()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expect);
        const QRegularExpression want(expect, QRegularExpression::CaseInsensitiveOption);
        QElapsedTimer t;
        t.start();
        // Inventory.
        auto inv = loadInventoryFromData(yaml, QStringLiteral("inv.yaml"));
        QVERIFY(!inv);
        QVERIFY2(inv.error().message.contains(want) || expect == QLatin1String("alias"),
                 qPrintable(inv.error().toString()));
        // Waivers file.
        auto w = parseWaivers(yaml, QStringLiteral("w.yaml"));
        QVERIFY(!w);
        QVERIFY2(w.error().message.contains(want), qPrintable(w.error().toString()));
        // Catalog files (a user-given catalog directory goes through these).
        Benchmark b;
        auto c = CatalogLoader::parseControlsFile(yaml, QStringLiteral("controls.yaml"), &b);
        QVERIFY(!c);
        QVERIFY2(c.error().message.contains(want), qPrintable(c.error().toString()));
        auto h = CatalogLoader::parseBenchmarkFile(yaml, QStringLiteral("benchmark.yaml"), &b);
        QVERIFY(!h);
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
    }

    void yamlBombFromANodeIsAnError()
    {
        // The kubelet config comes from the node: a bomb or deep nesting in it makes the controls
        // that read it ERROR, quickly, and the rest of the node is still audited.
        for (const QByteArray &bad :
             {QByteArray(100000, '[') + QByteArray(100000, ']'),
              QByteArray("a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n")
                  .repeated(20)}) {
            QByteArray snap = m_snapshot;
            QList<QByteArray> lines = snap.split('\n');
            for (QByteArray &l : lines) {
                QList<QByteArray> f = l.split('\t');
                if (f[0] == "FILE" &&
                    QByteArray::fromBase64(f[1]).contains("/var/lib/kubelet/conf")) {
                    f[5] = bad.toBase64();
                    f[3] = QByteArray::number(bad.size());
                    f[2] = QCryptographicHash::hash(bad, QCryptographicHash::Sha256).toHex();
                    l = f.join('\t');
                }
            }
            QElapsedTimer t;
            t.start();
            auto parsed = parseSnapshot(lines.join('\n'), QStringLiteral("bomb.snap"));
            QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
            const NodeResult n =
                Evaluator(m_benchmark).evaluate(*parsed, NodeContext{QStringLiteral("n"), {}, {}});
            QVERIFY(t.elapsed() < 10000);
            int errors = 0, audited = 0;
            for (const ControlResult &r : n.results) {
                errors += r.status == Status::Error;
                audited += r.status == Status::Pass || r.status == Status::Fail;
            }
            QVERIFY(errors > 0);
            QVERIFY(audited > 20);
        }
    }

    // --- inventory values ----------------------------------------------------------------------

    void inventoryValuesRoundTripOrAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        const QStringList values = {
            QStringLiteral("a;rm -rf /"),
            QStringLiteral("$(touch /tmp/x)"),
            QStringLiteral("`id`"),
            QStringLiteral("a'b\"c"),
            QStringLiteral("a b\\c"),
            QStringLiteral("x|y&z>w<v"),
            QStringLiteral("- not a list"),
            QStringLiteral("#comment"),
            QStringLiteral("key: value"),
            QStringLiteral("{flow}"),
            QStringLiteral("*alias"),
            QStringLiteral("&anchor"),
            QStringLiteral("!tag"),
            QStringLiteral("%percent"),
            QStringLiteral("@at"),
            QStringLiteral("ünïcödé-節點"),
            QStringLiteral("\u202eevil"),
            QStringLiteral("tab\there"),
            QStringLiteral("new\nline"),
            QStringLiteral("cr\rhere"),
            QStringLiteral("esc\x1b[2J"),
            QStringLiteral("bel\x07"),
            QStringLiteral(" leading"),
            QStringLiteral("trailing "),
            QStringLiteral("true"),
            QStringLiteral("null"),
            QStringLiteral("~"),
            QStringLiteral("0x1F"),
            QStringLiteral("'quoted'"),
            QStringLiteral("\"dq\""),
        };
        for (const char *field : {"name", "host", "user", "identityFile", "jump"})
            for (int i = 0; i < values.size(); ++i)
                QTest::addRow("%s-%d", field, i) << QString::fromLatin1(field) << values[i];
    }
    void inventoryValuesRoundTripOrAreRefused()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        Inventory inv;
        inv.cluster = QStringLiteral("c");
        NodeSpec n;
        n.name = QStringLiteral("n1");
        n.host = QStringLiteral("127.0.0.1");
        n.user = QStringLiteral("root");
        JumpHost j;
        j.name = QStringLiteral("bastion");
        j.host = QStringLiteral("10.0.0.1");
        if (field == QLatin1String("name"))
            n.name = value;
        else if (field == QLatin1String("host"))
            n.host = value;
        else if (field == QLatin1String("user"))
            n.user = value;
        else if (field == QLatin1String("identityFile"))
            n.identityFile = value;
        else {
            j.name = value;
            n.jump = value;
        }
        inv.jumpHosts << j;
        inv.nodes << n;
        const QByteArray yaml = inventoryToYaml(inv);
        auto back = loadInventoryFromData(yaml, QStringLiteral("inv.yaml"));
        if (!back) {
            // Refused: with the file and the line, and the value never echoed raw.
            QVERIFY2(back.error().line > 0, qPrintable(back.error().toString()));
            const QString bad = firstRawControl(back.error().toString());
            QVERIFY2(bad.isEmpty(), qPrintable(bad));
            return;
        }
        QCOMPARE(back->nodes.size(), 1);
        const NodeSpec &m = back->nodes[0];
        const QString got = field == QLatin1String("name")           ? m.name
                            : field == QLatin1String("host")         ? m.host
                            : field == QLatin1String("user")         ? m.user
                            : field == QLatin1String("identityFile") ? m.identityFile
                                                                     : m.jump;
        QCOMPARE(got, field == QLatin1String("identityFile") ? expandHome(value) : value);
        // And a second save is byte-identical.
        QCOMPARE(inventoryToYaml(*back), inventoryToYaml(*back));
    }

    void inventoryWithControlCharactersIsRefusedWithLine()
    {
        for (const QByteArray &v : {QByteArray("\"a\\e[2Jb\""), QByteArray("\"a\\nb\""),
                                    QByteArray("\"a\\u202eb\""), QByteArray("\"a\\x9bb\"")}) {
            const QByteArray yaml = "cluster: c\nnodes:\n  - name: n1\n    host: " + v + "\n";
            auto inv = loadInventoryFromData(yaml, QStringLiteral("inv.yaml"));
            if (inv) {
                // Accepted (bidi is printable to YAML): the value must then be exact.
                QVERIFY(inv->nodes[0].host.size() == 3);
                continue;
            }
            QCOMPARE(inv.error().line, 4);
            const QString bad = firstRawControl(inv.error().toString());
            QVERIFY2(bad.isEmpty(), qPrintable(bad));
        }
    }
};

QTEST_MAIN(TestHostileInput)
#include "TestHostileInput.moc"
