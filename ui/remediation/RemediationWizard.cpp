#include "remediation/RemediationWizard.h"

#include "remediation/SideBySideDiffModel.h"
#include "store/RemediationStore.h"

#include <QCheckBox>

#include <QComboBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QThread>
#include <QVBoxLayout>
#include <QWizardPage>
#include <algorithm>

namespace kinspect::ui {

namespace {

// A page whose "Next" waits for the nodes (or for a tick box).
class StepPage : public QWizardPage
{
public:
    std::function<bool()> complete;
    bool isComplete() const override { return complete ? complete() : true; }
    void changed() { emit completeChanged(); }
};

StepPage *stepPage(QWizard *w, int id)
{
    return static_cast<StepPage *>(w->page(id));
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString paragraphs(const QString &text)
{
    QString out;
    for (const QString &p : text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        out += QStringLiteral("<p>%1</p>")
                   .arg(esc(p.trimmed()).replace(QLatin1Char('\n'), QLatin1Char(' ')));
    return out;
}

} // namespace

RemediationWizard::RemediationWizard(const Benchmark &benchmark, const QString &controlId,
                                     const QList<RemediationTarget> &candidates,
                                     const QStringList &preselected, RemediationNodeFactory factory,
                                     QWidget *parent)
    : QWizard(parent), m_benchmark(benchmark), m_control(benchmark.control(controlId)),
      m_controlId(controlId), m_candidates(candidates), m_factory(std::move(factory)),
      m_logPath(RemediationLog::defaultPath())
{
    setObjectName(QStringLiteral("remediationWizard"));
    setWindowTitle(tr("Fix %1").arg(controlId));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    buildPages();
    for (int i = 0; i < m_candidates.size(); ++i) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 \u2014 %2: %3")
                                             .arg(m_candidates[i].node.name,
                                                  statusName(m_candidates[i].current.status),
                                                  m_candidates[i].current.reason),
                                         m_nodeList);
        item->setData(Qt::UserRole, m_candidates[i].node.name);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(preselected.contains(m_candidates[i].node.name) ? Qt::Checked
                                                                            : Qt::Unchecked);
    }
    if (m_nodeList->count() > 0)
        m_nodeList->setCurrentRow(0);
    resize(1240, 700);
}

RemediationWizard::~RemediationWizard()
{
    // Stop the waits of whatever still runs, then wait for every worker before its backend goes.
    cancelRunning();
    for (NodeRun *r : std::as_const(m_runs)) {
        r->thread->quit();
        r->thread->wait();
        delete r->worker;
        delete r;
    }
}

void RemediationWizard::buildPages()
{
    // 1. Why
    auto *why = new StepPage;
    why->setTitle(tr("Why this matters"));
    m_title = new QLabel(why);
    m_title->setObjectName(QStringLiteral("controlTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    if (m_control)
        m_title->setText(QStringLiteral("%1 %2").arg(m_control->id, m_control->title));
    m_why = new QTextBrowser(why);
    m_why->setObjectName(QStringLiteral("whyText"));
    if (m_control)
        m_why->setHtml(QStringLiteral("<h4>%1</h4>%2<h4>%3</h4>%4")
                           .arg(tr("Rationale"), paragraphs(m_control->rationale), tr("Impact"),
                                paragraphs(m_control->impact.isEmpty() ? tr("None stated.")
                                                                       : m_control->impact)));
    m_nodeList = new QListWidget(why);
    m_nodeList->setObjectName(QStringLiteral("nodeList"));
    m_evidence = new QTextBrowser(why);
    m_evidence->setObjectName(QStringLiteral("evidenceText"));
    auto *nodesLabel = new QLabel(tr("&Nodes to fix (failing this control):"), why);
    nodesLabel->setBuddy(m_nodeList);
    auto *wl = new QVBoxLayout(why);
    wl->addWidget(m_title);
    wl->addWidget(m_why, 2);
    wl->addWidget(nodesLabel);
    auto *split = new QSplitter(Qt::Horizontal, why);
    split->addWidget(m_nodeList);
    split->addWidget(m_evidence);
    wl->addWidget(split, 2);
    why->complete = [this] { return !chosenNodes().isEmpty(); };
    connect(m_nodeList, &QListWidget::itemChanged, why, &StepPage::changed);
    connect(m_nodeList, &QListWidget::currentRowChanged, this,
            &RemediationWizard::updateWhyEvidence);
    setPage(WhyPage, why);

    // 2. Parameters
    auto *params = new StepPage;
    params->setTitle(tr("Parameters"));
    params->setSubTitle(tr("Defaults are taken from each node; they are checked on the node "
                           "before anything is written."));
    m_paramsStatus = new QLabel(params);
    m_paramsStatus->setObjectName(QStringLiteral("paramsStatus"));
    m_paramsStatus->setWordWrap(true);
    m_paramsStatus->setTextFormat(Qt::PlainText);
    m_params = new QTableWidget(0, 4, params);
    m_params->setObjectName(QStringLiteral("paramsTable"));
    m_params->setHorizontalHeaderLabels({tr("Node"), tr("Parameter"), tr("Value"), tr("Default")});
    m_params->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_params->verticalHeader()->hide();
    auto *pl = new QVBoxLayout(params);
    pl->addWidget(m_paramsStatus);
    pl->addWidget(m_params);
    params->complete = [this] { return m_pending == 0 && !activeRuns().isEmpty(); };
    setPage(ParamsPage, params);

    // 3. Plan
    auto *plan = new StepPage;
    plan->setTitle(tr("The change per node"));
    m_planStatus = new QLabel(plan);
    m_planStatus->setObjectName(QStringLiteral("planStatus"));
    m_planStatus->setWordWrap(true);
    m_planStatus->setTextFormat(Qt::PlainText);
    m_planNode = new QComboBox(plan);
    m_planNode->setObjectName(QStringLiteral("planNodeCombo"));
    auto *nodeLabel = new QLabel(tr("N&ode:"), plan);
    nodeLabel->setBuddy(m_planNode);
    m_planNotes = new QLabel(plan);
    m_planNotes->setObjectName(QStringLiteral("planNotes"));
    m_planNotes->setWordWrap(true);
    m_planNotes->setTextFormat(Qt::PlainText);
    m_diffTabs = new QTabWidget(plan);
    m_diffTabs->setObjectName(QStringLiteral("diffTabs"));
    m_sideView = new QTableView(m_diffTabs);
    m_sideView->setObjectName(QStringLiteral("sideBySideView"));
    m_sideModel = new SideBySideDiffModel(this);
    m_sideView->setModel(m_sideModel);
    m_sideView->verticalHeader()->hide();
    m_sideView->setShowGrid(false);
    m_sideView->setWordWrap(false);
    // Both sides equally wide and never elided (the new value is at the end of the line): at
    // least half the view each, wider when a line needs it (then the view scrolls sideways).
    m_sideView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_sideView->setTextElideMode(Qt::ElideNone);
    m_sideView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_sideView->verticalHeader()->setDefaultSectionSize(m_sideView->fontMetrics().height() + 4);
    m_unified = new QPlainTextEdit(m_diffTabs);
    m_unified->setObjectName(QStringLiteral("unifiedDiff"));
    m_unified->setReadOnly(true);
    m_unified->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_unified->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diffTabs->addTab(m_sideView, tr("Side by side"));
    m_diffTabs->addTab(m_unified, tr("Unified"));
    m_followUp = new QLabel(plan);
    m_followUp->setObjectName(QStringLiteral("followUpLabel"));
    m_followUp->setWordWrap(true);
    m_followUp->setTextFormat(Qt::PlainText);
    m_restart = new QCheckBox(
        tr("&Restart the kubelet afterwards (systemctl daemon-reload and restart kubelet)"), plan);
    m_restart->setObjectName(QStringLiteral("restartCheck"));
    auto *ll = new QVBoxLayout(plan);
    ll->addWidget(m_planStatus);
    auto *nodeRow = new QHBoxLayout;
    nodeRow->addWidget(nodeLabel);
    nodeRow->addWidget(m_planNode, 1);
    ll->addLayout(nodeRow);
    ll->addWidget(m_planNotes);
    ll->addWidget(m_diffTabs, 1);
    ll->addWidget(m_followUp);
    ll->addWidget(m_restart);
    plan->complete = [this] {
        if (m_pending != 0)
            return false;
        for (int i : activeRuns())
            if (m_runs[i]->plan && !m_runs[i]->plan->isEmpty())
                return true;
        return false;
    };
    connect(m_planNode, &QComboBox::currentIndexChanged, this, &RemediationWizard::showPlanOf);
    setPage(PlanPage, plan);

    // 4. Confirm
    auto *confirm = new StepPage;
    confirm->setTitle(tr("Confirm"));
    m_confirmSummary = new QLabel(confirm);
    m_confirmSummary->setObjectName(QStringLiteral("confirmSummary"));
    m_confirmSummary->setWordWrap(true);
    m_confirmSummary->setTextFormat(Qt::PlainText);
    m_confirm = new QCheckBox(tr("I have reviewed the changes; &write them to the nodes"), confirm);
    m_confirm->setObjectName(QStringLiteral("confirmCheck"));
    auto *cl = new QVBoxLayout(confirm);
    cl->addWidget(m_confirmSummary);
    cl->addStretch(1);
    cl->addWidget(m_confirm);
    confirm->complete = [this] { return m_confirm->isChecked(); };
    connect(m_confirm, &QCheckBox::toggled, confirm, &StepPage::changed);
    confirm->setCommitPage(true);
    confirm->setButtonText(QWizard::CommitButton, tr("&Apply"));
    setPage(ConfirmPage, confirm);

    // 5. Progress
    auto *progress = new StepPage;
    progress->setTitle(tr("Applying"));
    progress->setSubTitle(tr("Backup, write, follow-up and re-check, on every node in "
                             "parallel. A node that fails does not stop the others."));
    m_progress = new QTableWidget(0, 3, progress);
    m_progress->setObjectName(QStringLiteral("progressTable"));
    m_progress->setHorizontalHeaderLabels({tr("Node"), tr("Step"), tr("Details")});
    m_progress->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_progress->verticalHeader()->hide();
    m_progress->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cancel = new QPushButton(tr("S&top waiting"), progress);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Stops the waits for the component; a file being written is "
                            "finished first, and a change that did not come back is rolled "
                            "back."));
    connect(m_cancel, &QPushButton::clicked, this, &RemediationWizard::cancelRunning);
    auto *gl = new QVBoxLayout(progress);
    gl->addWidget(m_progress);
    gl->addWidget(m_cancel, 0, Qt::AlignRight);
    progress->complete = [this] { return m_pending == 0; };
    progress->setCommitPage(true);
    progress->setButtonText(QWizard::CommitButton, tr("&Results"));
    setPage(ProgressPage, progress);

    // 6. Result
    auto *result = new StepPage;
    result->setTitle(tr("Result"));
    m_resultTable = new QTableWidget(0, 5, result);
    m_resultTable->setObjectName(QStringLiteral("resultTable"));
    m_resultTable->setHorizontalHeaderLabels(
        {tr("Node"), tr("Outcome"), tr("Re-check"), tr("Message"), QString()});
    m_resultTable->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_resultTable->verticalHeader()->hide();
    m_resultTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_logLabel = new QLabel(result);
    m_logLabel->setObjectName(QStringLiteral("logLabel"));
    m_logLabel->setWordWrap(true);
    m_logLabel->setTextFormat(Qt::PlainText);
    auto *rl = new QVBoxLayout(result);
    rl->addWidget(m_resultTable);
    rl->addWidget(m_logLabel);
    result->complete = [this] { return m_pending == 0; };
    setPage(ResultPage, result);
}

QStringList RemediationWizard::chosenNodes() const
{
    QStringList out;
    for (int i = 0; i < m_nodeList->count(); ++i)
        if (m_nodeList->item(i)->checkState() == Qt::Checked)
            out << m_nodeList->item(i)->data(Qt::UserRole).toString();
    return out;
}

bool RemediationWizard::isBusy() const
{
    return m_pending > 0;
}

int RemediationWizard::runIndex(const QString &node) const
{
    for (int i = 0; i < m_runs.size(); ++i)
        if (m_runs[i]->target.node.name == node)
            return i;
    return -1;
}

RemediationWizard::NodeRun *RemediationWizard::run(const QString &node)
{
    const int i = runIndex(node);
    return i < 0 ? nullptr : m_runs[i];
}

RemediationRecord RemediationWizard::record(const QString &node) const
{
    const int i = runIndex(node);
    return i < 0 ? RemediationRecord{} : m_runs[i]->record;
}

const RemediationPlan *RemediationWizard::plan(const QString &node) const
{
    const int i = runIndex(node);
    return i < 0 || !m_runs[i]->plan ? nullptr : &*m_runs[i]->plan;
}

QList<int> RemediationWizard::activeRuns() const
{
    QList<int> out;
    const QStringList chosen = chosenNodes();
    for (int i = 0; i < m_runs.size(); ++i)
        if (chosen.contains(m_runs[i]->target.node.name) && m_runs[i]->error.isEmpty())
            out << i;
    return out;
}

void RemediationWizard::post(int i, std::function<void()> job)
{
    NodeRun *r = m_runs[i];
    r->busy = true;
    ++m_pending;
    QMetaObject::invokeMethod(r->worker, std::move(job), Qt::QueuedConnection);
}

void RemediationWizard::stepDone(int pageId)
{
    --m_pending;
    if (auto *p = stepPage(this, pageId))
        p->changed();
    if (m_pending == 0)
        emit stepFinished(pageId);
}

void RemediationWizard::updateWhyEvidence()
{
    const int row = m_nodeList->currentRow();
    if (row < 0 || row >= m_candidates.size()) {
        m_evidence->clear();
        return;
    }
    const ControlResult &c = m_candidates[row].current;
    QString html =
        QStringLiteral("<p><b>%1</b>: %2</p>").arg(esc(m_candidates[row].node.name), esc(c.reason));
    if (!c.evidence.isEmpty()) {
        html += QStringLiteral("<table cellspacing=4><tr><th align=left>%1</th><th "
                               "align=left>%2</th><th align=left>%3</th></tr>")
                    .arg(tr("Where"), tr("Now"), tr("Expected"));
        for (const Evidence &e : c.evidence)
            html += QStringLiteral("<tr><td>%1 %2</td><td><code>%3</code></td><td>%4</td></tr>")
                        .arg(esc(e.path), esc(e.key), esc(e.actual), esc(e.expected));
        html += QStringLiteral("</table>");
    }
    if (!c.remediationFile.isEmpty())
        html +=
            QStringLiteral("<p>%1</p>").arg(tr("The fix edits %1.").arg(esc(c.remediationFile)));
    m_evidence->setHtml(html);
}

void RemediationWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    switch (id) {
    case ParamsPage:
        startAudits();
        break;
    case PlanPage:
        startPlans();
        break;
    case ConfirmPage:
        fillConfirm();
        break;
    case ProgressPage:
        startApplies();
        break;
    case ResultPage:
        fillResultTable();
        break;
    default:
        break;
    }
}

bool RemediationWizard::validateCurrentPage()
{
    return QWizard::validateCurrentPage();
}

int RemediationWizard::nextId() const
{
    return QWizard::nextId();
}

void RemediationWizard::startAudits()
{
    m_params->setRowCount(0);
    m_paramsStatus->setText(tr("Reading the nodes\u2026"));
    for (const QString &name : chosenNodes()) {
        int i = runIndex(name);
        if (i < 0) {
            auto *r = new NodeRun;
            for (const RemediationTarget &t : std::as_const(m_candidates))
                if (t.node.name == name)
                    r->target = t;
            r->backend = m_factory(r->target.node);
            r->thread = new QThread(this);
            r->thread->setObjectName(QStringLiteral("remediate-%1").arg(name));
            r->worker = new QObject;
            r->worker->moveToThread(r->thread);
            r->thread->start();
            m_runs << r;
            i = int(m_runs.size()) - 1;
        }
        NodeRun *r = m_runs[i];
        r->error.clear();
        r->audited.reset();
        r->params.clear();
        IRemediationNode *backend = r->backend.get();
        const QString controlId = m_controlId;
        post(i, [this, i, backend, controlId] {
            auto audited = backend->audit(controlId);
            QList<RemediationParam> params;
            if (audited)
                params = backend->parameters(controlId);
            QMetaObject::invokeMethod(
                this,
                [this, i, audited, params] {
                    NodeRun *nr = m_runs[i];
                    nr->busy = false;
                    if (!audited)
                        nr->error = audited.error().toString();
                    else if (audited->status == Status::Pass)
                        nr->error = tr("already passes: nothing to fix");
                    else {
                        nr->audited = *audited;
                        nr->params = params;
                    }
                    fillParamsTable();
                    stepDone(ParamsPage);
                },
                Qt::QueuedConnection);
        });
    }
}

void RemediationWizard::fillParamsTable()
{
    m_params->setRowCount(0);
    QStringList problems;
    bool any = false;
    for (const QString &name : chosenNodes()) {
        NodeRun *r = run(name);
        if (!r)
            continue;
        if (!r->error.isEmpty()) {
            problems << QStringLiteral("%1: %2").arg(name, r->error);
            continue;
        }
        for (const RemediationParam &p : std::as_const(r->params)) {
            const int row = m_params->rowCount();
            m_params->insertRow(row);
            auto *n = new QTableWidgetItem(name);
            n->setFlags(n->flags() & ~Qt::ItemIsEditable);
            auto *k = new QTableWidgetItem(p.label.isEmpty() ? p.name : p.label);
            k->setFlags(k->flags() & ~Qt::ItemIsEditable);
            k->setData(Qt::UserRole, p.name);
            k->setToolTip(p.name);
            auto *v = new QTableWidgetItem(p.value.isEmpty() ? p.defaultValue : p.value);
            auto *d = new QTableWidgetItem(p.defaultValue);
            d->setFlags(d->flags() & ~Qt::ItemIsEditable);
            m_params->setItem(row, 0, n);
            m_params->setItem(row, 1, k);
            m_params->setItem(row, 2, v);
            m_params->setItem(row, 3, d);
            any = true;
        }
    }
    m_params->resizeColumnsToContents();
    QString status;
    if (m_pending > 1)
        status = tr("Reading the nodes\u2026");
    else if (activeRuns().isEmpty())
        status = tr("No chosen node can be fixed.");
    else if (!any)
        status = tr("This fix takes no parameters.");
    if (!problems.isEmpty())
        status += (status.isEmpty() ? QString() : QStringLiteral("\n")) +
                  problems.join(QLatin1Char('\n'));
    m_paramsStatus->setText(status);
}

void RemediationWizard::startPlans()
{
    m_planNode->clear();
    m_sideModel->clear();
    m_unified->clear();
    m_planStatus->setText(tr("Reading the files from the nodes and checking the parameters\u2026"));
    m_confirm->setChecked(false);
    for (int i : activeRuns()) {
        NodeRun *r = m_runs[i];
        QMap<QString, QString> values;
        for (int row = 0; row < m_params->rowCount(); ++row)
            if (m_params->item(row, 0)->text() == r->target.node.name)
                values.insert(m_params->item(row, 1)->data(Qt::UserRole).toString(),
                              m_params->item(row, 2)->text().trimmed());
        r->plan.reset();
        r->validateError.clear();
        IRemediationNode *backend = r->backend.get();
        const QString controlId = m_controlId;
        post(i, [this, i, backend, controlId, values] {
            auto plan = backend->plan(controlId, values);
            std::optional<Error> invalid;
            if (plan && !plan->isEmpty())
                invalid = backend->validate(*plan);
            QMetaObject::invokeMethod(
                this,
                [this, i, plan, invalid] {
                    NodeRun *nr = m_runs[i];
                    nr->busy = false;
                    if (!plan)
                        nr->validateError = plan.error().toString();
                    else if (invalid)
                        nr->validateError = invalid->toString();
                    else
                        nr->plan = *plan;
                    m_planNode->addItem(nr->target.node.name, i);
                    stepDone(PlanPage);
                    if (m_pending == 0) {
                        QStringList problems;
                        bool kubelet = false;
                        for (int j : activeRuns()) {
                            if (!m_runs[j]->validateError.isEmpty())
                                problems << tr("%1: not fixed: %2")
                                                .arg(m_runs[j]->target.node.name,
                                                     m_runs[j]->validateError);
                            else if (m_runs[j]->plan &&
                                     m_runs[j]->plan->followUp == FollowUp::KubeletRestart)
                                kubelet = true;
                        }
                        m_planStatus->setText(problems.isEmpty()
                                                  ? tr("Review the change on every node.")
                                                  : problems.join(QLatin1Char('\n')));
                        m_restart->setVisible(kubelet);
                        showPlanOf(m_planNode->currentIndex());
                    }
                },
                Qt::QueuedConnection);
        });
    }
}

void RemediationWizard::showPlanOf(int comboIndex)
{
    m_sideModel->clear();
    m_unified->clear();
    m_planNotes->clear();
    m_followUp->clear();
    if (comboIndex < 0)
        return;
    const int i = m_planNode->itemData(comboIndex).toInt();
    if (i < 0 || i >= m_runs.size())
        return;
    NodeRun *r = m_runs[i];
    if (!r->plan) {
        m_planNotes->setText(r->validateError);
        return;
    }
    const RemediationPlan &p = *r->plan;
    QStringList notes = p.notes;
    for (const FileChange &c : p.changes)
        notes << QStringLiteral("%1: %2").arg(c.path, c.what.join(QStringLiteral("; ")));
    m_planNotes->setText(notes.join(QLatin1Char('\n')));
    m_unified->setPlainText(p.unifiedDiff());
    // The side-by-side view shows the first content change (the plans of the catalog's fixes
    // edit one file; the unified view has all of them).
    for (const FileChange &c : p.changes)
        if (c.kind == FileChange::Kind::Content) {
            m_sideModel->setDiff(c.diff);
            break;
        }
    fitSideColumns();
    switch (p.followUp) {
    case FollowUp::None:
        m_followUp->setText(tr("Follow-up: none; the change takes effect at once."));
        break;
    case FollowUp::StaticPodWait:
        m_followUp->setText(tr("Follow-up: the kubelet restarts the %1 static pod by itself; "
                               "Kinspect waits until it runs with the new flags, then re-checks. "
                               "If it does not come back, the old file is put back.")
                                .arg(p.component));
        break;
    case FollowUp::KubeletRestart:
        m_followUp->setText(tr("Follow-up: %1. Only done when you tick the box below; otherwise "
                               "the change waits for the next kubelet restart and is not "
                               "re-checked.")
                                .arg(p.followUpCommands().join(QStringLiteral(" && "))));
        break;
    }
}

void RemediationWizard::fitSideColumns()
{
    QHeaderView *h = m_sideView->horizontalHeader();
    for (int col = 0; col < SideBySideDiffModel::ColumnCount; ++col)
        m_sideView->resizeColumnToContents(col);
    const int half =
        (m_sideView->viewport()->width() - h->sectionSize(SideBySideDiffModel::OldLine) -
         h->sectionSize(SideBySideDiffModel::NewLine)) /
        2;
    const int width = std::max({half, h->sectionSize(SideBySideDiffModel::OldText),
                                h->sectionSize(SideBySideDiffModel::NewText)});
    h->resizeSection(SideBySideDiffModel::OldText, width);
    h->resizeSection(SideBySideDiffModel::NewText, width);
}

bool RemediationWizard::restartConfirmed() const
{
    return m_restart->isVisible() && m_restart->isChecked();
}

void RemediationWizard::fillConfirm()
{
    QStringList lines;
    for (int i : activeRuns()) {
        NodeRun *r = m_runs[i];
        if (!r->plan || r->plan->isEmpty())
            continue;
        QStringList files;
        for (const FileChange &c : r->plan->changes)
            files << c.path;
        lines << tr("%1: %2").arg(r->target.node.name, files.join(QStringLiteral(", ")));
    }
    QString text = tr("Kinspect will back up and change these files:") + QLatin1Char('\n') +
                   lines.join(QLatin1Char('\n'));
    if (m_restart->isVisible())
        text += QLatin1Char('\n') + (restartConfirmed()
                                         ? tr("The kubelet will be restarted on these nodes.")
                                         : tr("The kubelet will NOT be restarted; the change "
                                              "takes effect at its next restart."));
    m_confirmSummary->setText(text);
}

QString RemediationWizard::stepName(const QString &line) const
{
    if (line.startsWith(QLatin1String("writing")) || line.startsWith(QLatin1String("chmod")) ||
        line.startsWith(QLatin1String("chown")))
        return tr("Backup and write");
    if (line.startsWith(QLatin1String("waiting")) || line.startsWith(QLatin1String("systemctl")))
        return tr("Follow-up");
    if (line.startsWith(QLatin1String("re-checking")))
        return tr("Re-check");
    if (line.startsWith(QLatin1String("restoring")) || line.contains(QLatin1String("rolling back")))
        return tr("Rollback");
    if (line.startsWith(QLatin1String("reading")) || line.startsWith(QLatin1String("checking")))
        return tr("Checking");
    return tr("Working");
}

void RemediationWizard::startApplies()
{
    const bool restart = restartConfirmed();
    QList<int> todo;
    for (int i : activeRuns())
        if (m_runs[i]->plan && !m_runs[i]->plan->isEmpty() && !m_runs[i]->applied)
            todo << i;
    for (int i : todo) {
        NodeRun *r = m_runs[i];
        r->applied = true;
        r->step = tr("Queued");
        r->lastLine.clear();
        IRemediationNode *backend = r->backend.get();
        const RemediationPlan plan = *r->plan;
        const QString controlId = m_controlId;
        post(i, [this, i, backend, plan, restart, controlId] {
            auto progress = [this, i](const QString &line) {
                QMetaObject::invokeMethod(
                    this,
                    [this, i, line] {
                        m_runs[i]->step = stepName(line);
                        m_runs[i]->lastLine = line;
                        fillProgressTable();
                    },
                    Qt::QueuedConnection);
            };
            RemediationRecord rec = backend->applyAndVerify(plan, restart, progress);
            std::optional<ControlResult> now;
            if (!rec.statusAfter.isEmpty())
                if (auto c = backend->recheck(controlId))
                    now = *c;
            QMetaObject::invokeMethod(
                this,
                [this, i, rec, now] {
                    NodeRun *nr = m_runs[i];
                    nr->busy = false;
                    nr->record = rec;
                    nr->step = tr("Done");
                    nr->lastLine = outcomeText(rec.outcome);
                    writeLog(rec);
                    fillProgressTable();
                    if (now)
                        emit nodeRechecked(nr->target.node.name, *now);
                    stepDone(ProgressPage);
                },
                Qt::QueuedConnection);
        });
    }
    fillProgressTable();
}

void RemediationWizard::fillProgressTable()
{
    QList<NodeRun *> shown;
    for (NodeRun *r : std::as_const(m_runs))
        if (r->applied)
            shown << r;
    m_progress->setRowCount(int(shown.size()));
    for (int row = 0; row < shown.size(); ++row) {
        const QStringList cells = {shown[row]->target.node.name, shown[row]->step,
                                   shown[row]->lastLine};
        for (int c = 0; c < 3; ++c) {
            QTableWidgetItem *it = m_progress->item(row, c);
            if (!it) {
                it = new QTableWidgetItem;
                m_progress->setItem(row, c, it);
            }
            it->setText(cells[c]);
        }
    }
    m_cancel->setEnabled(m_pending > 0);
}

QString RemediationWizard::outcomeText(const QString &outcome) const
{
    if (outcome == QLatin1String("verified"))
        return tr("Fixed and verified");
    if (outcome == QLatin1String("recheck-failed"))
        return tr("Written, but the re-check still fails");
    if (outcome == QLatin1String("applied"))
        return tr("Written; waits for a kubelet restart");
    if (outcome == QLatin1String("rolled-back"))
        return tr("Rolled back");
    if (outcome == QLatin1String("rollback-failed"))
        return tr("Rollback failed");
    if (outcome == QLatin1String("refused"))
        return tr("Refused");
    if (outcome == QLatin1String("error"))
        return tr("Error");
    return outcome;
}

void RemediationWizard::fillResultTable()
{
    QList<NodeRun *> shown;
    for (NodeRun *r : std::as_const(m_runs))
        if (r->applied)
            shown << r;
    m_resultTable->setRowCount(int(shown.size()));
    for (int row = 0; row < shown.size(); ++row) {
        NodeRun *r = shown[row];
        const RemediationRecord &rec = r->record;
        const QStringList cells = {
            r->target.node.name, outcomeText(rec.outcome),
            rec.statusAfter.isEmpty() ? tr("not re-checked") : rec.statusAfter, rec.message};
        for (int c = 0; c < 4; ++c) {
            QTableWidgetItem *it = m_resultTable->item(row, c);
            if (!it) {
                it = new QTableWidgetItem;
                m_resultTable->setItem(row, c, it);
            }
            it->setText(cells[c]);
            it->setToolTip(cells[c]);
        }
        auto *button = qobject_cast<QPushButton *>(m_resultTable->cellWidget(row, 4));
        if (!button) {
            button = new QPushButton(tr("Roll back"), m_resultTable);
            const QString name = r->target.node.name;
            button->setObjectName(QStringLiteral("rollback:%1").arg(name));
            connect(button, &QPushButton::clicked, this, [this, name] { rollbackNode(name); });
            m_resultTable->setCellWidget(row, 4, button);
        }
        const bool canRollBack = !rec.items.isEmpty() && !r->busy &&
                                 rec.action == QLatin1String("apply") &&
                                 (rec.outcome == QLatin1String("verified") ||
                                  rec.outcome == QLatin1String("recheck-failed") ||
                                  rec.outcome == QLatin1String("applied"));
        button->setEnabled(canRollBack);
    }
    m_resultTable->resizeColumnToContents(0);
    m_resultTable->resizeColumnToContents(1);
    m_resultTable->resizeColumnToContents(2);
    m_logLabel->setText(tr("Every change and rollback is recorded in %1.").arg(m_logPath));
}

void RemediationWizard::rollbackNode(const QString &node)
{
    const int i = runIndex(node);
    if (i < 0 || m_runs[i]->busy)
        return;
    NodeRun *r = m_runs[i];
    const RemediationRecord applied = r->record;
    const bool restart =
        applied.followUp == followUpName(FollowUp::KubeletRestart) && restartConfirmed();
    IRemediationNode *backend = r->backend.get();
    const QString controlId = m_controlId;
    post(i, [this, i, backend, applied, restart, controlId] {
        RemediationRecord rec = applied;
        rec.time = QDateTime::currentDateTimeUtc();
        rec.action = QStringLiteral("rollback");
        const auto error = backend->rollback(applied, restart);
        rec.outcome = error ? QStringLiteral("rollback-failed") : QStringLiteral("rolled-back");
        rec.message = error ? error->toString() : QString();
        rec.statusBefore = applied.statusAfter;
        rec.statusAfter.clear();
        std::optional<ControlResult> now;
        if (auto c = backend->recheck(controlId)) {
            now = *c;
            rec.statusAfter = statusName(c->status);
        }
        QMetaObject::invokeMethod(
            this,
            [this, i, rec, now] {
                NodeRun *nr = m_runs[i];
                nr->busy = false;
                nr->record = rec;
                writeLog(rec);
                if (now)
                    emit nodeRechecked(nr->target.node.name, *now);
                --m_pending;
                fillResultTable();
                stepPage(this, ResultPage)->changed();
                if (m_pending == 0)
                    emit stepFinished(ResultPage);
            },
            Qt::QueuedConnection);
    });
    fillResultTable();
}

void RemediationWizard::writeLog(const RemediationRecord &record)
{
    if (!m_logPath.isEmpty())
        RemediationLog::append(record, m_logPath);
    if (!m_historyPath.isEmpty()) {
        RemediationStore store;
        if (!store.open(m_historyPath))
            store.add(record);
    }
}

void RemediationWizard::cancelRunning()
{
    for (NodeRun *r : std::as_const(m_runs))
        if (r->busy && r->backend)
            r->backend->requestCancel();
}

void RemediationWizard::reject()
{
    // Never walk away from a node half way: stop the waits, and close once everything is back.
    if (m_pending > 0) {
        cancelRunning();
        return;
    }
    QWizard::reject();
}

} // namespace kinspect::ui
