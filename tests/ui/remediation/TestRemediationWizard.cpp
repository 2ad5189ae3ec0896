// The remediation wizard driven by objectName over fake nodes: node choice, parameters with a
// failing validation on one node, the diff (unified and side by side, the model under
// QAbstractItemModelTester), confirmation, progress on worker threads, the result, rollback, the
// JSONL log and the history table; and the main window's "Fix…" action.

#include "catalog/CatalogLoader.h"
#include "mainwindow/MainWindow.h"
#include "matrix/MatrixPanel.h"
#include "remediate/RemediationLog.h"
#include "remediation/RemediationLauncher.h"
#include "remediation/RemediationWizard.h"
#include "remediation/SideBySideDiffModel.h"
#include "store/RemediationStore.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeView>

#include <atomic>

using namespace kinspect;
using namespace kinspect::ui;

namespace {

const QByteArray kBefore = "apiVersion: v1\nkind: Pod\n# keep me\nspec:\n  containers:\n"
                           "  - command:\n    - kube-apiserver\n    - --profiling=false\n"
                           "    image: k8s\n";

std::atomic_int g_guiThreadCalls{0};

void offGui()
{
    if (QThread::currentThread() == qApp->thread())
        ++g_guiThreadCalls;
}

// A node that "fixes" by flipping a flag; 1.2.5's parameter must not be "/missing".
class FakeNode : public IRemediationNode
{
public:
    explicit FakeNode(QString name) : m_name(std::move(name)) {}
    Expected<ControlResult> audit(const QString &id) override
    {
        offGui();
        return result(id);
    }
    QList<RemediationParam> parameters(const QString &) override
    {
        offGui();
        RemediationParam p;
        p.name = QStringLiteral("cert");
        p.label = QStringLiteral("Client certificate");
        p.defaultValue = QStringLiteral("/etc/kubernetes/pki/%1.crt").arg(m_name);
        p.value = p.defaultValue;
        p.validate = QStringLiteral("fileExists");
        return {p};
    }
    Expected<RemediationPlan> plan(const QString &id, const QMap<QString, QString> &values) override
    {
        offGui();
        RemediationPlan plan;
        plan.node = m_name;
        plan.controlId = id;
        RemediationParam p = parameters(id).first();
        p.value = values.value(QStringLiteral("cert"), p.defaultValue);
        plan.params << p;
        FileChange c;
        c.path = QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml");
        c.what << QStringLiteral("set --kubelet-client-certificate");
        c.before = kBefore;
        c.after = QByteArray(kBefore).replace("    image:", "    - --kubelet-client-certificate=" +
                                                                p.value.toUtf8() + "\n    image:");
        c.diff = LineDiff::compute(c.before, c.after);
        plan.changes << c;
        plan.followUp = FollowUp::StaticPodWait;
        plan.component = QStringLiteral("kube-apiserver");
        return plan;
    }
    std::optional<Error> validate(const RemediationPlan &plan) override
    {
        offGui();
        if (plan.params.first().value == QLatin1String("/missing"))
            return Error{QStringLiteral("/missing does not exist on the node"), QString(), 0};
        return std::nullopt;
    }
    RemediationRecord applyAndVerify(const RemediationPlan &plan, bool,
                                     const std::function<void(const QString &)> &progress) override
    {
        offGui();
        progress(QStringLiteral("writing %1 on %2").arg(plan.changes[0].path, m_name));
        QThread::msleep(30);
        progress(QStringLiteral("waiting for the kubelet to restart kube-apiserver"));
        QThread::msleep(30);
        progress(QStringLiteral("re-checking 1.2.5 on %1").arg(m_name));
        m_fixed = true;
        RemediationRecord r;
        r.time = QDateTime::currentDateTimeUtc();
        r.node = m_name;
        r.benchmarkId = QStringLiteral("cis-1.5.1");
        r.controlId = plan.controlId;
        r.action = QStringLiteral("apply");
        r.backupDir = QStringLiteral("/var/lib/kinspect/backups/x");
        r.diff = plan.unifiedDiff();
        r.items << RemediationRecord::Item{plan.changes[0].path, QStringLiteral("content"),
                                           QStringLiteral("/var/lib/kinspect/backups/x/f"),
                                           QStringLiteral("abc")};
        r.followUp = QStringLiteral("static-pod");
        r.outcome = QStringLiteral("verified");
        r.statusBefore = QStringLiteral("FAIL");
        r.statusAfter = QStringLiteral("PASS");
        return r;
    }
    void requestCancel() override {}
    std::optional<Error> rollback(const RemediationRecord &, bool) override
    {
        offGui();
        m_fixed = false;
        return std::nullopt;
    }
    Expected<ControlResult> recheck(const QString &id) override
    {
        offGui();
        return result(id);
    }

private:
    ControlResult result(const QString &id) const
    {
        ControlResult c;
        c.controlId = id;
        c.status = m_fixed ? Status::Pass : Status::Fail;
        c.reason = m_fixed ? QStringLiteral("set") : QStringLiteral("not set");
        return c;
    }
    QString m_name;
    bool m_fixed = false;
};

RemediationTarget target(const QString &name)
{
    RemediationTarget t;
    t.node.name = name;
    t.node.host = name + QStringLiteral(".lab");
    t.current.controlId = QStringLiteral("1.2.5");
    t.current.status = Status::Fail;
    t.current.reason = QStringLiteral("--kubelet-client-certificate is not set");
    Evidence e;
    e.source = QStringLiteral("argv");
    e.path = QStringLiteral("/proc/1/cmdline");
    e.key = QStringLiteral("--kubelet-client-certificate");
    e.expected = QStringLiteral("set");
    t.current.evidence << e;
    return t;
}

template <typename T>
T *child(QWidget *w, const QString &name)
{
    T *c = w->findChild<T *>(name);
    if (!c)
        qWarning("no child %s", qPrintable(name));
    return c;
}

} // namespace

class TestRemediationWizard : public QObject
{
    Q_OBJECT

    Benchmark m_bench;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        auto b = CatalogLoader::load(QStringLiteral("cis-1.5.1"));
        QVERIFY(b.ok());
        m_bench = *b;
        QVERIFY(m_bench.control(QStringLiteral("1.2.5")));
        qputenv("KINSPECT_HISTORY_DB", m_dir.filePath(QStringLiteral("h.sqlite")).toUtf8());
        qputenv("KINSPECT_DATA_DIR", m_dir.path().toUtf8());
    }

    void sideBySideModel()
    {
        SideBySideDiffModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QByteArray before;
        for (int i = 1; i <= 30; ++i)
            before += "line " + QByteArray::number(i) + "\n";
        QByteArray after = before;
        after.replace("line 2\n", "line two\n");
        after.replace("line 25\n", "line 25\nline 25b\n");
        model.setDiff(LineDiff::compute(before, after, 2));
        QCOMPARE(model.columnCount(), 4);
        QVERIFY(model.rowCount() > 4);
        int changed = 0, separators = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.index(r, 0).data(SideBySideDiffModel::ChangedRole).toBool())
                ++changed;
            if (model.index(r, 1).data().toString() == QStringLiteral("\u2026"))
                ++separators;
        }
        QCOMPARE(changed, 2);    // the changed pair and the added line
        QCOMPARE(separators, 1); // between the two hunks
        // The changed pair: line 2 on both sides, both texts, tinted.
        bool pair = false;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, 1).data().toString() == QLatin1String("line 2")) {
                QCOMPARE(model.index(r, 3).data().toString(), QStringLiteral("line two"));
                QCOMPARE(model.index(r, 0).data().toInt(), 2);
                QVERIFY(model.index(r, 1).data(Qt::BackgroundRole).isValid());
                pair = true;
            }
        QVERIFY(pair);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void wizardWalkthrough()
    {
        const QString log = m_dir.filePath(QStringLiteral("wizard-log.jsonl"));
        const QString db = m_dir.filePath(QStringLiteral("wizard.sqlite"));
        g_guiThreadCalls = 0;
        RemediationWizard w(m_bench, QStringLiteral("1.2.5"),
                            {target(QStringLiteral("cp-1")), target(QStringLiteral("cp-2"))},
                            {QStringLiteral("cp-2")},
                            [](const NodeSpec &n) { return std::make_unique<FakeNode>(n.name); });
        w.setLogPath(log);
        w.setHistoryPath(db);
        QSignalSpy steps(&w, &RemediationWizard::stepFinished);
        QSignalSpy rechecked(&w, &RemediationWizard::nodeRechecked);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // 1. Why: rationale and impact, the failing nodes with cp-2 chosen, its evidence.
        QCOMPARE(w.currentId(), int(RemediationWizard::WhyPage));
        QVERIFY(child<QLabel>(&w, QStringLiteral("controlTitle"))
                    ->text()
                    .startsWith(QLatin1String("1.2.5 ")));
        QVERIFY(!child<QWidget>(&w, QStringLiteral("whyText"))
                     ->property("plainText")
                     .toString()
                     .isEmpty());
        auto *nodes = child<QListWidget>(&w, QStringLiteral("nodeList"));
        QCOMPARE(nodes->count(), 2);
        QCOMPARE(w.chosenNodes(), QStringList{QStringLiteral("cp-2")});
        nodes->item(0)->setCheckState(Qt::Unchecked);
        nodes->item(1)->setCheckState(Qt::Unchecked);
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled()); // nothing chosen
        nodes->item(0)->setCheckState(Qt::Checked);
        nodes->item(1)->setCheckState(Qt::Checked);
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        nodes->setCurrentRow(0);
        QVERIFY(child<QWidget>(&w, QStringLiteral("evidenceText"))
                    ->property("plainText")
                    .toString()
                    .contains(QLatin1String("--kubelet-client-certificate")));

        // 2. Parameters: one row per node with the node's default.
        w.next();
        QCOMPARE(w.currentId(), int(RemediationWizard::ParamsPage));
        QVERIFY(steps.wait(5000));
        auto *params = child<QTableWidget>(&w, QStringLiteral("paramsTable"));
        QCOMPARE(params->rowCount(), 2);
        int cp1Row = params->item(0, 0)->text() == QLatin1String("cp-1") ? 0 : 1;
        QCOMPARE(params->item(cp1Row, 2)->text(), QStringLiteral("/etc/kubernetes/pki/cp-1.crt"));
        QCOMPARE(params->item(cp1Row, 3)->text(), QStringLiteral("/etc/kubernetes/pki/cp-1.crt"));
        // cp-1 gets a value that fails the check on the node.
        params->item(cp1Row, 2)->setText(QStringLiteral("/missing"));
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());

        // 3. Plan: cp-1 is refused with the reason, cp-2 has a diff.
        steps.clear();
        w.next();
        QCOMPARE(w.currentId(), int(RemediationWizard::PlanPage));
        QVERIFY(steps.wait(5000));
        QVERIFY(child<QLabel>(&w, QStringLiteral("planStatus"))
                    ->text()
                    .contains(QLatin1String("cp-1: not fixed: /missing does not exist")));
        QVERIFY(!w.plan(QStringLiteral("cp-1")));
        QVERIFY(w.plan(QStringLiteral("cp-2")));
        auto *combo = child<QComboBox>(&w, QStringLiteral("planNodeCombo"));
        QCOMPARE(combo->count(), 2);
        combo->setCurrentIndex(combo->findText(QStringLiteral("cp-2")));
        QAbstractItemModelTester tester(w.sideBySideModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString unified =
            child<QPlainTextEdit>(&w, QStringLiteral("unifiedDiff"))->toPlainText();
        QVERIFY2(unified.contains(QLatin1String(
                     "+    - --kubelet-client-certificate=/etc/kubernetes/pki/cp-2.crt")),
                 qPrintable(unified));
        QVERIFY(unified.contains(QLatin1String(" # keep me")) ||
                unified.contains(QLatin1String("     - --profiling=false")));
        auto *side = child<QTableView>(&w, QStringLiteral("sideBySideView"));
        QCOMPARE(side->model(), w.sideBySideModel());
        int added = 0;
        for (int r = 0; r < w.sideBySideModel()->rowCount(); ++r)
            if (w.sideBySideModel()->index(r, 3).data().toString().contains(
                    QLatin1String("--kubelet-client-certificate=")) &&
                w.sideBySideModel()->index(r, 1).data().toString().isEmpty())
                ++added;
        QCOMPARE(added, 1);
        QVERIFY(child<QLabel>(&w, QStringLiteral("followUpLabel"))
                    ->text()
                    .contains(QLatin1String("kube-apiserver")));
        QVERIFY(!child<QCheckBox>(&w, QStringLiteral("restartCheck"))->isVisible());
        // KINSPECT_WIZARD_SCREENSHOT=FILE grabs the diff page
        // (docs/screenshots/remediation-diff.png).
        if (const QString shot = qEnvironmentVariable("KINSPECT_WIZARD_SCREENSHOT");
            !shot.isEmpty()) {
            QTest::qWait(200);
            QVERIFY(w.grab().save(shot));
        }

        // 4. Confirm: nothing is written before the box is ticked.
        w.next();
        QCOMPARE(w.currentId(), int(RemediationWizard::ConfirmPage));
        QVERIFY(
            child<QLabel>(&w, QStringLiteral("confirmSummary"))
                ->text()
                .contains(QLatin1String("cp-2: /etc/kubernetes/manifests/kube-apiserver.yaml")));
        QVERIFY(!child<QLabel>(&w, QStringLiteral("confirmSummary"))
                     ->text()
                     .contains(QLatin1String("cp-1:")));
        QVERIFY(!w.button(QWizard::CommitButton)->isEnabled());
        child<QCheckBox>(&w, QStringLiteral("confirmCheck"))->setChecked(true);
        QVERIFY(w.button(QWizard::CommitButton)->isEnabled());

        // 5. Progress: only cp-2 runs; the steps are shown.
        steps.clear();
        w.next();
        QCOMPARE(w.currentId(), int(RemediationWizard::ProgressPage));
        auto *progress = child<QTableWidget>(&w, QStringLiteral("progressTable"));
        QCOMPARE(progress->rowCount(), 1);
        QCOMPARE(progress->item(0, 0)->text(), QStringLiteral("cp-2"));
        QVERIFY(w.isBusy());
        QVERIFY(steps.wait(5000));
        QCOMPARE(progress->item(0, 1)->text(), QStringLiteral("Done"));
        QCOMPARE(progress->item(0, 2)->text(), QStringLiteral("Fixed and verified"));
        QCOMPARE(rechecked.size(), 1);
        QCOMPARE(rechecked[0][0].toString(), QStringLiteral("cp-2"));
        QCOMPARE(rechecked[0][1].value<ControlResult>().status, Status::Pass);

        // 6. Result, then rollback.
        w.next();
        QCOMPARE(w.currentId(), int(RemediationWizard::ResultPage));
        auto *results = child<QTableWidget>(&w, QStringLiteral("resultTable"));
        QCOMPARE(results->rowCount(), 1);
        QCOMPARE(results->item(0, 2)->text(), QStringLiteral("PASS"));
        auto *rollback = child<QPushButton>(&w, QStringLiteral("rollback:cp-2"));
        QVERIFY(rollback->isEnabled());
        steps.clear();
        QTest::mouseClick(rollback, Qt::LeftButton);
        QVERIFY(steps.wait(5000));
        QCOMPARE(results->item(0, 1)->text(), QStringLiteral("Rolled back"));
        QCOMPARE(results->item(0, 2)->text(), QStringLiteral("FAIL"));
        QVERIFY(!rollback->isEnabled());
        QCOMPARE(rechecked.size(), 2);
        QCOMPARE(rechecked[1][1].value<ControlResult>().status, Status::Fail);
        QCOMPARE(int(g_guiThreadCalls), 0); // every node call ran on a worker thread

        // The log: the apply and the rollback, in the JSONL file and in the history table.
        const QList<RemediationRecord> records = RemediationLog::read(log);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].outcome, QStringLiteral("verified"));
        QCOMPARE(records[1].action, QStringLiteral("rollback"));
        QCOMPARE(records[1].outcome, QStringLiteral("rolled-back"));
        RemediationStore store;
        QVERIFY(!store.open(db));
        auto stored = store.list(QStringLiteral("cp-2"), QStringLiteral("1.2.5"));
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), 2);
        QVERIFY(stored->at(0).diff.contains(QLatin1String("+    - --kubelet-client-certificate")));
        QCOMPARE(store.list(QStringLiteral("cp-1"))->size(), 0);
        // Importing the same JSONL adds nothing twice.
        auto imported = store.importLog(log);
        QVERIFY(imported.ok());
        QCOMPARE(*imported, 0);
    }

    void storeImport()
    {
        const QString log = m_dir.filePath(QStringLiteral("import.jsonl"));
        RemediationRecord r;
        r.time = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        r.node = QStringLiteral("w-1");
        r.controlId = QStringLiteral("4.2.1");
        r.action = QStringLiteral("apply");
        r.outcome = QStringLiteral("verified");
        QVERIFY(RemediationLog::append(r, log).ok());
        r.time = r.time.addSecs(60);
        r.action = QStringLiteral("rollback");
        r.outcome = QStringLiteral("rolled-back");
        QVERIFY(RemediationLog::append(r, log).ok());
        RemediationStore store;
        QVERIFY(!store.open(m_dir.filePath(QStringLiteral("import.sqlite"))));
        QCOMPARE(*store.importLog(log), 2);
        QCOMPARE(*store.importLog(log), 0);
        auto id = store.add(r, 7);
        QVERIFY(id.ok());
        QCOMPARE(store.listForScan(7)->size(), 0); // already stored without a scan: unchanged
        RemediationRecord other = r;
        other.time = other.time.addSecs(60);
        QVERIFY(store.add(other, 7).ok());
        QCOMPARE(store.listForScan(7)->size(), 1);
        auto all = store.list(QStringLiteral("w-1"));
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).outcome, QStringLiteral("verified"));
    }

    void mainWindowFixAction()
    {
        MainWindow mw;
        Inventory inv;
        inv.cluster = QStringLiteral("lab");
        for (const QString &n : {QStringLiteral("cp-1"), QStringLiteral("cp-2")}) {
            NodeSpec s;
            s.name = n;
            s.host = n;
            inv.nodes << s;
        }
        mw.setInventory(inv);
        ClusterResult result;
        result.cluster = QStringLiteral("lab");
        result.benchmarkId = m_bench.id;
        for (const QString &n : {QStringLiteral("cp-1"), QStringLiteral("cp-2")}) {
            NodeResult nr;
            nr.name = n;
            nr.host = n;
            for (const Control &c : m_bench.controls) {
                ControlResult cr;
                cr.controlId = c.id;
                cr.status = (c.id == QLatin1String("1.2.5") && n == QLatin1String("cp-2"))
                                ? Status::Fail
                                : Status::Pass;
                nr.results << cr;
            }
            result.nodes << nr;
        }
        mw.showResult(m_bench, result);
        mw.remediation()->setLogPath(m_dir.filePath(QStringLiteral("mw-log.jsonl")));
        mw.remediation()->setNodeFactory(
            [](const NodeSpec &n) { return std::make_unique<FakeNode>(n.name); });
        auto *fix = mw.findChild<QAction *>(QStringLiteral("actionFix"));
        QVERIFY(fix);
        QVERIFY(mw.selectCell(QStringLiteral("1.2.4"), QStringLiteral("cp-2")));
        QVERIFY(!fix->isEnabled()); // passes everywhere
        QVERIFY(mw.selectCell(QStringLiteral("1.2.5"), QStringLiteral("cp-2")));
        QVERIFY(fix->isEnabled());
        QVERIFY(mw.findChild<QAbstractButton *>(QStringLiteral("fixButton")));
        QVERIFY(mw.matrixPanel()->view()->actions().contains(fix)); // the matrix's context menu
        QCOMPARE(mw.matrixPanel()->view()->contextMenuPolicy(), Qt::ActionsContextMenu);
        fix->trigger();
        RemediationWizard *w = mw.remediation()->wizard();
        QVERIFY(w);
        QCOMPARE(w->chosenNodes(), QStringList{QStringLiteral("cp-2")});
        QSignalSpy steps(w, &RemediationWizard::stepFinished);
        w->next();
        QVERIFY(steps.wait(5000));
        w->next();
        QVERIFY(steps.wait(5000));
        w->next();
        w->findChild<QCheckBox *>(QStringLiteral("confirmCheck"))->setChecked(true);
        w->next();
        QVERIFY(steps.wait(5000));
        // The re-check result reaches the matrix (after the window's short batching delay).
        QTRY_COMPARE(mw.result().nodes[1].results[0].controlId.isEmpty(), false);
        const auto statusOf = [&mw] {
            for (const ControlResult &c : mw.result().nodes[1].results)
                if (c.controlId == QLatin1String("1.2.5"))
                    return c.status;
            return Status::Error;
        };
        QTRY_COMPARE(statusOf(), Status::Pass);
        w->close();
    }
};

QTEST_MAIN(TestRemediationWizard)
#include "TestRemediationWizard.moc"
