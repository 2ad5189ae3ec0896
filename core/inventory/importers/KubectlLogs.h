#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace kinspect {

// The pod-log side of `kinspect-cli k8s-manifest`: each collector pod prints
//   KINSPECT-NODE-BEGIN <node name>
//   <the snapshot, as the collector prints it>
//   KINSPECT-NODE-END <node name> <collector exit code>
// `kubectl logs` may concatenate several pods' logs and, with --prefix, put "[pod/NAME/CONTAINER] "
// before every line; both are accepted.
inline constexpr char KubectlLogBeginMarker[] = "KINSPECT-NODE-BEGIN";
inline constexpr char KubectlLogEndMarker[] = "KINSPECT-NODE-END";

struct LoggedSnapshot
{
    QString node;
    QByteArray data; // the snapshot's bytes, ready for parseSnapshot()
    int line = 0;    // line of the BEGIN marker in the log
};

// Splits a log into per-node snapshots. A node that appears twice keeps its last complete
// snapshot (a restarted pod). Errors: no BEGIN marker at all, a BEGIN without its END (truncated
// log: the line is named), or a collector that exited non-zero.
Expected<QList<LoggedSnapshot>> splitKubectlLogs(const QByteArray &log, const QString &sourceName);

} // namespace kinspect
