#include "core/failure.h"

#include <gtest/gtest.h>

namespace tilmash::core {
namespace {

TEST(Failure, MessageFormatOfDocsCli) {
  const Failure f(FailureKind::kBadInput, "a.tmx", "unclosed <tu>", 3, 7, "tu12");
  EXPECT_STREQ(f.what(), "a.tmx:3:7: error: unclosed <tu> (tu12)");
  EXPECT_EQ(f.kind(), FailureKind::kBadInput);
  EXPECT_EQ(f.location(), "a.tmx");
  EXPECT_EQ(f.message(), "unclosed <tu>");
  EXPECT_STREQ(Failure(FailureKind::kIo, "x", "gone").what(), "x: error: gone");
  EXPECT_STREQ(Failure(FailureKind::kBadInput, "x", "bad", 4).what(), "x:4: error: bad");
}

TEST(Failure, PasswordsNeverReachTheMessage) {
  EXPECT_EQ(redact_location("postgresql://ann:s3cret@db:5432/tm"), "postgresql://ann@db:5432/tm");
  EXPECT_EQ(redact_location("postgres://:s3cret@db/tm"), "postgres://@db/tm");
  EXPECT_EQ(redact_location("postgresql://ann@db/tm?password=s3cret&sslmode=require"),
            "postgresql://ann@db/tm?sslmode=require");
  EXPECT_EQ(redact_location("postgresql:///tm?host=/tmp/pg&password=x"),
            "postgresql:///tm?host=/tmp/pg");
  // Passwords may hold '@': the user information ends at the last one.
  EXPECT_EQ(redact_location("postgresql://ann:p@ss@db/tm"), "postgresql://ann@db/tm");
  const Failure f(FailureKind::kIo, "postgresql://ann:s3cret@db/tm", "connection refused");
  EXPECT_EQ(std::string(f.what()).find("s3cret"), std::string::npos);
  EXPECT_EQ(f.location(), "postgresql://ann@db/tm");
}

TEST(Failure, PathsAreLeftAsTheyAre) {
  EXPECT_EQ(redact_location("tm.db"), "tm.db");
  EXPECT_EQ(redact_location("/home/ann/a:b@c.tmx"), "/home/ann/a:b@c.tmx");
  EXPECT_EQ(redact_location("dir/x://y:z@w"), "dir/x://y:z@w");  // '/' is no scheme character
  EXPECT_EQ(redact_location(""), "");
}

}  // namespace
}  // namespace tilmash::core
