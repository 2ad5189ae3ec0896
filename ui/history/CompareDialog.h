#pragma once

#include "store/ScanDiff.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableView;

namespace kinspect::ui {

class ScanDiffModel;

// Two scans side by side: counts per kind of change, the changes in a table (filterable by
// kind) and an export of the comparison as text, JSON or an HTML section.
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    CompareDialog(const ScanDiff &diff, const QString &beforeTitle, const QString &afterTitle,
                  QWidget *parent = nullptr);

    ScanDiffModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Writes the comparison: format "text", "json" or "html" (chosen by the file suffix in the
    // dialog). Returns false with a reason.
    bool exportTo(const QString &path, const QString &format, QString *error) const;

public slots:
    void exportDialog();

private:
    ScanDiffModel *m_model;
    QTableView *m_view;
    QComboBox *m_kind;
    QLabel *m_summary;
};

} // namespace kinspect::ui
