#pragma once

#include "evaluate/Result.h"

#include <QHash>
#include <QRectF>

class QPainter;

namespace kinspect {

// The PDF's status donut: a ring of the status counts (colours of StatusChart::color), the score
// in the middle and a legend with the counts on the right. Text sizes follow the rectangle, so
// it draws the same on a 300 dpi PDF page and on a screen.
void paintStatusDonut(QPainter *painter, const QRectF &rect, const QHash<Status, int> &counts);

} // namespace kinspect
