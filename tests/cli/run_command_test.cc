// The CLI's one try/catch (cli::run_command): every member of the failure family reaches it
// and gets its exit status and one-line message, with no guard in the command itself. The
// store's errors in particular (issue 18: StoreError was not caught in main.cc).
#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>

#include "cli/command.h"
#include "io/errors.h"
#include "store/tm_backend.h"

namespace tilmash::cli {
namespace {

struct Outcome {
  int status;
  std::string message;
};

template <typename E>
Outcome run_throwing(E error) {
  static E* pending = nullptr;
  pending = &error;
  const Command cmd{"tm lookup", "test", [](std::span<const std::string>) -> Exit {
                      throw *pending;
                    }};
  std::ostringstream err;
  const int status = run_command(cmd, {}, err);
  return {status, err.str()};
}

TEST(RunCommand, CorruptTmIsBadInputExit3) {
  const Outcome o = run_throwing(store::StoreError(
      store::StoreError::Kind::kBadInput, "tm.db", "not a tilmash TM (no schema version)"));
  EXPECT_EQ(o.status, 3);
  EXPECT_EQ(o.message, "tm.db: error: not a tilmash TM (no schema version)\n");
}

TEST(RunCommand, LockedOrReadOnlyTmIsIoExit4) {
  Outcome o = run_throwing(store::StoreError(
      store::StoreError::Kind::kIo, "tm.db",
      "import: the TM is locked by another process (an import?); try again"));
  EXPECT_EQ(o.status, 4);
  EXPECT_EQ(o.message,
            "tm.db: error: import: the TM is locked by another process (an import?); try again\n");
  o = run_throwing(store::StoreError(store::StoreError::Kind::kIo, "ro/tm.db",
                                     "import: the TM is read-only"));
  EXPECT_EQ(o.status, 4);
}

TEST(RunCommand, ServerPasswordNeverInTheMessage) {
  const Outcome o = run_throwing(store::StoreError(
      store::StoreError::Kind::kIo, "postgresql://ann:s3cret@db.example/tm?sslmode=require",
      "connection refused"));
  EXPECT_EQ(o.status, 4);
  EXPECT_EQ(o.message.find("s3cret"), std::string::npos) << o.message;
  EXPECT_EQ(o.message,
            "postgresql://ann@db.example/tm?sslmode=require: error: connection refused\n");
}

TEST(RunCommand, IoFamilyKeepsItsFormats) {
  Outcome o = run_throwing(io::InputError("a.tmx", 3, 7, "unclosed <tu>", "tu12"));
  EXPECT_EQ(o.status, 3);
  EXPECT_EQ(o.message, "a.tmx:3:7: error: unclosed <tu> (tu12)\n");
  o = run_throwing(io::IoError("missing.txt", "No such file or directory"));
  EXPECT_EQ(o.status, 4);
  EXPECT_EQ(o.message, "missing.txt: error: No such file or directory\n");
}

TEST(RunCommand, OtherExceptionsAreInternalErrors) {
  const Outcome o = run_throwing(std::logic_error("boom"));
  EXPECT_EQ(o.status, 70);
  EXPECT_EQ(o.message, "tilmash tm lookup: internal error: boom, please report\n");
  EXPECT_EQ(run_throwing(UsageError("--db is required")).status, 2);
}

}  // namespace
}  // namespace tilmash::cli
