// `leeway diff`'s change report as text, for a reviewer at a terminal.
#pragma once
#include <string>

#include "compiler/changes/change_report.hpp"

namespace leeway {

std::string change_report_text(const ChangeReport& r);

}  // namespace leeway
