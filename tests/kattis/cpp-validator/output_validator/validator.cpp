// Output validator: argv = input answer feedback_dir [--max-tokens K]; the team's output on
// stdin. Exit 42 when it is one integer d with 1 < d < n dividing n, else 43.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

static std::string feedback;

[[noreturn]] static void reject(const std::string& team, const std::string& judge) {
  std::ofstream(feedback + "teammessage.txt") << team;
  std::ofstream(feedback + "judgemessage.txt") << judge;
  std::exit(43);
}

int main(int argc, char** argv) {
  if (argc < 4) return 1;
  feedback = argv[3];
  long long max_tokens = 1;
  for (int i = 4; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--max-tokens") == 0) max_tokens = std::atoll(argv[i + 1]);
  }
  long long n = 0;
  std::ifstream(argv[1]) >> n;
  std::string token;
  long long count = 0;
  std::string first;
  while (std::cin >> token) {
    if (count++ == 0) first = token;
  }
  if (count == 0) reject("no output", "empty output for n=" + std::to_string(n));
  if (count > max_tokens) reject("too many numbers", "more than --max-tokens tokens");
  char* end = nullptr;
  long long d = std::strtoll(first.c_str(), &end, 10);
  if (*end != '\0') reject("not an integer", "token is not an integer");
  if (d <= 1 || d >= n) reject("the divisor must be strictly between 1 and n", "d=" + first);
  if (n % d != 0) reject("that number does not divide n", "d=" + first + " n=" + std::to_string(n));
  return 42;
}
