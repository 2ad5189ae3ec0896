#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "inventory/Inventory.h"
#include "remediate/RemediationLog.h"
#include "remediate/RemediationPlan.h"
#include "util/Expected.h"

#include <QMap>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace kinspect {
class ICommandRunner;
}

namespace kinspect::ui {

// The remediation of one control on one node as the wizard drives it. Every call blocks and is
// made on that node's worker thread, never on the GUI thread. The product wraps a
// RemediationSession over SSH (SessionRemediationNode); tests give a fake.
class IRemediationNode
{
public:
    virtual ~IRemediationNode() = default;
    // Collects the node and evaluates the control (the state the plan starts from).
    virtual Expected<ControlResult> audit(const QString &controlId) = 0;
    virtual QList<RemediationParam> parameters(const QString &controlId) = 0;
    virtual Expected<RemediationPlan> plan(const QString &controlId,
                                           const QMap<QString, QString> &values) = 0;
    virtual std::optional<Error> validate(const RemediationPlan &plan) = 0;
    // Backup, write, follow-up, automatic rollback, re-check. `progress` gets one line per step.
    virtual RemediationRecord
    applyAndVerify(const RemediationPlan &plan, bool restartConfirmed,
                   const std::function<void(const QString &)> &progress) = 0;
    // Thread-safe (called from the GUI thread): stops the waits of the running step. A write is
    // never interrupted half way.
    virtual void requestCancel() = 0;
    virtual std::optional<Error> rollback(const RemediationRecord &record, bool restart) = 0;
    virtual Expected<ControlResult> recheck(const QString &controlId) = 0;
};

using RemediationNodeFactory =
    std::function<std::unique_ptr<IRemediationNode>(const NodeSpec &node)>;

// RemediationSession over a runner (SshCommandRunner in the product). Owns the runner.
class SessionRemediationNode : public IRemediationNode
{
public:
    SessionRemediationNode(std::unique_ptr<ICommandRunner> runner, const NodeSpec &node,
                           const Benchmark &benchmark, int waitSeconds = 90);
    ~SessionRemediationNode() override;

    Expected<ControlResult> audit(const QString &controlId) override;
    QList<RemediationParam> parameters(const QString &controlId) override;
    Expected<RemediationPlan> plan(const QString &controlId,
                                   const QMap<QString, QString> &values) override;
    std::optional<Error> validate(const RemediationPlan &plan) override;
    RemediationRecord applyAndVerify(const RemediationPlan &plan, bool restartConfirmed,
                                     const std::function<void(const QString &)> &progress) override;
    void requestCancel() override;
    std::optional<Error> rollback(const RemediationRecord &record, bool restart) override;
    Expected<ControlResult> recheck(const QString &controlId) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kinspect::ui
