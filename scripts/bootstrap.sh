#!/usr/bin/env bash
# Set up pyjudge on Debian 12 from a fresh clone: install the Debian packages that are missing,
# build (Release), then either judge an example solution (`demo`) or run the test suite (`test`).
#
#   scripts/bootstrap.sh demo     # build and judge problems/two-sum with its reference solution
#   scripts/bootstrap.sh test     # build and run every test through ctest
set -euo pipefail

cd "$(dirname "$0")/.."
what="${1:-demo}"
case "$what" in demo|test) ;; *) echo "usage: $0 demo|test" >&2; exit 2 ;; esac

packages=(
  cmake ninja-build g++ pkg-config
  python3.11 python3-dev            # the CPython we embed: Debian's /usr/bin/python3
  libpython3.11-dev                 # its static libpython3.11.a, which the box links (README)
  python3-sortedcontainers          # SortedList/SortedDict/SortedSet, as in LeetCode's Python
  pybind11-dev libboost1.81-dev libyaml-cpp-dev doctest-dev libcli11-dev
  nlohmann-json3-dev libfmt-dev libdtl-dev libseccomp-dev libssl-dev
  libsqlite3-dev libcmark-dev libjs-codemirror   # pyjudge serve: storage, statements, editor
)
# The test suite also renders the HTML batch report in headless Chromium, drives the serve pages
# through Selenium, and runs shards with GNU parallel.
[ "$what" = test ] && packages+=(chromium chromium-driver python3-selenium parallel python3-yaml)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Never the pyenv (or any other) python3 that may come first on PATH: embed Debian's.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPython_EXECUTABLE=/usr/bin/python3
cmake --build build

if [ "$what" = demo ]; then
  build/pyjudge run two-sum problems/two-sum/solutions/accepted/hashmap.py
else
  ctest --test-dir build --output-on-failure -j2
fi
