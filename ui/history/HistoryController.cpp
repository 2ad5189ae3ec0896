#include "history/HistoryController.h"
#include "catalog/CatalogLoader.h"
#include "history/HistoryDialog.h"
#include "history/ScanListModel.h"
#include "mainwindow/MainWindow.h"
#include "matrix/MatrixPanel.h"
#include "nodes/NodesModel.h"
#include "scan/ScanController.h"
#include "store/ScanDiff.h"
#include "store/ScanHistory.h"
#include "waivers/WaiverEditDialog.h"
#include "waivers/WaiversDialog.h"

#include <QAction>
#include <QEvent>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeView>

namespace kinspect::ui {

namespace {

// Undoes applyWaivers(): every result gets its original status back and loses its waiver.
void clearWaivers(ClusterResult &result)
{
    for (NodeResult &n : result.nodes)
        for (ControlResult &r : n.results) {
            if (r.originalStatus)
                r.status = *r.originalStatus;
            r.originalStatus.reset();
            r.waiver.reset();
        }
}

const ControlResult *findResult(const ClusterResult &result, const QString &controlId,
                                const QString &node, const NodeResult **nodeOut = nullptr)
{
    for (const NodeResult &n : result.nodes) {
        if (n.name != node)
            continue;
        if (nodeOut)
            *nodeOut = &n;
        for (const ControlResult &r : n.results)
            if (r.controlId == controlId)
                return &r;
    }
    return nullptr;
}

} // namespace

HistoryController::HistoryController(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("historyController"));
    const auto make = [this](const char *name, auto slot) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_historyAction = make("actionHistory", &HistoryController::showHistory);
    m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_compareAction = make("actionCompareWith", &HistoryController::compareWith);
    m_waiversAction = make("actionWaivers", &HistoryController::showWaivers);
    m_waiveAction = make("actionWaive", &HistoryController::waiveSelected);
    window->addActions({m_historyAction, m_compareAction, m_waiversAction, m_waiveAction});

    // A History menu before Help (the last menu).
    m_menu = new QMenu(window);
    m_menu->setObjectName(QStringLiteral("menuHistory"));
    m_menu->addAction(m_historyAction);
    m_menu->addAction(m_compareAction);
    m_menu->addSeparator();
    m_menu->addAction(m_waiversAction);
    m_menu->addAction(m_waiveAction);
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), m_menu);

    // "Waive…" on the matrix's context menu (right-click a FAIL cell).
    QTreeView *view = window->matrixPanel()->view();
    if (view->contextMenuPolicy() == Qt::DefaultContextMenu)
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addAction(m_waiveAction);

    connect(window->matrixPanel(), &MatrixPanel::cellSelected, this,
            &HistoryController::onCellSelected);
    connect(window, &MainWindow::scanFinished, this, &HistoryController::onScanFinished);
    connect(window, &MainWindow::resultShown, this, [this] {
        if (m_showing)
            return;
        // A result from elsewhere (file, scan in progress): not a stored scan.
        m_currentId = 0;
        m_snapshots.clear();
        m_selControl.clear();
        m_selNode.clear();
        updateActions();
    });
    window->installEventFilter(this);
    retranslate();
    updateActions();
}

QString HistoryController::databasePath() const
{
    return m_path.isEmpty() ? ScanHistory::defaultPath() : m_path;
}

bool HistoryController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void HistoryController::retranslate()
{
    m_menu->setTitle(tr("Hi&story"));
    m_historyAction->setText(tr("&History…"));
    m_historyAction->setStatusTip(tr("Past scans of this inventory: open, compare, delete"));
    m_compareAction->setText(tr("&Compare with…"));
    m_compareAction->setStatusTip(tr("Compare the result on screen with a past scan"));
    m_waiversAction->setText(tr("&Waivers…"));
    m_waiversAction->setStatusTip(tr("Accepted risks: list, add, remove, import and export"));
    m_waiveAction->setText(tr("Wai&ve…"));
    m_waiveAction->setStatusTip(tr("Accept the selected failure with a justification and expiry"));
}

void HistoryController::updateActions()
{
    const bool hasResult = !m_window->result().nodes.isEmpty();
    m_compareAction->setEnabled(hasResult);
    const ControlResult *r = findResult(m_window->result(), m_selControl, m_selNode);
    m_waiveAction->setEnabled(r && r->status == Status::Fail);
}

void HistoryController::onCellSelected(int controlIndex, int nodeIndex)
{
    const Benchmark &b = m_window->benchmark();
    const ClusterResult &res = m_window->result();
    m_selControl = controlIndex >= 0 && controlIndex < b.controls.size()
                       ? b.controls[controlIndex].id
                       : QString();
    m_selNode =
        nodeIndex >= 0 && nodeIndex < res.nodes.size() ? res.nodes[nodeIndex].name : QString();
    updateActions();
}

QList<Waiver> HistoryController::storedWaivers() const
{
    ScanHistory h;
    if (!QFileInfo::exists(databasePath()) || h.open(databasePath()))
        return {};
    auto list = h.waivers();
    return list ? *list : QList<Waiver>();
}

void HistoryController::show(const ClusterResult &result)
{
    const QString control = m_selControl;
    const QString node = m_selNode;
    m_showing = true;
    m_window->nodesModel()->setResult(result);
    m_window->showResult(m_window->benchmark(), result);
    m_showing = false;
    if (!control.isEmpty())
        m_window->selectCell(control, node);
    updateActions();
}

int HistoryController::reapplyWaivers()
{
    ClusterResult r = m_window->result();
    if (r.nodes.isEmpty())
        return 0;
    clearWaivers(r);
    const WaiverOutcome o = applyWaivers(r, storedWaivers());
    show(r);
    return o.applied;
}

void HistoryController::onScanFinished(bool cancelled)
{
    // Like `kinspect-cli scan`: the stored waivers apply, then the whole scan is stored.
    ClusterResult r = m_window->result();
    if (r.nodes.isEmpty())
        return;
    const QList<Waiver> waivers = storedWaivers();
    if (!waivers.isEmpty()) {
        const WaiverOutcome o = applyWaivers(r, waivers);
        if (o.applied > 0 || o.expired > 0)
            show(r);
    }
    if (cancelled || !m_saveScans)
        return;
    QString error;
    if (!saveShownResult(&error))
        m_window->statusBar()->showMessage(tr("Scan not stored in the history: %1").arg(error),
                                           10000);
}

bool HistoryController::saveShownResult(QString *error)
{
    ScanHistory h;
    if (auto e = h.open(databasePath())) {
        if (error)
            *error = e->toString();
        return false;
    }
    ScanMeta meta;
    const QString inv = m_window->inventory().filePath;
    meta.inventory = inv.isEmpty() ? QString() : QFileInfo(inv).absoluteFilePath();
    // The raw collector output goes with the results, so the scan can be re-evaluated later.
    const QList<QByteArray> snapshots = m_window->scanController()->snapshots();
    auto id = h.saveScan(m_window->result(),
                         snapshots.size() == m_window->result().nodes.size() ? snapshots
                                                                             : QList<QByteArray>(),
                         meta);
    if (!id) {
        if (error)
            *error = id.error().toString();
        return false;
    }
    m_currentId = *id;
    m_snapshots.clear();
    return true;
}

bool HistoryController::openScan(qint64 id, QString *error)
{
    ScanHistory h;
    std::optional<Error> e = h.open(databasePath());
    auto scan = e ? Expected<StoredScan>(*e) : h.loadScan(id);
    if (!scan) {
        if (error)
            *error = scan.error().toString();
        return false;
    }
    auto bench = CatalogLoader::load(scan->result.benchmarkId);
    if (!bench) {
        if (error)
            *error = bench.error().toString();
        return false;
    }
    ClusterResult r = scan->result;
    clearWaivers(r);
    auto waivers = h.waivers();
    applyWaivers(r, waivers ? *waivers : QList<Waiver>());
    m_showing = true;
    m_window->nodesModel()->setResult(r);
    m_window->showResult(*bench, r);
    m_showing = false;
    m_currentId = id;
    m_snapshots = scan->snapshots;
    m_selControl.clear();
    m_selNode.clear();
    updateActions();
    m_window->statusBar()->showMessage(
        tr("Scan %1 of %2 from the history (%3), read-only.")
            .arg(id)
            .arg(r.cluster, QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat)));
    return true;
}

ReportOptions HistoryController::reportOptions() const
{
    ReportOptions o;
    const ClusterResult &shown = m_window->result();
    if (shown.nodes.isEmpty())
        return o;
    o.snapshots = m_snapshots;
    ScanHistory h;
    // An export must not create a history file where there is none.
    if (!QFileInfo::exists(databasePath()) || h.open(databasePath()))
        return o;
    std::optional<qint64> prev;
    if (m_currentId > 0) {
        prev = h.previousScan(m_currentId);
    } else if (auto list = h.listScans(shown.cluster)) {
        for (const ScanInfo &s : *list)
            if (!shown.startedAt.isValid() || s.startedAt < shown.startedAt) {
                prev = s.id;
                break;
            }
    }
    if (!prev)
        return o;
    auto before = h.loadScan(*prev);
    if (!before)
        return o;
    o.comparison = compareScans(before->result, shown);
    o.comparison->beforeId = *prev;
    o.comparison->afterId = m_currentId;
    return o;
}

QString HistoryController::shownTitle() const
{
    const ClusterResult &r = m_window->result();
    return m_currentId > 0 ? tr("scan %1 on screen (%2)").arg(m_currentId).arg(r.cluster)
                           : tr("the result on screen (%1, %2)")
                                 .arg(r.cluster, QLocale().toString(r.startedAt.toLocalTime(),
                                                                    QLocale::ShortFormat));
}

void HistoryController::showHistory()
{
    const Inventory &inv = m_window->inventory();
    const QString cluster =
        !m_window->result().cluster.isEmpty() ? m_window->result().cluster : inv.cluster;
    HistoryDialog dialog(
        databasePath(), cluster,
        inv.filePath.isEmpty() ? QString() : QFileInfo(inv.filePath).absoluteFilePath(), m_window);
    if (!m_window->result().nodes.isEmpty())
        dialog.setShownResult(m_window->result(), shownTitle());
    connect(&dialog, &HistoryDialog::openScanRequested, this, [this](qint64 id) {
        QString error;
        if (!openScan(id, &error))
            QMessageBox::warning(m_window, tr("Cannot open the scan"), error);
    });
    dialog.exec();
}

void HistoryController::compareWith()
{
    if (m_window->result().nodes.isEmpty())
        return;
    const ClusterResult &r = m_window->result();
    HistoryDialog dialog(databasePath(), r.cluster, QString(), m_window);
    dialog.setWindowTitle(tr("Compare with a past scan"));
    dialog.setShownResult(r, shownTitle());
    // Preselect the newest other scan: the usual question is "what changed since last time".
    for (const ScanInfo &s : dialog.model()->scans())
        if (s.id != m_currentId) {
            dialog.selectScans({s.id});
            break;
        }
    connect(&dialog, &HistoryDialog::openScanRequested, this, [this](qint64 id) {
        QString error;
        if (!openScan(id, &error))
            QMessageBox::warning(m_window, tr("Cannot open the scan"), error);
    });
    dialog.exec();
}

void HistoryController::showWaivers()
{
    WaiversDialog dialog(databasePath(), m_window);
    QStringList ids, titles;
    for (const Control &c : m_window->benchmark().controls) {
        ids << c.id;
        titles << c.title;
    }
    dialog.setControls(ids, titles);
    const NodeResult *node = nullptr;
    const ControlResult *r = findResult(m_window->result(), m_selControl, m_selNode, &node);
    if (r && r->status == Status::Fail)
        dialog.setCell(m_selControl, m_selNode, node->roles);
    connect(&dialog, &WaiversDialog::waiversChanged, this, &HistoryController::reapplyWaivers);
    dialog.exec();
}

void HistoryController::waiveSelected()
{
    const NodeResult *node = nullptr;
    const ControlResult *r = findResult(m_window->result(), m_selControl, m_selNode, &node);
    if (!r || r->status != Status::Fail)
        return;
    QString title;
    for (const Control &c : m_window->benchmark().controls)
        if (c.id == m_selControl)
            title = c.title;
    QStringList taken;
    for (const Waiver &w : storedWaivers())
        taken << w.id;
    WaiverEditDialog dialog(m_selControl, title, node->name, node->roles, taken, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ScanHistory h;
    std::optional<Error> e = h.open(databasePath());
    if (!e)
        e = h.saveWaiver(dialog.waiver());
    if (e) {
        QMessageBox::warning(m_window, tr("Cannot store the waiver"), e->toString());
        return;
    }
    reapplyWaivers();
}

} // namespace kinspect::ui
