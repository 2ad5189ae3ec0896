#pragma once

#include "evaluate/Result.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace kinspect::ui {

// How a status looks everywhere in the GUI: an SVG icon whose SHAPE differs per status (circle,
// octagon, triangle, diamond, ring, shield) so colour is never the only cue, a colour shared with
// the chart, a translated label, and a rank for worst-first sorting.
class StatusStyle
{
public:
    static QIcon icon(Status status);
    static QIcon noResultIcon(); // the node has no result (not audited)
    static QColor color(Status status);
    static QString label(Status status);       // translated: "Pass", "Fail", ...
    static QString description(Status status); // one translated sentence for tooltips
    // 0 is worst: FAIL, ERROR, MANUAL, WAIVED, NOT_APPLICABLE, PASS; no result ranks after FAIL.
    static int rank(Status status);
    static constexpr int noResultRank = 1;
    static QList<Status> worstFirst();
};

} // namespace kinspect::ui
