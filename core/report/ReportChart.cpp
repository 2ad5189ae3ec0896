#include "report/ReportChart.h"

#include "report/charts/StatusChart.h"

#include <QFont>
#include <QPainter>

namespace kinspect {

void paintStatusDonut(QPainter *p, const QRectF &rect, const QHash<Status, int> &counts)
{
    const Status order[] = {Status::Fail,   Status::Error,         Status::Waived,
                            Status::Manual, Status::NotApplicable, Status::Pass};
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const double side = qMin(rect.height(), rect.width() * 0.45);
    const double thick = side * 0.2;
    const QRectF ring(rect.left() + thick / 2, rect.top() + (rect.height() - side) / 2 + thick / 2,
                      side - thick, side - thick);
    int total = 0;
    for (Status s : order)
        total += counts.value(s);
    double start = 90 * 16;
    if (total == 0) {
        p->setPen(QPen(QColor(0xdd, 0xdd, 0xdd), thick, Qt::SolidLine, Qt::FlatCap));
        p->drawEllipse(ring);
    }
    for (Status s : order) {
        const int k = counts.value(s);
        if (!k || !total)
            continue;
        const double span = -360.0 * 16 * k / total;
        p->setPen(QPen(StatusChart::color(s), thick, Qt::SolidLine, Qt::FlatCap));
        p->drawArc(ring, int(start), int(std::min(-1.0, span)));
        start += span;
    }
    const int pass = counts.value(Status::Pass), fail = counts.value(Status::Fail);
    const QString score =
        pass + fail > 0 ? QString::number(100.0 * pass / (pass + fail), 'f', 0) + QLatin1Char('%')
                        : QStringLiteral("n/a");
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(qMax(1, int(side * 0.17)));
    f.setBold(true);
    p->setFont(f);
    p->setPen(QColor(0x20, 0x24, 0x2a));
    const QRectF inner = ring.adjusted(thick / 2, thick / 2, -thick / 2, -thick / 2);
    const QPointF c = inner.center();
    p->drawText(QRectF(inner.left(), c.y() - side * 0.14, inner.width(), side * 0.2),
                Qt::AlignCenter, score);
    f.setBold(false);
    f.setPixelSize(qMax(1, int(side * 0.065)));
    p->setFont(f);
    p->setPen(QColor(0x66, 0x6b, 0x73));
    p->drawText(QRectF(inner.left(), c.y() + side * 0.07, inner.width(), side * 0.09),
                Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("score"));
    // Legend.
    const double lx = rect.left() + side + side * 0.12;
    const double lh = side / 7.0;
    f.setPixelSize(qMax(1, int(lh * 0.5)));
    p->setFont(f);
    double y = rect.top() + (rect.height() - lh * 6) / 2;
    for (Status s : order) {
        p->fillRect(QRectF(lx, y + lh * 0.25, lh * 0.5, lh * 0.5), StatusChart::color(s));
        p->setPen(QColor(0x20, 0x24, 0x2a));
        p->drawText(QRectF(lx + lh * 0.75, y, rect.right() - lx - lh * 0.75, lh),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    QStringLiteral("%1  %2")
                        .arg(counts.value(s))
                        .arg(s == Status::NotApplicable ? QStringLiteral("N/A") : statusName(s)));
        y += lh;
    }
    p->restore();
}

} // namespace kinspect
