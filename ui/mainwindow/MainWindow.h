#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "inventory/Inventory.h"
#include "ssh/SshOptions.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace kinspect::ui {

class ControlNodesModel;
class DetailPane;
class DialogPrompter;
class IPrompter;
class MatrixPanel;
class NodeControlsModel;
class NodesModel;
class PromptBridge;
class HistoryController;
class RemediationLauncher;
class ScanController;
class SummaryWidget;

// The desktop app's window: nodes with scan progress, the summary header, the control x node
// matrix with a node view and a control view, and the detail pane of the selected control.
// Every widget a test drives has an objectName; the questions a scan asks go through an
// IPrompter (dialogs by default, setPrompter() for tests).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Files. Errors are shown in a message box unless `quiet`; the return says if it worked.
    bool openInventory(const QString &path, bool quiet = false);
    bool saveInventory(const QString &path);
    bool openResult(const QString &path, bool quiet = false);
    // *.kinspect (compact, fast to open) or a JSON report.
    bool saveResult(const QString &path, QString *error = nullptr);
    // Writes the current result in one of reportFormats().
    bool exportReport(const QString &format, const QString &path, QString *error = nullptr);
    // Shows an in-memory result (tests, benchmarks).
    void showResult(const Benchmark &benchmark, const ClusterResult &result);

    void setInventory(const Inventory &inventory);
    const Inventory &inventory() const { return m_inventory; }
    void setSshOptions(const SshOptions &options);
    void setPrompter(IPrompter *prompter); // nullptr: the dialogs
    bool loadSecretsFile(const QString &path, QString *error);
    ScanController *scanController() const { return m_scan; }

    // "" (automatic) or a benchmark id.
    void setBenchmarkChoice(const QString &id);
    QString benchmarkChoice() const;

    bool isScanning() const;
    const Benchmark &benchmark() const { return m_benchmark; }
    const ClusterResult &result() const { return m_result; }
    MatrixPanel *matrixPanel() const { return m_matrix; }
    NodesModel *nodesModel() const { return m_nodes; }
    DetailPane *detailPane() const { return m_detail; }
    SummaryWidget *summaryWidget() const { return m_summary; }
    NodeControlsModel *nodeControlsModel() const { return m_nodeControls; }
    ControlNodesModel *controlNodesModel() const { return m_controlNodes; }
    QStringList recentFiles() const;

    // The detail pane and the views follow this selection.
    void showControl(int controlIndex, int nodeIndex);
    void showNodeView(int nodeIndex);
    void showControlView(int controlIndex);
    // Selects the matrix cell of `controlId` on the node named `nodeName` (or the row).
    bool selectCell(const QString &controlId, const QString &nodeName);
    // The remediation wizard for the selected control (the selected node preselected).
    RemediationLauncher *remediation() const { return m_fixer; }
    // Scan history, comparison and waivers (History menu, Waive… on a FAIL cell).
    HistoryController *history() const { return m_history; }

public slots:
    void startScan();
    void cancelScan();
    void openInventoryDialog();
    void openResultDialog();
    void saveResultDialog();
    void saveInventoryDialog();
    void saveInventoryAsDialog();
    void editInventory();
    void exportDialog();
    void settingsDialog();
    void newInventory();
    void openFixWizard();

signals:
    void scanFinished(bool cancelled);
    void resultShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createWidgets();
    void retranslate();
    void readSettings();
    void writeSettings();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void updateActions();
    void updateTitle();
    void flushPendingNodes();
    void onScanStarted(const Benchmark &benchmark, int nodes);
    void onNodeFinished(int index, const NodeResult &result);
    void onScanFinished(const Benchmark &benchmark, const ClusterResult &result, bool cancelled);
    void refreshSummary();
    void fitNodeColumns();
    void showError(const QString &title, const QString &message);

    Inventory m_inventory;
    bool m_inventoryDirty = false;
    Benchmark m_benchmark;
    ClusterResult m_result;
    int m_detailControl = -1;
    int m_detailNode = -1;
    QHash<int, NodeResult> m_pendingNodes;
    QTimer *m_flushTimer;

    std::unique_ptr<DialogPrompter> m_dialogPrompter;
    PromptBridge *m_bridge;
    ScanController *m_scan;
    RemediationLauncher *m_fixer = nullptr;
    HistoryController *m_history = nullptr;

    SummaryWidget *m_summary = nullptr;
    QTableView *m_nodesView = nullptr;
    NodesModel *m_nodes = nullptr;
    QTabWidget *m_tabs = nullptr;
    MatrixPanel *m_matrix = nullptr;
    QComboBox *m_nodeCombo = nullptr;
    QTableView *m_nodeView = nullptr;
    NodeControlsModel *m_nodeControls = nullptr;
    QSortFilterProxyModel *m_nodeControlsSort = nullptr;
    QLabel *m_controlViewTitle = nullptr;
    QTableView *m_controlView = nullptr;
    ControlNodesModel *m_controlNodes = nullptr;
    QSortFilterProxyModel *m_controlNodesSort = nullptr;
    DetailPane *m_detail = nullptr;
    QSplitter *m_mainSplit = nullptr;
    QSplitter *m_bottomSplit = nullptr;
    QComboBox *m_benchmarkCombo = nullptr;
    QLabel *m_benchmarkLabel = nullptr;
    QLabel *m_statusLabel = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_scanMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_inventoryMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openResultAction = nullptr;
    QAction *m_saveResultAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_editInventoryAction = nullptr;
    QAction *m_scanAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_matrixTabAction = nullptr;
    QAction *m_nodeTabAction = nullptr;
    QAction *m_controlTabAction = nullptr;
    QAction *m_worstFirstAction = nullptr;
    QAction *m_expandAction = nullptr;
    QAction *m_collapseAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_fixAction = nullptr;

    int m_jobs = 8;
    int m_connectTimeout = 15;
    QString m_language;
    SshOptions m_ssh;
};

} // namespace kinspect::ui
