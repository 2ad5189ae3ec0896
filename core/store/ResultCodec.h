#pragma once

#include "evaluate/Result.h"
#include "util/Expected.h"

#include <QJsonObject>

namespace kinspect {

class StringPool;

// Lossless JSON form of results for the history store (not the report contract of DESIGN.md:
// that one is for people and scripts and carries catalog text; this one round-trips).
QJsonObject nodeResultToStoreJson(const NodeResult &node);
// With a pool (one for all nodes of a scan), the strings the nodes repeat are stored once.
Expected<NodeResult> nodeResultFromStoreJson(const QJsonObject &o, StringPool *pool = nullptr);

} // namespace kinspect
