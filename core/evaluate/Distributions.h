#pragma once

#include "snapshot/NodeSnapshot.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace kinspect {

// k3s and RKE2 do not run every Kubernetes component as its own process with its own argv:
// k3s runs the API server, controller manager, scheduler, kubelet, kube-proxy (and etcd when
// embedded) inside one `k3s server` process, configured by its own flags, by
// /etc/rancher/k3s/config.yaml (+ config.yaml.d/*.yaml) and by `kube-apiserver-arg`-style
// lists, on top of defaults it sets itself. RKE2 runs the control plane as static pods (in
// /var/lib/rancher/rke2/agent/pod-manifests) and the kubelet as a child of `rke2`.
//
// synthesizeDistributionComponents() rebuilds, from those sources, the argv each component
// effectively runs with, as ProcessInfo entries, so the evaluator and the catalog work
// unchanged. Pure: no I/O. Returns nullopt when there is nothing to add (kubeadm, unknown, or a
// snapshot that already has its components).
std::optional<NodeSnapshot> synthesizeDistributionComponents(const NodeSnapshot &snapshot);

// Building blocks, exposed for tests.
namespace distributions {

// The merged k3s/rke2 configuration: config.yaml, then config.yaml.d/*.yaml in name order (a
// later file overrides a key; `key+:` appends to a list), then the server/agent process's own
// flags (which override the files). Values are strings; list-valued keys keep every item.
struct RancherConfig
{
    QString distribution; // k3s | rke2
    QString mode;         // server | agent
    QMap<QString, QStringList> values;
    QMap<QString, QString> sourceOf; // key -> "argv" or the config file path that set it last
    QStringList warnings;

    QString value(const QString &key, const QString &fallback = QString()) const
    {
        const QStringList v = values.value(key);
        return v.isEmpty() ? fallback : v.last();
    }
    bool flag(const QString &key) const;
};

RancherConfig rancherConfig(const NodeSnapshot &snapshot, const ProcessInfo &process);

// The data dir (`data-dir`, default /var/lib/rancher/<distribution>).
QString dataDir(const RancherConfig &config);

// `--name=value` argv of one component: the distribution's defaults, overridden by the
// `<component>-arg` items of the merged configuration (k3s replaces a default by key).
QStringList componentArgv(const RancherConfig &config, const QString &component,
                          const NodeSnapshot &snapshot);

// Drops the parsed config files kept for the process (see Evaluator::clearCaches).
void clearCaches();

} // namespace distributions

} // namespace kinspect
