// The desktop app against the lab (real sshd, sudo, collector): open the lab's inventory in the
// real MainWindow, scan with the Scan action, find a FAIL cell and open its detail, filter, and
// cancel a scan that hangs on a stopped sshd. Prompts (cp-sudo's sudo password) are answered
// through the IPrompter seam. Needs root; brings up its own lab.

#include "LabTools.h"
#include "detail/DetailPane.h"
#include "mainwindow/MainWindow.h"
#include "matrix/MatrixModel.h"
#include "nodes/NodesModel.h"
#include "prompts/IPrompter.h"
#include "scan/ScanController.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QThread>
#include <QTreeView>

#include <unistd.h>

using namespace kinspect;
using namespace kinspect::ui;

namespace {

const QString kLabDir = QStringLiteral("/tmp/kinspect-ui-lab");
const int kBasePort = 26001;

class LabPrompter : public IPrompter
{
public:
    HostKeyDecision askHostKey(const HostKeyInfo &info) override
    {
        hostKeys << info.node;
        return HostKeyDecision::Refuse; // the lab's known_hosts knows every node
    }
    bool askSecret(const QString &node, const QString &prompt, QByteArray *secret) override
    {
        onGuiThread = onGuiThread && QThread::currentThread() == qApp->thread();
        asked << node + QLatin1Char(':') + prompt;
        if (!prompt.startsWith(QLatin1String("sudo")))
            return false;
        *secret = sudoPassword.toUtf8();
        return true;
    }
    QString sudoPassword;
    QStringList asked;
    QStringList hostKeys;
    bool onGuiThread = true;
};

} // namespace

class TestUiLabScan : public QObject
{
    Q_OBJECT

    bool m_up = false;
    LabPrompter m_prompter;

    void configure(MainWindow &w)
    {
        SshOptions o;
        o.knownHostsFile = kLabDir + QStringLiteral("/known_hosts");
        o.sshConfigFile = QStringLiteral("none");
        o.useAgent = false;
        o.connectTimeoutSec = 10;
        o.commandTimeoutSec = 60;
        w.setSshOptions(o);
        w.setPrompter(&m_prompter);
    }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the lab needs root");
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("KinspectTest"));
        QApplication::setApplicationName(QStringLiteral("KinspectUiLabTest"));
        QString out;
        m_up = testlab::runLab({QStringLiteral("up"), QStringLiteral("--dir"), kLabDir,
                                QStringLiteral("--base-port"), QString::number(kBasePort)},
                               &out);
        QVERIFY2(m_up, qPrintable(out));
        m_prompter.sudoPassword =
            testlab::labSecret(kLabDir, QStringLiteral("KADMIN_SUDO_PASSWORD"));
        QVERIFY(!m_prompter.sudoPassword.isEmpty());
    }

    void cleanupTestCase()
    {
        if (!m_up)
            return;
        QString out;
        testlab::runLab({QStringLiteral("fault"), QStringLiteral("cp-1"),
                         QStringLiteral("cont-sshd"), QStringLiteral("--dir"), kLabDir},
                        &out);
        QVERIFY2(testlab::runLab({QStringLiteral("down"), QStringLiteral("--dir"), kLabDir}, &out),
                 qPrintable(out));
    }

    void scanTheLabFindFailOpenDetailFilter()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        configure(w);
        QVERIFY(w.openInventory(kLabDir + QStringLiteral("/inventory.yaml"), true));
        auto *nodes = w.findChild<QTableView *>(QStringLiteral("nodesView"));
        QVERIFY(nodes->model()->rowCount() >= 6);
        QCOMPARE(w.benchmarkChoice(), QString()); // automatic

        QSignalSpy finished(&w, &MainWindow::scanFinished);
        QSignalSpy stages(w.scanController(), &ScanController::nodeStageChanged);
        w.findChild<QAction *>(QStringLiteral("actionScan"))->trigger();
        QVERIFY(w.isScanning());
        QVERIFY(finished.wait(180000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(stages.size() >= nodes->model()->rowCount() * 2); // progress per node
        QCOMPARE(w.benchmark().id, QStringLiteral("cis-1.12"));   // lab runs Kubernetes 1.32
        for (const NodeResult &n : w.result().nodes)
            QVERIFY2(n.audited, qPrintable(n.name + QStringLiteral(": ") + n.errorMessage));
        // cp-sudo asked for its sudo password through the seam, on the GUI thread.
        QVERIFY(!m_prompter.asked.isEmpty());
        QVERIFY(m_prompter.asked.first().startsWith(QLatin1String("cp-sudo:")));
        QVERIFY(m_prompter.onGuiThread);
        QVERIFY(m_prompter.hostKeys.isEmpty());
        for (int r = 0; r < nodes->model()->rowCount(); ++r)
            QCOMPARE(nodes->model()->index(r, NodesModel::DistributionColumn).data().toString(),
                     QStringLiteral("kubeadm"));

        // cp-2 fails 1.1.1 (manifest mode): find that cell in the matrix, click it.
        int cp2 = -1;
        for (int i = 0; i < w.result().nodes.size(); ++i)
            if (w.result().nodes[i].name == QLatin1String("cp-2"))
                cp2 = i;
        QVERIFY(cp2 >= 0);
        auto *view = w.findChild<QTreeView *>(QStringLiteral("matrixView"));
        auto *search = w.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        search->setText(QStringLiteral("1.1.1 "));
        QModelIndex cell;
        QAbstractItemModel *m = view->model();
        for (int s = 0; s < m->rowCount() && !cell.isValid(); ++s)
            for (int r = 0; r < m->rowCount(m->index(s, 0)); ++r)
                for (int c = MatrixModel::FirstNodeColumn; c < m->columnCount(); ++c) {
                    const QModelIndex i = m->index(r, c, m->index(s, 0));
                    if (i.data(MatrixModel::ControlIdRole).toString() == QLatin1String("1.1.1") &&
                        i.data(MatrixModel::NodeIndexRole).toInt() == cp2)
                        cell = i;
                }
        QVERIFY(cell.isValid());
        QCOMPARE(cell.data(MatrixModel::StatusRole).toInt(), int(Status::Fail));
        view->scrollTo(cell);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
        auto *detail = w.findChild<DetailPane *>(QStringLiteral("detailPane"));
        QCOMPARE(detail->controlId(), QStringLiteral("1.1.1"));
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("detailVerdict"))
                    ->text()
                    .contains(QLatin1String("cp-2")));
        auto *evidence = w.findChild<QTableView *>(QStringLiteral("evidenceView"));
        QVERIFY(evidence->model()->rowCount() > 0);
        bool statEvidence = false;
        for (int r = 0; r < evidence->model()->rowCount(); ++r)
            statEvidence =
                statEvidence || evidence->model()->index(r, 1).data().toString().contains(
                                    QLatin1String("kube-apiserver.yaml"));
        QVERIFY(statEvidence);
        search->clear();

        // Filter: FAIL only keeps cp-2's failing controls; worker role hides control planes.
        auto *status = w.findChild<QComboBox *>(QStringLiteral("statusFilterCombo"));
        status->setCurrentIndex(status->findData(1 << int(Status::Fail)));
        QVERIFY(m->rowCount() > 0);
        auto *roles = w.findChild<QComboBox *>(QStringLiteral("roleFilterCombo"));
        roles->setCurrentIndex(roles->findData(QStringLiteral("worker")));
        for (int c = MatrixModel::FirstNodeColumn; c < m->columnCount(); ++c)
            QVERIFY(!m->headerData(c, Qt::Horizontal).toString().startsWith(QLatin1String("cp-")));
        status->setCurrentIndex(0);
        roles->setCurrentIndex(0);
    }

    void cancelAHangingScan()
    {
        QString out;
        QVERIFY2(testlab::runLab({QStringLiteral("fault"), QStringLiteral("cp-1"),
                                  QStringLiteral("stop-sshd"), QStringLiteral("--dir"), kLabDir},
                                 &out),
                 qPrintable(out));
        MainWindow w;
        w.show();
        configure(w);
        SshOptions o = w.scanController()->sshOptions();
        o.connectTimeoutSec = 120; // the scan would hang for two minutes on cp-1
        w.setSshOptions(o);
        QVERIFY(w.openInventory(kLabDir + QStringLiteral("/inventory.yaml"), true));
        QSignalSpy finished(&w, &MainWindow::scanFinished);
        w.findChild<QAction *>(QStringLiteral("actionScan"))->trigger();
        QVERIFY(w.isScanning());
        // The others finish; cp-1 hangs before the banner.
        QTest::qWait(3000);
        if (!w.isScanning()) {
            QString why;
            for (const NodeResult &n : w.result().nodes)
                if (n.name == QLatin1String("cp-1"))
                    why = n.audited ? QStringLiteral("cp-1 was audited: sshd not stopped?")
                                    : n.errorKind + QStringLiteral(": ") + n.errorMessage;
            QFAIL(qPrintable(QStringLiteral("the scan did not hang on cp-1 (%1)").arg(why)));
        }
        QElapsedTimer t;
        t.start();
        QTest::keyClick(&w, Qt::Key_Escape); // the Cancel shortcut
        QVERIFY(finished.wait(30000));
        QVERIFY2(t.elapsed() < 15000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(finished.first().first().toBool(), true);
        const NodeResult *cp1 = nullptr;
        for (const NodeResult &n : w.result().nodes)
            if (n.name == QLatin1String("cp-1"))
                cp1 = &n;
        QVERIFY(cp1);
        QVERIFY(!cp1->audited);
        QVERIFY2(testlab::runLab({QStringLiteral("fault"), QStringLiteral("cp-1"),
                                  QStringLiteral("cont-sshd"), QStringLiteral("--dir"), kLabDir},
                                 &out),
                 qPrintable(out));
    }
};

QTEST_MAIN(TestUiLabScan)
#include "TestUiLabScan.moc"
