#pragma once

#include "evaluate/Result.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTreeView;

namespace kinspect::ui {

class MatrixFilterModel;
class MatrixModel;

// The matrix with its filter bar: status, "only where nodes disagree", role, section, search,
// and worst-first sorting. One QTreeView over MatrixFilterModel: no widget per cell, uniform row
// heights, fixed-width node columns (so 1,000 nodes scroll without layout work).
class MatrixPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MatrixPanel(QWidget *parent = nullptr);

    MatrixModel *model() const { return m_model; }
    MatrixFilterModel *filterModel() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }

    // Call after the model was reset with a new result (rebuilds the role/section choices).
    void resultChanged();
    void setWorstFirst(bool on);
    void expandAll();
    void collapseAll();
    bool worstFirst() const;
    // Selects the cell of `controlId` x node `nodeIndex` (-1: the control's row) and shows it.
    bool selectCell(const QString &controlId, int nodeIndex);

signals:
    // nodeIndex -1: the control or aggregate column; controlIndex -1: a section row.
    void cellSelected(int controlIndex, int nodeIndex);
    void cellActivated(int controlIndex, int nodeIndex);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void applyStatusFilter();
    void fixColumnWidths();
    void updateFrozenColumns();
    void updateFrozenGeometry();
    void emitFor(const QModelIndex &proxyIndex, bool activated);

    MatrixModel *m_model;
    MatrixFilterModel *m_filter;
    QTreeView *m_view;
    // The control and aggregate columns stay in place while the node columns scroll sideways:
    // a second view over the same model and selection, laid over the left edge (Qt's "frozen
    // column" pattern), showing only those two columns.
    QTreeView *m_frozen;
    QComboBox *m_status;
    QCheckBox *m_outliers;
    QComboBox *m_role;
    QComboBox *m_section;
    QLineEdit *m_search;
    QCheckBox *m_worst;
};

} // namespace kinspect::ui
