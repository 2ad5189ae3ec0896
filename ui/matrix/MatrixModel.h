#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"

#include <QAbstractItemModel>

#include <array>
#include <vector>

namespace kinspect::ui {

// The control x node matrix. Rows: one row per catalog section that holds controls, the controls
// as its children (so a tree view can collapse sections). Columns: the control, the aggregate
// over every node, then one column per node.
//
// Everything a cell shows is precomputed when a result is set (status per cell as one byte,
// counts and outlier flag per control), so data() is O(1) and a 1,000-node result needs no
// per-cell objects.
class MatrixModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        ControlColumn = 0,
        AggregateColumn = 1,
        FirstNodeColumn = 2
    };
    enum Role
    {
        StatusRole = Qt::UserRole + 1, // int(Status) of a cell / worst of a row; -1: no result
        RankRole,                      // worst-first sort key (StatusStyle::rank)
        ControlIdRole,                 // control rows: the id; section rows: empty
        SectionIdRole,                 // the top-level section id ("1", "4", ...)
        NodeIndexRole,                 // node columns: index into the result's nodes
        DisagreeRole,                  // control rows: the nodes' statuses differ (outlier)
        IsSectionRole,
        SearchTextRole // lower-case id, title and description, for the search box
    };
    static constexpr quint8 NoResult = 0xff;

    explicit MatrixModel(QObject *parent = nullptr);

    void setResult(const Benchmark &benchmark, const ClusterResult &result);
    // Replaces one node's results (during a scan); the column repaints, nothing is reset.
    void updateNode(int nodeIndex, const NodeResult &node);
    // Several nodes at once (one repaint): the GUI batches a scan's results.
    void updateNodes(const QHash<int, NodeResult> &nodes);
    void clear();

    const Benchmark &benchmark() const { return m_benchmark; }
    const ClusterResult &result() const { return m_result; }
    int nodeCount() const { return int(m_result.nodes.size()); }
    int controlCount() const { return int(m_benchmark.controls.size()); }

    // Lookups for views and tests.
    QModelIndex indexOfControl(const QString &controlId, int column = ControlColumn) const;
    int controlIndexOf(const QModelIndex &index) const; // -1 for section rows
    const Control *controlAt(const QModelIndex &index) const;
    const ControlResult *cellResult(int controlIndex, int nodeIndex) const;
    quint8 cellStatus(int controlIndex, int nodeIndex) const
    {
        return m_status[size_t(controlIndex) * size_t(nodeCount()) + size_t(nodeIndex)];
    }
    int controlStatusCount(int controlIndex, Status s) const
    {
        return m_controls[size_t(controlIndex)].counts[size_t(s)];
    }
    bool controlDisagrees(int controlIndex) const
    {
        return m_controls[size_t(controlIndex)].disagree;
    }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct SectionRow
    {
        QString id;
        QString topId;
        QString title;
        std::vector<int> controls; // indices into m_benchmark.controls
    };
    struct ControlRow
    {
        int section = 0;
        int rowInSection = 0;
        std::array<int, kStatusCount + 1> counts{}; // per Status, then "no result"
        quint8 worst = NoResult;
        bool disagree = false;
        QString search;
    };

    void computeNode(int nodeIndex);
    void computeControl(int controlIndex);
    QVariant sectionData(int sectionIndex, int column, int role) const;
    QVariant controlData(int controlIndex, int column, int role) const;
    quint8 sectionWorst(int sectionIndex, int nodeIndex) const;

    Benchmark m_benchmark;
    ClusterResult m_result; // implicitly shared with the caller's copy
    std::vector<SectionRow> m_sections;
    std::vector<ControlRow> m_controls;
    std::vector<quint8> m_status;      // [control * nodes + node]
    std::vector<int> m_resultIndex;    // same layout: index into node.results, -1 none
    QHash<QString, int> m_controlById; // id -> control index
};

} // namespace kinspect::ui
