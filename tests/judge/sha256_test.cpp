#include "judge/sha256.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace pyjudge;

TEST_CASE("SHA-256 gives the standard digests, whole or in pieces, of memory or of a file") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 pieces;
  pieces.update("a");
  pieces.update("bc");
  CHECK(pieces.digest() ==
        std::string("\xba\x78\x16\xbf\x8f\x01\xcf\xea\x41\x41\x40\xde\x5d\xae\x22\x23"
                    "\xb0\x03\x61\xa3\x96\x17\x7a\x9c\xb4\x10\xff\x61\xf2\x00\x15\xad",
                    32));
  auto file =
      std::filesystem::temp_directory_path() / ("pyjudge-sha256-" + std::to_string(::getpid()));
  std::string big(200 * 1024, 'x');  // more than one 64 KiB piece
  std::ofstream(file, std::ios::binary) << big;
  Sha256 from_file;
  CHECK(from_file.update_file(file));
  CHECK(from_file.hex_digest() == sha256_hex(big));
  std::filesystem::remove(file);
  Sha256 missing;
  CHECK_FALSE(missing.update_file(file));
  CHECK(to_hex(std::string_view("\x00\xff\x10", 3)) == "00ff10");
}
