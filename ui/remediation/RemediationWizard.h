#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "inventory/Inventory.h"
#include "remediate/RemediationLog.h"
#include "remediate/RemediationPlan.h"
#include "remediation/RemediationNode.h"

#include <QList>
#include <QWizard>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTextBrowser;
class QThread;

namespace kinspect::ui {

class SideBySideDiffModel;

// A node the wizard may fix: its inventory entry and the control's result from the scan.
struct RemediationTarget
{
    NodeSpec node;
    ControlResult current;
};

// Walks a person through fixing one failed control on one or several nodes: why it matters and
// the evidence per node, the fix's parameters (defaults from each node), the plan per node
// (unified and side-by-side diff, the follow-up), confirmation, progress per node, and the
// re-check with a rollback button per node. Each node has its own IRemediationNode on its own
// worker thread; the GUI thread never waits for a node. Every apply and rollback is appended to
// the remediation log (and to the scan history's remediation table when a path is set).
class RemediationWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        WhyPage,
        ParamsPage,
        PlanPage,
        ConfirmPage,
        ProgressPage,
        ResultPage
    };

    RemediationWizard(const Benchmark &benchmark, const QString &controlId,
                      const QList<RemediationTarget> &candidates, const QStringList &preselected,
                      RemediationNodeFactory factory, QWidget *parent = nullptr);
    ~RemediationWizard() override;

    // JSONL log (default RemediationLog::defaultPath()); history database for
    // RemediationStore ("" = do not store there).
    void setLogPath(const QString &path) { m_logPath = path; }
    void setHistoryPath(const QString &path) { m_historyPath = path; }

    QStringList chosenNodes() const;
    // True while any node is working (audit, plan, apply, rollback).
    bool isBusy() const;
    // The record of the last apply/rollback of `node` (empty when none).
    RemediationRecord record(const QString &node) const;
    // The plan of `node` (nullptr when none).
    const RemediationPlan *plan(const QString &node) const;
    SideBySideDiffModel *sideBySideModel() const { return m_sideModel; }

    void initializePage(int id) override;
    bool validateCurrentPage() override;
    int nextId() const override;

signals:
    // A node's control was audited again (after an apply or a rollback): the main window shows
    // the new result.
    void nodeRechecked(const QString &node, const kinspect::ControlResult &result);
    // Every node's step of the current page is done (tests wait for it).
    void stepFinished(int pageId);

public slots:
    void reject() override;
    void cancelRunning();

private:
    struct NodeRun
    {
        RemediationTarget target;
        std::unique_ptr<IRemediationNode> backend;
        QThread *thread = nullptr;
        QObject *worker = nullptr; // lives in `thread`; jobs are queued to it
        bool busy = false;
        QString error; // this node is out of the run (audit/plan failed ...)
        std::optional<ControlResult> audited;
        QList<RemediationParam> params;
        std::optional<RemediationPlan> plan;
        QString validateError;
        RemediationRecord record;
        bool applied = false;
        QString step;
        QString lastLine;
    };

    void buildPages();
    void post(int run, std::function<void()> job);
    NodeRun *run(const QString &node);
    int runIndex(const QString &node) const;
    QList<int> activeRuns() const; // chosen nodes without an error
    void startAudits();
    void startPlans();
    void startApplies();
    void rollbackNode(const QString &node);
    void stepDone(int page);
    void showPlanOf(int comboIndex);
    void fitSideColumns();
    void updateWhyEvidence();
    void fillParamsTable();
    void fillProgressTable();
    void fillResultTable();
    void fillConfirm();
    void writeLog(const RemediationRecord &record);
    QString stepName(const QString &line) const;
    QString outcomeText(const QString &outcome) const;
    bool restartConfirmed() const;

    const Benchmark &m_benchmark;
    const Control *m_control;
    QString m_controlId;
    QList<RemediationTarget> m_candidates;
    RemediationNodeFactory m_factory;
    QList<NodeRun *> m_runs;
    QString m_logPath;
    QString m_historyPath;
    int m_pending = 0;

    // Why
    QLabel *m_title = nullptr;
    QTextBrowser *m_why = nullptr;
    QListWidget *m_nodeList = nullptr;
    QTextBrowser *m_evidence = nullptr;
    // Parameters
    QLabel *m_paramsStatus = nullptr;
    QTableWidget *m_params = nullptr;
    // Plan
    QLabel *m_planStatus = nullptr;
    QComboBox *m_planNode = nullptr;
    QLabel *m_planNotes = nullptr;
    QTabWidget *m_diffTabs = nullptr;
    QPlainTextEdit *m_unified = nullptr;
    QTableView *m_sideView = nullptr;
    SideBySideDiffModel *m_sideModel = nullptr;
    QLabel *m_followUp = nullptr;
    QCheckBox *m_restart = nullptr;
    // Confirm
    QLabel *m_confirmSummary = nullptr;
    QCheckBox *m_confirm = nullptr;
    // Progress
    QTableWidget *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    // Result
    QTableWidget *m_resultTable = nullptr;
    QLabel *m_logLabel = nullptr;
};

} // namespace kinspect::ui
