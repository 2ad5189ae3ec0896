#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "inventory/Inventory.h"
#include "remediation/RemediationNode.h"
#include "ssh/SshOptions.h"

#include <QObject>
#include <QPointer>

namespace kinspect::ui {

class PromptBridge;
class RemediationWizard;

// The main window's entry to the remediation wizard: which cells can be fixed, the wizard with
// one SSH session per node (prompts through the PromptBridge), and the re-check results handed
// back so the window shows them.
class RemediationLauncher : public QObject
{
    Q_OBJECT

public:
    explicit RemediationLauncher(PromptBridge *bridge, QObject *parent = nullptr);

    // Tests replace the SSH transport (nullptr: SSH).
    void setNodeFactory(RemediationNodeFactory factory) { m_factory = std::move(factory); }
    void setLogPath(const QString &path) { m_logPath = path; }
    void setHistoryPath(const QString &path) { m_historyPath = path; }

    // The control has a machine fix and fails on at least one node (on `nodeIndex` when >= 0).
    static bool canFix(const Benchmark &benchmark, const ClusterResult &result, int controlIndex,
                       int nodeIndex);
    // Opens the wizard (window-modal, not blocking) for control `controlIndex`; the node
    // `nodeIndex` is preselected (or every failing node when it does not fail). nullptr when
    // nothing can be fixed there.
    RemediationWizard *open(QWidget *parent, const Benchmark &benchmark,
                            const ClusterResult &result, const Inventory &inventory,
                            const SshOptions &ssh, int controlIndex, int nodeIndex);
    RemediationWizard *wizard() const { return m_wizard; }

    // Puts `control` into the node's results (by control id); false when absent.
    static bool replaceResult(NodeResult &node, const ControlResult &control);

signals:
    void rechecked(const QString &node, const kinspect::ControlResult &result);

private:
    PromptBridge *m_bridge;
    RemediationNodeFactory m_factory;
    QString m_logPath;
    QString m_historyPath;
    QPointer<RemediationWizard> m_wizard;
    // The wizard keeps a reference to the benchmark; it lives as long as the wizard.
    std::shared_ptr<Benchmark> m_benchmark;
};

} // namespace kinspect::ui
