// The remediation wizard against the lab (real sshd, sudo, collector, static-pod supervisor):
// scan under cis-1.5.1, cp-2 fails 1.2.5 -> "Fix…" -> default parameters -> apply -> the
// re-check PASSes and the matrix shows it -> rollback -> FAIL again, the file as before.
// Needs root; brings up its own lab (ports 27501+).

#include "LabTools.h"
#include "mainwindow/MainWindow.h"
#include "prompts/IPrompter.h"
#include "remediate/RemediationLog.h"
#include "remediation/RemediationLauncher.h"
#include "remediation/RemediationWizard.h"
#include "remediation/SideBySideDiffModel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace kinspect;
using namespace kinspect::ui;

namespace {

const QString kLabDir = QStringLiteral("/tmp/kinspect-wiz-lab");
const int kBasePort = 27501;
const QString kApiserver = QStringLiteral("/etc/kubernetes/manifests/kube-apiserver.yaml");

class LabPrompter : public IPrompter
{
public:
    HostKeyDecision askHostKey(const HostKeyInfo &) override { return HostKeyDecision::Refuse; }
    bool askSecret(const QString &, const QString &prompt, QByteArray *secret) override
    {
        if (!prompt.startsWith(QLatin1String("sudo")))
            return false;
        *secret = sudoPassword.toUtf8();
        return true;
    }
    QString sudoPassword;
};

Status statusOf(const MainWindow &w, const QString &node, const QString &control)
{
    for (const NodeResult &n : w.result().nodes)
        if (n.name == node)
            for (const ControlResult &c : n.results)
                if (c.controlId == control)
                    return c.status;
    return Status::Error;
}

} // namespace

class TestRemediationWizardLab : public QObject
{
    Q_OBJECT

    bool m_up = false;
    LabPrompter m_prompter;
    QTemporaryDir m_data;

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the lab needs root");
        QVERIFY(m_data.isValid());
        qputenv("KINSPECT_DATA_DIR", m_data.path().toUtf8());
        qputenv("KINSPECT_HISTORY_DB", m_data.filePath(QStringLiteral("h.sqlite")).toUtf8());
        QString out;
        m_up = testlab::runLab({QStringLiteral("up"), QStringLiteral("--dir"), kLabDir,
                                QStringLiteral("--base-port"), QString::number(kBasePort),
                                QStringLiteral("--nodes"), QStringLiteral("cp-2=cp-bad")},
                               &out);
        QVERIFY2(m_up, qPrintable(out));
        m_prompter.sudoPassword =
            testlab::labSecret(kLabDir, QStringLiteral("KADMIN_SUDO_PASSWORD"));
    }

    void cleanupTestCase()
    {
        if (!m_up)
            return;
        QString out;
        QVERIFY2(testlab::runLab({QStringLiteral("down"), QStringLiteral("--dir"), kLabDir}, &out),
                 qPrintable(out));
    }

    void fixApplyPassRollbackFail()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SshOptions o;
        o.knownHostsFile = kLabDir + QStringLiteral("/known_hosts");
        o.sshConfigFile = QStringLiteral("none");
        o.useAgent = false;
        o.connectTimeoutSec = 10;
        o.commandTimeoutSec = 120;
        w.setSshOptions(o);
        w.setPrompter(&m_prompter);
        QVERIFY(w.openInventory(kLabDir + QStringLiteral("/inventory.yaml"), true));
        w.setBenchmarkChoice(QStringLiteral("cis-1.5.1"));
        QSignalSpy finished(&w, &MainWindow::scanFinished);
        w.findChild<QAction *>(QStringLiteral("actionScan"))->trigger();
        QVERIFY(finished.wait(180000));
        QCOMPARE(w.benchmark().id, QStringLiteral("cis-1.5.1"));
        QCOMPARE(statusOf(w, QStringLiteral("cp-2"), QStringLiteral("1.2.5")), Status::Fail);
        const QByteArray before = testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), kApiserver);
        QVERIFY(!before.isEmpty());

        QVERIFY(w.selectCell(QStringLiteral("1.2.5"), QStringLiteral("cp-2")));
        auto *fix = w.findChild<QAction *>(QStringLiteral("actionFix"));
        QVERIFY(fix->isEnabled());
        fix->trigger();
        RemediationWizard *wiz = w.remediation()->wizard();
        QVERIFY(wiz);
        QCOMPARE(wiz->chosenNodes(), QStringList{QStringLiteral("cp-2")});
        if (qEnvironmentVariableIsSet("KINSPECT_WIZARD_SCREENSHOT"))
            wiz->resize(1580, 760); // wide enough for both sides of a manifest line
        QSignalSpy steps(wiz, &RemediationWizard::stepFinished);
        wiz->next(); // parameters: the node's defaults
        QVERIFY(steps.wait(60000));
        auto *params = wiz->findChild<QTableWidget *>(QStringLiteral("paramsTable"));
        QVERIFY(params->rowCount() >= 1);
        for (int r = 0; r < params->rowCount(); ++r)
            QVERIFY(params->item(r, 2)->text().startsWith(QLatin1String("/etc/kubernetes/pki/")));
        steps.clear();
        wiz->next(); // the plan: read fresh, validated on the node
        QVERIFY(steps.wait(60000));
        const RemediationPlan *plan = wiz->plan(QStringLiteral("cp-2"));
        QVERIFY2(plan, qPrintable(wiz->findChild<QLabel *>(QStringLiteral("planStatus"))->text()));
        const QString unified =
            wiz->findChild<QPlainTextEdit *>(QStringLiteral("unifiedDiff"))->toPlainText();
        QVERIFY2(unified.contains(QRegularExpression(
                     QStringLiteral("\\n\\+ +- --kubelet-client-certificate=/"))),
                 qPrintable(unified));
        QVERIFY(wiz->sideBySideModel()->rowCount() > 0);
        // KINSPECT_WIZARD_SCREENSHOT=FILE grabs the diff page
        // (docs/screenshots/remediation-diff.png).
        if (const QString shot = qEnvironmentVariable("KINSPECT_WIZARD_SCREENSHOT");
            !shot.isEmpty()) {
            QTest::qWait(200);
            QVERIFY(wiz->grab().save(shot));
        }
        wiz->next();
        wiz->findChild<QCheckBox *>(QStringLiteral("confirmCheck"))->setChecked(true);
        steps.clear();
        wiz->next(); // apply: write, the supervisor restarts the API server, re-check
        QVERIFY(steps.wait(240000));
        wiz->next();
        auto *results = wiz->findChild<QTableWidget *>(QStringLiteral("resultTable"));
        QCOMPARE(results->rowCount(), 1);
        QVERIFY2(results->item(0, 2)->text() == QLatin1String("PASS"),
                 qPrintable(results->item(0, 1)->text() + QStringLiteral(": ") +
                            results->item(0, 3)->text()));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(w, QStringLiteral("cp-2"), QStringLiteral("1.2.5")),
                                  Status::Pass, 5000);
        QVERIFY(testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), kApiserver) != before);

        steps.clear();
        QTest::mouseClick(wiz->findChild<QPushButton *>(QStringLiteral("rollback:cp-2")),
                          Qt::LeftButton);
        QVERIFY(steps.wait(240000));
        QCOMPARE(results->item(0, 2)->text(), QStringLiteral("FAIL"));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(w, QStringLiteral("cp-2"), QStringLiteral("1.2.5")),
                                  Status::Fail, 5000);
        QCOMPARE(testlab::nodeFile(kLabDir, QStringLiteral("cp-2"), kApiserver), before);
        const QList<RemediationRecord> log = RemediationLog::read();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log[0].outcome, QStringLiteral("verified"));
        QCOMPARE(log[1].outcome, QStringLiteral("rolled-back"));
        wiz->close();
    }
};

QTEST_MAIN(TestRemediationWizardLab)
#include "TestRemediationWizardLab.moc"
