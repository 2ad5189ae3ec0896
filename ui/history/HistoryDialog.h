#pragma once

#include "evaluate/Result.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace kinspect::ui {

class CompareDialog;
class ScanListModel;

// The past scans of one inventory (or cluster) from the scan history: time, benchmark, counts,
// complete flag. Open one into the main window, compare two (or one with the result on screen),
// delete one. Errors show in a label inside the dialog (no message box).
class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    HistoryDialog(const QString &databasePath, const QString &cluster, const QString &inventory,
                  QWidget *parent = nullptr);

    // The result on screen, for "Compare with shown result" (not set: the button is disabled).
    void setShownResult(const ClusterResult &result, const QString &title);

    ScanListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString errorText() const;
    // Reloads the list from the database.
    bool reload();
    // Selects the rows of these scan ids (tests, keyboard users).
    void selectScans(const QList<qint64> &ids);
    QList<qint64> selectedScans() const;

    // Compares two stored scans (older first) or one with the shown result; the dialog is
    // returned unshown (the caller execs it) or nullptr with errorText() set.
    CompareDialog *makeComparison(qint64 before, std::optional<qint64> after);

signals:
    void openScanRequested(qint64 id);

private:
    void updateButtons();
    void setError(const QString &text);
    void compareSelected();
    void compareWithShown();
    void deleteSelected();

    QString m_path;
    QString m_cluster;
    QString m_inventory;
    std::optional<ClusterResult> m_shown;
    QString m_shownTitle;
    ScanListModel *m_model;
    QTableView *m_view;
    QCheckBox *m_allInventories;
    QCheckBox *m_incomplete;
    QLabel *m_error;
    QPushButton *m_open;
    QPushButton *m_compare;
    QPushButton *m_compareShown;
    QPushButton *m_delete;
};

} // namespace kinspect::ui
