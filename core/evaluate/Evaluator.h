#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "snapshot/NodeSnapshot.h"

#include <QString>
#include <QStringList>

namespace kinspect {

// What the inventory says about a node (the snapshot says the rest).
struct NodeContext
{
    QString name;
    QString host;
    QStringList declaredRoles; // control-plane | master | etcd | worker; empty: detect
};

// Evaluates a benchmark on node snapshots. Pure: no I/O, no network, thread-safe (const), so a
// saved snapshot re-evaluates offline under any benchmark. Semantics: DESIGN.md "Evaluation
// semantics" and docs/catalog-format.md.
class Evaluator
{
public:
    explicit Evaluator(const Benchmark &benchmark) : m_benchmark(benchmark) {}

    NodeResult evaluate(const NodeSnapshot &snapshot, const NodeContext &context) const;

    // Roles seen on the node: control-plane (API server, controller manager or scheduler running
    // or a manifest for one), etcd, worker (a kubelet and no control plane).
    static QStringList detectRoles(const NodeSnapshot &snapshot);
    // The node's Kubernetes version (kubelet, else API server), e.g. "v1.32.2"; empty if unknown.
    static QString kubernetesVersion(const NodeSnapshot &snapshot);

    const Benchmark &benchmark() const { return m_benchmark; }

    // The evaluator keeps, for the process, what the config files it met parse to (keyed by
    // their content: a cluster's nodes mostly share them). Drops them; for benchmarks that
    // measure the first evaluation of every file, and for tests.
    static void clearCaches();

private:
    const Benchmark &m_benchmark;
};

// The benchmark that matches a Kubernetes version ("v1.29.3"), among `ids` of loaded benchmarks'
// ranges; falls back to the newest. Used when the inventory names none.
QString selectBenchmarkId(const QList<Benchmark> &benchmarks, const QString &kubernetesVersion);

} // namespace kinspect
