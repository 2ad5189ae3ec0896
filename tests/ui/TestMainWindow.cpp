// The real MainWindow driven by objectName (KeePassXC's style): open a saved result and an
// inventory, find a FAIL cell and open its detail, filter, search, switch views, export every
// report format, scan and cancel through a fake transport, answer prompts through the seam, and
// switch the language.

#include "UiFixtures.h"

#include "common/ResultFile.h"
#include "detail/DetailPane.h"
#include "detail/EvidenceModel.h"
#include "inventory/InventoryDialog.h"
#include "inventory/NodeDialog.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/SummaryWidget.h"
#include "matrix/MatrixFilterModel.h"
#include "matrix/MatrixModel.h"
#include "matrix/MatrixPanel.h"
#include "nodes/NodesModel.h"
#include "prompts/HostKeyDialog.h"
#include "prompts/PromptBridge.h"
#include "prompts/SecretDialog.h"
#include "report/ReportFormats.h"
#include "scan/ScanController.h"
#include "settings/Translations.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QTreeView>
#include <QXmlStreamReader>

using namespace kinspect;
using namespace kinspect::ui;
using namespace kinspect::testing;

namespace {

// A node whose "collector" prints a fixture snapshot, or hangs until cancelled.
class FakeRunner : public ICommandRunner
{
public:
    FakeRunner(QByteArray snapshot, bool hang) : m_snapshot(std::move(snapshot)), m_hang(hang) {}
    bool connect(const std::atomic_bool *, RemoteError *) override { return true; }
    bool run(const RemoteCommand &, RemoteResult *result, const std::atomic_bool *cancel,
             RemoteError *error) override
    {
        if (m_hang) {
            while (!cancel->load())
                QThread::msleep(5);
            error->kind = ErrorKind::Cancelled;
            error->message = QStringLiteral("cancelled");
            return false;
        }
        QThread::msleep(20);
        result->exitStatus = 0;
        result->stdoutData = m_snapshot;
        return true;
    }
    void disconnect() override {}

private:
    QByteArray m_snapshot;
    bool m_hang;
};

class RecordingPrompter : public IPrompter
{
public:
    HostKeyDecision askHostKey(const HostKeyInfo &info) override
    {
        onGuiThread = QThread::currentThread() == qApp->thread();
        fingerprints << info.fingerprint;
        return HostKeyDecision::AcceptOnce;
    }
    bool askSecret(const QString &node, const QString &prompt, QByteArray *secret) override
    {
        onGuiThread = QThread::currentThread() == qApp->thread();
        prompts << node + QLatin1Char(':') + prompt;
        *secret = "s3cret";
        return true;
    }
    bool onGuiThread = false;
    QStringList fingerprints;
    QStringList prompts;
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Benchmark m_bench;
    ClusterResult m_result;
    QString m_resultPath;
    QString m_inventoryPath;

    template <typename T>
    static T *child(QWidget *w, const char *name)
    {
        T *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qWarning("no child %s", name);
        return c;
    }

    // The first visible FAIL cell of the matrix (proxy index).
    static QModelIndex findFailCell(QTreeView *view)
    {
        QAbstractItemModel *m = view->model();
        for (int s = 0; s < m->rowCount(); ++s) {
            const QModelIndex sec = m->index(s, 0);
            for (int r = 0; r < m->rowCount(sec); ++r)
                for (int c = MatrixModel::FirstNodeColumn; c < m->columnCount(sec); ++c) {
                    const QModelIndex cell = m->index(r, c, sec);
                    if (cell.data(MatrixModel::StatusRole).toInt() == int(Status::Fail))
                        return cell;
                }
        }
        return {};
    }

    static int visibleControls(QAbstractItemModel *m)
    {
        int n = 0;
        for (int s = 0; s < m->rowCount(); ++s)
            n += m->rowCount(m->index(s, 0));
        return n;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("KinspectTest"));
        QApplication::setApplicationName(QStringLiteral("KinspectUiTest"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_bench = loadBenchmark();
        m_result = fixtureResult(m_bench);
        m_resultPath = m_dir.filePath(QStringLiteral("result.json"));
        QVERIFY(saveResultFile(m_bench, m_result, m_resultPath).ok());
        m_inventoryPath = m_dir.filePath(QStringLiteral("cluster.yaml"));
        QFile inv(m_inventoryPath);
        QVERIFY(inv.open(QIODevice::WriteOnly));
        inv.write("cluster: fake\n"
                  "defaults: {user: root, port: 22, sudo: none}\n"
                  "nodes:\n"
                  "  - {name: cp-failing, host: 127.0.0.1, port: 2201, roles: [control-plane]}\n"
                  "  - {name: cp-good, host: 127.0.0.1, port: 2202}\n"
                  "  - {name: worker, host: 127.0.0.1, port: 2203, roles: [worker]}\n");
        inv.close();
    }

    void openResultFindFailCellOpenDetail()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openResult(m_resultPath, true));
        auto *view = child<QTreeView>(&w, "matrixView");
        QVERIFY(view);
        QCOMPARE(visibleControls(view->model()), int(m_bench.controls.size()));

        const QModelIndex fail = findFailCell(view);
        QVERIFY(fail.isValid());
        view->scrollTo(fail);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(fail).center());
        const QString id = fail.data(MatrixModel::ControlIdRole).toString();
        const int node = fail.data(MatrixModel::NodeIndexRole).toInt();
        auto *detail = child<DetailPane>(&w, "detailPane");
        QCOMPARE(detail->controlId(), id);
        auto *title = child<QLabel>(&w, "detailTitle");
        QVERIFY(title->text().startsWith(id));
        auto *verdict = child<QLabel>(&w, "detailVerdict");
        QVERIFY(verdict->text().contains(m_result.nodes[node].name));
        QVERIFY(verdict->text().contains(QLatin1String("Fail")));
        auto *text = child<QTextBrowser>(&w, "detailText");
        const QString plain = text->toPlainText();
        for (const char *heading : {"Description", "Rationale", "Audit", "Remediation"})
            QVERIFY2(plain.contains(QLatin1String(heading)), heading);
        const Control *control = m_bench.control(id);
        QVERIFY(plain.contains(
            control->description.left(20).simplified().section(QLatin1Char('`'), 0, 0)));
        auto *evidence = child<QTableView>(&w, "evidenceView");
        const ControlResult *cr = w.matrixPanel()->model()->cellResult(
            w.matrixPanel()->model()->controlIndexOf(w.matrixPanel()->model()->indexOfControl(id)),
            node);
        QVERIFY(cr);
        QCOMPARE(evidence->model()->rowCount(), int(cr->evidence.size()));

        // The summary counts what the result holds, and the score is PASS/(PASS+FAIL).
        const auto summary = m_result.summary();
        QCOMPARE(w.summaryWidget()->count(Status::Fail), summary.value(Status::Fail));
        const double score = 100.0 * summary.value(Status::Pass) /
                             (summary.value(Status::Pass) + summary.value(Status::Fail));
        QVERIFY(child<QLabel>(&w, "scoreLabel")->text().contains(QString::number(score, 'f', 1)));

        // Double-click opens the node view of that node.
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(fail).center());
        auto *tabs = child<QTabWidget>(&w, "viewTabs");
        QCOMPARE(tabs->currentIndex(), 1);
        auto *nodeTable = child<QTableView>(&w, "nodeViewTable");
        QCOMPARE(nodeTable->model()->rowCount(), int(m_bench.controls.size()));
        QCOMPARE(child<QComboBox>(&w, "nodeViewCombo")->currentText(), m_result.nodes[node].name);

        // The control view lists the control on every node.
        w.findChild<QAction *>(QStringLiteral("actionControlView"))->trigger();
        QCOMPARE(tabs->currentIndex(), 2);
        QCOMPARE(child<QTableView>(&w, "controlViewTable")->model()->rowCount(),
                 int(m_result.nodes.size()));

        w.findChild<QAction *>(QStringLiteral("actionMatrixView"))->trigger();
        // The frozen control columns line up with the matrix rows, also after scrolling.
        auto *frozen = child<QTreeView>(&w, "matrixFrozenColumns");
        QVERIFY(frozen && frozen->isVisible());
        for (int pass = 0; pass < 2; ++pass) {
            const QModelIndex sec = view->model()->index(1, 0);
            for (int r = 0; r < view->model()->rowCount(sec); r += 5) {
                const QModelIndex i = view->model()->index(r, 0, sec);
                QCOMPARE(frozen->visualRect(i).top(), view->visualRect(i).top());
            }
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
            QCoreApplication::processEvents();
        }
        QCOMPARE(frozen->verticalScrollBar()->value(), view->verticalScrollBar()->value());
    }

    void filterAndSearch()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openResult(m_resultPath, true));
        auto *view = child<QTreeView>(&w, "matrixView");
        auto *status = child<QComboBox>(&w, "statusFilterCombo");
        const int failBit = 1 << int(Status::Fail);
        status->setCurrentIndex(status->findData(failBit));
        const int failing = visibleControls(view->model());
        QVERIFY(failing > 0);
        QVERIFY(failing < m_bench.controls.size());
        QAbstractItemModel *m = view->model();
        for (int s = 0; s < m->rowCount(); ++s)
            for (int r = 0; r < m->rowCount(m->index(s, 0)); ++r) {
                bool any = false;
                for (int c = MatrixModel::FirstNodeColumn; c < m->columnCount(); ++c)
                    any = any || m->index(r, c, m->index(s, 0)).data(MatrixModel::StatusRole) ==
                                     int(Status::Fail);
                QVERIFY(any);
            }
        status->setCurrentIndex(0);

        // Ctrl+F focuses the search box; typing an id leaves that control.
        w.activateWindow();
        w.findChild<QAction *>(QStringLiteral("actionFind"))->trigger();
        auto *search = child<QLineEdit>(&w, "searchEdit");
        QTest::keyClicks(search, QStringLiteral("4.2.10"));
        QCOMPARE(visibleControls(view->model()), 1);
        search->clear();
        QCOMPARE(visibleControls(view->model()), int(m_bench.controls.size()));

        auto *roles = child<QComboBox>(&w, "roleFilterCombo");
        const int worker = roles->findData(QStringLiteral("worker"));
        QVERIFY(worker > 0);
        roles->setCurrentIndex(worker);
        QVERIFY(view->model()->columnCount() <
                MatrixModel::FirstNodeColumn + m_result.nodes.size());
        roles->setCurrentIndex(0);

        auto *section = child<QComboBox>(&w, "sectionFilterCombo");
        section->setCurrentIndex(section->findData(QStringLiteral("5")));
        QVERIFY(visibleControls(view->model()) > 0);
        QVERIFY(view->model()->index(0, 0).data().toString().startsWith(QLatin1String("5")));
        section->setCurrentIndex(0);

        w.findChild<QAction *>(QStringLiteral("actionWorstFirst"))->trigger();
        QCOMPARE(view->model()
                     ->index(0, MatrixModel::AggregateColumn)
                     .data(MatrixModel::RankRole)
                     .toInt(),
                 0);
    }

    void exportEveryFormat()
    {
        MainWindow w;
        QVERIFY(w.openResult(m_resultPath, true));
        QVERIFY(w.findChild<QAction *>(QStringLiteral("actionExportReport"))->isEnabled());
        for (const QString &format : reportFormats()) {
            const QString path = m_dir.filePath(QStringLiteral("export.") + format);
            QString error;
            QVERIFY2(w.exportReport(format, path, &error), qPrintable(error));
            QVERIFY2(QFileInfo(path).size() > 0, qPrintable(format));
        }
        auto back = loadResultFile(m_dir.filePath(QStringLiteral("export.json")));
        QVERIFY(back.ok());
        QCOMPARE(back->nodes.size(), m_result.nodes.size());
        QString error;
        QVERIFY(!w.exportReport(QStringLiteral("no-such-format"),
                                m_dir.filePath(QStringLiteral("x")), &error));
        QVERIFY(!error.isEmpty());
    }

    void inventoryOpenEditSaveRecent()
    {
        MainWindow w;
        QVERIFY(w.openInventory(m_inventoryPath, true));
        QCOMPARE(w.nodesModel()->rowCount(), 3);
        QVERIFY(w.findChild<QAction *>(QStringLiteral("actionScan"))->isEnabled());
        QVERIFY(w.recentFiles().contains(QFileInfo(m_inventoryPath).absoluteFilePath()));
        Inventory inv = w.inventory();
        NodeSpec extra = inv.nodes.last();
        extra.name = QStringLiteral("worker-2");
        extra.port = 2204;
        inv.nodes << extra;
        inv.nodes.removeFirst();
        w.setInventory(inv);
        QCOMPARE(w.nodesModel()->rowCount(), 3);
        const QString saved = m_dir.filePath(QStringLiteral("saved.yaml"));
        QVERIFY(w.saveInventory(saved));
        auto back = loadInventory(saved);
        QVERIFY(back.ok());
        QCOMPARE(back->nodes.size(), 3);
        QCOMPARE(back->nodes.last().name, QStringLiteral("worker-2"));
        QCOMPARE(back->nodes.first().name, QStringLiteral("cp-good"));
        QVERIFY(!w.openInventory(m_dir.filePath(QStringLiteral("missing.yaml")), true));
    }

    void inventoryDialogAddRemoveDefaults()
    {
        auto loaded = loadInventory(m_inventoryPath);
        QVERIFY(loaded.ok());
        InventoryDialog d(*loaded);
        d.show();
        auto *view = d.findChild<QTableView *>(QStringLiteral("inventoryNodesView"));
        QCOMPARE(view->model()->rowCount(), 3);
        view->setCurrentIndex(view->model()->index(0, 0));
        d.findChild<QPushButton *>(QStringLiteral("removeNodeButton"))->click();
        QCOMPARE(view->model()->rowCount(), 2);
        // "Add…" opens a NodeDialog: fill it in as a person would.
        QTimer::singleShot(0, this, [] {
            auto *nd = qobject_cast<NodeDialog *>(QApplication::activeModalWidget());
            QVERIFY(nd);
            QTest::keyClicks(nd->findChild<QLineEdit *>(QStringLiteral("nodeNameEdit")),
                             QStringLiteral("worker-9"));
            QTest::keyClicks(nd->findChild<QLineEdit *>(QStringLiteral("nodeHostEdit")),
                             QStringLiteral("10.0.0.9"));
            nd->accept();
        });
        d.findChild<QPushButton *>(QStringLiteral("addNodeButton"))->click();
        QCOMPARE(view->model()->rowCount(), 3);
        auto *user = d.findChild<QLineEdit *>(QStringLiteral("defaultUserEdit"));
        user->setText(QStringLiteral("admin"));
        const Inventory edited = d.inventory();
        QCOMPARE(edited.nodes.size(), 3);
        QCOMPARE(edited.nodes.last().name, QStringLiteral("worker-9"));
        QCOMPARE(edited.nodes.last().host, QStringLiteral("10.0.0.9"));
        QCOMPARE(edited.defaults.user, QStringLiteral("admin"));
        for (const NodeSpec &n : edited.nodes)
            QCOMPARE(n.user, QStringLiteral("admin")); // nodes on the old default follow it
        QVERIFY(!inventoryToYaml(edited).contains("cp-failing"));
    }

    void scanAndCancelWithFakeTransport()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openInventory(m_inventoryPath, true));
        const QByteArray failing =
            readFile(QStringLiteral(KINSPECT_TEST_DATA "/snapshots/kubeadm-cp-failing.snap"));
        const QByteArray good =
            readFile(QStringLiteral(KINSPECT_TEST_DATA "/snapshots/kubeadm-cp-compliant.snap"));
        const QByteArray worker =
            readFile(QStringLiteral(KINSPECT_TEST_DATA "/snapshots/worker-custom-config.snap"));
        QVERIFY(!failing.isEmpty() && !good.isEmpty() && !worker.isEmpty());
        bool hang = false;
        int runnersMade = 0;
        const auto factory = [&](const NodeSpec &n) {
            ++runnersMade;
            const QByteArray data = n.name == QLatin1String("cp-failing") ? failing
                                    : n.name == QLatin1String("cp-good")  ? good
                                                                          : worker;
            return std::unique_ptr<ICommandRunner>(new FakeRunner(data, hang));
        };
        w.scanController()->setRunnerFactory(factory);
        QSignalSpy finished(&w, &MainWindow::scanFinished);
        w.findChild<QAction *>(QStringLiteral("actionScan"))->trigger();
        QVERIFY(w.isScanning());
        QVERIFY(!w.findChild<QAction *>(QStringLiteral("actionScan"))->isEnabled());
        QVERIFY(w.findChild<QAction *>(QStringLiteral("actionCancelScan"))->isEnabled());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
        // Automatic benchmark: the fixtures run Kubernetes 1.29, which picks a benchmark by range.
        QVERIFY(!w.benchmark().id.isEmpty());
        QCOMPARE(w.result().nodes.size(), 3);
        for (const NodeResult &n : w.result().nodes)
            QVERIFY2(n.audited, qPrintable(n.errorMessage));
        auto *view = child<QTreeView>(&w, "matrixView");
        const QModelIndex fail = findFailCell(view);
        QVERIFY(fail.isValid());
        QVERIFY(w.result().nodes[0].count(Status::Fail) > 0); // cp-failing
        QVERIFY(w.result().nodes[0].count(Status::Fail) > w.result().nodes[1].count(Status::Fail));
        QCOMPARE(w.nodesModel()->index(0, NodesModel::DistributionColumn).data().toString(),
                 QStringLiteral("kubeadm"));

        // A re-scan (F5 again) keeps the runners, i.e. the open sessions.
        QCOMPARE(runnersMade, 3);
        finished.clear();
        w.findChild<QAction *>(QStringLiteral("actionScan"))->trigger();
        QVERIFY(finished.wait(20000));
        QCOMPARE(runnersMade, 3);
        QVERIFY(w.result().nodes[0].audited);

        // Cancel: every node hangs until the Cancel action (Esc) stops the scan.
        hang = true;
        w.scanController()->setRunnerFactory(factory);
        finished.clear();
        w.findChild<QAction *>(QStringLiteral("actionScan"))->trigger();
        QVERIFY(w.isScanning());
        QTest::qWait(100);
        QElapsedTimer t;
        t.start();
        w.findChild<QAction *>(QStringLiteral("actionCancelScan"))->trigger();
        QVERIFY(finished.wait(10000));
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(finished.first().first().toBool(), true);
        for (const NodeResult &n : w.result().nodes)
            QVERIFY(!n.audited);
        QVERIFY(!w.isScanning());
        QVERIFY(w.findChild<QAction *>(QStringLiteral("actionScan"))->isEnabled());
    }

    void promptsReachTheGuiThread()
    {
        RecordingPrompter prompter;
        PromptBridge bridge(&prompter);
        HostKeyDecision decision = HostKeyDecision::Refuse;
        bool secretOk = false;
        QByteArray secret;
        QThread *worker = QThread::create([&] {
            HostKeyInfo info;
            info.node = QStringLiteral("cp-1");
            info.fingerprint = QStringLiteral("SHA256:abc");
            decision = bridge.askHostKey(info);
            secretOk =
                bridge.askSecret(QStringLiteral("cp-1"), QStringLiteral("sudo password"), &secret);
        });
        worker->start();
        QTRY_VERIFY(worker->isFinished());
        worker->wait();
        delete worker;
        QCOMPARE(decision, HostKeyDecision::AcceptOnce);
        QVERIFY(secretOk);
        QCOMPARE(secret, QByteArray("s3cret"));
        QVERIFY(prompter.onGuiThread);
        QCOMPARE(prompter.fingerprints, QStringList{QStringLiteral("SHA256:abc")});
        // Once cancelled, nobody is asked.
        bridge.setCancelled(true);
        QCOMPARE(bridge.askHostKey(HostKeyInfo{}), HostKeyDecision::Refuse);
        QCOMPARE(prompter.fingerprints.size(), 1);
    }

    void hostKeyAndSecretDialogs()
    {
        HostKeyInfo info;
        info.node = QStringLiteral("cp-1");
        info.host = QStringLiteral("10.0.0.5");
        info.port = 2222;
        info.keyType = QStringLiteral("ssh-ed25519");
        info.fingerprint = QStringLiteral("SHA256:QmFzZTY0IGZpbmdlcnByaW50");
        info.knownHostsFile = QStringLiteral("/tmp/kh");
        const struct
        {
            const char *button;
            HostKeyDecision decision;
        } cases[] = {{"acceptOnceButton", HostKeyDecision::AcceptOnce},
                     {"acceptSaveButton", HostKeyDecision::AcceptAndSave},
                     {"refuseButton", HostKeyDecision::Refuse}};
        for (const auto &c : cases) {
            HostKeyDialog d(info);
            QCOMPARE(d.findChild<QLabel *>(QStringLiteral("fingerprintLabel"))->text(),
                     info.fingerprint);
            d.findChild<QPushButton *>(QLatin1String(c.button))->click();
            QCOMPARE(d.decision(), c.decision);
        }
        SecretDialog s(QStringLiteral("cp-sudo"), QStringLiteral("sudo password for kadmin:"),
                       false);
        auto *edit = s.findChild<QLineEdit *>(QStringLiteral("secretEdit"));
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QTest::keyClicks(edit, QStringLiteral("pw"));
        QCOMPARE(s.secret(), QByteArray("pw"));
        QVERIFY(!s.rememberInKeychain()); // no keychain offered, nothing stored
        QVERIFY(s.windowTitle().contains(QLatin1String("sudo")));
    }

    void translationFilesComplete()
    {
        for (const char *lang : {"de", "fr"}) {
            QFile f(QStringLiteral(KINSPECT_SOURCE_DIR "/translations/kinspect_%1.ts")
                        .arg(QLatin1String(lang)));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QXmlStreamReader xml(&f);
            int messages = 0;
            QString source;
            while (!xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == QLatin1String("source")) {
                    source = xml.readElementText();
                    ++messages;
                } else if (xml.name() == QLatin1String("translation")) {
                    const auto type = xml.attributes().value(QLatin1String("type"));
                    QVERIFY2(type != QLatin1String("unfinished") &&
                                 type != QLatin1String("obsolete") &&
                                 type != QLatin1String("vanished"),
                             qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(lang), source)));
                    const QString text =
                        xml.readElementText(QXmlStreamReader::IncludeChildElements);
                    QVERIFY2(!text.trimmed().isEmpty(),
                             qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(lang), source)));
                }
            }
            QVERIFY(!xml.hasError());
            QVERIFY(messages > 200);
        }
    }

    void translationsLoadAndSwitch()
    {
        MainWindow w;
        QAction *scan = w.findChild<QAction *>(QStringLiteral("actionScan"));
        QCOMPARE(scan->text(), QStringLiteral("&Scan"));
        QCOMPARE(Translations::install(QStringLiteral("de")), QStringLiteral("de"));
        QCoreApplication::processEvents();
        QCOMPARE(scan->text(), QStringLiteral("&Prüfen"));
        QCOMPARE(w.findChild<QTabWidget *>(QStringLiteral("viewTabs"))->tabText(1),
                 QStringLiteral("Knotenansicht"));
        QCOMPARE(Translations::install(QStringLiteral("fr")), QStringLiteral("fr"));
        QCoreApplication::processEvents();
        QCOMPARE(scan->text(), QStringLiteral("&Analyser"));
        QCOMPARE(Translations::install(QStringLiteral("en")), QStringLiteral("en"));
        QCoreApplication::processEvents();
        QCOMPARE(scan->text(), QStringLiteral("&Scan"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
