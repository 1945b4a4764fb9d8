// `leeway diff --format json`: the change report for machines (docs/review.md).
#pragma once
#include <string>

#include "compiler/changes/change_report.hpp"

namespace leeway {

std::string change_report_json(const ChangeReport& r);

}  // namespace leeway
