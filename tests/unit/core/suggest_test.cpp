#include <catch2/catch.hpp>

#include "compiler/core/suggest.hpp"

TEST_CASE("edit distance", "[suggest]") {
  CHECK(leeway::edit_distance("kitten", "sitting") == 3);
  CHECK(leeway::edit_distance("", "abc") == 3);
  CHECK(leeway::edit_distance("same", "same") == 0);
}

TEST_CASE("did you mean picks a close name and refuses a far one", "[suggest]") {
  std::vector<std::string> keys{"granted_by", "max_cost", "bends", "when", "then"};
  CHECK(leeway::closest("granted_bu", keys) == "granted_by");
  CHECK(leeway::closest("maxcost", keys) == "max_cost");
  CHECK(leeway::closest("zebra", keys).empty());
  CHECK(leeway::did_you_mean("thne", keys) == "did you mean `then`?");
}
