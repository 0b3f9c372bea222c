#pragma once
// SHA-256 of bytes and files, for provenance: which potential file, case
// file, ... a result came from.  Computed by OpenSSL's libcrypto (EVP);
// hex output matches `sha256sum`.
#include <cstddef>
#include <memory>
#include <string>

namespace gb {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(const void* data, size_t n);
  void update(const std::string& s) { update(s.data(), s.size()); }
  /// Finish and return the lower-case hex digest (64 characters).  The object
  /// must not be updated afterwards.
  std::string hex_digest();

 private:
  struct Context;
  std::unique_ptr<Context> ctx_;
};

std::string sha256_hex(const std::string& bytes);
/// Digest of a file's contents; throws gb::InputError if it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace gb
