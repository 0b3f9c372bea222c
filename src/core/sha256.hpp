#pragma once
// SHA-256 (FIPS 180-4) of bytes and files, for provenance: which potential
// file, case file, ... a result came from.  Hex output matches `sha256sum`.
#include <cstddef>
#include <cstdint>
#include <string>

namespace gb {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, size_t n);
  void update(const std::string& s) { update(s.data(), s.size()); }
  /// Finish and return the lower-case hex digest (64 characters).  The object
  /// must not be updated afterwards.
  std::string hex_digest();

 private:
  void block(const unsigned char* p);
  uint32_t h_[8];
  unsigned char buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

std::string sha256_hex(const std::string& bytes);
/// Digest of a file's contents; throws gb::InputError if it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace gb
