#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "snapshot/NodeSnapshot.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace kinspect {

// The change a control's fix would make on a node, planned offline from the node's snapshot
// (RemediationPlanner with default parameters): a unified diff per edited file and a line per
// chmod/chown. Files holding secrets (redacted in the snapshot) get a one-line summary, never
// their content: a report travels further than the admin's screen. Empty when the control has no
// fix, the snapshot is missing or the planner refuses.
class RemediationPreview
{
public:
    RemediationPreview(const Benchmark &benchmark, const ClusterResult &result,
                       const QList<QByteArray> &snapshots)
        : m_benchmark(benchmark), m_result(result), m_snapshots(snapshots)
    {}

    QString diff(int nodeIndex, const ControlResult &result) const;

private:
    const Benchmark &m_benchmark;
    const ClusterResult &m_result;
    const QList<QByteArray> &m_snapshots;
    mutable QHash<int, std::optional<NodeSnapshot>> m_parsed; // parsed once per node
};

} // namespace kinspect
