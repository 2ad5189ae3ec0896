#include "report/HtmlReport.h"

#include "report/ReportModel.h"
#include "report/ReportRemediation.h"
#include "report/ReportText.h"
#include "store/ScanHistory.h"

namespace kinspect {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

const char *cssClass(Status s)
{
    switch (s) {
    case Status::Pass:
        return "pass";
    case Status::Fail:
        return "fail";
    case Status::Manual:
        return "manual";
    case Status::Error:
        return "error";
    case Status::NotApplicable:
        return "na";
    case Status::Waived:
        return "waived";
    }
    return "na";
}

// Glyphs differ by shape as well as colour (colour-blind readers, greyscale print). Colours
// are those of StatusChart::color() (GUI and PDF).
QString glyph(Status s)
{
    switch (s) {
    case Status::Pass:
        return QStringLiteral("&#10004;"); // check mark
    case Status::Fail:
        return QStringLiteral("&#10008;"); // ballot x
    case Status::Manual:
        return QStringLiteral("?");
    case Status::Error:
        return QStringLiteral("!");
    case Status::NotApplicable:
        return QStringLiteral("&#8211;");
    case Status::Waived:
        return QStringLiteral("W");
    }
    return QString();
}

QString badge(Status s)
{
    return QStringLiteral("<span class=\"st %1\">%2 %3</span>")
        .arg(QLatin1String(cssClass(s)), glyph(s), statusName(s));
}

const Status kOrder[] = {Status::Fail,   Status::Error,         Status::Waived,
                         Status::Manual, Status::NotApplicable, Status::Pass};

QString blocksHtml(const QString &markdown)
{
    QString out;
    for (const TextBlock &b : textBlocks(markdown))
        out += b.code ? QStringLiteral("<pre>%1</pre>\n").arg(esc(b.text))
                      : QStringLiteral("<p>%1</p>\n").arg(esc(b.text));
    return out;
}

const char kCss[] =
    R"(body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:14px;color:#222;margin:2em auto;max-width:1100px;padding:0 1em}
h1{font-size:26px;margin-bottom:0}h2{border-bottom:2px solid #345;padding-bottom:4px;margin-top:2em}
h3{margin-bottom:4px}table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eef1f5}.facts td:first-child{font-weight:bold;background:#f7f7f7}
.st{font-weight:bold;white-space:nowrap}.pass{color:#1f8a3b}.fail{color:#d32f2f}.error{color:#c06f00}
.manual{color:#1e6fd0}.na{color:#6d7278}.waived{color:#7b57c2}
.matrix{overflow-x:auto}.matrix td.c{text-align:center;font-weight:bold}.matrix th.n{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal}
.bar{display:flex;height:14px;width:320px;border:1px solid #999}.bar span{display:block;height:100%}
.b-pass{background:#1f8a3b}.b-fail{background:#d32f2f}.b-error{background:#f08c00}.b-manual{background:#1e6fd0}.b-na{background:#8a8f96}.b-waived{background:#7b57c2}
pre{background:#f4f4f4;border:1px solid #ddd;padding:6px;white-space:pre-wrap;font-family:"DejaVu Sans Mono",monospace;font-size:12px}
.mono{font-family:"DejaVu Sans Mono",monospace;font-size:12px;word-break:break-all}.control{page-break-before:always}
.score{font-size:32px;font-weight:bold}.muted{color:#666})";

} // namespace

QByteArray htmlReport(const Benchmark &benchmark, const ClusterResult &result,
                      const ReportOptions &options)
{
    const ReportModel m = ReportModel::build(benchmark, result);
    const RemediationPreview preview(benchmark, result, options.snapshots);
    const QString ranBy = options.ranBy.isEmpty() ? currentUserAtHost() : options.ranBy;
    const QDateTime generated =
        options.generatedAt.isValid() ? options.generatedAt : QDateTime::currentDateTimeUtc();
    const QString cluster = result.cluster.isEmpty() ? QStringLiteral("(unnamed)") : result.cluster;
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        "<meta name=\"generator\" content=\"kinspect %1\">"
                        "<title>%2</title><style>%3</style></head><body>\n")
             .arg(QStringLiteral(KINSPECT_VERSION),
                  esc(QStringLiteral("CIS audit of %1").arg(cluster)), QLatin1String(kCss));
    h += QStringLiteral("<h1>CIS Kubernetes audit: %1</h1>\n").arg(esc(cluster));
    h += QStringLiteral("<table class=\"facts\">"
                        "<tr><td>Benchmark</td><td>%1 %2 (%3)</td></tr>"
                        "<tr><td>Scan started</td><td>%4</td></tr>"
                        "<tr><td>Scan finished</td><td>%5</td></tr>"
                        "<tr><td>Report made</td><td>%6</td></tr>"
                        "<tr><td>Run by</td><td>%7</td></tr>"
                        "<tr><td>Tool</td><td>kinspect %8</td></tr>"
                        "<tr><td>Nodes</td><td>%9 audited, %10 not audited</td></tr></table>\n")
             .arg(esc(benchmark.title), esc(benchmark.version), esc(benchmark.id),
                  esc(result.startedAt.toUTC().toString(Qt::ISODate)),
                  esc(result.finishedAt.toUTC().toString(Qt::ISODate)),
                  esc(generated.toUTC().toString(Qt::ISODate)), esc(ranBy),
                  QStringLiteral(KINSPECT_VERSION))
             .arg(m.auditedNodes)
             .arg(m.unauditedNodes);

    // Executive summary.
    h += QStringLiteral("<h2 id=\"summary\">Executive summary</h2>\n");
    h += QStringLiteral("<p><span class=\"score\">%1</span> <span class=\"muted\">score: PASS / "
                        "(PASS + FAIL)</span></p>\n")
             .arg(m.score < 0 ? QStringLiteral("n/a")
                              : QString::number(m.score, 'f', 1) + QLatin1Char('%'));
    h += QStringLiteral("<table id=\"counts\"><tr><th>Status</th><th>Results</th></tr>\n");
    for (Status s : kOrder)
        h += QStringLiteral("<tr><td>%1</td><td data-status=\"%2\">%3</td></tr>\n")
                 .arg(badge(s), statusName(s))
                 .arg(m.counts.value(s));
    h += QStringLiteral("</table>\n<h3>By section</h3>\n<table><tr><th>Section</th><th>Results</th>"
                        "<th>PASS</th><th>FAIL</th><th>WAIVED</th><th>other</th></tr>\n");
    for (const auto &sec : m.sections) {
        int total = 0;
        for (int v : sec.counts)
            total += v;
        QString bar = QStringLiteral("<div class=\"bar\">");
        for (Status s : kOrder) {
            const int k = sec.counts.value(s);
            if (k && total)
                bar += QStringLiteral(
                           "<span class=\"b-%1\" style=\"width:%2%\" title=\"%3 %4\"></span>")
                           .arg(QLatin1String(cssClass(s)))
                           .arg(100.0 * k / total, 0, 'f', 2)
                           .arg(k)
                           .arg(statusName(s));
        }
        bar += QStringLiteral("</div>");
        const int other = total - sec.counts.value(Status::Pass) - sec.counts.value(Status::Fail) -
                          sec.counts.value(Status::Waived);
        h += QStringLiteral(
                 "<tr><td>%1 %2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td></tr>\n")
                 .arg(esc(sec.id), esc(sec.title), bar)
                 .arg(sec.counts.value(Status::Pass))
                 .arg(sec.counts.value(Status::Fail))
                 .arg(sec.counts.value(Status::Waived))
                 .arg(other);
    }
    h += QStringLiteral("</table>\n<h3>Nodes with most failures</h3>\n");
    if (m.worstNodes.isEmpty())
        h += QStringLiteral("<p>No node has a FAIL or ERROR.</p>\n");
    else {
        h += QStringLiteral("<table><tr><th>Node</th><th>FAIL + ERROR</th></tr>\n");
        for (int i = 0; i < m.worstNodes.size() && i < 10; ++i) {
            const auto &n = m.worstNodes[i];
            const NodeResult &nr = result.nodes[n.index];
            h += QStringLiteral("<tr><td><a href=\"#node-%1\">%2</a></td><td>%3</td></tr>\n")
                     .arg(n.index)
                     .arg(esc(n.name),
                          nr.audited ? QString::number(n.failures)
                                     : QStringLiteral("not audited (%1)").arg(esc(nr.errorKind)));
        }
        h += QStringLiteral("</table>\n");
    }
    h += QStringLiteral("<h3>Controls failing on every node</h3>\n");
    if (m.failingEverywhere.isEmpty())
        h += QStringLiteral("<p>None.</p>\n");
    else {
        h += QStringLiteral("<ul>\n");
        for (const QString &id : m.failingEverywhere) {
            const Control *c = benchmark.control(id);
            h += QStringLiteral("<li><a href=\"#control-%1\">%1</a> %2</li>\n")
                     .arg(esc(id), esc(c ? c->title : QString()));
        }
        h += QStringLiteral("</ul>\n");
    }

    // Waivers.
    h += QStringLiteral("<h2 id=\"waivers\">Waivers</h2>\n");
    if (m.waivers.isEmpty())
        h += QStringLiteral("<p>No waiver applies to this scan.</p>\n");
    else {
        h += QStringLiteral("<table><tr><th>Waiver</th><th>Control</th><th>Nodes</th><th>Owner</th>"
                            "<th>Expires</th><th>Justification</th></tr>\n");
        for (const auto &w : m.waivers)
            h += QStringLiteral("<tr><td>%1%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td>"
                                "<td>%7</td></tr>\n")
                     .arg(esc(w.waiver.id),
                          w.expired ? QStringLiteral(" <span class=\"st fail\">EXPIRED</span>")
                                    : QString(),
                          esc(w.controlId), esc(w.nodes.join(QLatin1String(", "))),
                          esc(w.waiver.owner), esc(w.waiver.expires.toString(Qt::ISODate)),
                          esc(w.waiver.justification));
        h += QStringLiteral("</table>\n");
    }
    if (options.comparison)
        h += scanDiffHtml(*options.comparison);

    // Matrix per section.
    h += QStringLiteral("<h2 id=\"matrix\">Results by section</h2>\n<p>");
    for (Status s : kOrder)
        h += badge(s) + QStringLiteral(" &nbsp; ");
    h += QStringLiteral("</p>\n");
    QHash<QString, QHash<int, const ControlResult *>> byControl; // id -> node index -> result
    for (int i = 0; i < result.nodes.size(); ++i)
        for (const ControlResult &r : result.nodes[i].results)
            byControl[r.controlId].insert(i, &r);
    for (const auto &sec : m.sections) {
        h += QStringLiteral("<h3>%1 %2</h3>\n<div class=\"matrix\"><table><tr><th>Control</th>")
                 .arg(esc(sec.id), esc(sec.title));
        for (const NodeResult &n : result.nodes)
            h += QStringLiteral("<th class=\"n\">%1</th>").arg(esc(n.name));
        h += QStringLiteral("</tr>\n");
        for (const QString &id : m.controlOrder) {
            if (topSectionOf(id) != sec.id)
                continue;
            const Control *c = benchmark.control(id);
            h += QStringLiteral("<tr><td>%1 %2</td>").arg(esc(id), esc(c ? c->title : QString()));
            const auto cells = byControl.value(id);
            for (int i = 0; i < result.nodes.size(); ++i) {
                const ControlResult *r = cells.value(i);
                if (!r)
                    h += QStringLiteral("<td class=\"c\"></td>");
                else
                    h += QStringLiteral("<td class=\"c %1\" title=\"%2\">%3</td>")
                             .arg(QLatin1String(cssClass(r->status)), statusName(r->status),
                                  glyph(r->status));
            }
            h += QStringLiteral("</tr>\n");
        }
        h += QStringLiteral("</table></div>\n");
    }

    // Failing controls.
    h += QStringLiteral("<h2 id=\"failing\">Failing controls</h2>\n");
    if (m.failingControls.isEmpty())
        h += QStringLiteral("<p>No control failed.</p>\n");
    for (const QString &id : m.failingControls) {
        const Control *c = benchmark.control(id);
        h += QStringLiteral("<div class=\"control\" id=\"control-%1\"><h3>%1 %2</h3>\n")
                 .arg(esc(id), esc(c ? c->title : QString()));
        if (c) {
            const std::pair<const char *, const QString *> secs[] = {
                {"Description", &c->description},
                {"Rationale", &c->rationale},
                {"Audit", &c->audit},
                {"Remediation", &c->remediation},
                {"Impact", &c->impact},
                {"Default value", &c->defaultValue}};
            for (const auto &[title, text] : secs)
                if (!text->isEmpty())
                    h += QStringLiteral("<h4>%1</h4>\n").arg(QLatin1String(title)) +
                         blocksHtml(*text);
            if (!c->references.isEmpty()) {
                h += QStringLiteral("<h4>References</h4><ol>");
                for (const QString &r : c->references)
                    h += QStringLiteral("<li>%1</li>").arg(esc(r));
                h += QStringLiteral("</ol>\n");
            }
            if (!c->cisControls.isEmpty()) {
                h += QStringLiteral("<h4>CIS Controls</h4><ul>");
                for (const auto &cc : c->cisControls)
                    h += QStringLiteral("<li>v%1 %2 %3</li>")
                             .arg(cc.version)
                             .arg(esc(cc.id), esc(cc.title));
                h += QStringLiteral("</ul>\n");
            }
        }
        h += QStringLiteral("<h4>Evidence per node</h4>\n<table><tr><th>Node</th><th>Status</th>"
                            "<th>Reason</th><th>Evidence</th><th>Remediation file</th></tr>\n");
        const auto cells = byControl.value(id);
        bool shownDiff = false;
        for (int i = 0; i < result.nodes.size(); ++i) {
            const ControlResult *r = cells.value(i);
            if (!r || r->status == Status::NotApplicable)
                continue;
            QString ev;
            for (const Evidence &e : r->evidence)
                ev +=
                    QStringLiteral("<div class=\"mono\">%1 %2 %3: <b>%4</b> (expected %5)%6</div>")
                        .arg(esc(e.source), esc(e.path), esc(e.key), esc(e.actual), esc(e.expected),
                             e.command.isEmpty() ? QString()
                                                 : QStringLiteral("<br>$ ") + esc(e.command));
            QString reason = esc(r->reason);
            if (r->waiver)
                reason += QStringLiteral("<br><i>%1 %2 (%3, until %4): %5</i>")
                              .arg(r->status == Status::Waived ? QStringLiteral("Waived by")
                                                               : QStringLiteral("Expired waiver"),
                                   esc(r->waiver->id), esc(r->waiver->owner),
                                   esc(r->waiver->expires.toString(Qt::ISODate)),
                                   esc(r->waiver->justification));
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td "
                                "class=\"mono\">%5</td></tr>\n")
                     .arg(esc(result.nodes[i].name), badge(r->status), reason, ev,
                          esc(r->remediationFile));
            if (!shownDiff) {
                if (const QString d = preview.diff(i, *r); !d.isEmpty()) {
                    h += QStringLiteral("<tr><td colspan=\"5\">Proposed change on %1 (default "
                                        "parameters; review it in Kinspect before applying):"
                                        "<pre>%2</pre></td></tr>\n")
                             .arg(esc(result.nodes[i].name), esc(d));
                    shownDiff = true;
                }
            }
        }
        h += QStringLiteral("</table></div>\n");
    }

    // Node appendix.
    h += QStringLiteral("<h2 id=\"nodes\">Nodes</h2>\n");
    for (int i = 0; i < result.nodes.size(); ++i) {
        const NodeResult &n = result.nodes[i];
        h += QStringLiteral(
                 "<h3 id=\"node-%1\">%2</h3>\n<table class=\"facts\">"
                 "<tr><td>Host</td><td>%3</td></tr><tr><td>Roles</td><td>%4</td></tr>"
                 "<tr><td>Distribution</td><td>%5</td></tr><tr><td>Kubernetes</td><td>%6</td></tr>"
                 "<tr><td>Collected</td><td>%7</td></tr>")
                 .arg(i)
                 .arg(esc(n.name), esc(n.host), esc(n.roles.join(QLatin1String(", "))),
                      esc(n.distribution), esc(n.kubernetesVersion),
                      esc(n.collectedAt.toUTC().toString(Qt::ISODate)));
        if (!n.audited)
            h += QStringLiteral("<tr><td>Not audited</td><td>%1: %2</td></tr></table>\n")
                     .arg(esc(n.errorKind), esc(n.errorMessage));
        else {
            QStringList counts;
            for (Status s : kOrder)
                counts << QStringLiteral("%1 %2").arg(n.count(s)).arg(statusName(s));
            h += QStringLiteral("<tr><td>Results</td><td>%1</td></tr></table>\n")
                     .arg(counts.join(QLatin1String(", ")));
            QString rows;
            for (const ControlResult &r : n.results) {
                if (r.status == Status::Pass || r.status == Status::NotApplicable)
                    continue;
                const Control *c = benchmark.control(r.controlId);
                rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n")
                            .arg(esc(r.controlId), esc(c ? c->title : QString()), badge(r.status),
                                 esc(r.reason));
            }
            if (!rows.isEmpty())
                h += QStringLiteral("<table><tr><th>Control</th><th>Title</th><th>Status</th>"
                                    "<th>Reason</th></tr>\n") +
                     rows + QStringLiteral("</table>\n");
        }
    }
    h += QStringLiteral("<p class=\"muted\">Made by kinspect %1.</p>\n</body></html>\n")
             .arg(QStringLiteral(KINSPECT_VERSION));
    return h.toUtf8();
}

} // namespace kinspect
