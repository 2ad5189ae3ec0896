#include "remediation/RemediationLauncher.h"

#include "prompts/PromptBridge.h"
#include "remediation/RemediationWizard.h"
#include "ssh/SshCommandRunner.h"
#include "store/ScanHistory.h"

namespace kinspect::ui {

RemediationLauncher::RemediationLauncher(PromptBridge *bridge, QObject *parent)
    : QObject(parent), m_bridge(bridge)
{}

bool RemediationLauncher::canFix(const Benchmark &benchmark, const ClusterResult &result,
                                 int controlIndex, int nodeIndex)
{
    if (controlIndex < 0 || controlIndex >= benchmark.controls.size() ||
        !benchmark.controls[controlIndex].fix)
        return false;
    const QString id = benchmark.controls[controlIndex].id;
    for (int n = 0; n < result.nodes.size(); ++n) {
        if (nodeIndex >= 0 && n != nodeIndex)
            continue;
        for (const ControlResult &c : result.nodes[n].results)
            if (c.controlId == id && c.status == Status::Fail)
                return true;
    }
    return false;
}

RemediationWizard *RemediationLauncher::open(QWidget *parent, const Benchmark &benchmark,
                                             const ClusterResult &result,
                                             const Inventory &inventory, const SshOptions &ssh,
                                             int controlIndex, int nodeIndex)
{
    if (m_wizard) {
        m_wizard->raise();
        return nullptr;
    }
    if (!canFix(benchmark, result, controlIndex, -1))
        return nullptr;
    m_benchmark = std::make_shared<Benchmark>(benchmark);
    const QString id = benchmark.controls[controlIndex].id;
    QList<RemediationTarget> targets;
    QStringList preselected;
    for (int n = 0; n < result.nodes.size(); ++n) {
        const NodeSpec *spec = inventory.node(result.nodes[n].name);
        if (!spec)
            continue;
        for (const ControlResult &c : result.nodes[n].results)
            if (c.controlId == id && c.status == Status::Fail) {
                targets << RemediationTarget{*spec, c};
                if (n == nodeIndex)
                    preselected << spec->name;
            }
    }
    if (targets.isEmpty())
        return nullptr;
    if (preselected.isEmpty())
        for (const RemediationTarget &t : std::as_const(targets))
            preselected << t.node.name;

    // A scan cancelled earlier leaves the bridge answering "cancel": the wizard asks again.
    m_bridge->setCancelled(false);
    RemediationNodeFactory factory = m_factory;
    if (!factory) {
        PromptBridge *bridge = m_bridge;
        std::shared_ptr<Benchmark> bench = m_benchmark;
        factory = [bridge, ssh, inventory, bench](const NodeSpec &node) {
            SshOptions o = ssh;
            o.commandTimeoutSec = std::max(o.commandTimeoutSec, 300);
            o.hostKeyPrompt = [bridge](const HostKeyInfo &info) {
                return bridge->askHostKey(info);
            };
            o.secretPrompt = [bridge, name = node.name](const QString &prompt, QByteArray *secret) {
                return bridge->askSecret(name, prompt, secret);
            };
            return std::unique_ptr<IRemediationNode>(new SessionRemediationNode(
                std::make_unique<SshCommandRunner>(node, inventory, o), node, *bench));
        };
    }
    auto *w = new RemediationWizard(*m_benchmark, id, targets, preselected, factory, parent);
    w->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_logPath.isEmpty())
        w->setLogPath(m_logPath);
    w->setHistoryPath(m_historyPath.isEmpty() ? ScanHistory::defaultPath() : m_historyPath);
    connect(w, &RemediationWizard::nodeRechecked, this, &RemediationLauncher::rechecked);
    m_wizard = w;
    w->setWindowModality(Qt::WindowModal);
    w->show();
    return w;
}

bool RemediationLauncher::replaceResult(NodeResult &node, const ControlResult &control)
{
    for (ControlResult &c : node.results)
        if (c.controlId == control.controlId) {
            c = control;
            return true;
        }
    return false;
}

} // namespace kinspect::ui
