#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"

#include <QByteArray>
#include <QJsonObject>

namespace kinspect {

// The JSON report of DESIGN.md ("Contracts"). Field names are a contract: scripts rely on them.
QJsonObject clusterResultToJson(const Benchmark &benchmark, const ClusterResult &result);
QByteArray jsonReport(const Benchmark &benchmark, const ClusterResult &result);

// Every field of every control (kinspect-cli controls --format json).
QJsonObject controlToJson(const Benchmark &benchmark, const Control &control);
QByteArray controlsJson(const Benchmark &benchmark);

} // namespace kinspect
