// Every model of the GUI under QAbstractItemModelTester (hotspot's rule), plus what each model
// must say about real evaluator output: statuses per cell, outliers, filters, worst-first order.

#include "UiFixtures.h"

#include "common/CatalogText.h"
#include "common/ResultFile.h"
#include "common/StatusStyle.h"
#include "detail/ControlNodesModel.h"
#include "detail/EvidenceModel.h"
#include "inventory/InventoryNodesModel.h"
#include "matrix/MatrixFilterModel.h"
#include "matrix/MatrixModel.h"
#include "nodes/NodeControlsModel.h"
#include "nodes/NodesModel.h"
#include "report/JsonReport.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace kinspect;
using namespace kinspect::ui;
using namespace kinspect::testing;

class TestUiModels : public QObject
{
    Q_OBJECT

    Benchmark m_bench;
    ClusterResult m_result;

    int nodeIndex(const QString &name) const
    {
        for (int i = 0; i < m_result.nodes.size(); ++i)
            if (m_result.nodes[i].name == name)
                return i;
        return -1;
    }

private slots:
    void initTestCase()
    {
        m_bench = loadBenchmark();
        m_result = fixtureResult(m_bench);
        QVERIFY(m_result.nodes.size() >= 5);
        QVERIFY(nodeIndex(QStringLiteral("kubeadm-cp-failing")) >= 0);
    }

    void matrixModelStructure()
    {
        MatrixModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(m_bench, m_result);
        QCOMPARE(model.columnCount(), MatrixModel::FirstNodeColumn + int(m_result.nodes.size()));
        int controls = 0;
        for (int s = 0; s < model.rowCount(); ++s)
            controls += model.rowCount(model.index(s, 0));
        QCOMPARE(controls, int(m_bench.controls.size()));
        // Node cells of a section row have no children (only column 0 has).
        QCOMPARE(model.rowCount(model.index(0, MatrixModel::FirstNodeColumn)), 0);
        model.updateNode(0, m_result.nodes[0]);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void matrixCellsMatchTheEvaluator()
    {
        MatrixModel model;
        model.setResult(m_bench, m_result);
        const int failing = nodeIndex(QStringLiteral("kubeadm-cp-failing"));
        int checked = 0;
        for (const ControlResult &r : m_result.nodes[failing].results) {
            const QModelIndex cell =
                model.indexOfControl(r.controlId, MatrixModel::FirstNodeColumn + failing);
            QVERIFY(cell.isValid());
            QCOMPARE(cell.data(MatrixModel::StatusRole).toInt(), int(r.status));
            QCOMPARE(cell.data(MatrixModel::ControlIdRole).toString(), r.controlId);
            QVERIFY(!cell.data(Qt::DecorationRole).value<QIcon>().isNull());
            ++checked;
        }
        QVERIFY(checked > 100);
        // The failing control plane fails 1.2.x controls the compliant one passes: an outlier.
        const int good = nodeIndex(QStringLiteral("kubeadm-cp-compliant"));
        bool outlier = false;
        for (int c = 0; c < model.controlCount(); ++c) {
            if (model.cellStatus(c, failing) == quint8(Status::Fail) &&
                model.cellStatus(c, good) == quint8(Status::Pass)) {
                QVERIFY(model.controlDisagrees(c));
                const QModelIndex agg =
                    model.indexOfControl(m_bench.controls[c].id, MatrixModel::AggregateColumn);
                QCOMPARE(agg.data(MatrixModel::StatusRole).toInt(), int(Status::Fail));
                QVERIFY(agg.data(Qt::BackgroundRole).isValid()); // highlighted
                outlier = true;
            }
        }
        QVERIFY(outlier);
    }

    void filterModel()
    {
        MatrixModel model;
        MatrixFilterModel filter;
        filter.setMatrixModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(m_bench, m_result);
        const auto visibleControls = [&] {
            QStringList ids;
            for (int s = 0; s < filter.rowCount(); ++s) {
                const QModelIndex sec = filter.index(s, 0);
                for (int r = 0; r < filter.rowCount(sec); ++r)
                    ids << filter.index(r, 0, sec).data(MatrixModel::ControlIdRole).toString();
            }
            return ids;
        };
        QCOMPARE(visibleControls().size(), int(m_bench.controls.size()));

        filter.setStatusFilter({Status::Fail});
        const QStringList failing = visibleControls();
        QVERIFY(!failing.isEmpty());
        QVERIFY(failing.size() < m_bench.controls.size());
        for (const QString &id : failing) {
            const QModelIndex row = model.indexOfControl(id);
            QVERIFY(model.controlStatusCount(model.controlIndexOf(row), Status::Fail) > 0);
        }

        filter.setStatusFilter({});
        filter.setSectionFilter(QStringLiteral("4"));
        for (const QString &id : visibleControls())
            QVERIFY2(id.startsWith(QLatin1String("4.")), qPrintable(id));

        filter.setSectionFilter(QString());
        filter.setSearchText(QStringLiteral("1.2.5"));
        QVERIFY(visibleControls().contains(QStringLiteral("1.2.5")));
        filter.setSearchText(QStringLiteral("ANONYMOUS"));
        const QStringList anon = visibleControls();
        QVERIFY(!anon.isEmpty());
        for (const QString &id : anon)
            QVERIFY(model.data(model.indexOfControl(id), MatrixModel::SearchTextRole)
                        .toString()
                        .contains(QLatin1String("anonymous")));
        filter.setSearchText(QString());

        // Role filter hides node columns.
        const int before = filter.columnCount(filter.index(0, 0));
        filter.setRoleFilter(QStringLiteral("worker"));
        const int after = filter.columnCount();
        QVERIFY(after < before);
        QVERIFY(after > MatrixModel::FirstNodeColumn);
        for (int c = MatrixModel::FirstNodeColumn; c < after; ++c) {
            const int n = filter.nodeIndexOfColumn(c);
            QVERIFY(m_result.nodes[n].roles.contains(QStringLiteral("worker")));
        }
        filter.setRoleFilter(QString());

        filter.setOutliersOnly(true);
        for (const QString &id : visibleControls())
            QVERIFY(model.controlDisagrees(model.controlIndexOf(model.indexOfControl(id))));
        filter.setOutliersOnly(false);

        // Worst first: ranks never decrease down each section.
        filter.sort(MatrixModel::AggregateColumn, Qt::AscendingOrder);
        for (int s = 0; s < filter.rowCount(); ++s) {
            const QModelIndex sec = filter.index(s, 0);
            int last = -1;
            for (int r = 0; r < filter.rowCount(sec); ++r) {
                const int rank = filter.index(r, MatrixModel::AggregateColumn, sec)
                                     .data(MatrixModel::RankRole)
                                     .toInt();
                QVERIFY(rank >= last);
                last = rank;
            }
        }
        // The first section is one that fails somewhere.
        QCOMPARE(filter.index(0, MatrixModel::AggregateColumn).data(MatrixModel::RankRole).toInt(),
                 StatusStyle::rank(Status::Fail));
        filter.sort(-1);
    }

    void nodesModel()
    {
        NodesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Inventory inv;
        for (const NodeResult &n : m_result.nodes) {
            NodeSpec s;
            s.name = n.name;
            s.host = n.host;
            inv.nodes << s;
        }
        model.setInventory(inv);
        QCOMPARE(model.rowCount(), int(inv.nodes.size()));
        QCOMPARE(model.index(0, NodesModel::StateColumn).data().toString(),
                 NodesModel::tr("Not scanned"));
        model.setStage(0, NodeStage::Collecting);
        QCOMPARE(model.index(0, 0).data(NodesModel::ProgressRole).toInt(),
                 NodesModel::stageProgress(NodeStage::Collecting));
        NodeResult bad;
        bad.name = inv.nodes[1].name;
        bad.errorKind = QStringLiteral("auth");
        bad.errorMessage = QStringLiteral("no method succeeded");
        model.setNodeResult(1, bad);
        QCOMPARE(model.index(1, NodesModel::ErrorColumn).data().toString(), bad.errorMessage);
        QVERIFY(model.index(1, NodesModel::ErrorColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("authorized_keys")));
        model.setNodeResult(0, m_result.nodes[0]);
        QCOMPARE(model.index(0, NodesModel::DistributionColumn).data().toString(),
                 m_result.nodes[0].distribution);
        model.setResult(m_result);
        QCOMPARE(model.rowCount(), int(m_result.nodes.size()));
        model.clear();
    }

    void nodeAndControlViews()
    {
        NodeControlsModel nodeModel;
        QAbstractItemModelTester t1(&nodeModel,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int failing = nodeIndex(QStringLiteral("kubeadm-cp-failing"));
        nodeModel.setNode(m_bench, m_result, failing);
        QCOMPARE(nodeModel.rowCount(), int(m_bench.controls.size()));
        int fails = 0;
        for (int r = 0; r < nodeModel.rowCount(); ++r)
            fails += nodeModel.index(r, 0).data(NodeControlsModel::StatusRole).toInt() ==
                     int(Status::Fail);
        QCOMPARE(fails, m_result.nodes[failing].count(Status::Fail));
        nodeModel.setNode(m_bench, m_result, -1);
        QCOMPARE(nodeModel.rowCount(), 0);

        ControlNodesModel controlModel;
        QAbstractItemModelTester t2(&controlModel,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        controlModel.setControl(m_result, QStringLiteral("1.2.5"));
        QCOMPARE(controlModel.rowCount(), int(m_result.nodes.size()));
        QCOMPARE(controlModel.index(failing, ControlNodesModel::NodeColumn).data().toString(),
                 m_result.nodes[failing].name);

        EvidenceModel evidence;
        QAbstractItemModelTester t3(&evidence,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ControlResult *withEvidence = nullptr;
        for (const ControlResult &r : m_result.nodes[failing].results)
            if (r.status == Status::Fail && !r.evidence.isEmpty()) {
                withEvidence = &r;
                break;
            }
        QVERIFY(withEvidence);
        evidence.setEvidence(withEvidence->evidence);
        QCOMPARE(evidence.rowCount(), int(withEvidence->evidence.size()));
        QCOMPARE(evidence.index(0, EvidenceModel::CommandColumn).data().toString(),
                 withEvidence->evidence[0].command);
        QCOMPARE(evidence.index(0, EvidenceModel::ExpectedColumn).data().toString(),
                 withEvidence->evidence[0].expected);

        InventoryNodesModel inv;
        QAbstractItemModelTester t4(&inv, QAbstractItemModelTester::FailureReportingMode::QtTest);
        NodeSpec n;
        n.name = QStringLiteral("a");
        n.host = QStringLiteral("h");
        inv.addNode(n);
        n.name = QStringLiteral("b");
        inv.addNode(n);
        inv.replaceNode(0, n);
        QCOMPARE(inv.index(0, 0).data().toString(), QStringLiteral("b"));
        inv.removeNode(0);
        QCOMPARE(inv.rowCount(), 1);
    }

    void catalogTextRendering()
    {
        const QString html = catalogTextToHtml(QStringLiteral(
            "Run `ps -ef | grep kubelet` on <each> node.\n\n```\n--rotate-certificates=true\n```\n"
            "See https://kubernetes.io/docs/x/."));
        QVERIFY(html.contains(QLatin1String("<code style=\"font-family: monospace;\">ps -ef | "
                                            "grep kubelet</code>")));
        QVERIFY(html.contains(QLatin1String("&lt;each&gt;")));
        QVERIFY(html.contains(QLatin1String("<pre style=\"font-family: monospace;\">--rotate-"
                                            "certificates=true</pre>")));
        QVERIFY(html.contains(QLatin1String(
            "<a href=\"https://kubernetes.io/docs/x/\">https://kubernetes.io/docs/x/</a>")));
        // An unmatched backtick stays literal, nothing becomes code.
        QVERIFY(!catalogTextToHtml(QStringLiteral("a ` b")).contains(QLatin1String("<code")));
    }

    void resultFileRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.json"));
        QVERIFY(saveResultFile(m_bench, m_result, path).ok());
        auto back = loadResultFile(path);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
        QCOMPARE(back->nodes.size(), m_result.nodes.size());
        QCOMPARE(back->benchmarkId, m_bench.id);
        for (int i = 0; i < m_result.nodes.size(); ++i) {
            QCOMPARE(back->nodes[i].results.size(), m_result.nodes[i].results.size());
            for (int r = 0; r < m_result.nodes[i].results.size(); ++r) {
                QCOMPARE(back->nodes[i].results[r].status, m_result.nodes[i].results[r].status);
                QCOMPARE(back->nodes[i].results[r].evidence.size(),
                         m_result.nodes[i].results[r].evidence.size());
            }
        }
        // The binary form holds the same, in much less space.
        const QString bin = dir.filePath(QStringLiteral("r.kinspect"));
        QVERIFY(saveResultFile(m_bench, m_result, bin).ok());
        QVERIFY(QFileInfo(bin).size() < QFileInfo(path).size() / 3);
        auto fromBin = loadResultFile(bin);
        QVERIFY2(fromBin.ok(), fromBin.ok() ? "" : qPrintable(fromBin.error().toString()));
        QCOMPARE(fromBin->cluster, m_result.cluster);
        QCOMPARE(fromBin->nodes.size(), m_result.nodes.size());
        for (int i = 0; i < m_result.nodes.size(); ++i) {
            const NodeResult &a = m_result.nodes[i], &b = fromBin->nodes[i];
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.roles, a.roles);
            QCOMPARE(b.kubernetesVersion, a.kubernetesVersion);
            QCOMPARE(b.audited, a.audited);
            QCOMPARE(b.results.size(), a.results.size());
            for (int r = 0; r < a.results.size(); ++r) {
                QCOMPARE(b.results[r].controlId, a.results[r].controlId);
                QCOMPARE(b.results[r].status, a.results[r].status);
                QCOMPARE(b.results[r].reason, a.results[r].reason);
                QCOMPARE(b.results[r].manualHint, a.results[r].manualHint);
                QCOMPARE(b.results[r].remediationFile, a.results[r].remediationFile);
                QCOMPARE(b.results[r].evidence.size(), a.results[r].evidence.size());
                for (int e = 0; e < a.results[r].evidence.size(); ++e) {
                    QCOMPARE(b.results[r].evidence[e].command, a.results[r].evidence[e].command);
                    QCOMPARE(b.results[r].evidence[e].actual, a.results[r].evidence[e].actual);
                    QCOMPARE(b.results[r].evidence[e].passed, a.results[r].evidence[e].passed);
                }
            }
        }
        // Truncated or damaged files are errors, never crashes.
        const QByteArray whole = resultToBinary(m_result);
        for (qsizetype cut : {qsizetype(10), whole.size() / 3, whole.size() - 1})
            QVERIFY(!readResultBinary(whole.left(cut), QStringLiteral("x")).ok());
        QByteArray flipped = whole;
        flipped[flipped.size() / 2] = char(0xff);
        flipped[flipped.size() / 2 + 1] = char(0xff);
        flipped[flipped.size() / 2 + 2] = char(0xff);
        flipped[flipped.size() / 2 + 3] = char(0x7f);
        (void)readResultBinary(flipped, QStringLiteral("x")); // must not crash

        QVERIFY(!readResultJson("{\"nodes\": 3}", QStringLiteral("x.json")).ok());
        QVERIFY(!readResultJson("not json", QStringLiteral("x.json")).ok());
    }
};

QTEST_MAIN(TestUiModels)
#include "TestUiModels.moc"
