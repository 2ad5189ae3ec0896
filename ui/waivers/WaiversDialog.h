#pragma once

#include "store/Waiver.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace kinspect::ui {

class WaiverModel;

// The waivers kept with the scan history: list (expired ones marked), add (from the selected
// FAIL cell when there is one), remove, import and export YAML for review in git. Every change
// is written to the database at once and announced with waiversChanged(), so the window can
// re-apply the waivers to the result on screen. Errors (e.g. a YAML file's bad line) show in a
// label inside the dialog.
class WaiversDialog : public QDialog
{
    Q_OBJECT

public:
    explicit WaiversDialog(const QString &databasePath, QWidget *parent = nullptr);

    // The control ids (and titles) a new waiver may name.
    void setControls(const QStringList &ids, const QStringList &titles);
    // The FAIL cell selected in the matrix: "Add…" starts from it.
    void setCell(const QString &controlId, const QString &node, const QStringList &roles);

    WaiverModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString errorText() const;

    bool reload();
    bool addWaiver(const Waiver &waiver);
    bool removeWaiver(const QString &id);
    // Adds (or replaces by id) the waivers of a YAML file; nothing is stored when it has an error.
    bool importFile(const QString &path);
    bool exportFile(const QString &path);

signals:
    void waiversChanged();

private:
    void setError(const QString &text);
    void addDialog();
    void removeSelected();
    void importDialog();
    void exportDialog();
    void updateButtons();

    QString m_path;
    QStringList m_controlIds;
    QStringList m_controlTitles;
    QString m_cellControl;
    QString m_cellNode;
    QStringList m_cellRoles;
    WaiverModel *m_model;
    QTableView *m_view;
    QLabel *m_error;
    QLabel *m_info;
    QPushButton *m_remove;
};

} // namespace kinspect::ui
