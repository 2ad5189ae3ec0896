#pragma once

#include "evaluate/Result.h"
#include "report/ReportFormats.h"
#include "store/Waiver.h"

#include <QObject>

class QAction;
class QMenu;

namespace kinspect::ui {

class MainWindow;

// Connects the main window to the scan history (core/store): stores every finished GUI scan
// (with the stored waivers applied, as `kinspect-cli scan` does), lists and opens past scans,
// compares scans, manages waivers and re-applies them to the result on screen at once, and
// gives the export dialog the comparison with the previous scan. Adds a History menu and a
// "Waive…" entry to the matrix's context menu; owns no widget of the window.
class HistoryController : public QObject
{
    Q_OBJECT

public:
    explicit HistoryController(MainWindow *window);

    // "" (default): ScanHistory::defaultPath() ($KINSPECT_HISTORY_DB or the user's data dir).
    void setDatabasePath(const QString &path) { m_path = path; }
    QString databasePath() const;
    // Store GUI scans (default on).
    void setSaveScans(bool on) { m_saveScans = on; }

    // The history id of the result on screen (0: not from the history / not stored).
    qint64 currentScanId() const { return m_currentId; }
    // Stores the result on screen as a new scan; sets currentScanId().
    bool saveShownResult(QString *error = nullptr);
    // Shows a stored scan in the window (with today's waivers applied).
    bool openScan(qint64 id, QString *error = nullptr);
    // Clears the waivers of the result on screen and applies the stored ones again; the
    // selected cell stays selected. Returns how many results became WAIVED.
    int reapplyWaivers();
    // For the export: the change since the previous stored scan (when there is one) and the
    // snapshots of a stored scan.
    ReportOptions reportOptions() const;

    QAction *historyAction() const { return m_historyAction; }
    QAction *compareAction() const { return m_compareAction; }
    QAction *waiversAction() const { return m_waiversAction; }
    QAction *waiveAction() const { return m_waiveAction; }
    // The matrix cell last selected: control id and node name ("" when none).
    QString selectedControl() const { return m_selControl; }
    QString selectedNode() const { return m_selNode; }

public slots:
    void showHistory();
    void compareWith();
    void showWaivers();
    void waiveSelected();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void onScanFinished(bool cancelled);
    void onCellSelected(int controlIndex, int nodeIndex);
    void updateActions();
    QList<Waiver> storedWaivers() const;
    void show(const ClusterResult &result);
    QString shownTitle() const;

    MainWindow *m_window;
    QString m_path;
    bool m_saveScans = true;
    bool m_showing = false;
    qint64 m_currentId = 0;
    QList<QByteArray> m_snapshots; // of the stored scan on screen
    QString m_selControl;
    QString m_selNode;
    QMenu *m_menu;
    QAction *m_historyAction;
    QAction *m_compareAction;
    QAction *m_waiversAction;
    QAction *m_waiveAction;
};

} // namespace kinspect::ui
