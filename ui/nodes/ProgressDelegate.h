#pragma once

#include <QStyledItemDelegate>

namespace kinspect::ui {

// Draws the scan state of a node as a progress bar with the stage as its text while it runs.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace kinspect::ui
