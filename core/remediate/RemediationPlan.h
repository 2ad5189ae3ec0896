#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "remediate/LineDiff.h"
#include "snapshot/NodeSnapshot.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kinspect {

// A parameter of a fix (catalog `fix.params`), with its default resolved on the node.
struct RemediationParam
{
    QString name;
    QString label;
    QString defaultValue; // ${...} expanded with the node's path profile
    QString value;        // what the plan uses (default unless the user set it)
    QString validate;     // fileExists | dirExists | none
};

// One change to one file on the node.
struct FileChange
{
    enum class Kind
    {
        Content, // a text edit (diff below)
        Mode,    // chmod
        Owner    // chown
    };
    Kind kind = Kind::Content;
    QString path;
    QStringList what; // one line per catalog action, for people ("set --profiling=false")
    // Content
    QByteArray before; // the real file as read from the node (or the snapshot in offline plans)
    QByteArray after;
    QByteArray beforeSha256; // hex, of `before`; the node must still have exactly this
    QByteArray afterSha256;
    LineDiff diff;
    // The scan holds a redacted copy (the file carries secrets): its diff is shown to the user
    // but not written to the remediation log.
    bool sensitive = false;
    // Mode / Owner
    QString from; // "644", "deploy:root"
    QString to;   // "600", "root:root"
};

// What must happen after writing for the change to take effect.
enum class FollowUp
{
    None,          // file modes, owners: nothing to restart
    StaticPodWait, // the kubelet restarts the static pod by itself: wait for the new process
    KubeletRestart // systemctl daemon-reload + systemctl restart kubelet (needs confirmation)
};
QString followUpName(FollowUp f); // "none", "static-pod", "kubelet-restart"

// Everything the wizard shows before the user confirms: parameters, per-file diffs, follow-up.
struct RemediationPlan
{
    QString node;
    QString benchmarkId;
    QString controlId;
    QString controlTitle;
    QList<RemediationParam> params;
    QList<FileChange> changes;
    FollowUp followUp = FollowUp::None;
    QString component; // the component whose process picks the change up
    QStringList notes; // e.g. "already compliant: nothing to change"

    bool isEmpty() const { return changes.isEmpty(); }
    // Unified diff of every content change plus one line per mode/owner change.
    QString unifiedDiff() const;
    // The same for the remediation log: a sensitive file's diff is replaced by a summary.
    QString loggedDiff() const;
    // The commands a person runs for the follow-up ("systemctl daemon-reload", ...).
    QStringList followUpCommands() const;
};

// Turns a control's catalog `fix:` into concrete file changes on one node. Pure (no I/O): the
// session gives it the real contents read from the node. Where a setting comes from is decided
// the way the evaluator decides the effective value: a flag that is given is fixed where it is
// given (static-pod manifest, systemd drop-in Environment= line, EnvironmentFile); otherwise the
// config-file key when the catalog names one and the component uses a --config file; otherwise
// the flag is added (manifest command/args, or KUBELET_EXTRA_ARGS for the kubelet).
class RemediationPlanner
{
public:
    RemediationPlanner(const Benchmark &benchmark, const Control &control,
                       const NodeSnapshot &snapshot, const ControlResult &result);

    // The fix's parameters with defaults from the node; empty when the control has no fix.
    QList<RemediationParam> parameters() const;

    // `values`: parameter overrides (name -> value); an unknown name is an error.
    // `contents`: real file contents by path (read from the node); files not given are taken
    // from the snapshot (refused when the snapshot holds a redacted copy).
    Expected<RemediationPlan> plan(const QMap<QString, QString> &values,
                                   const QHash<QString, QByteArray> &contents = {}) const;

    // Files whose content the plan edits (read them from the node before calling plan()).
    Expected<QStringList> filesToEdit(const QMap<QString, QString> &values) const;

private:
    const Benchmark &m_benchmark;
    const Control &m_control;
    const NodeSnapshot &m_snapshot;
    const ControlResult &m_result;
};

} // namespace kinspect
