// SHA-1 against the test vectors of FIPS 180 and RFC 3174, and name-based
// UUIDs (RFC 4122 version 5) against the RFC's own example and Python's uuid5.
#include <catch2/catch.hpp>

#include <string>

#include "reports/publish/name_uuid.hpp"
#include "reports/publish/sha1.hpp"

using namespace leeway;

TEST_CASE("SHA-1 gives the digests of FIPS 180 and RFC 3174", "[publish][sha1]") {
  CHECK(hex(sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(hex(sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  CHECK(hex(sha1(std::string(1000000, 'a'))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  std::string test4;
  for (int i = 0; i < 80; ++i) test4 += "01234567";  // RFC 3174 TEST4: 640 bytes, ten blocks
  CHECK(hex(sha1(test4)) == "dea356a2cddd90c7a7ecedc5ebb563934f460452");
}

TEST_CASE("SHA-1 fed in pieces gives the digest of the whole, across every block boundary", "[publish][sha1]") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += static_cast<char>('a' + i % 26);
  for (std::size_t cut = 0; cut <= text.size(); cut += 7) {
    Sha1 h;
    h.add(std::string_view(text).substr(0, cut)).add(std::string_view(text).substr(cut));
    REQUIRE(hex(h.digest()) == hex(sha1(text)));
  }
  // Lengths around the padding's edge (55, 56, 63, 64 bytes) against known digests.
  CHECK(hex(sha1(std::string(55, 'a'))) == "c1c8bbdc22796e28c0e15163d20899b65621d65a");
  CHECK(hex(sha1(std::string(56, 'a'))) == "c2db330f6083854c99d4b5bfb6e8f29f201be699");
  CHECK(hex(sha1(std::string(64, 'a'))) == "0098ba824b5c16427bd7a1122a5a442a25ec644d");
}

TEST_CASE("a version 5 UUID is RFC 4122's: its example, and Python's uuid5", "[publish][uuid]") {
  auto dns = parse_uuid(kDnsNamespace);
  REQUIRE(dns);
  CHECK(uuid_text(*dns) == kDnsNamespace);
  CHECK(uuid_text(uuid_v5(*dns, "www.example.com")) == "2ed6657d-e927-568b-95e1-2665a8aea6a2");  // RFC 4122 appendix (errata 1352)
  CHECK(uuid_text(uuid_v5(*parse_uuid(kUrlNamespace), "https://www.python.org/")) == "5406f80d-92e9-51cd-a176-77445955e733");
  // leeway's namespace, and a document's identifier, as uuid.uuid5 computes them.
  CHECK(uuid_text(document_namespace()) == "5b9c1128-b4e7-5cba-94d4-8728755292d3");
  CHECK(document_urn("returns-desk/2026.1/handbook-supervisor") == "urn:uuid:0b988256-6522-576c-8527-1ab42be35fc8");
  Uuid u = uuid_v5(document_namespace(), "anything");
  CHECK((u[6] >> 4) == 5);       // version 5
  CHECK((u[8] & 0xC0) == 0x80);  // the RFC 4122 variant
}

TEST_CASE("parse_uuid takes either case and refuses what is not a UUID", "[publish][uuid]") {
  CHECK(parse_uuid("6BA7B810-9DAD-11D1-80B4-00C04FD430C8") == parse_uuid(kDnsNamespace));
  CHECK_FALSE(parse_uuid(""));
  CHECK_FALSE(parse_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c"));   // short
  CHECK_FALSE(parse_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430cg"));  // not hexadecimal
  CHECK_FALSE(parse_uuid("6ba7b8109-dad-11d1-80b4-00c04fd430c8"));  // a dash out of place
}
