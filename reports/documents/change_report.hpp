// `leeway diff --format markdown`: the change report (compiler/changes) as a
// pull-request comment.
#pragma once
#include <string>

#include "compiler/changes/change_report.hpp"

namespace leeway {

std::string change_report_markdown(const ChangeReport& r);

}  // namespace leeway
