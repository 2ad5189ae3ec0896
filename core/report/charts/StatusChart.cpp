#include "report/charts/StatusChart.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace kinspect {

QColor StatusChart::color(Status status)
{
    switch (status) {
    case Status::Pass:
        return QColor(0x1f, 0x8a, 0x3b);
    case Status::Fail:
        return QColor(0xd3, 0x2f, 0x2f);
    case Status::Manual:
        return QColor(0x1e, 0x6f, 0xd0);
    case Status::Error:
        return QColor(0xf0, 0x8c, 0x00);
    case Status::NotApplicable:
        return QColor(0x8a, 0x8f, 0x96);
    case Status::Waived:
        return QColor(0x7b, 0x57, 0xc2);
    }
    return Qt::gray;
}

double StatusChart::score(const QHash<Status, int> &counts)
{
    const int pass = counts.value(Status::Pass);
    const int fail = counts.value(Status::Fail);
    if (pass + fail == 0)
        return -1;
    return 100.0 * pass / (pass + fail);
}

QList<Status> StatusChart::order()
{
    return {Status::Fail,   Status::Error,         Status::Manual,
            Status::Waived, Status::NotApplicable, Status::Pass};
}

void StatusChart::paint(QPainter *painter, const QRectF &rect, const QHash<Status, int> &counts,
                        const Options &options)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const qreal side = qMin(rect.height(), options.legend ? rect.width() * 0.45 : rect.width());
    const QRectF ring(rect.left(), rect.top() + (rect.height() - side) / 2, side, side);
    int total = 0;
    for (Status s : order())
        total += counts.value(s);

    const qreal thickness = side * 0.22;
    const QRectF arcRect =
        ring.adjusted(thickness / 2, thickness / 2, -thickness / 2, -thickness / 2);
    if (total == 0) {
        painter->setPen(QPen(color(Status::NotApplicable).lighter(140), thickness));
        painter->drawEllipse(arcRect);
    } else {
        // Qt angles: 1/16 degree, counter-clockwise from 3 o'clock; start at 12 o'clock, go
        // clockwise.
        qreal start = 90.0;
        for (Status s : order()) {
            const int n = counts.value(s);
            if (n == 0)
                continue;
            const qreal span = -360.0 * n / total;
            painter->setPen(QPen(color(s), thickness, Qt::SolidLine, Qt::FlatCap));
            painter->drawArc(arcRect, qRound(start * 16), qRound(span * 16));
            start += span;
        }
    }

    // Score in the hole.
    const double sc = score(counts);
    QFont f = painter->font();
    f.setBold(true);
    f.setPointSizeF(qMax(6.0, side * 0.16));
    painter->setFont(f);
    painter->setPen(options.text);
    const QRectF hole = ring.adjusted(thickness, thickness, -thickness, -thickness);
    const QString scoreText =
        sc < 0 ? QStringLiteral("–") : QString::number(qRound(sc)) + QLatin1Char('%');
    QRectF upper = hole;
    upper.setBottom(hole.center().y() + side * 0.07);
    painter->drawText(upper, Qt::AlignHCenter | Qt::AlignBottom, scoreText);
    QFont small = painter->font();
    small.setBold(false);
    small.setPointSizeF(qMax(5.0, side * 0.075));
    painter->setFont(small);
    QRectF lower = hole;
    lower.setTop(hole.center().y() + side * 0.07);
    painter->drawText(lower, Qt::AlignHCenter | Qt::AlignTop, options.scoreLabel);

    if (options.legend) {
        const qreal left = ring.right() + side * 0.12;
        const QList<Status> statuses = order();
        const qreal lineH = rect.height() / statuses.size();
        QFont lf = painter->font();
        lf.setPointSizeF(qBound(5.0, lineH * 0.55, 10.0));
        painter->setFont(lf);
        const QFontMetricsF fm(lf);
        for (int i = 0; i < statuses.size(); ++i) {
            const Status s = statuses[i];
            const qreal y = rect.top() + i * lineH;
            const qreal box = qMin(lineH * 0.6, fm.height() * 0.8);
            painter->setPen(Qt::NoPen);
            painter->setBrush(color(s));
            painter->drawRoundedRect(QRectF(left, y + (lineH - box) / 2, box, box), 2, 2);
            painter->setPen(options.text);
            const QString label = options.labels.value(s, statusName(s));
            painter->drawText(
                QRectF(left + box * 1.6, y, rect.right() - left - box * 1.6, lineH),
                Qt::AlignVCenter | Qt::AlignLeft,
                fm.elidedText(QStringLiteral("%1  %2").arg(counts.value(s)).arg(label),
                              Qt::ElideRight, rect.right() - left - box * 1.6));
        }
    }
    painter->restore();
}

} // namespace kinspect
