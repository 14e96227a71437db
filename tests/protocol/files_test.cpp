#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "protocol/files.hpp"

using namespace pyjudge;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    char pattern[] = "/tmp/pyjudge-files-XXXXXX";
    path = mkdtemp(pattern);
  }
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("A whole file is read within its cap; anything else is refused with a named reason") {
  TempDir dir;
  std::ofstream(dir.path / "ok.txt") << "hello\n";
  FileContents ok = read_whole_file(dir.path / "ok.txt", 6);
  CHECK(ok.ok());
  CHECK(ok.data == "hello\n");
  CHECK(read_whole_file(dir.path / "ok.txt", 5).error == "too large (6 bytes; the limit is 5)");
  CHECK(read_whole_file(dir.path / "none.txt", 5).error.find("cannot be opened") == 0);
  CHECK(read_whole_file(dir.path, 5).error == "a folder");
  REQUIRE(mkfifo((dir.path / "fifo").c_str(), 0600) == 0);
  CHECK(read_whole_file(dir.path / "fifo", 5).error == "a FIFO");  // refused, never blocks
  fs::create_symlink(dir.path / "ok.txt", dir.path / "link");
  CHECK(read_whole_file(dir.path / "link", 64).data == "hello\n");
  CHECK(read_whole_file(dir.path / "link", 64, Symlinks::Refuse).error == "a symlink");
}

TEST_CASE("A file's head is its first bytes, cut at the cap; what is not a regular file is refused the same way") {
  TempDir dir;
  std::ofstream(dir.path / "msg.txt") << "0123456789";
  CHECK(read_file_head(dir.path / "msg.txt", 4).data == "0123");
  CHECK(read_file_head(dir.path / "msg.txt", 4).ok());
  CHECK(read_file_head(dir.path / "msg.txt", 64).data == "0123456789");
  std::ofstream(dir.path / "empty.txt");
  CHECK(read_file_head(dir.path / "empty.txt", 4).ok());
  CHECK(read_file_head(dir.path / "empty.txt", 4).data.empty());
  REQUIRE(mkfifo((dir.path / "fifo").c_str(), 0600) == 0);
  CHECK(read_file_head(dir.path / "fifo", 4).error == "a FIFO");  // an author's program cannot make the judge wait
  CHECK(read_file_head("/dev/zero", 4).error == "a device");
}

TEST_CASE("A unique descriptor closes once, and not after release") {
  int raw = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  REQUIRE(raw >= 0);
  {
    UniqueFd a(raw);
    UniqueFd b(std::move(a));
    CHECK_FALSE(a);
    CHECK(b.get() == raw);
  }
  CHECK(::fcntl(raw, F_GETFD) == -1);  // closed by b
  int kept = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  { UniqueFd c(kept); CHECK(c.release() == kept); }
  CHECK(::fcntl(kept, F_GETFD) != -1);
  ::close(kept);
}
