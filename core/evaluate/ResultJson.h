#pragma once

#include "evaluate/Result.h"

#include <QJsonObject>

namespace kinspect {

class StringPool;

// The JSON shapes of result parts, shared by the JSON report (DESIGN.md contract) and the scan
// history's stored form, so both spell an evidence item and a waiver the same way.
QJsonObject evidenceToJson(const Evidence &evidence);
// With a pool, the decoded strings are shared with the pool's copies (see util/StringPool.h).
Evidence evidenceFromJson(const QJsonObject &object, StringPool *pool = nullptr);
QJsonObject waiverToJson(const AppliedWaiver &waiver);
AppliedWaiver waiverFromJson(const QJsonObject &object);

} // namespace kinspect
