// SHA-256 of strings and files (core/sha256, OpenSSL's libcrypto): FIPS 180-4
// test vectors, and a missing file is an InputError naming it.
#include <gtest/gtest.h>

#include <string>

#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"

namespace {

TEST(Sha256, FipsVectors) {
  // FIPS 180-4 / NIST CSRC example values.
  EXPECT_EQ(gb::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(gb::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(gb::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(gb::sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, FileDigestAndMissingFile) {
  gb::testing::TempDir t;
  const std::string p = t.write("x.txt", "abc");
  EXPECT_EQ(gb::sha256_file(p), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_THROW(gb::sha256_file(t.file("absent")), gb::InputError);
}

}  // namespace
