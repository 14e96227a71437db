// Per-call cost of a problem's checker: today's in-process call (host::check_here, the judge's
// own interpreter) against the call through the budgeted author worker (host::check, one round
// trip on two pipes), side by side in one run. Run by bench/author_calls.sh.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "judge/python_host.hpp"

using namespace pyjudge;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  int calls = argc > 1 ? std::atoi(argv[1]) : 2000;
  int items = argc > 2 ? std::atoi(argv[2]) : 10;
  auto dir = std::filesystem::temp_directory_path() / ("author-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "checker.py") << "def check(args, expected, got):\n    return sorted(got) == sorted(expected), 'ok'\n";
  Value list = Value::sequence(Value::Kind::List, {});
  for (int i = 0; i < items; ++i) list.items.push_back(Value::of_int(i));
  Value args = Value::sequence(Value::Kind::List, {list});
  host::AuthorBudget budget;
  auto time = [&](const char* name, auto&& call) {
    call();  // warm: load the file (and start the worker)
    auto start = Clock::now();
    for (int i = 0; i < calls; ++i) {
      if (!call().accepted) std::abort();
    }
    double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count() / calls;
    std::printf("%-28s %8.1f us/call  (%d calls, %d-item lists)\n", name, us, calls, items);
  };
  time("in process (before)", [&] { return host::check_here(dir / "checker.py", args, list, list); });
  time("author worker (now)", [&] { return host::check(dir / "checker.py", args, list, list, budget); });
  std::filesystem::remove_all(dir);
}
