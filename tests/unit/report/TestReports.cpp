// Every report format rendered from one fixed result set (ReportFixture.h): content, counts, and
// agreement between the formats. The PDF is checked with poppler's pdfinfo/pdftotext/pdfdetach.

#include "ReportFixture.h"

#include "report/CsvReport.h"
#include "report/PdfAttachment.h"
#include "report/ReportFormats.h"
#include "report/ReportModel.h"

#include <QGuiApplication>
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

const Status kAll[] = {Status::Pass,  Status::Fail,          Status::Manual,
                       Status::Error, Status::NotApplicable, Status::Waived};

// RFC 4180 reader (quoted fields with "" escapes and embedded line breaks).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                   text[i + 1] == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row << field;
        rows << row;
    }
    return rows;
}

QString run(const QString &program, const QStringList &args, int *code = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    if (code)
        *code = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_f = testing::buildFixture();
        m_model = ReportModel::build(m_f.benchmark, m_f.result);
        m_opt.ranBy = QStringLiteral("auditor@workstation");
        m_opt.generatedAt = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
        m_opt.snapshots = m_f.snapshots;
        QVERIFY(m_dir.isValid());
        // The fixture must exercise every interesting case, or the checks below prove little.
        QVERIFY(m_model.counts.value(Status::Fail) > 0);
        QVERIFY(m_model.counts.value(Status::Error) > 0);
        QCOMPARE(m_model.counts.value(Status::Waived), 1);
        QCOMPARE(m_model.unauditedNodes, 1);
    }

    void formatsAreRegistered()
    {
        const QStringList f = reportFormats();
        for (const char *name : {"text", "json", "csv", "junit", "html", "pdf"})
            QVERIFY2(f.contains(QLatin1String(name)), name);
        QVERIFY(!renderReport(QStringLiteral("docx"), m_f.benchmark, m_f.result));
    }

    void modelMatchesResult()
    {
        QCOMPARE(m_model.counts, m_f.result.summary());
        int total = 0;
        for (const auto &s : m_model.sections)
            for (int v : s.counts)
                total += v;
        int results = 0;
        for (const auto &n : m_f.result.nodes)
            results += int(n.results.size());
        QCOMPARE(total, results);
        QVERIFY(!m_model.worstNodes.isEmpty());
        int most = 0;
        for (const auto &n : m_f.result.nodes)
            most = qMax(most, n.count(Status::Fail) + n.count(Status::Error));
        QCOMPARE(m_model.worstNodes.first().failures, most);
        for (int i = 1; i < m_model.worstNodes.size(); ++i)
            QVERIFY(m_model.worstNodes[i - 1].failures >= m_model.worstNodes[i].failures);
    }

    void failingOnEveryNode()
    {
        // Two audited nodes fail 1.1.1; one passes it: only controls failing on all count.
        ClusterResult r;
        r.benchmarkId = m_f.benchmark.id;
        for (const char *name : {"a", "b"}) {
            NodeResult n;
            n.name = QLatin1String(name);
            n.audited = true;
            ControlResult c1, c2;
            c1.controlId = QStringLiteral("1.1.1");
            c1.status = Status::Fail;
            c2.controlId = QStringLiteral("1.1.2");
            c2.status = n.name == QLatin1String("a") ? Status::Fail : Status::Pass;
            n.results = {c1, c2};
            r.nodes << n;
        }
        const ReportModel m = ReportModel::build(m_f.benchmark, r);
        QCOMPARE(m.failingEverywhere, QStringList{QStringLiteral("1.1.1")});
        QCOMPARE(m.failingControls,
                 (QStringList{QStringLiteral("1.1.1"), QStringLiteral("1.1.2")}));
        QCOMPARE(m.score, 100.0 / 4);
        auto html = renderReport(QStringLiteral("html"), m_f.benchmark, r, m_opt);
        QVERIFY(html && html->contains("<li><a href=\"#control-1.1.1\">1.1.1</a>"));
    }

    void json()
    {
        auto data = renderReport(QStringLiteral("json"), m_f.benchmark, m_f.result, m_opt);
        QVERIFY(data);
        const QJsonObject root = QJsonDocument::fromJson(*data).object();
        const QJsonObject sum = root.value(QStringLiteral("summary")).toObject();
        for (Status s : kAll)
            QCOMPARE(sum.value(statusName(s)).toInt(), m_model.counts.value(s));
        const QJsonArray nodes = root.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), m_f.result.nodes.size());
        QHash<Status, int> counted;
        bool sawWaiver = false;
        for (const auto &n : nodes)
            for (const auto &r : n.toObject().value(QStringLiteral("results")).toArray()) {
                const QJsonObject o = r.toObject();
                ++counted[*statusFromName(o.value(QStringLiteral("status")).toString())];
                if (o.contains(QStringLiteral("waiver"))) {
                    sawWaiver = true;
                    QCOMPARE(o.value(QStringLiteral("originalStatus")).toString(),
                             QStringLiteral("FAIL"));
                    QCOMPARE(o.value(QStringLiteral("waiver"))
                                 .toObject()
                                 .value(QStringLiteral("owner"))
                                 .toString(),
                             QStringLiteral("alice@example.com"));
                }
            }
        QCOMPARE(counted, m_model.counts);
        QVERIFY(sawWaiver);
    }

    void text()
    {
        auto data = renderReport(QStringLiteral("text"), m_f.benchmark, m_f.result, m_opt);
        QVERIFY(data);
        const QString t = QString::fromUtf8(*data);
        for (Status s : kAll)
            QVERIFY2(
                t.contains(QStringLiteral("%1 %2").arg(m_model.counts.value(s)).arg(statusName(s))),
                qPrintable(statusName(s)));
        QVERIFY(t.contains(QStringLiteral("waived by W-1 (alice@example.com, until 2099-01-31)")));
        QVERIFY(t.contains(QStringLiteral("1 not audited")));
    }

    void csvFieldQuotingAndFormulas()
    {
        QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QCOMPARE(csvField(QStringLiteral("=1+1")), QStringLiteral("'=1+1"));
        QCOMPARE(csvField(QStringLiteral("+1")), QStringLiteral("'+1"));
        QCOMPARE(csvField(QStringLiteral("-1")), QStringLiteral("'-1"));
        QCOMPARE(csvField(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(csvField(QStringLiteral("=a,b")), QStringLiteral("\"'=a,b\""));
    }

    void csv()
    {
        auto data = renderReport(QStringLiteral("csv"), m_f.benchmark, m_f.result, m_opt);
        QVERIFY(data);
        QVERIFY(data->contains("\r\n"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(*data));
        QVERIFY(rows.size() > 1);
        const QStringList header = rows.first();
        const int status = int(header.indexOf(QStringLiteral("status")));
        const int node = int(header.indexOf(QStringLiteral("node")));
        const int just = int(header.indexOf(QStringLiteral("waiver_justification")));
        QVERIFY(status >= 0 && node >= 0 && just >= 0);
        QHash<Status, int> counted;
        int notAudited = 0;
        QSet<QString> nodes;
        for (int i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows[i].size(), header.size());
            nodes.insert(rows[i][node]);
            if (rows[i][status] == QLatin1String("NOT_AUDITED")) {
                ++notAudited;
                continue;
            }
            const auto s = statusFromName(rows[i][status]);
            QVERIFY2(s, qPrintable(rows[i][status]));
            ++counted[*s];
            if (*s == Status::Waived)
                QVERIFY(rows[i][just].startsWith(QLatin1String("'=cmd|")));
            for (const QString &cell : rows[i])
                QVERIFY2(!cell.startsWith(QLatin1Char('=')) && !cell.startsWith(QLatin1Char('+')) &&
                             !cell.startsWith(QLatin1Char('@')) &&
                             !cell.startsWith(QLatin1Char('-')),
                         qPrintable(cell));
        }
        QCOMPARE(counted, m_model.counts);
        QCOMPARE(notAudited, m_model.unauditedNodes);
        QCOMPARE(nodes.size(), m_f.result.nodes.size());
    }

    void junit()
    {
        auto data = renderReport(QStringLiteral("junit"), m_f.benchmark, m_f.result, m_opt);
        QVERIFY(data);
        QXmlStreamReader x(*data);
        int cases = 0, failures = 0, errors = 0, skipped = 0, waivedSkips = 0;
        int attrTests = -1, attrFailures = -1, attrErrors = -1, attrSkipped = -1;
        while (!x.atEnd()) {
            x.readNext();
            if (!x.isStartElement())
                continue;
            const auto name = x.name();
            if (name == QLatin1String("testsuites")) {
                attrTests = x.attributes().value(QLatin1String("tests")).toInt();
                attrFailures = x.attributes().value(QLatin1String("failures")).toInt();
                attrErrors = x.attributes().value(QLatin1String("errors")).toInt();
                attrSkipped = x.attributes().value(QLatin1String("skipped")).toInt();
            } else if (name == QLatin1String("testcase")) {
                ++cases;
            } else if (name == QLatin1String("failure")) {
                ++failures;
            } else if (name == QLatin1String("error")) {
                ++errors;
            } else if (name == QLatin1String("skipped")) {
                ++skipped;
                if (x.attributes()
                        .value(QLatin1String("message"))
                        .startsWith(QLatin1String("WAIVED by W-1")))
                    ++waivedSkips;
            }
        }
        QVERIFY2(!x.hasError(), qPrintable(x.errorString()));
        int results = 0;
        for (const auto &n : m_f.result.nodes)
            results += int(n.results.size());
        QCOMPARE(cases, results + m_model.unauditedNodes);
        QCOMPARE(failures, m_model.counts.value(Status::Fail));
        QCOMPARE(errors, m_model.counts.value(Status::Error) + m_model.unauditedNodes);
        QCOMPARE(skipped, m_model.counts.value(Status::Manual) +
                              m_model.counts.value(Status::NotApplicable) +
                              m_model.counts.value(Status::Waived));
        QCOMPARE(waivedSkips, 1);
        QCOMPARE(attrTests, cases);
        QCOMPARE(attrFailures, failures);
        QCOMPARE(attrErrors, errors);
        QCOMPARE(attrSkipped, skipped);
    }

    void html()
    {
        auto data = renderReport(QStringLiteral("html"), m_f.benchmark, m_f.result, m_opt);
        QVERIFY(data);
        const QString h = QString::fromUtf8(*data);
        QVERIFY(h.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(h.contains(QLatin1String("<style>")));
        // Self-contained: no external resources.
        QVERIFY(!h.contains(QLatin1String("<link")));
        QVERIFY(!h.contains(QLatin1String("src=")));
        QVERIFY(!h.contains(QLatin1String("<script")));
        QVERIFY(h.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(h.contains(QLatin1String("prod-eu &lt;1&gt; &amp; &quot;quoted&quot;")));
        for (Status s : kAll) {
            const QRegularExpression re(
                QStringLiteral("data-status=\"%1\">(\\d+)<").arg(statusName(s)));
            const auto m = re.match(h);
            QVERIFY2(m.hasMatch(), qPrintable(statusName(s)));
            QCOMPARE(m.captured(1).toInt(), m_model.counts.value(s));
        }
        for (const auto &n : m_f.result.nodes)
            QVERIFY2(h.contains(QStringLiteral("id=\"node-")) && h.contains(n.name.toHtmlEscaped()),
                     qPrintable(n.name));
        QVERIFY(h.contains(QLatin1String("W-1")));
        QVERIFY(h.contains(QLatin1String("Proposed change on kubeadm-cp-failing")));
        for (const QString &id : m_model.failingControls)
            QVERIFY2(h.contains(QStringLiteral("id=\"control-%1\"").arg(id)), qPrintable(id));
    }

    void pdfAttachmentIsIncrementalUpdate()
    {
        // Structure of the appended revision, independent of poppler.
        auto data = renderReport(QStringLiteral("pdf"), m_f.benchmark, m_f.result, m_opt);
        QVERIFY2(data, data ? "" : qPrintable(data.error().toString()));
        QVERIFY(data->startsWith("%PDF-"));
        QCOMPARE(data->count("%%EOF"), 2);
        QVERIFY(data->contains("/Type /EmbeddedFile"));
        QVERIFY(data->contains("/EmbeddedFiles"));
        QVERIFY(data->contains("/Prev "));
        m_pdf = *data;
    }

    void pdfWithPoppler()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils not installed");
        const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_pdf);
        f.close();

        int code = -1;
        const QString info = run(QStringLiteral("pdfinfo"), {path}, &code);
        QCOMPARE(code, 0);
        const auto pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        QVERIFY(pages.hasMatch());
        const int pageCount = pages.captured(1).toInt();
        QVERIFY2(pageCount >= 10, qPrintable(info));
        QVERIFY(info.contains(
            QLatin1String("Title:           CIS Kubernetes audit of prod-eu <1> & \"quoted\"")));
        QVERIFY(info.contains(QLatin1String("Author:          auditor@workstation")));
        QVERIFY(info.contains(QLatin1String("Subject:         CIS Kubernetes Benchmark 1.12")));
        QVERIFY(info.contains(QLatin1String("Page size:       595 x 842 pts (A4)")));

        const QString text = run(QStringLiteral("pdftotext"),
                                 {QStringLiteral("-layout"), path, QStringLiteral("-")}, &code);
        QCOMPARE(code, 0);
        for (const auto &n : m_f.result.nodes)
            QVERIFY2(text.contains(n.name), qPrintable(n.name));
        // Page X of Y on every page; the last one is "Page N of N".
        QCOMPARE(
            text.count(QRegularExpression(QStringLiteral("Page \\d+ of %1\\b").arg(pageCount))),
            pageCount);
        // The TOC lists the parts with page numbers that point at the right pages.
        const QStringList pagesText = text.split(QLatin1Char('\f'));
        for (const char *entry :
             {"Executive summary", "Results by section", "Failing controls", "Appendix: nodes"}) {
            const QRegularExpression re(QStringLiteral("\\n\\s*%1\\s*\\.*\\s+(\\d+)\\n")
                                            .arg(QRegularExpression::escape(QLatin1String(entry))));
            const auto m = re.match(text);
            QVERIFY2(m.hasMatch(), entry);
            const int page = m.captured(1).toInt();
            QVERIFY(page >= 2 && page <= pageCount);
            QVERIFY2(pagesText.value(page - 1).contains(QLatin1String(entry)), entry);
        }
        for (const QString &id : m_model.failingControls)
            QVERIFY2(text.contains(QRegularExpression(
                         QStringLiteral("\\b%1 ").arg(QRegularExpression::escape(id)))),
                     qPrintable(id));
        // Summary figures as the other formats give them.
        QVERIFY(text.contains(QStringLiteral("%1 FAIL, %2 ERROR, %3 WAIVED")
                                  .arg(m_model.counts.value(Status::Fail))
                                  .arg(m_model.counts.value(Status::Error))
                                  .arg(m_model.counts.value(Status::Waived))));
        QVERIFY(text.contains(QLatin1String("W-1")));
        // The planned fix, from the node's snapshot, under the failing controls.
        QVERIFY(text.contains(QLatin1String("Proposed change on kubeadm-cp-failing")));
        QVERIFY(text.contains(
            QLatin1String("chmod 600 /etc/kubernetes/manifests/kube-apiserver.yaml")));
        QVERIFY(text.contains(QLatin1String("Description")) &&
                text.contains(QLatin1String("Remediation")));
        QVERIFY(!text.contains(QChar(0xFB01))); // no "fi" ligature breaking searches

        // Bookmarks (outline) point at the same pages as the printed contents.
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftohtml")).isEmpty()) {
            const QString xml = run(QStringLiteral("pdftohtml"),
                                    {QStringLiteral("-xml"), QStringLiteral("-stdout"),
                                     QStringLiteral("-i"), QStringLiteral("-q"), path});
            for (const char *entry : {"Executive summary", "Failing controls", "Appendix: nodes"}) {
                const QRegularExpression toc(
                    QStringLiteral("\\n\\s*%1\\s*\\.*\\s+(\\d+)\\n")
                        .arg(QRegularExpression::escape(QLatin1String(entry))));
                const QRegularExpression bm(
                    QStringLiteral("<item page=\"(\\d+)\">%1</item>")
                        .arg(QRegularExpression::escape(QLatin1String(entry))));
                const auto t = toc.match(text), b = bm.match(xml);
                QVERIFY2(b.hasMatch(), entry);
                QCOMPARE(b.captured(1), t.captured(1));
            }
            for (const auto &n : m_f.result.nodes)
                QVERIFY2(xml.contains(QStringLiteral(">%1</item>").arg(n.name.toHtmlEscaped())),
                         qPrintable(n.name));
        }

        if (QStandardPaths::findExecutable(QStringLiteral("pdfdetach")).isEmpty())
            QSKIP("pdfdetach not installed");
        const QString list =
            run(QStringLiteral("pdfdetach"), {QStringLiteral("-list"), path}, &code);
        QCOMPARE(code, 0);
        QVERIFY2(list.contains(QLatin1String("kinspect-results.json")), qPrintable(list));
        const QString saved = m_dir.filePath(QStringLiteral("att.json"));
        run(QStringLiteral("pdfdetach"),
            {QStringLiteral("-save"), QStringLiteral("1"), QStringLiteral("-o"), saved, path},
            &code);
        QCOMPARE(code, 0);
        QFile att(saved);
        QVERIFY(att.open(QIODevice::ReadOnly));
        const QJsonObject sum = QJsonDocument::fromJson(att.readAll())
                                    .object()
                                    .value(QStringLiteral("summary"))
                                    .toObject();
        for (Status s : kAll)
            QCOMPARE(sum.value(statusName(s)).toInt(), m_model.counts.value(s));
    }

    void writeReportFileForTheExportDialog()
    {
        const QString path = m_dir.filePath(QStringLiteral("export.csv"));
        QVERIFY(!writeReportFile(path, QStringLiteral("csv"), m_f.benchmark, m_f.result, m_opt));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(),
                 *renderReport(QStringLiteral("csv"), m_f.benchmark, m_f.result, m_opt));
        QCOMPARE(reportFileSuffix(QStringLiteral("junit")), QStringLiteral("xml"));
        QVERIFY(reportFormatNeedsGui(QStringLiteral("pdf")));
        QVERIFY(writeReportFile(m_dir.filePath(QStringLiteral("no/such/dir/x.csv")),
                                QStringLiteral("csv"), m_f.benchmark, m_f.result));
    }

    void pdfStringEscapes()
    {
        QCOMPARE(pdfString(QStringLiteral("a(b)\\c")), QByteArray("(a\\(b\\)\\\\c)"));
        QCOMPARE(pdfString(QStringLiteral("é")), QByteArray("<FEFF00E9>"));
    }

    void comparisonSection()
    {
        ClusterResult before = m_f.result;
        // Pretend a FAIL was a PASS before: it shows as a new failure.
        for (auto &n : before.nodes)
            for (auto &r : n.results)
                if (n.name == QLatin1String("kubeadm-cp-failing") && r.status == Status::Fail) {
                    r.status = Status::Pass;
                    goto done;
                }
    done:
        ReportOptions o = m_opt;
        o.comparison = compareScans(before, m_f.result);
        o.comparison->beforeId = 7;
        QCOMPARE(o.comparison->count(ScanChange::Kind::NewFailure), 1);
        auto text = renderReport(QStringLiteral("text"), m_f.benchmark, m_f.result, o);
        QVERIFY(text && text->contains("New failures: 1"));
        auto html = renderReport(QStringLiteral("html"), m_f.benchmark, m_f.result, o);
        QVERIFY(html && html->contains("Changes since scan 7"));
    }

private:
    testing::Fixture m_f;
    ReportModel m_model;
    ReportOptions m_opt;
    QTemporaryDir m_dir;
    QByteArray m_pdf;
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestReports t;
    return QTest::qExec(&t, argc, argv);
}

#include "TestReports.moc"
