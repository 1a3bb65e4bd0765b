// A 64-bit fingerprint of a text: which scenario a saved state or checkpoint belongs to, and the
// checksum of a checkpoint's records.
#pragma once

#include <cstdint>
#include <string_view>

namespace brainload {

// 64-bit FNV-1a (Fowler–Noll–Vo) of `text`: a fingerprint, not a security hash.
[[nodiscard]] std::uint64_t text_fingerprint(std::string_view text);

}  // namespace brainload
