#include "report/ReportModel.h"

#include <QSet>

#include <algorithm>

namespace kinspect {

QString topSectionOf(const QString &controlId)
{
    return controlId.section(QLatin1Char('.'), 0, 0);
}

ReportModel ReportModel::build(const Benchmark &benchmark, const ClusterResult &result)
{
    ReportModel m;
    m.counts = result.summary();
    const int pass = m.counts.value(Status::Pass), fail = m.counts.value(Status::Fail);
    m.score = pass + fail > 0 ? 100.0 * pass / (pass + fail) : -1;

    QSet<QString> seen;
    for (const Control &c : benchmark.controls)
        seen.insert(c.id);
    QSet<QString> present;
    for (const NodeResult &n : result.nodes)
        for (const ControlResult &r : n.results)
            present.insert(r.controlId);
    for (const Control &c : benchmark.controls)
        if (present.contains(c.id))
            m.controlOrder << c.id;
    QStringList extra; // results for controls the catalog lacks (another benchmark's scan)
    for (const QString &id : present)
        if (!seen.contains(id))
            extra << id;
    std::sort(extra.begin(), extra.end(), controlIdLess);
    m.controlOrder << extra;

    QHash<QString, int> sectionIndex;
    for (const Section &s : benchmark.sections) {
        if (s.depth() != 0)
            continue;
        sectionIndex.insert(s.id, int(m.sections.size()));
        m.sections << SectionRow{s.id, s.title, {}};
    }
    QHash<QString, int> failCount; // control -> nodes with FAIL
    QSet<QString> failing;
    QHash<QString, int> waiverIndex;
    for (int i = 0; i < result.nodes.size(); ++i) {
        const NodeResult &n = result.nodes[i];
        if (!n.audited) {
            ++m.unauditedNodes;
        } else {
            ++m.auditedNodes;
        }
        int bad = 0;
        for (const ControlResult &r : n.results) {
            const QString top = topSectionOf(r.controlId);
            if (!sectionIndex.contains(top)) {
                sectionIndex.insert(top, int(m.sections.size()));
                m.sections << SectionRow{top, benchmark.sectionTitle(top), {}};
            }
            ++m.sections[sectionIndex.value(top)].counts[r.status];
            if (r.status == Status::Fail || r.status == Status::Error) {
                ++bad;
                failing.insert(r.controlId);
            }
            if (r.status == Status::Fail)
                ++failCount[r.controlId];
            if (r.waiver) {
                const bool expired = r.status != Status::Waived;
                const QString key = r.waiver->id + QLatin1Char('\x1f') + r.controlId +
                                    (expired ? QLatin1String("x") : QLatin1String(""));
                if (!waiverIndex.contains(key)) {
                    waiverIndex.insert(key, int(m.waivers.size()));
                    m.waivers << WaiverUse{*r.waiver, r.controlId, {}, expired};
                }
                m.waivers[waiverIndex.value(key)].nodes << n.name;
            }
        }
        if (bad > 0 || !n.audited)
            m.worstNodes << NodeRow{i, n.name, bad};
    }
    std::stable_sort(m.worstNodes.begin(), m.worstNodes.end(),
                     [](const NodeRow &a, const NodeRow &b) { return a.failures > b.failures; });
    for (const QString &id : std::as_const(m.controlOrder)) {
        if (failing.contains(id))
            m.failingControls << id;
        if (m.auditedNodes >= 2 && failCount.value(id) == m.auditedNodes)
            m.failingEverywhere << id;
    }
    std::stable_sort(m.waivers.begin(), m.waivers.end(),
                     [](const WaiverUse &a, const WaiverUse &b) {
                         return controlIdLess(a.controlId, b.controlId);
                     });
    return m;
}

} // namespace kinspect
