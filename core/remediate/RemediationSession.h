#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "inventory/Inventory.h"
#include "remediate/RemediationLog.h"
#include "remediate/RemediationPlan.h"
#include "scan/ICommandRunner.h"
#include "snapshot/NodeSnapshot.h"
#include "util/Expected.h"

#include <QMap>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace kinspect {

struct RemediationOptions
{
    bool validateParams = true; // check parameters on the node before writing
    bool autoRollback = true;   // roll back when the component does not come back
    int waitSeconds = 90;       // for the component to come back after a change
    int stableSeconds = 3;      // the new process must stay up this long
    QString backupRoot = QStringLiteral("/var/lib/kinspect/backups");
    std::function<void(const QString &)> progress; // one line per step, for people
    const std::atomic_bool *cancel = nullptr;
};

// What apply() wrote, so rollback() can undo it.
struct ApplyResult
{
    QString backupDir;
    QList<RemediationRecord::Item> items;
};

// Guided remediation of ONE control on ONE node over an ICommandRunner (SSH in the product).
// Blocking; run it on a worker thread. The GUI wizard drives the steps one by one:
//   audit()/setSnapshot() -> parameters() -> plan() (diff per file) -> validate() -> apply()
//   -> followUp() -> recheck() -> [rollback()]
// and the CLI uses applyAndVerify(), which chains apply, follow-up, automatic rollback and the
// re-check and returns the record for the remediation log.
class RemediationSession
{
public:
    RemediationSession(ICommandRunner *runner, NodeSpec node, const Benchmark &benchmark,
                       RemediationOptions options = {});

    // Collects the node (one collector run) and evaluates the control.
    Expected<ControlResult> audit(const QString &controlId);
    // Uses a snapshot from a scan instead (the plan refuses files changed since then).
    void setSnapshot(const NodeSnapshot &snapshot);
    const NodeSnapshot &snapshot() const { return m_snapshot; }
    const ControlResult &result() const { return m_result; }

    QList<RemediationParam> parameters(const QString &controlId) const;

    // Reads every file to edit fresh from the node; refuses ("changed since the scan") when its
    // sha256 differs from the snapshot's; builds the per-file diffs.
    Expected<RemediationPlan> plan(const QString &controlId,
                                   const QMap<QString, QString> &values = {});
    // Checks the parameters on the node (file exists ...). nullopt: all good.
    std::optional<Error> validate(const RemediationPlan &plan);
    // Backs up and writes every change (atomic replace, mode/owner/label kept).
    Expected<ApplyResult> apply(const RemediationPlan &plan);

    enum class FollowUpState
    {
        Done,
        NeedsConfirmation, // kubelet restart not confirmed: nothing restarted
        Failed             // the component did not come back within waitSeconds
    };
    // Waits for the static pod's new process, or (when confirmed) reloads systemd and restarts
    // the kubelet and waits for it to stay up.
    FollowUpState followUp(const RemediationPlan &plan, bool restartConfirmed,
                           QString *message = nullptr);
    // One collector run + evaluation of the control.
    Expected<ControlResult> recheck(const QString &controlId);
    // Restores every file from its backup (refused for a file changed since we wrote it), then
    // the follow-up again (restarting the kubelet when `restart`).
    std::optional<Error> rollback(const RemediationPlan &plan, const ApplyResult &applied,
                                  bool restart);
    // Restores from a log record (`kinspect-cli remediate --rollback`); a kubelet change is
    // followed by a kubelet restart only when `restart` (confirmed).
    std::optional<Error> rollback(const RemediationRecord &record, bool restart);

    // apply -> followUp -> (automatic rollback on failure) -> recheck; never throws, the
    // outcome and the message say what happened.
    RemediationRecord applyAndVerify(const RemediationPlan &plan, bool restartConfirmed);

    // PASS, or a manual control whose collected data suggests PASS.
    static bool passes(const ControlResult &result);

    // A record pre-filled with who/where/what for `plan`.
    RemediationRecord record(const RemediationPlan &plan, const QString &action) const;

    // The node-side script (resource) and the command that runs one of its modes.
    static QByteArray script();
    static RemoteCommand scriptCommand(const QStringList &args, const QByteArray &data = {});

private:
    Expected<QList<QByteArray>> runScript(const QStringList &args, const QByteArray &data = {},
                                          int *exitStatus = nullptr);
    Expected<NodeSnapshot> collect();
    void say(const QString &line) const;
    bool waitForProcess(const QString &component,
                        const std::function<bool(const ProcessInfo &)> &ok, QString *message);

    ICommandRunner *m_runner;
    NodeSpec m_node;
    const Benchmark &m_benchmark;
    RemediationOptions m_options;
    NodeSnapshot m_snapshot;
    ControlResult m_result;
    bool m_haveSnapshot = false;
};

} // namespace kinspect
