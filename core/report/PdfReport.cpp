#include "report/PdfReport.h"

#include "report/JsonReport.h"
#include "report/PdfAttachment.h"
#include "report/ReportChart.h"
#include "report/ReportModel.h"
#include "report/ReportRemediation.h"
#include "report/ReportText.h"
#include "report/charts/StatusChart.h"
#include "store/ScanHistory.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTextLayout>

#include <cmath>

namespace kinspect {

namespace {

constexpr int kDpi = 300;
constexpr double kPt = kDpi / 72.0; // device pixels per point

double pt(double points)
{
    return points * kPt;
}
double mm(double millimetres)
{
    return millimetres * kDpi / 25.4;
}

const QColor kInk(0x20, 0x24, 0x2a);
const QColor kMuted(0x66, 0x6b, 0x73);
const QColor kRule(0xc8, 0xcd, 0xd3);
const QColor kHeadBg(0xe9, 0xed, 0xf2);
const QColor kCodeBg(0xf3, 0xf4, 0xf6);
const QColor kAccent(0x23, 0x4e, 0x7a);

const Status kOrder[] = {Status::Fail,   Status::Error,         Status::Waived,
                         Status::Manual, Status::NotApplicable, Status::Pass};

QString statusLabel(Status s)
{
    return s == Status::NotApplicable ? QStringLiteral("N/A") : statusName(s);
}

// Status glyph: the shape tells the status without colour (circle PASS, square FAIL, triangle
// ERROR, diamond MANUAL, bar N/A, ring with a stroke WAIVED).
void drawGlyph(QPainter &p, const QPointF &c, double r, Status s)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QColor col = StatusChart::color(s);
    QPen white(Qt::white, r * 0.28, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (s) {
    case Status::Pass: {
        p.setPen(Qt::NoPen);
        p.setBrush(col);
        p.drawEllipse(c, r, r);
        p.setPen(white);
        QPainterPath tick;
        tick.moveTo(c + QPointF(-r * 0.5, 0));
        tick.lineTo(c + QPointF(-r * 0.1, r * 0.42));
        tick.lineTo(c + QPointF(r * 0.55, -r * 0.45));
        p.setBrush(Qt::NoBrush);
        p.drawPath(tick);
        break;
    }
    case Status::Fail: {
        p.setPen(Qt::NoPen);
        p.setBrush(col);
        p.drawRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r));
        p.setPen(white);
        p.drawLine(c + QPointF(-r * 0.45, -r * 0.45), c + QPointF(r * 0.45, r * 0.45));
        p.drawLine(c + QPointF(-r * 0.45, r * 0.45), c + QPointF(r * 0.45, -r * 0.45));
        break;
    }
    case Status::Error: {
        QPainterPath tri;
        tri.moveTo(c + QPointF(0, -r * 1.05));
        tri.lineTo(c + QPointF(r * 1.1, r * 0.9));
        tri.lineTo(c + QPointF(-r * 1.1, r * 0.9));
        tri.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(col);
        p.drawPath(tri);
        p.setPen(white);
        p.drawLine(c + QPointF(0, -r * 0.35), c + QPointF(0, r * 0.25));
        p.drawPoint(c + QPointF(0, r * 0.6));
        break;
    }
    case Status::Manual: {
        QPainterPath d;
        d.moveTo(c + QPointF(0, -r * 1.1));
        d.lineTo(c + QPointF(r * 1.1, 0));
        d.lineTo(c + QPointF(0, r * 1.1));
        d.lineTo(c + QPointF(-r * 1.1, 0));
        d.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(col);
        p.drawPath(d);
        break;
    }
    case Status::NotApplicable:
        p.setPen(Qt::NoPen);
        p.setBrush(col);
        p.drawRect(QRectF(c.x() - r * 0.8, c.y() - r * 0.22, r * 1.6, r * 0.44));
        break;
    case Status::Waived: {
        p.setPen(QPen(col, r * 0.35));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(c, r * 0.82, r * 0.82);
        p.drawLine(c + QPointF(-r * 0.55, r * 0.55), c + QPointF(r * 0.55, -r * 0.55));
        break;
    }
    }
    p.restore();
}

struct TocEntry
{
    QString title;
    int level = 0;
    int page = 0;
};

// Lays the document out on a QPdfWriter. Run twice: the first pass learns the page numbers of
// the TOC entries and the page count; the second paints them.
class Layout
{
public:
    Layout(QPdfWriter *writer, const Benchmark &b, const ClusterResult &r, const ReportOptions &o,
           const ReportModel &m, const QList<TocEntry> &knownToc, int knownPages)
        : m_writer(writer), m_b(b), m_r(r), m_o(o), m_m(m), m_knownToc(knownToc),
          m_knownPages(knownPages)
    {
        m_page = QRectF(0, 0, writer->width(), writer->height());
        m_body = m_page.adjusted(mm(18), mm(22), -mm(18), -mm(20));
        m_ranBy = o.ranBy.isEmpty() ? currentUserAtHost() : o.ranBy;
        m_generated = o.generatedAt.isValid() ? o.generatedAt : QDateTime::currentDateTimeUtc();
        m_cluster = r.cluster.isEmpty() ? QStringLiteral("(unnamed cluster)") : r.cluster;
        for (int i = 0; i < r.nodes.size(); ++i)
            for (const ControlResult &cr : r.nodes[i].results)
                m_cells[cr.controlId].insert(i, &cr);
    }

    bool run(int tocPages)
    {
        if (!m_p.begin(m_writer))
            return false;
        m_pageNo = 1;
        cover();
        for (int i = 0; i < tocPages; ++i) {
            newPage();
            if (i == 0)
                heading(QStringLiteral("Contents"), 0, false);
            tocPage(i);
        }
        summary();
        matrices();
        failingControls();
        appendix();
        m_p.end();
        return true;
    }

    QList<TocEntry> toc() const { return m_toc; }
    int pages() const { return m_pageNo; }
    static constexpr int kTocLinesPerPage = 44;

private:
    QFont font(double size, bool bold = false, bool mono = false) const
    {
        QFont f(mono ? QStringLiteral("DejaVu Sans Mono") : QStringLiteral("DejaVu Sans"));
        f.setStyleHint(mono ? QFont::Monospace : QFont::SansSerif);
        f.setPointSizeF(size);
        f.setBold(bold);
        // A letter spacing other than the default turns ligatures off: "fi" stays two letters,
        // so text copied or extracted from the PDF (pdftotext, search) reads as written.
        f.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
        return f;
    }

    double bottom() const { return m_body.bottom(); }

    // Wraps at word boundaries, and inside a word only when it cannot fit (paths, flags).
    static QTextOption wrapping(Qt::Alignment align = Qt::AlignLeft | Qt::AlignTop)
    {
        QTextOption o(align);
        o.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        return o;
    }

    void decorate()
    {
        // Running header (not on the cover) and footer.
        m_p.save();
        m_p.setFont(font(7.5));
        m_p.setPen(kMuted);
        const double top = m_page.top() + mm(10);
        if (m_pageNo > 1) {
            const QRectF hr(m_body.left(), top, m_body.width(), pt(12));
            m_p.drawText(hr, Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("CIS Kubernetes audit · %1").arg(elide(m_cluster, 60)));
            m_p.drawText(hr, Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("%1 %2").arg(m_b.title, m_b.version));
            m_p.setPen(QPen(kRule, pt(0.6)));
            m_p.drawLine(QPointF(m_body.left(), top + pt(14)),
                         QPointF(m_body.right(), top + pt(14)));
        }
        const double fy = m_page.bottom() - mm(12);
        m_p.setPen(QPen(kRule, pt(0.6)));
        m_p.drawLine(QPointF(m_body.left(), fy - pt(3)), QPointF(m_body.right(), fy - pt(3)));
        m_p.setPen(kMuted);
        const QRectF fr(m_body.left(), fy, m_body.width(), pt(12));
        m_p.drawText(
            fr, Qt::AlignLeft | Qt::AlignVCenter,
            QStringLiteral("kinspect %1 · %2 · %3")
                .arg(QStringLiteral(KINSPECT_VERSION),
                     m_generated.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                     elide(m_ranBy, 40)));
        m_p.drawText(
            fr, Qt::AlignRight | Qt::AlignVCenter,
            QStringLiteral("Page %1 of %2")
                .arg(m_pageNo)
                .arg(m_knownPages > 0 ? QString::number(m_knownPages) : QStringLiteral("?")));
        m_p.restore();
    }

    void newPage()
    {
        if (m_started) {
            m_writer->newPage();
            ++m_pageNo;
        }
        m_started = true;
        m_y = m_body.top();
        decorate();
    }

    void ensure(double h)
    {
        if (m_y + h > bottom())
            newPage();
    }

    QString elide(const QString &s, int chars) const
    {
        return s.size() > chars ? s.left(chars - 1) + QChar(0x2026) : s;
    }

    QString elideWidth(const QString &s, const QFont &f, double w) const
    {
        return QFontMetricsF(f, m_writer).elidedText(s, Qt::ElideRight, w);
    }

    void addToc(const QString &title, int level) { m_toc << TocEntry{title, level, m_pageNo}; }

    void heading(const QString &text, int level, bool toc = true)
    {
        const double size = level == 0 ? 17 : level == 1 ? 13 : 11;
        const QFont f = font(size, true);
        const double h = textHeight(text, f, m_body.width());
        ensure(h + pt(level == 0 ? 14 : 40)); // keep a heading with what follows
        if (m_y > m_body.top())
            m_y += pt(level == 0 ? 10 : 8);
        if (toc)
            addToc(text, level);
        m_p.setFont(f);
        m_p.setPen(level == 0 ? kAccent : kInk);
        m_p.drawText(QRectF(m_body.left(), m_y, m_body.width(), h), text, wrapping());
        m_y += h + pt(level == 0 ? 4 : 3);
        if (level == 0) {
            m_p.setPen(QPen(kAccent, pt(1.2)));
            m_p.drawLine(QPointF(m_body.left(), m_y), QPointF(m_body.right(), m_y));
            m_y += pt(8);
        }
    }

    double textHeight(const QString &text, const QFont &f, double width)
    {
        m_p.setFont(f);
        return m_p.boundingRect(QRectF(0, 0, width, 1e7), text, wrapping()).height();
    }

    // Flows text line by line so long paragraphs and code blocks break across pages.
    void flow(const QString &text, const QFont &f, const QColor &color = kInk, double indent = 0,
              bool code = false)
    {
        // QTextLayout breaks lines only at U+2028, not at '\n'.
        QString laidOut = text;
        laidOut.replace(QLatin1Char('\n'), QChar::LineSeparator);
        QTextLayout layout(laidOut, f, m_writer);
        QTextOption opt;
        opt.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(opt);
        layout.setCacheEnabled(true);
        const double pad = code ? pt(4) : 0;
        const double width = m_body.width() - indent - 2 * pad;
        layout.beginLayout();
        double h = 0;
        while (true) {
            QTextLine line = layout.createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(width);
            line.setPosition(QPointF(0, h));
            h += line.height();
        }
        layout.endLayout();
        if (code)
            m_y += pad;
        m_p.setPen(color);
        for (int i = 0; i < layout.lineCount(); ++i) {
            const QTextLine line = layout.lineAt(i);
            if (m_y + line.height() > bottom())
                newPage();
            if (code) {
                m_p.fillRect(QRectF(m_body.left() + indent, m_y - (i == 0 ? pad : 0),
                                    m_body.width() - indent,
                                    line.height() + (i == 0 ? pad : 0) +
                                        (i + 1 == layout.lineCount() ? pad : 0)),
                             kCodeBg);
                m_p.setPen(color);
            }
            line.draw(&m_p, QPointF(m_body.left() + indent + pad, m_y - line.y()));
            m_y += line.height();
        }
        m_y += code ? pad + pt(4) : pt(4);
    }

    void paragraph(const QString &text, double size = 9.5, const QColor &color = kInk,
                   double indent = 0)
    {
        flow(text, font(size), color, indent);
    }

    void markdown(const QString &text)
    {
        for (const TextBlock &b : textBlocks(text)) {
            if (b.code)
                flow(b.text, font(8, false, true), kInk, 0, true);
            else
                paragraph(b.text);
        }
    }

    // A table: fixed column widths (fractions of the body), header repeated on each page.
    struct Cell
    {
        Cell(QString t = QString(), bool b = false, bool m = false,
             std::optional<Status> s = std::nullopt, QColor c = kInk)
            : text(std::move(t)), bold(b), mono(m), status(s), color(c)
        {}
        QString text;
        bool bold = false;
        bool mono = false;
        std::optional<Status> status; // glyph + label
        QColor color = kInk;
    };
    void table(const QStringList &header, const QList<double> &fractions,
               const QList<QList<Cell>> &rows, double size = 8.5)
    {
        QList<double> widths;
        for (double f : fractions)
            widths << f * m_body.width();
        const double padX = pt(3), padY = pt(2);
        auto rowHeight = [&](const QList<Cell> &row) {
            double h = 0;
            for (int i = 0; i < row.size() && i < widths.size(); ++i) {
                const Cell &c = row[i];
                const QString t =
                    c.status ? QStringLiteral("MM ") + statusLabel(*c.status) : c.text;
                h = qMax(h, textHeight(t, font(size, c.bold, c.mono), widths[i] - 2 * padX));
            }
            return qMin(h + 2 * padY, m_body.height() * 0.8);
        };
        auto drawRow = [&](const QList<Cell> &row, bool head) {
            const double h = rowHeight(row);
            if (head)
                m_p.fillRect(QRectF(m_body.left(), m_y, m_body.width(), h), kHeadBg);
            double x = m_body.left();
            for (int i = 0; i < row.size() && i < widths.size(); ++i) {
                const Cell &c = row[i];
                QRectF cell(x + padX, m_y + padY, widths[i] - 2 * padX, h - 2 * padY);
                m_p.setFont(font(size, c.bold || head, c.mono));
                m_p.setPen(c.color);
                if (c.status) {
                    const double r = pt(size * 0.36);
                    drawGlyph(m_p, QPointF(cell.left() + r, cell.top() + pt(size * 0.62)), r,
                              *c.status);
                    cell.setLeft(cell.left() + 2 * r + pt(3));
                    m_p.setPen(StatusChart::color(*c.status).darker(120));
                    m_p.setFont(font(size, true));
                    m_p.drawText(cell, statusLabel(*c.status), wrapping());
                } else {
                    m_p.drawText(cell, c.text, wrapping());
                }
                x += widths[i];
            }
            m_p.setPen(QPen(kRule, pt(0.5)));
            m_p.drawLine(QPointF(m_body.left(), m_y + h), QPointF(m_body.right(), m_y + h));
            m_y += h;
        };
        QList<Cell> head;
        for (const QString &h : header)
            head << Cell{h, true};
        ensure(rowHeight(head) + rowHeight(rows.value(0)));
        drawRow(head, true);
        for (const auto &row : rows) {
            if (m_y + rowHeight(row) > bottom()) {
                newPage();
                drawRow(head, true);
            }
            drawRow(row, false);
        }
        m_y += pt(8);
    }

    // ---- document parts -------------------------------------------------------------------

    void cover()
    {
        newPage();
        m_p.fillRect(QRectF(0, 0, m_page.width(), mm(70)), kAccent);
        m_p.setPen(Qt::white);
        m_p.setFont(font(11));
        m_p.drawText(QRectF(m_body.left(), mm(18), m_body.width(), pt(16)), Qt::AlignLeft,
                     QStringLiteral("CIS KUBERNETES BENCHMARK AUDIT REPORT"));
        m_p.setFont(font(26, true));
        m_p.drawText(QRectF(m_body.left(), mm(30), m_body.width(), mm(30)),
                     Qt::AlignLeft | Qt::TextWordWrap, elide(m_cluster, 80));
        m_y = mm(85);
        QList<QList<Cell>> rows;
        auto fact = [&](const QString &k, const QString &v) {
            rows << QList<Cell>{Cell{k, true}, Cell{v}};
        };
        fact(QStringLiteral("Cluster"), m_cluster);
        fact(QStringLiteral("Benchmark"),
             QStringLiteral("%1, version %2 (%3)").arg(m_b.title, m_b.version, m_b.id));
        fact(QStringLiteral("Scan started"), when(m_r.startedAt));
        fact(QStringLiteral("Scan finished"), when(m_r.finishedAt));
        fact(QStringLiteral("Nodes"), QStringLiteral("%1 (%2 audited, %3 could not be audited)")
                                          .arg(m_r.nodes.size())
                                          .arg(m_m.auditedNodes)
                                          .arg(m_m.unauditedNodes));
        fact(QStringLiteral("Run by"), m_ranBy);
        fact(QStringLiteral("Tool"),
             QStringLiteral("kinspect %1").arg(QStringLiteral(KINSPECT_VERSION)));
        fact(QStringLiteral("Report generated"), when(m_generated));
        table({QStringLiteral("Fact"), QStringLiteral("Value")}, {0.28, 0.72}, rows, 10);
        m_y += pt(10);
        paintStatusDonut(&m_p, QRectF(m_body.left(), m_y, m_body.width() * 0.8, mm(60)),
                         m_m.counts);
        m_y += mm(66);
        paragraph(QStringLiteral("Score = PASS / (PASS + FAIL) over every control on every node. "
                                 "The machine-readable results (JSON) are attached to this "
                                 "document as kinspect-results.json."),
                  8.5, kMuted);
    }

    QString when(const QDateTime &t) const
    {
        return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                           : QStringLiteral("-");
    }

    void tocPage(int index)
    {
        const int first = index * kTocLinesPerPage;
        const QFont f = font(9.5);
        const QFont fb = font(9.5, true);
        const QFontMetricsF fm(f, m_writer);
        const double lh = fm.lineSpacing() * 1.25;
        for (int i = first; i < first + kTocLinesPerPage && i < m_knownToc.size(); ++i) {
            const TocEntry &e = m_knownToc[i];
            const double indent = pt(14) * e.level;
            const QString num = e.page > 0 ? QString::number(e.page) : QString();
            m_p.setFont(e.level == 0 ? fb : f);
            m_p.setPen(kInk);
            const double numW = pt(30);
            const QRectF line(m_body.left() + indent, m_y, m_body.width() - indent - numW, lh);
            const QString title = elideWidth(e.title, e.level == 0 ? fb : f, line.width() - pt(20));
            m_p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, title);
            const double tw =
                QFontMetricsF(e.level == 0 ? fb : f, m_writer).horizontalAdvance(title);
            // dot leader
            m_p.setPen(QPen(kRule, pt(0.8), Qt::DotLine));
            m_p.drawLine(QPointF(line.left() + tw + pt(4), m_y + lh * 0.7),
                         QPointF(m_body.right() - numW + pt(4), m_y + lh * 0.7));
            m_p.setPen(kInk);
            m_p.drawText(QRectF(m_body.right() - numW, m_y, numW, lh),
                         Qt::AlignRight | Qt::AlignVCenter, num);
            m_y += lh;
        }
    }

    void sectionBars()
    {
        const QFont f = font(8.5);
        const double rowH = pt(15);
        const double labelW = m_body.width() * 0.42, barW = m_body.width() * 0.40;
        ensure(rowH * (m_m.sections.size() + 2));
        for (const auto &sec : m_m.sections) {
            int total = 0;
            for (int v : sec.counts)
                total += v;
            m_p.setFont(f);
            m_p.setPen(kInk);
            m_p.drawText(
                QRectF(m_body.left(), m_y, labelW - pt(4), rowH), Qt::AlignLeft | Qt::AlignVCenter,
                elideWidth(QStringLiteral("%1  %2").arg(sec.id, sec.title), f, labelW - pt(6)));
            double x = m_body.left() + labelW;
            const QRectF bar(x, m_y + pt(3), barW, rowH - pt(6));
            for (Status s : kOrder) {
                const int k = sec.counts.value(s);
                if (!k || !total)
                    continue;
                const double w = barW * k / total;
                m_p.fillRect(QRectF(x, bar.top(), w, bar.height()), StatusChart::color(s));
                x += w;
            }
            m_p.setPen(QPen(kRule, pt(0.5)));
            m_p.setBrush(Qt::NoBrush);
            m_p.drawRect(bar);
            m_p.setPen(kInk);
            m_p.drawText(
                QRectF(bar.right() + pt(4), m_y, m_body.right() - bar.right() - pt(4), rowH),
                Qt::AlignLeft | Qt::AlignVCenter,
                QStringLiteral("%1 fail / %2").arg(sec.counts.value(Status::Fail)).arg(total));
            m_y += rowH;
        }
        legend();
    }

    void legend()
    {
        const QFont f = font(8);
        double x = m_body.left();
        ensure(pt(16));
        m_p.setFont(f);
        for (Status s : kOrder) {
            const double r = pt(3.2);
            drawGlyph(m_p, QPointF(x + r, m_y + pt(7)), r, s);
            m_p.setPen(kInk);
            const QString label = statusLabel(s);
            m_p.drawText(QRectF(x + 2 * r + pt(3), m_y, pt(80), pt(14)),
                         Qt::AlignLeft | Qt::AlignVCenter, label);
            x += 2 * r + pt(10) + QFontMetricsF(f, m_writer).horizontalAdvance(label);
        }
        m_y += pt(18);
    }

    void summary()
    {
        newPage();
        heading(QStringLiteral("Executive summary"), 0);
        const QString score = m_m.score < 0 ? QStringLiteral("n/a")
                                            : QString::number(m_m.score, 'f', 1) + QLatin1Char('%');
        paragraph(QStringLiteral("Score %1. %2 of %3 nodes audited; %4 results: %5 FAIL, %6 ERROR, "
                                 "%7 WAIVED, %8 MANUAL, %9 PASS, %10 not applicable.")
                      .arg(score)
                      .arg(m_m.auditedNodes)
                      .arg(m_r.nodes.size())
                      .arg(total())
                      .arg(m_m.counts.value(Status::Fail))
                      .arg(m_m.counts.value(Status::Error))
                      .arg(m_m.counts.value(Status::Waived))
                      .arg(m_m.counts.value(Status::Manual))
                      .arg(m_m.counts.value(Status::Pass))
                      .arg(m_m.counts.value(Status::NotApplicable)),
                  10);
        const double chartTop = m_y;
        QList<QList<Cell>> rows;
        for (Status s : kOrder)
            rows << QList<Cell>{Cell{QString(), false, false, s},
                                Cell{QString::number(m_m.counts.value(s))}};
        const QRectF saved = m_body;
        m_body.setWidth(saved.width() * 0.45);
        table({QStringLiteral("Status"), QStringLiteral("Results")}, {0.6, 0.4}, rows, 9);
        m_body = saved;
        paintStatusDonut(
            &m_p,
            QRectF(m_body.left() + m_body.width() * 0.55, chartTop, m_body.width() * 0.45, mm(40)),
            m_m.counts);
        m_y = qMax(m_y, chartTop + mm(44));

        heading(QStringLiteral("Results per section"), 1, false);
        sectionBars();

        heading(QStringLiteral("Nodes with most failures"), 1, false);
        if (m_m.worstNodes.isEmpty()) {
            paragraph(QStringLiteral("No node has a FAIL or an ERROR."));
        } else {
            QList<QList<Cell>> nr;
            for (int i = 0; i < m_m.worstNodes.size() && i < 10; ++i) {
                const auto &w = m_m.worstNodes[i];
                const NodeResult &n = m_r.nodes[w.index];
                nr << QList<Cell>{Cell{n.name}, Cell{n.roles.join(QLatin1String(", "))},
                                  Cell{n.audited
                                           ? QString::number(n.count(Status::Fail))
                                           : QStringLiteral("not audited: %1").arg(n.errorKind)},
                                  Cell{QString::number(n.count(Status::Error))}};
            }
            table({QStringLiteral("Node"), QStringLiteral("Roles"), QStringLiteral("FAIL"),
                   QStringLiteral("ERROR")},
                  {0.4, 0.3, 0.15, 0.15}, nr);
        }
        heading(QStringLiteral("Controls failing on every node"), 1, false);
        if (m_m.failingEverywhere.isEmpty()) {
            paragraph(m_m.auditedNodes < 2
                          ? QStringLiteral("Not computed: fewer than two nodes were audited.")
                          : QStringLiteral("None: no control fails on every audited node."));
        } else {
            QList<QList<Cell>> fr;
            for (const QString &id : m_m.failingEverywhere) {
                const Control *c = m_b.control(id);
                fr << QList<Cell>{Cell{id, true}, Cell{c ? c->title : QString()}};
            }
            table({QStringLiteral("Control"), QStringLiteral("Title")}, {0.14, 0.86}, fr);
        }

        heading(QStringLiteral("Waivers"), 1);
        if (m_m.waivers.isEmpty()) {
            paragraph(QStringLiteral("No waiver applies to this scan."));
        } else {
            QList<QList<Cell>> wr;
            for (const auto &w : m_m.waivers)
                wr << QList<Cell>{
                    Cell{w.waiver.id + (w.expired ? QStringLiteral(" (EXPIRED)") : QString()), true,
                         false, std::nullopt, w.expired ? StatusChart::color(Status::Fail) : kInk},
                    Cell{w.controlId},
                    Cell{w.nodes.join(QLatin1String(", "))},
                    Cell{w.waiver.owner},
                    Cell{w.waiver.expires.toString(Qt::ISODate)},
                    Cell{w.waiver.justification}};
            table({QStringLiteral("Waiver"), QStringLiteral("Control"), QStringLiteral("Nodes"),
                   QStringLiteral("Owner"), QStringLiteral("Expires"),
                   QStringLiteral("Justification")},
                  {0.12, 0.095, 0.175, 0.19, 0.12, 0.3}, wr, 8);
        }
        if (m_o.comparison)
            comparison(*m_o.comparison);
    }

    int total() const
    {
        int t = 0;
        for (int v : m_m.counts)
            t += v;
        return t;
    }

    void comparison(const ScanDiff &d)
    {
        heading(d.beforeId > 0 ? QStringLiteral("Changes since scan %1").arg(d.beforeId)
                               : QStringLiteral("Changes since the previous scan"),
                1);
        paragraph(
            QStringLiteral("Compared with the scan of %1: %2 new failures, %3 fixed, %4 other "
                           "status changes, %5 controls with changed evidence, %6 nodes "
                           "added, %7 removed.")
                .arg(when(d.beforeAt))
                .arg(d.count(ScanChange::Kind::NewFailure))
                .arg(d.count(ScanChange::Kind::Fixed))
                .arg(d.count(ScanChange::Kind::StatusChanged))
                .arg(d.count(ScanChange::Kind::EvidenceChanged))
                .arg(d.count(ScanChange::Kind::NodeAdded))
                .arg(d.count(ScanChange::Kind::NodeRemoved)));
        if (d.changes.isEmpty())
            return;
        QList<QList<Cell>> rows;
        for (const ScanChange &c : d.changes) {
            QStringList vals;
            for (const QString &v : c.beforeValues)
                vals << QStringLiteral("− ") + v;
            for (const QString &v : c.afterValues)
                vals << QStringLiteral("+ ") + v;
            rows << QList<Cell>{Cell{scanChangeKindName(c.kind)},
                                Cell{c.node},
                                Cell{c.controlId},
                                Cell{c.before ? statusLabel(*c.before) : QStringLiteral("-")},
                                Cell{c.after ? statusLabel(*c.after) : QStringLiteral("-")},
                                Cell{elide(vals.join(QLatin1Char('\n')), 400), false, true}};
        }
        table({QStringLiteral("Change"), QStringLiteral("Node"), QStringLiteral("Control"),
               QStringLiteral("Before"), QStringLiteral("After"), QStringLiteral("Values")},
              {0.15, 0.17, 0.09, 0.1, 0.1, 0.39}, rows, 7.5);
    }

    void matrices()
    {
        newPage();
        heading(QStringLiteral("Results by section"), 0);
        paragraph(QStringLiteral("Every control on every node. Nodes are columns; when there are "
                                 "many, they are shown in groups."),
                  9, kMuted);
        legend();
        const double idW = pt(34), titleW = m_body.width() * 0.36;
        const double colW = pt(17);
        const int perChunk = qMax(1, int((m_body.width() - idW - titleW) / colW));
        const int n = int(m_r.nodes.size());
        const int chunks = qMax(1, (n + perChunk - 1) / perChunk);
        const QFont f = font(7.5);
        const QFont fh = font(7);
        const double rowH = pt(11);
        // Rotated node names: as tall as the longest (capped) name.
        double headH = pt(20);
        for (const NodeResult &nr : m_r.nodes)
            headH = qMax(headH,
                         QFontMetricsF(fh, m_writer).horizontalAdvance(elide(nr.name, 28)) + pt(8));
        headH = qMin(headH, pt(110));
        bool first = true;
        for (const auto &sec : m_m.sections) {
            QStringList ids;
            for (const QString &id : m_m.controlOrder)
                if (topSectionOf(id) == sec.id)
                    ids << id;
            if (ids.isEmpty())
                continue;
            if (!first)
                newPage();
            first = false;
            heading(QStringLiteral("%1 %2").arg(sec.id, sec.title), 1);
            for (int ch = 0; ch < chunks; ++ch) {
                const int from = ch * perChunk, to = qMin(n, from + perChunk);
                auto header = [&] {
                    ensure(headH + rowH * 3);
                    m_p.fillRect(QRectF(m_body.left(), m_y, m_body.width(), headH), kHeadBg);
                    m_p.setFont(font(8, true));
                    m_p.setPen(kInk);
                    m_p.drawText(QRectF(m_body.left() + pt(2), m_y, idW + titleW, headH - pt(3)),
                                 Qt::AlignLeft | Qt::AlignBottom,
                                 chunks > 1 ? QStringLiteral("Control (nodes %1-%2 of %3)")
                                                  .arg(from + 1)
                                                  .arg(to)
                                                  .arg(n)
                                            : QStringLiteral("Control"));
                    m_p.setFont(fh);
                    for (int i = from; i < to; ++i) {
                        const double x = m_body.left() + idW + titleW + (i - from) * colW;
                        m_p.save();
                        m_p.translate(x + colW * 0.5 + pt(3), m_y + headH - pt(3));
                        m_p.rotate(-90);
                        m_p.drawText(QRectF(0, -pt(9), headH - pt(6), pt(10)),
                                     Qt::AlignLeft | Qt::AlignVCenter,
                                     elideWidth(m_r.nodes[i].name, fh, headH - pt(8)));
                        m_p.restore();
                    }
                    m_y += headH;
                };
                header();
                for (int row = 0; row < ids.size(); ++row) {
                    if (m_y + rowH > bottom()) {
                        newPage();
                        header();
                    }
                    const QString &id = ids[row];
                    if (row % 2)
                        m_p.fillRect(QRectF(m_body.left(), m_y, m_body.width(), rowH),
                                     QColor(0xf7, 0xf8, 0xfa));
                    const Control *c = m_b.control(id);
                    m_p.setFont(f);
                    m_p.setPen(kInk);
                    m_p.drawText(QRectF(m_body.left() + pt(2), m_y, idW, rowH),
                                 Qt::AlignLeft | Qt::AlignVCenter, id);
                    m_p.drawText(QRectF(m_body.left() + idW, m_y, titleW - pt(3), rowH),
                                 Qt::AlignLeft | Qt::AlignVCenter,
                                 elideWidth(shortTitle(c), f, titleW - pt(4)));
                    const auto cells = m_cells.value(id);
                    for (int i = from; i < to; ++i) {
                        const ControlResult *r = cells.value(i);
                        if (!r)
                            continue;
                        const double x = m_body.left() + idW + titleW + (i - from) * colW;
                        drawGlyph(m_p, QPointF(x + colW / 2, m_y + rowH / 2), pt(3.4), r->status);
                    }
                    m_y += rowH;
                }
                m_y += pt(10);
            }
        }
    }

    // Matrix rows have one line: drop the benchmark's "Ensure that the" lead-in.
    static QString shortTitle(const Control *c)
    {
        if (!c)
            return QString();
        QString t = c->title;
        for (const char *lead : {"Ensure that the ", "Ensure that ", "Ensure "})
            if (t.startsWith(QLatin1String(lead))) {
                t = t.mid(int(qstrlen(lead)));
                if (!t.isEmpty() && !t.startsWith(QLatin1String("--")))
                    t[0] = t[0].toUpper();
                break;
            }
        return t;
    }

    struct Group
    {
        QStringList nodes;
        const ControlResult *result = nullptr;
        int firstNode = 0; // index into result.nodes
    };

    void failingControls()
    {
        newPage();
        heading(QStringLiteral("Failing controls"), 0);
        if (m_m.failingControls.isEmpty()) {
            paragraph(QStringLiteral("No control failed or could not be audited on any node."));
            return;
        }
        paragraph(QStringLiteral("%1 controls FAIL or could not be audited (ERROR) on at least one "
                                 "node. Each starts on its own page: the benchmark's text, then "
                                 "what was found on each node (nodes with identical findings "
                                 "are grouped) and the file a fix edits.")
                      .arg(m_m.failingControls.size()),
                  9.5);
        bool first = true;
        for (const QString &id : m_m.failingControls) {
            if (!first)
                newPage();
            first = false;
            const Control *c = m_b.control(id);
            heading(QStringLiteral("%1 %2").arg(id, c ? c->title : QString()), 1);
            // Status line.
            QHash<Status, int> counts;
            const auto cells = m_cells.value(id);
            for (auto it = cells.cbegin(); it != cells.cend(); ++it)
                ++counts[it.value()->status];
            QStringList parts;
            for (Status s : kOrder)
                if (counts.value(s))
                    parts << QStringLiteral("%1 on %2").arg(statusLabel(s)).arg(counts.value(s));
            paragraph(
                QStringLiteral("%1 · %2 · %3")
                    .arg(c ? m_b.sectionTitle(c->sectionId) : QString(),
                         c && c->automated ? QStringLiteral("Automated") : QStringLiteral("Manual"),
                         parts.join(QLatin1String(", "))),
                9, kMuted);
            if (c) {
                const std::pair<const char *, const QString *> secs[] = {
                    {"Description", &c->description},
                    {"Rationale", &c->rationale},
                    {"Audit", &c->audit},
                    {"Remediation", &c->remediation},
                    {"Impact", &c->impact},
                    {"Default value", &c->defaultValue}};
                for (const auto &[title, text] : secs) {
                    if (text->trimmed().isEmpty())
                        continue;
                    subheading(QLatin1String(title));
                    markdown(*text);
                }
                if (!c->references.isEmpty()) {
                    subheading(QStringLiteral("References"));
                    for (int i = 0; i < c->references.size(); ++i)
                        paragraph(QStringLiteral("%1. %2").arg(i + 1).arg(c->references[i]), 8.5);
                }
                if (!c->cisControls.isEmpty()) {
                    subheading(QStringLiteral("CIS Controls"));
                    for (const auto &cc : c->cisControls)
                        paragraph(QStringLiteral("Version %1 · %2 %3")
                                      .arg(cc.version)
                                      .arg(cc.id, cc.title),
                                  8.5);
                }
            }
            subheading(QStringLiteral("Evidence per node"));
            // Group nodes whose findings are identical.
            QList<Group> groups;
            for (int i = 0; i < m_r.nodes.size(); ++i) {
                const ControlResult *r = cells.value(i);
                if (!r || r->status == Status::Pass || r->status == Status::NotApplicable)
                    continue;
                bool merged = false;
                for (Group &g : groups)
                    if (same(*g.result, *r)) {
                        g.nodes << m_r.nodes[i].name;
                        merged = true;
                        break;
                    }
                if (!merged)
                    groups << Group{{m_r.nodes[i].name}, r, i};
            }
            QStringList okNodes;
            for (int i = 0; i < m_r.nodes.size(); ++i)
                if (const ControlResult *r = cells.value(i); r && r->status == Status::Pass)
                    okNodes << m_r.nodes[i].name;
            if (okNodes.size() > 10)
                paragraph(QStringLiteral("Passes on %1 nodes (the results matrix names them).")
                              .arg(okNodes.size()),
                          8.5, kMuted);
            else if (!okNodes.isEmpty())
                paragraph(QStringLiteral("Passes on: %1").arg(okNodes.join(QLatin1String(", "))),
                          8.5, kMuted);
            for (const Group &g : groups)
                evidenceGroup(g);
        }
    }

    static bool same(const ControlResult &a, const ControlResult &b)
    {
        if (a.status != b.status || a.reason != b.reason ||
            a.remediationFile != b.remediationFile || a.evidence.size() != b.evidence.size())
            return false;
        if (bool(a.waiver) != bool(b.waiver) || (a.waiver && a.waiver->id != b.waiver->id))
            return false;
        for (int i = 0; i < a.evidence.size(); ++i) {
            const Evidence &x = a.evidence[i], &y = b.evidence[i];
            if (x.source != y.source || x.path != y.path || x.key != y.key ||
                x.actual != y.actual || x.expected != y.expected || x.command != y.command)
                return false;
        }
        return true;
    }

    void subheading(const QString &text)
    {
        const QFont f = font(10, true);
        ensure(pt(72)); // never the last line of a page
        m_y += pt(4);
        m_p.setFont(f);
        m_p.setPen(kAccent);
        m_p.drawText(QRectF(m_body.left(), m_y, m_body.width(), pt(14)), Qt::AlignLeft, text);
        m_y += pt(15);
    }

    void evidenceGroup(const Group &g)
    {
        const ControlResult &r = *g.result;
        const double r0 = pt(4);
        const QString who = QStringLiteral("%1 on %2 node%3: %4")
                                .arg(statusLabel(r.status))
                                .arg(g.nodes.size())
                                .arg(g.nodes.size() == 1 ? QString() : QStringLiteral("s"))
                                .arg(g.nodes.join(QLatin1String(", ")));
        const double indent = 2 * r0 + pt(5);
        const double h = textHeight(elide(who, 2000), font(9.5, true), m_body.width() - indent);
        const double reasonH = textHeight(r.reason, font(9), m_body.width() - indent);
        // The group's heading, its reason and the start of its evidence table share a page.
        ensure(h + reasonH + pt(r.evidence.isEmpty() ? 16 : 60));
        drawGlyph(m_p, QPointF(m_body.left() + r0, m_y + pt(6.5)), r0, r.status);
        m_p.setFont(font(9.5, true));
        m_p.setPen(kInk);
        m_p.drawText(QRectF(m_body.left() + indent, m_y, m_body.width() - indent, h),
                     elide(who, 2000), wrapping());
        m_y += h + pt(2);
        if (!r.reason.isEmpty())
            paragraph(r.reason, 9, kInk, indent);
        if (r.waiver)
            paragraph(QStringLiteral("%1 %2 (owner %3, until %4): %5")
                          .arg(r.status == Status::Waived ? QStringLiteral("Waived by")
                                                          : QStringLiteral("Expired waiver"),
                               r.waiver->id, r.waiver->owner,
                               r.waiver->expires.toString(Qt::ISODate), r.waiver->justification),
                      9,
                      r.status == Status::Waived ? StatusChart::color(Status::Waived)
                                                 : StatusChart::color(Status::Fail),
                      indent);
        if (!r.evidence.isEmpty()) {
            QList<QList<Cell>> rows;
            for (const Evidence &e : r.evidence) {
                QString where = e.path;
                if (!e.key.isEmpty())
                    where += (where.isEmpty() ? QString() : QStringLiteral("\n")) + e.key;
                QString actual = e.actual.isEmpty() ? QStringLiteral("(not set)") : e.actual;
                if (!e.command.isEmpty())
                    actual += QStringLiteral("\n$ ") + e.command;
                rows << QList<Cell>{Cell{e.source}, Cell{elide(where, 300), false, true},
                                    Cell{elide(actual, 600), false, true},
                                    Cell{e.expected, false, true},
                                    Cell{e.passed ? QStringLiteral("yes") : QStringLiteral("no")}};
            }
            const QRectF saved = m_body;
            m_body.setLeft(m_body.left() + indent);
            table({QStringLiteral("Source"), QStringLiteral("Where"), QStringLiteral("Found"),
                   QStringLiteral("Expected"), QStringLiteral("OK")},
                  {0.1, 0.3, 0.36, 0.16, 0.08}, rows, 7.5);
            m_body = saved;
        }
        if (!r.remediationFile.isEmpty())
            paragraph(QStringLiteral("Remediation edits %1 on these nodes.").arg(r.remediationFile),
                      8.5, kMuted, indent);
        if (const QString d = m_preview.diff(g.firstNode, r); !d.isEmpty()) {
            // The label stays with (the start of) its diff.
            ensure(pt(16) +
                   qMin(textHeight(d, font(7.5, false, true), m_body.width() - indent) + pt(10),
                        pt(120)));
            paragraph(QStringLiteral("Proposed change on %1 (default parameters; review it in "
                                     "Kinspect before applying):")
                          .arg(m_r.nodes[g.firstNode].name),
                      8.5, kInk, indent);
            flow(d, font(7.5, false, true), kInk, indent, true);
        }
        m_y += pt(4);
    }

    void appendix()
    {
        newPage();
        heading(QStringLiteral("Appendix: nodes"), 0);
        for (int i = 0; i < m_r.nodes.size(); ++i) {
            const NodeResult &n = m_r.nodes[i];
            ensure(pt(165)); // the heading and the facts table stay on one page
            heading(n.name, 1);
            QList<QList<Cell>> facts;
            auto fact = [&](const QString &k, const QString &v) {
                facts << QList<Cell>{Cell{k, true}, Cell{v.isEmpty() ? QStringLiteral("-") : v}};
            };
            fact(QStringLiteral("Host"), n.host);
            fact(QStringLiteral("Roles"), n.roles.join(QLatin1String(", ")));
            fact(QStringLiteral("Distribution"), n.distribution);
            fact(QStringLiteral("Kubernetes"), n.kubernetesVersion);
            fact(QStringLiteral("Collected"), when(n.collectedAt));
            if (!n.audited) {
                fact(QStringLiteral("Not audited"),
                     QStringLiteral("%1: %2").arg(n.errorKind, n.errorMessage));
            } else {
                QStringList counts;
                for (Status s : kOrder)
                    counts << QStringLiteral("%1 %2").arg(n.count(s)).arg(statusLabel(s));
                fact(QStringLiteral("Results"), counts.join(QStringLiteral(" · ")));
            }
            table({QStringLiteral("Node"), n.name}, {0.22, 0.78}, facts, 8.5);
            if (!n.audited)
                continue;
            QList<QList<Cell>> rows;
            QStringList manual;
            for (const ControlResult &r : n.results) {
                if (r.status == Status::Manual) {
                    manual << r.controlId;
                    continue;
                }
                if (r.status == Status::Pass || r.status == Status::NotApplicable)
                    continue;
                const Control *c = m_b.control(r.controlId);
                QString reason = r.reason;
                if (r.waiver)
                    reason += QStringLiteral("\nWaiver %1 (%2, until %3)")
                                  .arg(r.waiver->id, r.waiver->owner,
                                       r.waiver->expires.toString(Qt::ISODate));
                rows << QList<Cell>{Cell{r.controlId, true}, Cell{c ? c->title : QString()},
                                    Cell{QString(), false, false, r.status}, Cell{reason}};
            }
            if (!rows.isEmpty())
                table({QStringLiteral("Control"), QStringLiteral("Title"), QStringLiteral("Status"),
                       QStringLiteral("Reason")},
                      {0.1, 0.36, 0.16, 0.38}, rows, 7.5);
            if (!manual.isEmpty())
                paragraph(QStringLiteral("Needs a person (MANUAL): %1")
                              .arg(manual.join(QLatin1String(", "))),
                          8, kMuted);
        }
    }

    QPdfWriter *m_writer;
    const Benchmark &m_b;
    const ClusterResult &m_r;
    const ReportOptions &m_o;
    const ReportModel &m_m;
    QList<TocEntry> m_knownToc;
    int m_knownPages = 0;
    QPainter m_p;
    QRectF m_page;
    QRectF m_body;
    double m_y = 0;
    int m_pageNo = 1;
    bool m_started = false;
    QList<TocEntry> m_toc;
    QString m_ranBy;
    QDateTime m_generated;
    QString m_cluster;
    QHash<QString, QHash<int, const ControlResult *>> m_cells;
    RemediationPreview m_preview{m_b, m_r, m_o.snapshots};
};

void setupWriter(QPdfWriter &w, const QString &title)
{
    w.setResolution(kDpi);
    w.setPageSize(QPageSize(QPageSize::A4));
    w.setPageMargins(QMarginsF(0, 0, 0, 0));
    w.setTitle(title);
    w.setCreator(QStringLiteral("kinspect %1").arg(QStringLiteral(KINSPECT_VERSION)));
}

} // namespace

Expected<QByteArray> pdfReport(const Benchmark &benchmark, const ClusterResult &result,
                               const ReportOptions &options)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error{QStringLiteral("the PDF report needs a QGuiApplication (fonts)"), QString(),
                     0};
    const ReportModel model = ReportModel::build(benchmark, result);
    const QString cluster =
        result.cluster.isEmpty() ? QStringLiteral("(unnamed cluster)") : result.cluster;
    const QString title = QStringLiteral("CIS Kubernetes audit of %1").arg(cluster);

    // Pass 1: learn where the TOC entries land and how many pages there are.
    QList<TocEntry> toc;
    int pages = 0;
    int tocPages = 1;
    for (int pass = 0; pass < 2; ++pass) {
        QBuffer scratch;
        scratch.open(QIODevice::WriteOnly);
        QPdfWriter w(&scratch);
        setupWriter(w, title);
        Layout l(&w, benchmark, result, options, model, toc, pages);
        if (!l.run(tocPages))
            return Error{QStringLiteral("cannot paint the PDF"), QString(), 0};
        toc = l.toc();
        pages = l.pages();
        const int needed =
            qMax(1, int((toc.size() + Layout::kTocLinesPerPage - 1) / Layout::kTocLinesPerPage));
        if (needed != tocPages) {
            tocPages = needed; // page numbers shift: lay out again
            pass = -1;
            continue;
        }
        if (pass == 0)
            continue;
        scratch.close();
        PdfInfo info;
        info.title = title;
        info.author = options.ranBy.isEmpty() ? currentUserAtHost() : options.ranBy;
        info.subject = QStringLiteral("%1 %2 (%3): audit of %4 nodes")
                           .arg(benchmark.title, benchmark.version, benchmark.id)
                           .arg(result.nodes.size());
        info.keywords = QStringLiteral("CIS, Kubernetes, audit, %1, %2").arg(benchmark.id, cluster);
        info.creator = QStringLiteral("kinspect %1").arg(QStringLiteral(KINSPECT_VERSION));
        info.outline << PdfOutlineItem{QStringLiteral("Cover"), 0, 1};
        for (const TocEntry &e : toc)
            info.outline << PdfOutlineItem{e.title, qMin(e.level, 1), e.page};
        info.created =
            options.generatedAt.isValid() ? options.generatedAt : QDateTime::currentDateTimeUtc();
        return attachToPdf(scratch.data(), QStringLiteral("kinspect-results.json"),
                           jsonReport(benchmark, result), QStringLiteral("application/json"),
                           QStringLiteral("Kinspect results (JSON, DESIGN.md contract)"), info);
    }
    return Error{QStringLiteral("PDF layout did not settle"), QString(), 0};
}

} // namespace kinspect
