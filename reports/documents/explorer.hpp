// The explorer: one self-contained HTML page where a person picks a role, a
// policy and a situation and reads the leeway there. The page carries the
// compiled answers as data (every policy's space cut into disjoint boxes,
// each with its answer and the sentences `leeway query` says about it); its
// script only finds the box that holds the chosen point. It reads the
// situation from the address (#policy=returns&days_since_purchase=45&as=associate).
#pragma once
#include <string>

#include "reports/documents/documents.hpp"

namespace leeway {

// The data the page carries, as JSON (escaped for a <script> element).
std::string explorer_data(const DocContext& ctx);

// The page itself: Document::page holds the HTML, written as it is.
Document make_explorer(const DocContext& ctx);

// A deep link into the explorer at a situation: "explorer.html#policy=..&dim=..&as=..".
std::string explorer_link(const Repository& repo, int policy, const PolicySpace& space, const Box& box, int role);

}  // namespace leeway
