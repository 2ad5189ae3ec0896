#pragma once

#include "evaluate/Result.h"

#include <QColor>
#include <QHash>
#include <QRectF>
#include <QString>

class QPainter;

namespace kinspect {

// The status chart of the summary header and of the PDF report: a ring of the status counts with
// the score in its middle and a legend to its right. Painted with QPainter only (Qt Gui), so a
// widget, a QImage and a QPdfWriter page draw the same picture.
class StatusChart
{
public:
    struct Options
    {
        QColor text = Qt::black;       // legend and score text
        QColor background = Qt::white; // hole of the ring
        bool legend = true;
        QString scoreLabel = QStringLiteral("score"); // under the percentage; callers translate
        // Legend labels by status; empty: statusName().
        QHash<Status, QString> labels;
    };

    // Colours shared by every view of a status (icons use the same hues).
    static QColor color(Status status);
    // PASS / (PASS + FAIL) in percent; -1 when there is neither.
    static double score(const QHash<Status, int> &counts);
    // The statuses in the order the chart draws them (worst first).
    static QList<Status> order();

    static void paint(QPainter *painter, const QRectF &rect, const QHash<Status, int> &counts,
                      const Options &options);
};

} // namespace kinspect
