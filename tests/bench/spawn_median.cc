// Median wall time of running a command, process start included, measured from a small parent
// (posix_spawn + waitpid) so the figure is the command's own and not a heavy harness's fork.
// usage: spawn_median RUNS COMMAND [ARGS…]   prints "MEDIAN_MS MIN_MS" (after one warm-up run)
// The command's stdout and stderr go to /dev/null; a non-zero exit status of any run is an error.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

extern char** environ;

namespace {

// Runs argv once; returns its wall time in ms, or a negative value when it failed.
double run_once(char** argv, const posix_spawn_file_actions_t* actions) {
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], actions, nullptr, argv, environ) != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  const auto end = std::chrono::steady_clock::now();
  // Exit 1 means "findings/no hit" for some commands; only 2 and up are failures.
  if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) return -1;
  return std::chrono::duration<double, std::milli>(end - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: spawn_median RUNS COMMAND [ARGS...]\n");
    return 2;
  }
  const int runs = std::atoi(argv[1]);
  if (runs < 1) {
    std::fprintf(stderr, "spawn_median: RUNS must be a positive number\n");
    return 2;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  if (run_once(argv + 2, &actions) < 0) {  // warm-up: page cache, lookup cache
    std::fprintf(stderr, "spawn_median: %s failed\n", argv[2]);
    return 1;
  }
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const double t = run_once(argv + 2, &actions);
    if (t < 0) {
      std::fprintf(stderr, "spawn_median: %s failed\n", argv[2]);
      return 1;
    }
    ms.push_back(t);
  }
  posix_spawn_file_actions_destroy(&actions);
  std::sort(ms.begin(), ms.end());
  const double median = ms.size() % 2 == 1 ? ms[ms.size() / 2]
                                           : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
  std::printf("%.1f %.1f\n", median, ms.front());
  return 0;
}
