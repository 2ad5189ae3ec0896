#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace kinspect {

// Figures every report format shows, computed once from a ClusterResult so the formats cannot
// disagree: counts per status (overall, per section, per node), the nodes with most failures,
// the controls failing on every audited node, the failing controls and the waivers in use.
struct ReportModel
{
    struct SectionRow
    {
        QString id; // top-level section id ("1", "4", ...)
        QString title;
        QHash<Status, int> counts;
    };
    struct NodeRow
    {
        int index = 0; // into result.nodes
        QString name;
        int failures = 0; // FAIL + ERROR
    };
    struct WaiverUse
    {
        AppliedWaiver waiver;
        QString controlId;
        QStringList nodes;
        bool expired = false; // attached to a result that stayed FAIL
    };

    QHash<Status, int> counts; // == result.summary()
    double score = -1;         // PASS / (PASS + FAIL) in percent; -1 when neither
    int auditedNodes = 0;
    int unauditedNodes = 0;
    QList<SectionRow> sections;    // top-level sections in catalog order
    QList<NodeRow> worstNodes;     // nodes with failures, most first (all of them)
    QStringList failingEverywhere; // controls FAIL on every audited node (>= 2 nodes)
    QStringList failingControls;   // control ids with FAIL or ERROR on at least one node
    QList<WaiverUse> waivers;      // in control order
    QStringList controlOrder;      // every control id appearing in results, catalog order

    static ReportModel build(const Benchmark &benchmark, const ClusterResult &result);
};

// Top-level section id of a control id ("1.2.5" -> "1").
QString topSectionOf(const QString &controlId);

} // namespace kinspect
