#pragma once

#include "snapshot/NodeSnapshot.h"

#include <QString>
#include <QStringList>

namespace kinspect {

// `path` is `unit`.service or one of its *.conf drop-ins in a systemd unit directory
// (/etc/systemd/system, /run/systemd/system, /usr/lib/systemd/system, /lib/systemd/system).
bool isSystemdUnitFile(const QString &path, const QString &unit);

// The collected files that can carry the kubelet's flags, where the evaluator attributes a flag
// and the remediation edits it: the kubelet's units and drop-ins (sorted), then the
// EnvironmentFiles they name and the usual env files (kubeadm-flags.env, /etc/default/kubelet,
// /etc/sysconfig/kubelet), each once, in that order.
QStringList kubeletFlagFiles(const NodeSnapshot &snapshot);

} // namespace kinspect
