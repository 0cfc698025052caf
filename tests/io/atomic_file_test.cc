#include "io/atomic_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>

#include "io/errors.h"

namespace tilmash::io {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh folder per test, so that its listing shows every file AtomicFile left behind.
class AtomicFileTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string templ = (fs::temp_directory_path() / "tilmash-atomic-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(templ.data()), nullptr);
    dir_ = templ;
    old_umask_ = ::umask(022);
  }
  void TearDown() override {
    ::umask(old_umask_);
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }

  // Names of the entries of the test folder, sorted.
  std::vector<std::string> listing() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_))
      names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
  mode_t old_umask_ = 0;
};

using Names = std::vector<std::string>;

TEST_F(AtomicFileTest, CommitCreatesTheFile) {
  {
    AtomicFile file(path("kk.txt"));
    file.out() << "Сәлем, әлем!\n";
    file.commit();
    EXPECT_EQ(file.path(), path("kk.txt"));
  }
  EXPECT_EQ(slurp(path("kk.txt")), "Сәлем, әлем!\n");
  EXPECT_EQ(listing(), (Names{"kk.txt"}));
}

TEST_F(AtomicFileTest, CommitReplacesAnExistingFile) {
  write_file_atomic(path("ru.txt"), "старое содержимое, длиннее нового\n");
  write_file_atomic(path("ru.txt"), "новое\n");
  EXPECT_EQ(slurp(path("ru.txt")), "новое\n");
  EXPECT_EQ(listing(), (Names{"ru.txt"}));
}

TEST_F(AtomicFileTest, NoCommitLeavesNoFileAndNoTemporary) {
  {
    AtomicFile file(path("out.txt"));
    file.out() << "жартылай жазылған";
    EXPECT_EQ(listing().size(), 1u) << "the temporary exists while writing";
    EXPECT_EQ(listing()[0].rfind("out.txt.tmp-", 0), 0u) << listing()[0];
  }
  EXPECT_EQ(listing(), Names{});
}

TEST_F(AtomicFileTest, ExistingTargetUntouchedWhenAnExceptionStopsTheWrite) {
  write_file_atomic(path("tm.txt"), "ескі нұсқа\n");
  try {
    AtomicFile file(path("tm.txt"));
    file.out() << "жаңа нұсқаның басы";
    throw std::runtime_error("stop half-way");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(slurp(path("tm.txt")), "ескі нұсқа\n");
  EXPECT_EQ(listing(), (Names{"tm.txt"}));
}

TEST_F(AtomicFileTest, LargeContentCrossesTheBuffer) {
  std::string big;
  while (big.size() < (1u << 20))
    big += "Әр адам өмір сүруге құқылы.\n";
  write_file_atomic(path("big.txt"), big);
  EXPECT_EQ(slurp(path("big.txt")), big);
}

TEST_F(AtomicFileTest, NewFileGetsTheUmaskModeNot0600) {
  write_file_atomic(path("new.txt"), "x");
  EXPECT_EQ(fs::status(path("new.txt")).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read
                | fs::perms::others_read);  // 0666 & ~022
}

TEST_F(AtomicFileTest, ReplacedFileKeepsItsMode) {
  write_file_atomic(path("keep.txt"), "old");
  fs::permissions(path("keep.txt"),
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);  // 0640
  write_file_atomic(path("keep.txt"), "new");
  EXPECT_EQ(fs::status(path("keep.txt")).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST_F(AtomicFileTest, MissingFolderIsAnIoError) {
  const std::string target = path("жоқ/out.txt");
  try {
    AtomicFile file(target);
    FAIL() << "no IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(e.path(), target);
    EXPECT_EQ(std::string(e.what()).rfind(target + ": error: ", 0), 0u) << e.what();
  }
  EXPECT_EQ(listing(), Names{});
}

TEST_F(AtomicFileTest, UnwritableFolderIsAnIoError) {
  // Root ignores permission bits, so as root use sysfs, where nobody may create files.
  std::string target;
  if (::geteuid() == 0) {
    if (::access("/sys", F_OK) != 0)
      GTEST_SKIP() << "running as root without /sys";
    target = "/sys/tilmash-atomic-test.txt";
  } else {
    fs::create_directory(dir_ / "ro");
    fs::permissions(dir_ / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    target = path("ro/out.txt");
  }
  EXPECT_THROW(write_file_atomic(target, "x"), IoError);
  EXPECT_FALSE(fs::exists(target));
  if (::geteuid() != 0) {
    EXPECT_TRUE(fs::is_empty(dir_ / "ro"));
  }
}

TEST_F(AtomicFileTest, FailedRenameRemovesTheTemporary) {
  // The target is a non-empty folder: the temporary is written, rename() fails, and nothing
  // may be left beside it.
  fs::create_directory(dir_ / "target");
  std::ofstream(dir_ / "target" / "inside.txt") << "x";
  AtomicFile file(path("target"));
  file.out() << "мазмұн";
  EXPECT_THROW(file.commit(), IoError);
  EXPECT_EQ(listing(), (Names{"target"}));
}

TEST_F(AtomicFileTest, DashWritesToStdout) {
  testing::internal::CaptureStdout();
  {
    AtomicFile file("-");
    file.out() << "stdout-қа\n";
    file.commit();
  }
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "stdout-қа\n");
  EXPECT_EQ(listing(), Names{});
  EXPECT_FALSE(fs::exists("-"));
}

}  // namespace
}  // namespace tilmash::io
