#pragma once

#include "catalog/Catalog.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace kinspect {

enum class Status
{
    Pass,
    Fail,
    Manual,
    Error,
    NotApplicable,
    Waived
};
QString statusName(Status s); // "PASS", "FAIL", "MANUAL", "ERROR", "NOT_APPLICABLE", "WAIVED"
std::optional<Status> statusFromName(const QString &name);
constexpr int kStatusCount = 6;

// One fact behind a verdict: where the value came from, what it was, what was expected, and the
// command a person can run on the node to see the same thing.
struct Evidence
{
    QString source; // argv | config | default | unset | stat | file | process | note
    QString path;   // file on the node (config file, manifest, stat'ed path) or /proc/<pid>/cmdline
    QString key;    // flag name, config key path, or "mode"/"owner"
    QString actual; // the effective value ("" when unset)
    QString expected; // e.g. "eq false", "bitmask 600"
    QString command;  // e.g. "stat -c '%a' /etc/kubernetes/manifests/kube-apiserver.yaml"
    bool passed = false;
};

// An accepted risk applied to a result (core/store/Waiver.h): who accepted it, why, until when.
struct AppliedWaiver
{
    QString id;
    QString justification;
    QString owner;
    QDate expires; // the last day the waiver holds
};

struct ControlResult
{
    QString controlId;
    Status status = Status::Error;
    QString reason; // one sentence for a person (why this status)
    QList<Evidence> evidence;
    QString remediationFile;          // the file a fix would edit on this node, if known
    std::optional<Status> manualHint; // for MANUAL controls with a check: what the data suggests
    // Set by applyWaivers(): the status before the waiver (status is then WAIVED) and the waiver.
    std::optional<Status> originalStatus;
    std::optional<AppliedWaiver> waiver;
};

struct NodeResult
{
    QString name;
    QString host;
    QStringList roles;    // declared + detected, e.g. control-plane, etcd, worker
    QString distribution; // kubeadm, k3s, rke2, unknown
    QString kubernetesVersion;
    bool audited = false; // false: the node could not be audited (see errorKind/errorMessage)
    QString errorKind;    // unreachable | timeout | host-key | auth | sudo | collect | parse | ...
    QString errorMessage;
    QDateTime collectedAt;
    QList<ControlResult> results; // in catalog order

    int count(Status s) const
    {
        int n = 0;
        for (const auto &r : results)
            n += r.status == s;
        return n;
    }
};

// One scan (or one offline evaluation) of a cluster.
struct ClusterResult
{
    QString cluster;
    QString benchmarkId;
    QDateTime startedAt;
    QDateTime finishedAt;
    QList<NodeResult> nodes;

    // Counts per status over every node's results.
    QHash<Status, int> summary() const
    {
        QHash<Status, int> out;
        for (const auto &n : nodes)
            for (const auto &r : n.results)
                ++out[r.status];
        return out;
    }
};

// DESIGN.md exit codes: 2 when a node (or a control) could not be audited, else 1 when anything
// failed, else 0. (64, bad usage, is the CLI's own.)
inline int exitCodeFor(const ClusterResult &result)
{
    bool fail = false;
    for (const auto &n : result.nodes) {
        if (!n.audited)
            return 2;
        for (const auto &r : n.results) {
            if (r.status == Status::Error)
                return 2;
            fail = fail || r.status == Status::Fail;
        }
    }
    return fail ? 1 : 0;
}

} // namespace kinspect
