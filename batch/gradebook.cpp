#include "batch/gradebook.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "judge/problems.hpp"

namespace pyjudge::batch {

namespace fs = std::filesystem;
using namespace std::string_view_literals;

namespace {

// Base letters of U+00C0..U+00FF and U+0100..U+017F ('\0': not a letter, kept as is). Enough
// for the names of a class list; other scripts compare by their bytes.
constexpr std::string_view kLatin1 = "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty"sv;
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllln"
    "nnnnnnnnoooooooorrrrrrsssssssstttttt"
    "uuuuuuuuuuuuwwyyyzzzzzzs"sv;

// One character of a name, folded: a lowercase base letter, or the UTF-8 sequence's bytes.
struct Folded {
  std::string text;
};

Folded fold(std::string_view s) {
  Folded f;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      f.text += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      char base = 0;
      if (cp >= 0xC0 && cp <= 0xFF) base = kLatin1[cp - 0xC0];
      else if (cp >= 0x100 && cp <= 0x17F) base = kLatinExtA[cp - 0x100];
      if (base) {
        f.text += base;
        i += 2;
        continue;
      }
    }
    f.text += static_cast<char>(c);
    ++i;
  }
  return f;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// Natural comparison of folded names: digit runs compare as numbers (leading zeros ignored).
int natural_compare(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t ie = i, je = j;
      while (ie < a.size() && digit(a[ie])) ++ie;
      while (je < b.size() && digit(b[je])) ++je;
      std::string_view x = a.substr(i, ie - i), y = b.substr(j, je - j);
      x.remove_prefix(std::min(x.find_first_not_of('0'), x.size()));
      y.remove_prefix(std::min(y.find_first_not_of('0'), y.size()));
      if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
      if (int c = x.compare(y)) return c < 0 ? -1 : 1;
      i = ie;
      j = je;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
    ++i;
    ++j;
  }
  if (i < a.size()) return 1;
  if (j < b.size()) return -1;
  return 0;
}

void sort_people(std::vector<std::string>& names) {
  std::sort(names.begin(), names.end(), person_less);
  names.erase(std::unique(names.begin(), names.end()), names.end());
}

}  // namespace

bool person_less(std::string_view a, std::string_view b) {
  if (int c = natural_compare(fold(a).text, fold(b).text)) return c < 0;
  return a < b;
}

bool names_a_problem(const fs::path& problems_dir, const std::string& id) {
  if (id.empty() || id[0] == '.' || id.find('/') != std::string::npos) return false;
  std::error_code ec;
  return fs::is_directory(problems_dir / id, ec);
}

namespace {

bool record_before(const Record& a, const std::string& candidate, const std::string& problem) {
  if (a.candidate != candidate) return person_less(a.candidate, candidate);
  return person_less(a.problem, problem);
}

}  // namespace

const Record* Gradebook::find(const std::string& candidate, const std::string& problem) const {
  auto it = std::lower_bound(records.begin(), records.end(), 0, [&](const Record& r, int) {
    return record_before(r, candidate, problem);
  });
  return it != records.end() && it->candidate == candidate && it->problem == problem ? &*it : nullptr;
}

double Gradebook::max_score(const std::string& problem) const {
  std::optional<double> best;
  for (const auto& r : records) {
    if (r.problem == problem && r.error.empty()) best = std::max(best.value_or(0), r.max_score);
  }
  return best.value_or(1);
}

std::string Gradebook::shown_path(const Record& r) const {
  if (base.empty()) return r.file;
  std::string prefix = base.lexically_normal().string();
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  std::string file = fs::path(r.file).lexically_normal().string();
  return file.starts_with(prefix) ? file.substr(prefix.size()) : r.file;
}

ProblemSplit split_by_problem(const SubmissionSet& set, const fs::path& problems_dir) {
  ProblemSplit out;
  std::map<std::string, bool> known;
  for (const auto& s : set.submissions) {
    auto it = known.find(s.problem);
    if (it == known.end()) it = known.emplace(s.problem, names_a_problem(problems_dir, s.problem)).first;
    if (it->second) {
      out.matched.push_back(s);
    } else {
      std::string shown = s.file.lexically_relative(set.base).string();
      out.unmatched.push_back(name_as_text(shown.empty() || shown.starts_with("..") ? s.file.string() : shown));
      out.unmatched_candidates.push_back(s.candidate);
    }
  }
  std::sort(out.unmatched.begin(), out.unmatched.end(), person_less);
  return out;
}

Gradebook make_gradebook(std::vector<Record> records, const std::vector<std::string>& more_candidates,
                         const std::vector<std::string>& more_problems) {
  Gradebook g;
  g.problems = more_problems;
  for (const auto& r : records) {
    g.problems.push_back(r.problem);
    g.candidates.push_back(r.candidate);
  }
  g.candidates.insert(g.candidates.end(), more_candidates.begin(), more_candidates.end());
  sort_people(g.problems);
  sort_people(g.candidates);
  g.problems.erase(std::unique(g.problems.begin(), g.problems.end()), g.problems.end());
  std::sort(records.begin(), records.end(),
            [](const Record& a, const Record& b) { return record_before(a, b.candidate, b.problem); });
  g.records = std::move(records);
  return g;
}

std::vector<std::string> named_problem_set(const std::string& named) {
  std::vector<std::string> ids;
  if (named.empty()) return ids;
  for (const auto& d : problem_dirs(named)) ids.push_back(d.filename().string());
  return ids;
}

}  // namespace pyjudge::batch
