// SHA-256, the one digest pyjudge names things by: cache entries and keys, batch fingerprints
// (a submission's bytes, a problem's version), compiled output validators.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace pyjudge {

/// An incremental SHA-256 (OpenSSL's EVP); digest() ends it.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view data);
  /// Hashes a file's bytes as they are read, in 64 KiB pieces; false if it cannot be read.
  bool update_file(const std::filesystem::path& file);
  std::string digest();      ///< the 32 raw bytes
  std::string hex_digest();  ///< 64 lower-case hex digits

 private:
  std::unique_ptr<evp_md_ctx_st, void (*)(evp_md_ctx_st*)> ctx_;
};

/// Lower-case hex of raw bytes.
std::string to_hex(std::string_view raw);

/// The SHA-256 of `data` in hex.
std::string sha256_hex(std::string_view data);

}  // namespace pyjudge
