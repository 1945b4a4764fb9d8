// Name-based UUIDs (RFC 4122, section 4.3, version 5): the SHA-1 of a
// namespace UUID followed by a name, its first 16 bytes with the version
// (5) and the variant (RFC 4122) stamped in. The same name in the same
// namespace always gives the same UUID: leeway's EPUB identifiers stay the
// same from one build of an edition to the next.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leeway {

using Uuid = std::array<std::uint8_t, 16>;

// "6ba7b810-9dad-11d1-80b4-00c04fd430c8" (either case); nothing when it is not a UUID.
std::optional<Uuid> parse_uuid(std::string_view text);
// Lower case, 8-4-4-4-12.
std::string uuid_text(const Uuid& u);

// RFC 4122 appendix C: the namespace of domain names and of URLs.
inline constexpr std::string_view kDnsNamespace = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
inline constexpr std::string_view kUrlNamespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

Uuid uuid_v5(const Uuid& name_space, std::string_view name);

// The namespace of leeway's document identifiers: uuid_v5(URL namespace,
// "urn:leeway:document"), so no other name-based UUID collides with them.
const Uuid& document_namespace();

// A document's identifier, stable per edition: "urn:uuid:" and the version 5
// UUID of `name` (the repository, edition and document) in document_namespace().
std::string document_urn(std::string_view name);

}  // namespace leeway
