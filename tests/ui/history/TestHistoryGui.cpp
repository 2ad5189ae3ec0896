// The History menu, the compare view and the waivers dialog, driven by objectName on the real
// main window (offscreen) against a temporary history database.

#include "../UiFixtures.h"

#include "detail/DetailPane.h"
#include "history/CompareDialog.h"
#include "history/HistoryController.h"
#include "history/HistoryDialog.h"
#include "history/ScanDiffModel.h"
#include "history/ScanListModel.h"
#include "inventory/Inventory.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/SummaryWidget.h"
#include "matrix/MatrixModel.h"
#include "matrix/MatrixPanel.h"
#include "nodes/NodesModel.h"
#include "report/ReportFormats.h"
#include "scan/ICommandRunner.h"
#include "scan/ScanController.h"
#include "store/ScanHistory.h"
#include "waivers/WaiverEditDialog.h"
#include "waivers/WaiverModel.h"
#include "waivers/WaiversDialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeView>

using namespace kinspect;
using namespace kinspect::ui;
using namespace kinspect::testing;

namespace {

// A node whose "collector" prints a fixture snapshot.
class FakeRunner : public ICommandRunner
{
public:
    explicit FakeRunner(QByteArray snapshot) : m_snapshot(std::move(snapshot)) {}
    bool connect(const std::atomic_bool *, RemoteError *) override { return true; }
    bool run(const RemoteCommand &, RemoteResult *result, const std::atomic_bool *,
             RemoteError *) override
    {
        result->exitStatus = 0;
        result->stdoutData = m_snapshot;
        return true;
    }
    void disconnect() override {}

private:
    QByteArray m_snapshot;
};

} // namespace

class TestHistoryGui : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    Benchmark m_bench;
    ClusterResult m_before;
    ClusterResult m_after;
    qint64 m_beforeId = 0;
    qint64 m_afterId = 0;
    QString m_failControl; // FAIL on kubeadm-cp-failing in both scans
    QString m_failNode = QStringLiteral("kubeadm-cp-failing");
    QString m_newFailure; // a control that is PASS before and FAIL after
    QString m_fixed;      // FAIL before, PASS after

    static ControlResult *find(ClusterResult &r, const QString &node, const QString &control)
    {
        for (NodeResult &n : r.nodes)
            if (n.name == node)
                for (ControlResult &c : n.results)
                    if (c.controlId == control)
                        return &c;
        return nullptr;
    }

    static Status statusOf(const ClusterResult &r, const QString &node, const QString &control)
    {
        return find(const_cast<ClusterResult &>(r), node, control)->status;
    }

    // Runs `fill` on the next modal dialog, then the caller's exec() returns.
    template <typename F>
    static void onNextModal(F fill)
    {
        QTimer::singleShot(0, qApp, [fill] {
            QWidget *w = QApplication::activeModalWidget();
            QVERIFY(w);
            fill(w);
        });
    }

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto w = std::make_unique<MainWindow>();
        w->history()->setDatabasePath(m_db);
        return w;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("KinspectTest"));
        QApplication::setApplicationName(QStringLiteral("KinspectHistoryTest"));
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("history.sqlite"));
        qputenv("KINSPECT_HISTORY_DB", m_db.toUtf8());
        m_bench = loadBenchmark();
        m_before = fixtureResult(m_bench);
        m_before.startedAt = QDateTime::currentDateTimeUtc().addDays(-1);
        m_before.finishedAt = m_before.startedAt.addSecs(30);
        m_after = m_before;
        m_after.startedAt = QDateTime::currentDateTimeUtc();
        m_after.finishedAt = m_after.startedAt.addSecs(30);

        // Drift between the scans: one control fixed, one newly failing, one node gone.
        NodeResult *failing = nullptr;
        for (NodeResult &n : m_after.nodes)
            if (n.name == m_failNode)
                failing = &n;
        QVERIFY(failing);
        QStringList fails, passes;
        for (const ControlResult &c : failing->results) {
            if (c.status == Status::Fail)
                fails << c.controlId;
            if (c.status == Status::Pass)
                passes << c.controlId;
        }
        QVERIFY2(fails.size() >= 2 && !passes.isEmpty(), "fixture needs FAILs and a PASS");
        m_failControl = fails[0];
        m_fixed = fails[1];
        m_newFailure = passes[0];
        find(m_after, m_failNode, m_fixed)->status = Status::Pass;
        find(m_after, m_failNode, m_newFailure)->status = Status::Fail;
        // A status change (FAIL -> WAIVED) and changed evidence (same status) on other nodes.
        for (NodeResult &n : m_after.nodes) {
            if (n.name == m_failNode)
                continue;
            for (ControlResult &c : n.results)
                if (c.status == Status::Fail && !c.evidence.isEmpty()) {
                    c.originalStatus = Status::Fail;
                    c.status = Status::Waived;
                    c.waiver = AppliedWaiver{QStringLiteral("W-demo"), QStringLiteral("vendor"),
                                             QStringLiteral("bob"), QDate(2099, 1, 1)};
                    break;
                }
            for (ControlResult &c : n.results)
                if (c.status == Status::Pass && !c.evidence.isEmpty()) {
                    c.evidence[0].actual += QStringLiteral("-changed");
                    break;
                }
            break;
        }
        const QString removed = m_after.nodes.takeLast().name;
        QVERIFY(!removed.isEmpty());

        ScanHistory h;
        QVERIFY(!h.open(m_db));
        auto a = h.saveScan(m_before, {}, {});
        QVERIFY(a);
        auto b = h.saveScan(m_after, {}, {});
        QVERIFY(b);
        m_beforeId = *a;
        m_afterId = *b;
    }

    void modelsUnderTester()
    {
        ScanListModel list;
        QAbstractItemModelTester t1(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ScanHistory h;
        QVERIFY(!h.open(m_db));
        list.setScans(*h.listScans());
        QCOMPARE(list.rowCount(), 2);
        QCOMPARE(list.data(list.index(0, ScanListModel::IdColumn)).toLongLong(), m_afterId);

        ScanDiffModel diff;
        QAbstractItemModelTester t2(&diff, QAbstractItemModelTester::FailureReportingMode::QtTest);
        diff.setDiff(compareScans(m_before, m_after));
        QVERIFY(diff.rowCount() >= 3);
        diff.setKindFilter(ScanChange::Kind::NewFailure);
        QCOMPARE(diff.rowCount(), 1);
        QCOMPARE(diff.data(diff.index(0, ScanDiffModel::ControlColumn)).toString(), m_newFailure);
        diff.setKindFilter(std::nullopt);

        WaiverModel waivers;
        QAbstractItemModelTester t3(&waivers,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        Waiver w{QStringLiteral("W-old"), QStringLiteral("1.1.1"), {}, QStringLiteral("j"),
                 QStringLiteral("o"),     QDate(2020, 1, 31),      {}};
        waivers.setWaivers({w}, QDate(2026, 1, 1));
        QVERIFY(waivers.data(waivers.index(0, 0), WaiverModel::ExpiredRole).toBool());
        QVERIFY(waivers.data(waivers.index(0, WaiverModel::ExpiresColumn))
                    .toString()
                    .contains(QStringLiteral("expired")));
        QCOMPARE(waivers.data(waivers.index(0, WaiverModel::ScopeColumn)).toString(),
                 QStringLiteral("every node"));
    }

    void historyMenuListsScans()
    {
        auto w = makeWindow();
        w->showResult(m_bench, m_after);
        auto *action = w->findChild<QAction *>(QStringLiteral("actionHistory"));
        QVERIFY(action);
        QVERIFY(w->findChild<QMenu *>(QStringLiteral("menuHistory")));
        int rows = -1;
        onNextModal([&rows](QWidget *d) {
            QCOMPARE(d->objectName(), QStringLiteral("historyDialog"));
            auto *view = d->findChild<QTableView *>(QStringLiteral("historyView"));
            rows = view->model()->rowCount();
            // Counts and the complete flag are shown.
            QCOMPARE(view->model()
                         ->data(view->model()->index(0, ScanListModel::CompleteColumn))
                         .toString(),
                     QStringLiteral("complete"));
            d->close();
        });
        action->trigger();
        QCOMPARE(rows, 2);
    }

    void compareTwoScans()
    {
        HistoryDialog dialog(m_db, QStringLiteral("fixtures"), QString());
        QCOMPARE(dialog.model()->rowCount(), 2);
        dialog.selectScans({m_beforeId, m_afterId});
        QCOMPARE(dialog.selectedScans(), (QList<qint64>{m_beforeId, m_afterId}));
        QVERIFY(
            dialog.findChild<QPushButton *>(QStringLiteral("historyCompareButton"))->isEnabled());
        std::unique_ptr<CompareDialog> cmp(dialog.makeComparison(m_beforeId, m_afterId));
        QVERIFY2(cmp, qPrintable(dialog.errorText()));
        const ScanDiff &diff = cmp->model()->diff();
        QCOMPARE(diff.count(ScanChange::Kind::NewFailure), 1);
        QCOMPARE(diff.count(ScanChange::Kind::Fixed), 1);
        QCOMPARE(diff.count(ScanChange::Kind::NodeRemoved), 1);
        QCOMPARE(cmp->view()->model()->rowCount(), int(diff.changes.size()));
        auto *summary = cmp->findChild<QLabel *>(QStringLiteral("compareSummary"));
        QVERIFY(summary->text().contains(QStringLiteral("New failure: 1")));

        auto *filter = cmp->findChild<QComboBox *>(QStringLiteral("compareKindFilter"));
        filter->setCurrentIndex(filter->findData(int(ScanChange::Kind::Fixed)));
        QCOMPARE(cmp->view()->model()->rowCount(), 1);
        QCOMPARE(cmp->view()->model()->index(0, ScanDiffModel::ControlColumn).data().toString(),
                 m_fixed);

        // Export of the comparison.
        const QString json = m_dir.filePath(QStringLiteral("diff.json"));
        QString error;
        QVERIFY2(cmp->exportTo(json, QStringLiteral("json"), &error), qPrintable(error));
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o, scanDiffToJson(diff));
        const QString html = m_dir.filePath(QStringLiteral("diff.html"));
        QVERIFY(cmp->exportTo(html, QStringLiteral("html"), &error));
        QFile h(html);
        QVERIFY(h.open(QIODevice::ReadOnly));
        QVERIFY(h.readAll().contains(m_newFailure.toUtf8()));
        QVERIFY(!cmp->exportTo(html, QStringLiteral("pdf"), &error));

        // One scan: compared with the scan before it.
        dialog.selectScans({m_afterId});
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("historyOpenButton"))->isEnabled());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("historyCompareShownButton"))
                     ->isEnabled());
    }

    void openPastScanAndExportWithComparison()
    {
        auto w = makeWindow();
        QString error;
        QVERIFY2(w->history()->openScan(m_afterId, &error), qPrintable(error));
        QCOMPARE(w->history()->currentScanId(), m_afterId);
        QCOMPARE(w->result().nodes.size(), m_after.nodes.size());
        QCOMPARE(w->matrixPanel()->model()->nodeCount(), int(m_after.nodes.size()));
        QCOMPARE(statusOf(w->result(), m_failNode, m_newFailure), Status::Fail);

        const ReportOptions o = w->history()->reportOptions();
        QVERIFY(o.comparison);
        QCOMPARE(o.comparison->beforeId, m_beforeId);
        for (const QString &format : reportFormats()) {
            const QString path = m_dir.filePath(QStringLiteral("export.") + format);
            QVERIFY2(w->exportReport(format, path, &error), qPrintable(format + error));
            QVERIFY(QFileInfo(path).size() > 0);
        }
        QFile html(m_dir.filePath(QStringLiteral("export.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray page = html.readAll();
        QVERIFY(page.contains("Changes since scan"));
        QVERIFY(page.contains(m_newFailure.toUtf8()));

        // Showing another result ends the link to the stored scan.
        w->showResult(m_bench, m_before);
        QCOMPARE(w->history()->currentScanId(), 0);
    }

    void waiveFromFailCellShowsWaivedEverywhere()
    {
        auto w = makeWindow();
        w->nodesModel()->setResult(m_before);
        w->showResult(m_bench, m_before);
        auto *waive = w->findChild<QAction *>(QStringLiteral("actionWaive"));
        QVERIFY(waive);
        QVERIFY(!waive->isEnabled());
        QVERIFY(w->selectCell(m_failControl, m_failNode));
        QCOMPARE(w->history()->selectedControl(), m_failControl);
        QVERIFY(waive->isEnabled());
        QVERIFY(w->matrixPanel()->view()->actions().contains(waive));
        const int failsBefore = w->result().summary().value(Status::Fail);

        bool okWasDisabled = false;
        onNextModal([&okWasDisabled](QWidget *d) {
            QCOMPARE(d->objectName(), QStringLiteral("waiverEditDialog"));
            auto *ok = d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            okWasDisabled = !ok->isEnabled(); // no justification yet
            auto *scope = d->findChild<QComboBox *>(QStringLiteral("waiverScope"));
            QVERIFY(scope->currentText().contains(QStringLiteral("kubeadm-cp-failing")));
            d->findChild<QPlainTextEdit *>(QStringLiteral("waiverJustification"))
                ->setPlainText(QStringLiteral("Vendor appliance until the Q3 upgrade"));
            d->findChild<QLineEdit *>(QStringLiteral("waiverOwner"))
                ->setText(QStringLiteral("alice@example.com"));
            QVERIFY(ok->isEnabled());
            ok->click();
        });
        waive->trigger();
        QVERIFY(okWasDisabled);

        // Result, matrix, summary and detail show WAIVED at once.
        QCOMPARE(statusOf(w->result(), m_failNode, m_failControl), Status::Waived);
        QCOMPARE(w->result().summary().value(Status::Fail), failsBefore - 1);
        QCOMPARE(w->result().summary().value(Status::Waived), 1);
        MatrixModel *m = w->matrixPanel()->model();
        int ci = -1, ni = -1;
        for (int i = 0; i < m_bench.controls.size(); ++i)
            if (m_bench.controls[i].id == m_failControl)
                ci = i;
        for (int i = 0; i < w->result().nodes.size(); ++i)
            if (w->result().nodes[i].name == m_failNode)
                ni = i;
        QCOMPARE(m->cellStatus(ci, ni), quint8(Status::Waived));
        auto *verdict = w->detailPane()->findChild<QLabel *>(QStringLiteral("detailVerdict"));
        QVERIFY2(verdict->text().contains(QStringLiteral("alice@example.com")),
                 qPrintable(verdict->text()));

        // Stored with the history; removing it in the Waivers dialog re-applies at once.
        ScanHistory h;
        QVERIFY(!h.open(m_db));
        QCOMPARE(h.waivers()->size(), 1);
        const QString id = h.waivers()->first().id;
        onNextModal([id](QWidget *d) {
            auto *dialog = qobject_cast<WaiversDialog *>(d);
            QVERIFY(dialog);
            QCOMPARE(dialog->model()->rowCount(), 1);
            QVERIFY(dialog->removeWaiver(id));
            QCOMPARE(dialog->model()->rowCount(), 0);
            dialog->close();
        });
        w->findChild<QAction *>(QStringLiteral("actionWaivers"))->trigger();
        QCOMPARE(statusOf(w->result(), m_failNode, m_failControl), Status::Fail);
        QCOMPARE(w->result().summary().value(Status::Waived), 0);
    }

    void waiversImportExport()
    {
        WaiversDialog dialog(m_db);
        const QString bad = m_dir.filePath(QStringLiteral("bad.yaml"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("version: 1\nwaivers:\n  - id: W-1\n    control: 1.2.5\n    justification: j\n"
                "    owner: o\n    expires: next year\n");
        f.close();
        QVERIFY(!dialog.importFile(bad));
        // The error names the file and the line of the bad date.
        QVERIFY2(dialog.errorText().contains(bad + QStringLiteral(":7")),
                 qPrintable(dialog.errorText()));
        QCOMPARE(dialog.model()->rowCount(), 0);

        const QString good = m_dir.filePath(QStringLiteral("good.yaml"));
        QFile g(good);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("version: 1\nwaivers:\n"
                "  - id: W-etcd\n    control: \"1.1.12\"\n    nodes: [control-plane]\n"
                "    justification: vendor\n    owner: bob\n    expires: 2099-12-31\n"
                "  - id: W-old\n    control: \"1.1.1\"\n    justification: old\n    owner: bob\n"
                "    expires: 2020-01-31\n");
        g.close();
        QSignalSpy changed(&dialog, &WaiversDialog::waiversChanged);
        QVERIFY2(dialog.importFile(good), qPrintable(dialog.errorText()));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(dialog.model()->rowCount(), 2);
        int expired = 0;
        for (int r = 0; r < 2; ++r)
            expired += dialog.model()->index(r, 0).data(WaiverModel::ExpiredRole).toBool();
        QCOMPARE(expired, 1);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("waiversInfo"))
                    ->text()
                    .contains(QStringLiteral("expired")));

        const QString out = m_dir.filePath(QStringLiteral("out.yaml"));
        QVERIFY(dialog.exportFile(out));
        auto back = loadWaiversFile(out);
        QVERIFY2(back, back ? "" : qPrintable(back.error().toString()));
        QCOMPARE(back->size(), 2);
        const auto etcd = std::find_if(back->cbegin(), back->cend(), [](const Waiver &x) {
            return x.id == QLatin1String("W-etcd");
        });
        QVERIFY(etcd != back->cend());
        QCOMPARE(etcd->nodes, QStringList{QStringLiteral("control-plane")});
        QVERIFY(dialog.removeWaiver(QStringLiteral("W-etcd")));
        QVERIFY(dialog.removeWaiver(QStringLiteral("W-old")));
        QVERIFY(!dialog.removeWaiver(QStringLiteral("W-old")));
        QVERIFY(!dialog.errorText().isEmpty());
    }

    // KINSPECT_COMPARE_SCREENSHOT=FILE (under Xvfb): a picture of the compare view for the docs.
    void compareScreenshot()
    {
        const QString out = qEnvironmentVariable("KINSPECT_COMPARE_SCREENSHOT");
        if (out.isEmpty())
            QSKIP("set KINSPECT_COMPARE_SCREENSHOT=FILE to save a picture of the compare view");
        HistoryDialog dialog(m_db, QStringLiteral("fixtures"), QString());
        std::unique_ptr<CompareDialog> cmp(dialog.makeComparison(m_beforeId, m_afterId));
        QVERIFY(cmp);
        cmp->show();
        QVERIFY(QTest::qWaitForWindowExposed(cmp.get()));
        QTest::qWait(300);
        QVERIFY(cmp->grab().save(out));
    }

    // A scan in the window is stored like `kinspect-cli scan` stores it: waivers applied first.
    void guiScanIsStoredWithWaivers()
    {
        const QString invPath = m_dir.filePath(QStringLiteral("lab.yaml"));
        QFile inv(invPath);
        QVERIFY(inv.open(QIODevice::WriteOnly));
        inv.write("cluster: fake\n"
                  "defaults: {user: root, port: 22, sudo: none}\n"
                  "nodes:\n"
                  "  - {name: kubeadm-cp-failing, host: 127.0.0.1, port: 2201, roles: "
                  "[control-plane]}\n");
        inv.close();
        {
            ScanHistory h;
            QVERIFY(!h.open(m_db));
            QVERIFY(!h.saveWaiver(Waiver{QStringLiteral("W-gui"),
                                         m_failControl,
                                         {QStringLiteral("control-plane")},
                                         QStringLiteral("accepted"),
                                         QStringLiteral("carol"),
                                         QDate::currentDate().addDays(30),
                                         {}}));
        }
        auto w = makeWindow();
        QVERIFY(w->openInventory(invPath, true));
        w->setBenchmarkChoice(QStringLiteral("cis-1.12"));
        QFile snap(QStringLiteral(KINSPECT_TEST_DATA "/snapshots/kubeadm-cp-failing.snap"));
        QVERIFY(snap.open(QIODevice::ReadOnly));
        const QByteArray data = snap.readAll();
        w->scanController()->setRunnerFactory([data](const NodeSpec &) {
            return std::unique_ptr<ICommandRunner>(new FakeRunner(data));
        });
        QSignalSpy finished(w.get(), &MainWindow::scanFinished);
        w->findChild<QAction *>(QStringLiteral("actionScan"))->trigger();
        QVERIFY(finished.wait(20000));
        QCOMPARE(statusOf(w->result(), m_failNode, m_failControl), Status::Waived);
        const qint64 id = w->history()->currentScanId();
        QVERIFY(id > m_afterId);
        ScanHistory h;
        QVERIFY(!h.open(m_db));
        auto stored = h.loadScan(id);
        QVERIFY(stored);
        QCOMPARE(stored->info.inventory, QFileInfo(invPath).absoluteFilePath());
        QCOMPARE(statusOf(stored->result, m_failNode, m_failControl), Status::Waived);
        // The History dialog of this inventory lists exactly that scan.
        HistoryDialog dialog(m_db, QStringLiteral("fake"), QFileInfo(invPath).absoluteFilePath());
        QCOMPARE(dialog.model()->rowCount(), 1);
        QCOMPARE(dialog.model()->scanAt(0)->id, id);
        QVERIFY(!h.deleteScan(id));
        QVERIFY(!h.removeWaiver(QStringLiteral("W-gui")));
    }

    void shownResultIsStored()
    {
        auto w = makeWindow();
        w->showResult(m_bench, m_after);
        QString error;
        QVERIFY2(w->history()->saveShownResult(&error), qPrintable(error));
        const qint64 id = w->history()->currentScanId();
        QVERIFY(id > m_afterId);
        ScanHistory h;
        QVERIFY(!h.open(m_db));
        QCOMPARE(h.previousScan(id), std::optional<qint64>(m_afterId));
        QVERIFY(!h.deleteScan(id));
    }
};

QTEST_MAIN(TestHistoryGui)
#include "TestHistoryGui.moc"
