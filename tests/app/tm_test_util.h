// A temporary folder per test and small TMX files, for the TM task tests.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace tilmash::app {

class TmTaskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path()
           / ("tilmash_app_tm_" + std::to_string(::getpid()) + "_"
              + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path(name), std::ios::binary) << text;
    return path(name);
  }
  // A TMX 1.4b file around `units` (<tu> elements).
  std::string tmx(const std::string& name, const std::string& units) const {
    return write(name,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header "
                 "creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
                 "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n"
                     + units + "</body></tmx>\n");
  }
  std::filesystem::path dir_;
};

}  // namespace tilmash::app
