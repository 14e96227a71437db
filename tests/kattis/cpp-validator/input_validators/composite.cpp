// Input validator: stdin must be exactly one composite integer 4 <= n <= 10^12 and a newline.
// Exit 42 when it is, 43 when it is not.
#include <iostream>
#include <iterator>
#include <string>

int main() {
  std::string in((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (in.size() < 2 || in.back() != '\n' || in.size() > 14 || in[0] == '0') return 43;
  long long n = 0;
  for (std::size_t i = 0; i + 1 < in.size(); ++i) {
    if (in[i] < '0' || in[i] > '9') return 43;
    n = n * 10 + (in[i] - '0');
  }
  if (n < 4 || n > 1000000000000LL) return 43;
  for (long long d = 2; d * d <= n; ++d) {
    if (n % d == 0) return 42;
  }
  return 43;  // prime
}
