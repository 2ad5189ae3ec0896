#pragma once

#include "evaluate/Result.h"
#include "util/Expected.h"

#include <QJsonObject>

namespace kinspect {

// Lossless JSON form of results for the history store (not the report contract of DESIGN.md:
// that one is for people and scripts and carries catalog text; this one round-trips).
QJsonObject nodeResultToStoreJson(const NodeResult &node);
Expected<NodeResult> nodeResultFromStoreJson(const QJsonObject &o);

} // namespace kinspect
