#pragma once

#include <QHash>
#include <QMap>
#include <QString>

namespace kinspect {

// Where a distribution keeps the files the benchmark audits. The catalog names them as ${var}.
struct PathProfile
{
    QString name; // kubeadm | k3s | rke2
    QHash<QString, QString> vars;

    // kubeadm (the default, also for "unknown"), k3s or rke2. A variable the distribution does
    // not have is absent (k3s has no kubelet config file by default).
    static PathProfile forDistribution(const QString &distribution);
    // The distribution's defaults overridden by what the collector saw on the node (the kubelet's
    // real --config, staticPodPath, etcd's --data-dir, ...).
    static PathProfile forSnapshot(const QString &distribution, const QMap<QString, QString> &seen);
    // Replaces every ${var}; unknown variables are left as they are (and reported by the caller).
    QString expand(const QString &text) const;
};

} // namespace kinspect
