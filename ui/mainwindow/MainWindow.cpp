#include "mainwindow/MainWindow.h"

#include "catalog/CatalogLoader.h"
#include "common/ResultFile.h"
#include "common/StatusStyle.h"
#include "detail/ControlNodesModel.h"
#include "detail/DetailPane.h"
#include "history/HistoryController.h"
#include "inventory/InventoryDialog.h"
#include "mainwindow/SummaryWidget.h"
#include "matrix/MatrixFilterModel.h"
#include "matrix/MatrixModel.h"
#include "matrix/MatrixPanel.h"
#include "nodes/NodeControlsModel.h"
#include "nodes/NodesModel.h"
#include "nodes/ProgressDelegate.h"
#include "prompts/DialogPrompter.h"
#include "prompts/ErrorAdvice.h"
#include "prompts/PromptBridge.h"
#include "remediation/RemediationLauncher.h"
#include "remediation/RemediationWizard.h"
#include "report/ReportFormats.h"
#include "scan/ScanController.h"
#include "settings/Palettes.h"
#include "settings/SettingsDialog.h"
#include "settings/Translations.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace kinspect::ui {

namespace {

constexpr int kMaxRecent = 8;

QString extensionFor(const QString &format)
{
    if (format == QLatin1String("text"))
        return QStringLiteral("txt");
    if (format == QLatin1String("junit"))
        return QStringLiteral("xml");
    return format;
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/kinspect.svg")));
    m_dialogPrompter = std::make_unique<DialogPrompter>(this);
    m_bridge = new PromptBridge(m_dialogPrompter.get(), this);
    m_scan = new ScanController(m_bridge, this);
    m_fixer = new RemediationLauncher(m_bridge, this);
    // A re-check after a fix or a rollback updates that node's cell like a scan result does.
    connect(m_fixer, &RemediationLauncher::rechecked, this,
            [this](const QString &node, const ControlResult &r) {
                for (int i = 0; i < m_result.nodes.size(); ++i)
                    if (m_result.nodes[i].name == node) {
                        NodeResult n = m_result.nodes[i];
                        if (RemediationLauncher::replaceResult(n, r))
                            onNodeFinished(i, n);
                    }
            });
    m_flushTimer = new QTimer(this);
    m_flushTimer->setInterval(150);
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &MainWindow::flushPendingNodes);

    createActions();
    createMenus();
    createWidgets();
    retranslate();

    connect(m_scan, &ScanController::started, this, &MainWindow::onScanStarted);
    connect(m_scan, &ScanController::nodeStageChanged, m_nodes, &NodesModel::setStage);
    connect(m_scan, &ScanController::nodeFinished, this, &MainWindow::onNodeFinished);
    connect(m_scan, &ScanController::finished, this, &MainWindow::onScanFinished);
    m_history = new HistoryController(this); // after the menus and the matrix exist

    readSettings();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The scan's workers may be waiting on a prompt of this window: stop them first.
    disconnect(m_scan, nullptr, this, nullptr);
    disconnect(m_scan, nullptr, m_nodes, nullptr);
    if (m_scan->isRunning())
        m_scan->cancel();
    delete m_scan;
    m_scan = nullptr;
}

void MainWindow::createActions()
{
    const auto make = [this](const char *name, const QKeySequence &key, auto slot) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_newAction = make("actionNewInventory", QKeySequence::New, &MainWindow::newInventory);
    m_openAction =
        make("actionOpenInventory", QKeySequence::Open, &MainWindow::openInventoryDialog);
    m_openResultAction = make("actionOpenResult", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                              &MainWindow::openResultDialog);
    m_saveResultAction = make("actionSaveResult", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S),
                              &MainWindow::saveResultDialog);
    m_saveAction =
        make("actionSaveInventory", QKeySequence::Save, &MainWindow::saveInventoryDialog);
    m_saveAsAction =
        make("actionSaveInventoryAs", QKeySequence::SaveAs, &MainWindow::saveInventoryAsDialog);
    m_exportAction =
        make("actionExportReport", QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::exportDialog);
    m_settingsAction =
        make("actionSettings", QKeySequence::Preferences, &MainWindow::settingsDialog);
    m_quitAction = make("actionQuit", QKeySequence(Qt::CTRL | Qt::Key_Q), &QWidget::close);
    m_editInventoryAction =
        make("actionEditInventory", QKeySequence(Qt::CTRL | Qt::Key_I), &MainWindow::editInventory);
    m_scanAction = make("actionScan", QKeySequence(Qt::Key_F5), &MainWindow::startScan);
    m_scanAction->setIcon(QIcon(QStringLiteral(":/icons/scan.svg")));
    m_cancelAction =
        make("actionCancelScan", QKeySequence(Qt::Key_Escape), &MainWindow::cancelScan);
    m_cancelAction->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    m_fixAction = make("actionFix", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                       &MainWindow::openFixWizard);
    m_findAction = make("actionFind", QKeySequence::Find, [this] {
        m_tabs->setCurrentIndex(0);
        m_matrix->searchEdit()->setFocus();
        m_matrix->searchEdit()->selectAll();
    });
    m_matrixTabAction = make("actionMatrixView", QKeySequence(Qt::CTRL | Qt::Key_1),
                             [this] { m_tabs->setCurrentIndex(0); });
    m_nodeTabAction = make("actionNodeView", QKeySequence(Qt::CTRL | Qt::Key_2),
                           [this] { m_tabs->setCurrentIndex(1); });
    m_controlTabAction = make("actionControlView", QKeySequence(Qt::CTRL | Qt::Key_3),
                              [this] { m_tabs->setCurrentIndex(2); });
    m_worstFirstAction = make("actionWorstFirst", QKeySequence(Qt::CTRL | Qt::Key_W),
                              [this](bool on) { m_matrix->setWorstFirst(on); });
    m_worstFirstAction->setCheckable(true);
    m_expandAction = make("actionExpandAll", QKeySequence(Qt::CTRL | Qt::Key_Plus),
                          [this] { m_matrix->expandAll(); });
    m_collapseAction = make("actionCollapseAll", QKeySequence(Qt::CTRL | Qt::Key_Minus),
                            [this] { m_matrix->collapseAll(); });
    m_aboutAction = make("actionAbout", QKeySequence(), [this] {
        QMessageBox::about(
            this, tr("About Kinspect"),
            tr("<b>Kinspect %1</b><p>Audits Kubernetes nodes against the CIS Kubernetes "
               "Benchmark over SSH.</p>")
                .arg(QStringLiteral(KINSPECT_VERSION)));
    });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_newAction);
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_fileMenu->addAction(m_saveAction);
    m_fileMenu->addAction(m_saveAsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_openResultAction);
    m_fileMenu->addAction(m_saveResultAction);
    m_fileMenu->addAction(m_exportAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_settingsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_inventoryMenu = menuBar()->addMenu(QString());
    m_inventoryMenu->addAction(m_editInventoryAction);
    m_scanMenu = menuBar()->addMenu(QString());
    m_scanMenu->addAction(m_scanAction);
    m_scanMenu->addAction(m_cancelAction);
    m_scanMenu->addSeparator();
    m_scanMenu->addAction(m_fixAction);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_findAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_matrixTabAction);
    m_viewMenu->addAction(m_nodeTabAction);
    m_viewMenu->addAction(m_controlTabAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_worstFirstAction);
    m_viewMenu->addAction(m_expandAction);
    m_viewMenu->addAction(m_collapseAction);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::createWidgets()
{
    auto *tb = addToolBar(QString());
    tb->setObjectName(QStringLiteral("mainToolBar"));
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tb->addAction(m_openAction);
    tb->addAction(m_editInventoryAction);
    tb->addSeparator();
    m_benchmarkLabel = new QLabel(tb);
    tb->addWidget(m_benchmarkLabel);
    m_benchmarkCombo = new QComboBox(tb);
    m_benchmarkCombo->setObjectName(QStringLiteral("benchmarkCombo"));
    m_benchmarkCombo->addItem(QString(), QString()); // automatic; text set in retranslate()
    for (const QString &id : CatalogLoader::builtinIds())
        m_benchmarkCombo->addItem(id, id);
    tb->addWidget(m_benchmarkCombo);
    tb->addAction(m_scanAction);
    tb->addAction(m_cancelAction);
    tb->addSeparator();
    tb->addAction(m_exportAction);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary = new SummaryWidget(central);
    layout->addWidget(m_summary);

    m_mainSplit = new QSplitter(Qt::Vertical, central);
    m_mainSplit->setObjectName(QStringLiteral("mainSplitter"));
    m_nodes = new NodesModel(this);
    m_nodesView = new QTableView(m_mainSplit);
    m_nodesView->setObjectName(QStringLiteral("nodesView"));
    m_nodesView->setModel(m_nodes);
    m_nodesView->setItemDelegateForColumn(NodesModel::StateColumn, new ProgressDelegate(this));
    m_nodesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_nodesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_nodesView->verticalHeader()->hide();
    m_nodesView->verticalHeader()->setDefaultSectionSize(m_nodesView->fontMetrics().height() + 8);
    m_nodesView->horizontalHeader()->setStretchLastSection(true);
    m_nodesView->setAlternatingRowColors(true);
    m_nodesView->setWordWrap(false);
    connect(m_nodesView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString kind = current.data(NodesModel::ErrorKindRole).toString();
                if (!kind.isEmpty())
                    m_detail->showNodeError(
                        current.data(NodesModel::NodeNameRole).toString(), kind,
                        m_nodes->index(current.row(), NodesModel::ErrorColumn).data().toString());
            });
    connect(m_nodesView, &QTableView::doubleClicked, this,
            [this](const QModelIndex &i) { showNodeView(i.row()); });

    m_bottomSplit = new QSplitter(Qt::Horizontal, m_mainSplit);
    m_bottomSplit->setObjectName(QStringLiteral("bottomSplitter"));
    m_tabs = new QTabWidget(m_bottomSplit);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_matrix = new MatrixPanel(m_tabs);
    m_tabs->addTab(m_matrix, QString());

    auto *nodePage = new QWidget(m_tabs);
    auto *nodeLayout = new QVBoxLayout(nodePage);
    nodeLayout->setContentsMargins(0, 4, 0, 0);
    m_nodeCombo = new QComboBox(nodePage);
    m_nodeCombo->setObjectName(QStringLiteral("nodeViewCombo"));
    nodeLayout->addWidget(m_nodeCombo);
    m_nodeControls = new NodeControlsModel(this);
    m_nodeControlsSort = new QSortFilterProxyModel(this);
    m_nodeControlsSort->setSourceModel(m_nodeControls);
    m_nodeControlsSort->setSortRole(NodeControlsModel::RankRole);
    m_nodeView = new QTableView(nodePage);
    m_nodeView->setObjectName(QStringLiteral("nodeViewTable"));
    m_nodeView->setModel(m_nodeControlsSort);
    m_nodeView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_nodeView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_nodeView->verticalHeader()->hide();
    m_nodeView->horizontalHeader()->setStretchLastSection(true);
    m_nodeView->setWordWrap(false);
    nodeLayout->addWidget(m_nodeView, 1);
    m_tabs->addTab(nodePage, QString());
    connect(m_nodeCombo, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_nodeControls->setNode(m_benchmark, m_result, i);
        m_nodeView->resizeColumnToContents(NodeControlsModel::IdColumn);
        m_nodeView->setColumnWidth(NodeControlsModel::TitleColumn, 380);
        m_nodeView->resizeColumnToContents(NodeControlsModel::StatusColumn);
    });
    connect(m_nodeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString id = current.data(NodeControlsModel::ControlIdRole).toString();
                const int c =
                    m_matrix->model()->controlIndexOf(m_matrix->model()->indexOfControl(id));
                if (c >= 0)
                    showControl(c, m_nodeControls->nodeIndex());
            });

    auto *controlPage = new QWidget(m_tabs);
    auto *controlLayout = new QVBoxLayout(controlPage);
    controlLayout->setContentsMargins(0, 4, 0, 0);
    m_controlViewTitle = new QLabel(controlPage);
    m_controlViewTitle->setObjectName(QStringLiteral("controlViewTitle"));
    m_controlViewTitle->setWordWrap(true);
    controlLayout->addWidget(m_controlViewTitle);
    m_controlNodes = new ControlNodesModel(this);
    m_controlNodesSort = new QSortFilterProxyModel(this);
    m_controlNodesSort->setSourceModel(m_controlNodes);
    m_controlNodesSort->setSortRole(ControlNodesModel::RankRole);
    m_controlView = new QTableView(controlPage);
    m_controlView->setObjectName(QStringLiteral("controlViewTable"));
    m_controlView->setModel(m_controlNodesSort);
    m_controlView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_controlView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_controlView->verticalHeader()->hide();
    m_controlView->horizontalHeader()->setStretchLastSection(true);
    m_controlView->setWordWrap(false);
    controlLayout->addWidget(m_controlView, 1);
    m_tabs->addTab(controlPage, QString());
    connect(m_controlView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QModelIndex src = m_controlNodesSort->mapToSource(current);
                if (src.isValid())
                    showControl(m_detailControl, src.row());
            });

    m_detail = new DetailPane(m_bottomSplit);
    if (auto *detailLayout = qobject_cast<QBoxLayout *>(m_detail->layout())) {
        auto *fixButton = new QToolButton(m_detail);
        fixButton->setObjectName(QStringLiteral("fixButton"));
        fixButton->setDefaultAction(m_fixAction);
        fixButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
        detailLayout->insertWidget(0, fixButton, 0, Qt::AlignRight);
    }
    // The matrix and its frozen-column overlay: right-click a cell for "Fix…".
    for (QTreeView *v : m_matrix->findChildren<QTreeView *>()) {
        v->setContextMenuPolicy(Qt::ActionsContextMenu);
        v->addAction(m_fixAction);
    }
    m_bottomSplit->setStretchFactor(0, 3);
    m_bottomSplit->setStretchFactor(1, 2);
    m_mainSplit->setStretchFactor(0, 1);
    m_mainSplit->setStretchFactor(1, 4);
    layout->addWidget(m_mainSplit, 1);
    setCentralWidget(central);

    connect(m_matrix, &MatrixPanel::cellSelected, this,
            [this](int control, int node) { showControl(control, node); });
    connect(m_matrix, &MatrixPanel::cellActivated, this, [this](int control, int node) {
        if (node >= 0)
            showNodeView(node);
        else if (control >= 0)
            showControlView(control);
    });

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &recent"));
    m_inventoryMenu->setTitle(tr("&Inventory"));
    m_scanMenu->setTitle(tr("&Scan"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_newAction->setText(tr("&New inventory"));
    m_openAction->setText(tr("&Open inventory…"));
    m_openResultAction->setText(tr("Open saved &result…"));
    m_saveResultAction->setText(tr("Save res&ult…"));
    m_saveAction->setText(tr("&Save inventory"));
    m_saveAsAction->setText(tr("Save inventory &as…"));
    m_exportAction->setText(tr("&Export report…"));
    m_settingsAction->setText(tr("Se&ttings…"));
    m_quitAction->setText(tr("&Quit"));
    m_editInventoryAction->setText(tr("&Edit inventory…"));
    m_scanAction->setText(tr("&Scan"));
    m_scanAction->setToolTip(tr("Scan every node of the inventory (F5)"));
    m_cancelAction->setText(tr("&Cancel scan"));
    m_cancelAction->setToolTip(tr("Stop the running scan (Esc)"));
    m_fixAction->setText(tr("&Fix…"));
    m_fixAction->setToolTip(tr("Fix this failed control on its node(s): diff, apply, re-check"));
    m_findAction->setText(tr("&Find control…"));
    m_matrixTabAction->setText(tr("&Matrix"));
    m_nodeTabAction->setText(tr("&Node view"));
    m_controlTabAction->setText(tr("&Control view"));
    m_worstFirstAction->setText(tr("&Worst first"));
    m_expandAction->setText(tr("E&xpand all sections"));
    m_collapseAction->setText(tr("C&ollapse all sections"));
    m_aboutAction->setText(tr("&About Kinspect"));
    m_benchmarkLabel->setText(tr(" Benchmark: "));
    m_benchmarkCombo->setItemText(0, tr("Automatic"));
    m_benchmarkCombo->setToolTip(
        tr("Automatic: chosen by the nodes' Kubernetes version after the scan"));
    m_tabs->setTabText(0, tr("Matrix"));
    m_tabs->setTabText(1, tr("Node view"));
    m_tabs->setTabText(2, tr("Control view"));
    if (m_detailControl < 0)
        m_controlViewTitle->setText(tr("Select a control in the matrix."));
    rebuildRecentMenu();
    updateTitle();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::readSettings()
{
    QSettings s;
    m_jobs = s.value(QStringLiteral("scan/jobs"), 8).toInt();
    m_connectTimeout = s.value(QStringLiteral("scan/connectTimeout"), 15).toInt();
    m_language = s.value(QStringLiteral("ui/language")).toString();
    m_scan->setJobs(m_jobs);
    SshOptions o = m_ssh;
    o.connectTimeoutSec = m_connectTimeout;
    m_ssh = o;
    m_scan->setSshOptions(m_ssh);
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        // Default: 80% of the screen, at most 1400x900, centred.
        const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        const QSize size(qMin(1400, avail.width() * 8 / 10), qMin(900, avail.height() * 8 / 10));
        resize(size);
        move(avail.center() - QPoint(size.width() / 2, size.height() / 2));
    }
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    if (!m_mainSplit->restoreState(s.value(QStringLiteral("window/mainSplit")).toByteArray()))
        m_mainSplit->setSizes({200, 600});
    if (!m_bottomSplit->restoreState(s.value(QStringLiteral("window/bottomSplit")).toByteArray()))
        m_bottomSplit->setSizes({860, 540});
    rebuildRecentMenu();
}

void MainWindow::writeSettings()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/mainSplit"), m_mainSplit->saveState());
    s.setValue(QStringLiteral("window/bottomSplit"), m_bottomSplit->saveState());
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void MainWindow::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    const QString abs = QFileInfo(path).absoluteFilePath();
    files.removeAll(abs);
    files.prepend(abs);
    while (files.size() > kMaxRecent)
        files.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), files);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction *a = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(path);
        a->setData(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (path.endsWith(QLatin1String(".json")) || path.endsWith(QLatin1String(".kinspect")))
                openResult(path);
            else
                openInventory(path);
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear list"), this, [this] {
            QSettings().remove(QStringLiteral("recentFiles"));
            rebuildRecentMenu();
        });
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_inventoryDirty) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved inventory"), tr("The inventory has unsaved changes. Save them?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) {
            saveInventoryDialog();
            if (m_inventoryDirty) {
                event->ignore();
                return;
            }
        }
    }
    if (m_scan->isRunning())
        m_scan->cancel();
    writeSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_statusLabel->setText(message);
    QMessageBox::warning(this, title, message);
}

void MainWindow::updateActions()
{
    const bool running = m_scan && m_scan->isRunning();
    m_scanAction->setEnabled(!running && !m_inventory.nodes.isEmpty());
    m_cancelAction->setEnabled(running);
    m_exportAction->setEnabled(!running && !m_result.nodes.isEmpty());
    m_saveResultAction->setEnabled(!running && !m_result.nodes.isEmpty());
    m_openAction->setEnabled(!running);
    m_openResultAction->setEnabled(!running);
    m_editInventoryAction->setEnabled(!running);
    m_newAction->setEnabled(!running);
    m_benchmarkCombo->setEnabled(!running);
    m_fixAction->setEnabled(
        !running && RemediationLauncher::canFix(m_benchmark, m_result, m_detailControl, -1));
}

void MainWindow::updateTitle()
{
    QString name = m_inventory.filePath.isEmpty() ? m_inventory.cluster
                                                  : QFileInfo(m_inventory.filePath).fileName();
    if (name.isEmpty())
        name = m_result.cluster;
    setWindowTitle(name.isEmpty()
                       ? QStringLiteral("Kinspect")
                       : QStringLiteral("%1%2 — Kinspect")
                             .arg(name, m_inventoryDirty ? QStringLiteral("*") : QString()));
}

void MainWindow::setInventory(const Inventory &inventory)
{
    m_inventory = inventory;
    m_nodes->setInventory(inventory);
    if (!inventory.benchmark.isEmpty())
        setBenchmarkChoice(inventory.benchmark);
    m_statusLabel->setText(
        tr("%n node(s) in the inventory. Press F5 to scan.", "", int(inventory.nodes.size())));
    updateActions();
    updateTitle();
}

void MainWindow::setSshOptions(const SshOptions &options)
{
    m_ssh = options;
    m_scan->setSshOptions(options);
}

void MainWindow::setPrompter(IPrompter *prompter)
{
    m_bridge->setPrompter(prompter ? prompter : m_dialogPrompter.get());
}

bool MainWindow::loadSecretsFile(const QString &path, QString *error)
{
    return m_dialogPrompter->loadSecretsFile(path, error);
}

void MainWindow::setBenchmarkChoice(const QString &id)
{
    m_benchmarkCombo->setCurrentIndex(qMax(0, m_benchmarkCombo->findData(id)));
}

QString MainWindow::benchmarkChoice() const
{
    return m_benchmarkCombo->currentData().toString();
}

bool MainWindow::isScanning() const
{
    return m_scan->isRunning();
}

bool MainWindow::openInventory(const QString &path, bool quiet)
{
    auto inv = loadInventory(path);
    if (!inv) {
        if (!quiet)
            showError(tr("Cannot open the inventory"), inv.error().toString());
        return false;
    }
    inv->filePath = path;
    m_inventoryDirty = false;
    setInventory(*inv);
    addRecentFile(path);
    return true;
}

bool MainWindow::saveInventory(const QString &path)
{
    auto saved = kinspect::saveInventory(m_inventory, path);
    if (!saved) {
        showError(tr("Cannot save the inventory"), saved.error().toString());
        return false;
    }
    m_inventory.filePath = path;
    m_inventoryDirty = false;
    addRecentFile(path);
    m_statusLabel->setText(tr("Saved %1").arg(path));
    updateTitle();
    return true;
}

bool MainWindow::openResult(const QString &path, bool quiet)
{
    auto result = loadResultFile(path);
    if (!result) {
        if (!quiet)
            showError(tr("Cannot open the result"), result.error().toString());
        return false;
    }
    auto bench = CatalogLoader::load(result->benchmarkId);
    if (!bench) {
        if (!quiet)
            showError(tr("Cannot open the result"),
                      tr("%1: unknown benchmark %2").arg(path, result->benchmarkId));
        return false;
    }
    m_nodes->setResult(*result);
    showResult(*bench, *result);
    addRecentFile(path);
    return true;
}

void MainWindow::showResult(const Benchmark &benchmark, const ClusterResult &result)
{
    m_benchmark = benchmark;
    m_result = result;
    if (m_nodes->rowCount() != result.nodes.size())
        m_nodes->setResult(result);
    m_matrix->model()->setResult(benchmark, result);
    m_matrix->resultChanged();
    m_nodeCombo->blockSignals(true);
    m_nodeCombo->clear();
    for (const NodeResult &n : result.nodes)
        m_nodeCombo->addItem(n.name);
    m_nodeCombo->blockSignals(false);
    m_nodeControls->setNode(benchmark, result, result.nodes.isEmpty() ? -1 : 0);
    m_detailControl = -1;
    m_detailNode = -1;
    m_detail->clear();
    m_controlNodes->setControl(result, QString());
    refreshSummary();
    fitNodeColumns();
    updateActions();
    updateTitle();
    emit resultShown();
}

void MainWindow::fitNodeColumns()
{
    // Fit every column but the last (the error message stretches).
    for (int c = 0; c < NodesModel::ErrorColumn; ++c)
        m_nodesView->resizeColumnToContents(c);
}

void MainWindow::refreshSummary()
{
    const QString cluster = !m_result.cluster.isEmpty() ? m_result.cluster : m_inventory.cluster;
    m_summary->setResult(cluster,
                         m_benchmark.id.isEmpty()
                             ? QString()
                             : QStringLiteral("%1 %2").arg(m_benchmark.title, m_benchmark.version),
                         m_result);
}

void MainWindow::showControl(int controlIndex, int nodeIndex)
{
    MatrixModel *model = m_matrix->model();
    if (controlIndex < 0 || controlIndex >= model->controlCount())
        return;
    const Control &control = model->benchmark().controls[controlIndex];
    // A row (no node chosen): show the worst node, so there is evidence to read.
    if (nodeIndex < 0) {
        int bestRank = 1000;
        for (int n = 0; n < model->nodeCount(); ++n) {
            const quint8 s = model->cellStatus(controlIndex, n);
            if (s == MatrixModel::NoResult)
                continue;
            const int r = StatusStyle::rank(Status(s));
            if (r < bestRank) {
                bestRank = r;
                nodeIndex = n;
            }
        }
    }
    m_detailControl = controlIndex;
    m_detailNode = nodeIndex;
    const NodeResult *node = nodeIndex >= 0 && nodeIndex < model->nodeCount()
                                 ? &model->result().nodes[nodeIndex]
                                 : nullptr;
    m_detail->showControl(model->benchmark(), control, node,
                          node ? model->cellResult(controlIndex, nodeIndex) : nullptr);
    if (m_controlNodes->controlId() != control.id) {
        m_controlNodes->setControl(model->result(), control.id);
        m_controlViewTitle->setText(control.id + QStringLiteral("  ") + control.title);
        m_controlView->resizeColumnsToContents();
    }
    updateActions();
}

void MainWindow::openFixWizard()
{
    if (!isScanning())
        m_fixer->open(this, m_benchmark, m_result, m_inventory, m_ssh, m_detailControl,
                      m_detailNode);
}

bool MainWindow::selectCell(const QString &controlId, const QString &nodeName)
{
    int node = -1;
    for (int i = 0; i < m_result.nodes.size(); ++i)
        if (m_result.nodes[i].name == nodeName)
            node = i;
    return m_matrix->selectCell(controlId, node);
}

void MainWindow::showNodeView(int nodeIndex)
{
    if (nodeIndex < 0 || nodeIndex >= m_nodeCombo->count())
        return;
    m_nodeCombo->setCurrentIndex(nodeIndex);
    m_nodeControls->setNode(m_benchmark, m_result, nodeIndex);
    m_tabs->setCurrentIndex(1);
}

void MainWindow::showControlView(int controlIndex)
{
    showControl(controlIndex, m_detailNode);
    m_tabs->setCurrentIndex(2);
}

void MainWindow::startScan()
{
    if (m_scan->isRunning())
        return;
    if (m_inventory.nodes.isEmpty()) {
        showError(tr("Nothing to scan"), tr("Open or create an inventory with at least one node."));
        return;
    }
    QString error;
    if (!m_scan->start(m_inventory, benchmarkChoice(), &error)) {
        showError(tr("Cannot scan"), error);
        return;
    }
    updateActions();
}

void MainWindow::cancelScan()
{
    if (!m_scan->isRunning())
        return;
    m_scan->cancel();
    m_statusLabel->setText(tr("Cancelling…"));
}

void MainWindow::onScanStarted(const Benchmark &benchmark, int nodes)
{
    ClusterResult placeholder;
    placeholder.cluster = m_inventory.cluster;
    placeholder.benchmarkId = benchmark.id;
    for (const NodeSpec &n : m_inventory.nodes) {
        NodeResult r;
        r.name = n.name;
        r.host = n.host;
        r.roles = n.roles;
        placeholder.nodes << r;
    }
    m_nodes->setInventory(m_inventory);
    for (int i = 0; i < nodes; ++i)
        m_nodes->setStage(i, NodeStage::Queued);
    m_pendingNodes.clear();
    showResult(benchmark, placeholder);
    m_statusLabel->setText(tr("Scanning %n node(s)…", "", nodes));
    updateActions();
}

void MainWindow::onNodeFinished(int index, const NodeResult &result)
{
    m_nodes->setNodeResult(index, result);
    m_pendingNodes.insert(index, result);
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void MainWindow::flushPendingNodes()
{
    if (m_pendingNodes.isEmpty())
        return;
    for (auto it = m_pendingNodes.constBegin(); it != m_pendingNodes.constEnd(); ++it)
        if (it.key() >= 0 && it.key() < m_result.nodes.size())
            m_result.nodes[it.key()] = it.value();
    m_matrix->model()->updateNodes(m_pendingNodes);
    m_pendingNodes.clear();
    refreshSummary();
}

void MainWindow::onScanFinished(const Benchmark &benchmark, const ClusterResult &result,
                                bool cancelled)
{
    m_flushTimer->stop();
    m_pendingNodes.clear();
    for (int i = 0; i < result.nodes.size(); ++i)
        m_nodes->setNodeResult(i, result.nodes[i]);
    showResult(benchmark, result);
    fitNodeColumns();
    int failed = 0;
    for (const NodeResult &n : result.nodes)
        failed += !n.audited;
    QString text = cancelled ? tr("Scan cancelled.") : tr("Scan finished.");
    text += QLatin1Char(' ') + tr("Benchmark %1; %2 of %3 nodes audited.")
                                   .arg(benchmark.id)
                                   .arg(result.nodes.size() - failed)
                                   .arg(result.nodes.size());
    if (failed > 0 && !cancelled)
        text += QLatin1Char(' ') + tr("Hover a node's error for what to do next.");
    m_statusLabel->setText(text);
    updateActions();
    emit scanFinished(cancelled);
}

void MainWindow::newInventory()
{
    Inventory inv;
    inv.cluster = tr("new-cluster");
    inv.defaults.user = QStringLiteral("root");
    inv.defaults.port = 22;
    InventoryDialog dialog(inv, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_inventoryDirty = true;
    setInventory(dialog.inventory());
}

void MainWindow::openInventoryDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open inventory"), QString(), tr("Inventory (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openInventory(path);
}

void MainWindow::openResultDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open saved result"), QString(),
                                                      tr("JSON report (*.json);;All files (*)"));
    if (!path.isEmpty())
        openResult(path);
}

bool MainWindow::saveResult(const QString &path, QString *error)
{
    auto saved = saveResultFile(m_benchmark, m_result, path);
    if (!saved) {
        if (error)
            *error = saved.error().toString();
        return false;
    }
    addRecentFile(path);
    return true;
}

void MainWindow::saveResultDialog()
{
    if (m_result.nodes.isEmpty())
        return;
    const QString base =
        (m_result.cluster.isEmpty() ? QStringLiteral("kinspect") : m_result.cluster) +
        QStringLiteral(".kinspect");
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save result"), base, tr("Kinspect result (*.kinspect);;JSON report (*.json)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".kinspect");
    QString error;
    if (!saveResult(path, &error))
        showError(tr("Cannot save the result"), error);
    else
        m_statusLabel->setText(tr("Saved %1").arg(path));
}

void MainWindow::saveInventoryDialog()
{
    if (m_inventory.filePath.isEmpty())
        saveInventoryAsDialog();
    else
        saveInventory(m_inventory.filePath);
}

void MainWindow::saveInventoryAsDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save inventory"), m_inventory.filePath, tr("Inventory (*.yaml *.yml)"));
    if (!path.isEmpty())
        saveInventory(path);
}

void MainWindow::editInventory()
{
    InventoryDialog dialog(m_inventory, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Inventory inv = dialog.inventory();
    inv.filePath = m_inventory.filePath;
    m_inventoryDirty = true;
    setInventory(inv);
}

bool MainWindow::exportReport(const QString &format, const QString &path, QString *error)
{
    // The comparison with the previous stored scan (when there is one) goes into the report.
    const ReportOptions options = m_history->reportOptions();
    if (auto e = writeReportFile(path, format, m_benchmark, m_result, options)) {
        if (error)
            *error = e->toString();
        return false;
    }
    return true;
}

void MainWindow::exportDialog()
{
    if (m_result.nodes.isEmpty())
        return;
    QStringList filters;
    const QStringList formats = reportFormats();
    for (const QString &f : formats)
        filters << tr("%1 report (*.%2)").arg(f.toUpper(), extensionFor(f));
    QString selected = filters.value(formats.indexOf(QStringLiteral("json")), filters.value(0));
    const QString base =
        (m_result.cluster.isEmpty() ? QStringLiteral("kinspect") : m_result.cluster) +
        QStringLiteral("-report");
    QString path = QFileDialog::getSaveFileName(this, tr("Export report"), base,
                                                filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    const QString format = formats.value(filters.indexOf(selected), QStringLiteral("json"));
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + extensionFor(format);
    QString error;
    if (!exportReport(format, path, &error))
        showError(tr("Cannot export the report"), error);
    else
        m_statusLabel->setText(tr("Report written to %1").arg(path));
}

void MainWindow::settingsDialog()
{
    SettingsDialog dialog(this);
    dialog.setLanguage(m_language);
    dialog.setPalette(Palettes::current());
    dialog.setJobs(m_jobs);
    dialog.setConnectTimeout(m_connectTimeout);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_jobs = dialog.jobs();
    m_connectTimeout = dialog.connectTimeout();
    m_scan->setJobs(m_jobs);
    m_ssh.connectTimeoutSec = m_connectTimeout;
    m_scan->setSshOptions(m_ssh);
    QSettings s;
    s.setValue(QStringLiteral("scan/jobs"), m_jobs);
    s.setValue(QStringLiteral("scan/connectTimeout"), m_connectTimeout);
    if (dialog.paletteName() != Palettes::current()) {
        Palettes::apply(dialog.paletteName());
        s.setValue(QStringLiteral("ui/palette"), dialog.paletteName());
    }
    if (dialog.language() != m_language) {
        m_language = dialog.language();
        s.setValue(QStringLiteral("ui/language"), m_language);
        Translations::install(m_language); // widgets get a LanguageChange event
    }
}

} // namespace kinspect::ui
