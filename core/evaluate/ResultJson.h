#pragma once

#include "evaluate/Result.h"

#include <QJsonObject>

namespace kinspect {

// The JSON shapes of result parts, shared by the JSON report (DESIGN.md contract) and the scan
// history's stored form, so both spell an evidence item and a waiver the same way.
QJsonObject evidenceToJson(const Evidence &evidence);
Evidence evidenceFromJson(const QJsonObject &object);
QJsonObject waiverToJson(const AppliedWaiver &waiver);
AppliedWaiver waiverFromJson(const QJsonObject &object);

} // namespace kinspect
