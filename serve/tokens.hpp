// Secrets: 128-bit random tokens, compared in constant time.
#pragma once

#include <string>
#include <string_view>

namespace pyjudge::serve {

/// `bytes` random bytes from the OS CSPRNG (OpenSSL RAND_bytes), as lowercase hex.
std::string random_hex(std::size_t bytes);

/// A 128-bit token.
inline std::string new_token() { return random_hex(16); }

/// Compares without an early exit, so the time taken does not tell how much of a guess matched.
bool same_token(std::string_view a, std::string_view b);

}  // namespace pyjudge::serve
