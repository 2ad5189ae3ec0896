#include "remediation/RemediationNode.h"

#include "remediate/RemediationSession.h"
#include "scan/ICommandRunner.h"

namespace kinspect::ui {

struct SessionRemediationNode::Private
{
    std::unique_ptr<ICommandRunner> runner;
    // The session's progress and cancel are set once; they forward to what the current call
    // asked for (the options are copied into the session).
    std::function<void(const QString &)> progress;
    std::atomic_bool cancel{false};
    std::unique_ptr<RemediationSession> session;
};

SessionRemediationNode::SessionRemediationNode(std::unique_ptr<ICommandRunner> runner,
                                               const NodeSpec &node, const Benchmark &benchmark,
                                               int waitSeconds)
    : d(std::make_unique<Private>())
{
    d->runner = std::move(runner);
    RemediationOptions o;
    o.waitSeconds = waitSeconds;
    Private *p = d.get();
    o.progress = [p](const QString &line) {
        if (p->progress)
            p->progress(line);
    };
    o.cancel = &d->cancel;
    d->session = std::make_unique<RemediationSession>(d->runner.get(), node, benchmark, o);
}

SessionRemediationNode::~SessionRemediationNode()
{
    d->session.reset();
    if (d->runner)
        d->runner->disconnect();
}

Expected<ControlResult> SessionRemediationNode::audit(const QString &controlId)
{
    return d->session->audit(controlId);
}

QList<RemediationParam> SessionRemediationNode::parameters(const QString &controlId)
{
    return d->session->parameters(controlId);
}

Expected<RemediationPlan> SessionRemediationNode::plan(const QString &controlId,
                                                       const QMap<QString, QString> &values)
{
    return d->session->plan(controlId, values);
}

std::optional<Error> SessionRemediationNode::validate(const RemediationPlan &plan)
{
    return d->session->validate(plan);
}

RemediationRecord
SessionRemediationNode::applyAndVerify(const RemediationPlan &plan, bool restartConfirmed,
                                       const std::function<void(const QString &)> &progress)
{
    d->progress = progress;
    d->cancel = false;
    RemediationRecord rec = d->session->applyAndVerify(plan, restartConfirmed);
    d->progress = nullptr;
    return rec;
}

void SessionRemediationNode::requestCancel()
{
    d->cancel = true;
}

std::optional<Error> SessionRemediationNode::rollback(const RemediationRecord &record, bool restart)
{
    d->cancel = false;
    return d->session->rollback(record, restart);
}

Expected<ControlResult> SessionRemediationNode::recheck(const QString &controlId)
{
    return d->session->recheck(controlId);
}

} // namespace kinspect::ui
