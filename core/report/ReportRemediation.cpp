#include "report/ReportRemediation.h"

#include "remediate/RemediationPlan.h"
#include "snapshot/SnapshotParser.h"

namespace kinspect {

QString RemediationPreview::diff(int nodeIndex, const ControlResult &result) const
{
    const Control *control = m_benchmark.control(result.controlId);
    if (!control || !control->fix || nodeIndex < 0 || nodeIndex >= m_snapshots.size() ||
        m_snapshots[nodeIndex].isEmpty() || result.status != Status::Fail)
        return QString();
    if (!m_parsed.contains(nodeIndex)) {
        auto parsed = parseSnapshot(m_snapshots[nodeIndex], m_result.nodes.value(nodeIndex).name);
        m_parsed.insert(nodeIndex,
                        parsed ? std::optional<NodeSnapshot>(std::move(*parsed)) : std::nullopt);
    }
    const std::optional<NodeSnapshot> &snap = m_parsed[nodeIndex];
    if (!snap)
        return QString();
    const RemediationPlanner planner(m_benchmark, *control, *snap, result);
    auto plan = planner.plan({});
    if (!plan || plan->isEmpty())
        return QString();
    QString out;
    for (const FileChange &c : plan->changes) {
        switch (c.kind) {
        case FileChange::Kind::Content:
            if (c.sensitive)
                out += QStringLiteral("%1: holds secrets, diff not shown (%2 line(s) added, %3 "
                                      "removed)\n")
                           .arg(c.path)
                           .arg(c.diff.added())
                           .arg(c.diff.removed());
            else
                out += c.diff.unified(QStringLiteral("a") + c.path, QStringLiteral("b") + c.path);
            break;
        case FileChange::Kind::Mode:
            out += QStringLiteral("chmod %1 %2   (mode %3 -> %1)\n").arg(c.to, c.path, c.from);
            break;
        case FileChange::Kind::Owner:
            out += QStringLiteral("chown %1 %2   (owner %3 -> %1)\n").arg(c.to, c.path, c.from);
            break;
        }
    }
    // A huge diff (a whole manifest) helps nobody on paper.
    const QStringList lines = out.split(QLatin1Char('\n'));
    if (lines.size() > 60)
        out = lines.mid(0, 60).join(QLatin1Char('\n')) +
              QStringLiteral("\n... (%1 more lines)").arg(lines.size() - 60);
    return out.trimmed();
}

} // namespace kinspect
