// A problem as its author wrote it: problem.yaml, loaded and checked with file:line errors.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "protocol/messages.hpp"

namespace pyjudge {

/// A mistake in a problem spec, located in its file.
class SpecError : public std::runtime_error {
 public:
  SpecError(std::filesystem::path file, int line, std::string field, const std::string& message);
  const std::filesystem::path& file() const { return file_; }
  int line() const { return line_; }
  const std::string& field() const { return field_; }

 private:
  std::filesystem::path file_;
  int line_;
  std::string field_;
};

/// Where something was written: a spec file and a 1-based line.
struct Location {
  std::filesystem::path file;
  int line = 0;
  std::string str() const { return file.string() + ":" + std::to_string(line); }
};

enum class CompareMode { Exact, Unordered, Float, Tokens, Lines, Checker };

struct CompareOptions {
  double abs_tol = 1e-9;
  double rel_tol = 1e-9;
  bool case_sensitive = true;
  int unordered_depth = 1;  ///< how many levels of nesting `unordered` ignores the order of
};

struct TestCase {
  std::string name;
  bool sample = false;
  Location origin;     ///< where the test is written (a generated test: its generate entry)
  RunTest input;       ///< everything the box receives for this test, and nothing more
  // What the judge expects; never sent to the box.
  std::optional<Value> expected;
  std::optional<std::string> expected_output;  ///< stdout, compared with the problem's mode
  std::string raises;                          ///< exception class the code must raise
  // Scoring (batch grading): a test's own points, or the group it belongs to (a group scores
  // its points only if every test in it passes, as in DMOJ's batched cases).
  std::int64_t points = 0;
  std::string group;
};

struct GeneratorSpec {
  std::filesystem::path file;
  std::int64_t seed = 0;
  int count = 1;
  std::vector<std::int64_t> sizes;
  Location origin;
  std::string group;  ///< the scoring group of every test it generates
};

/// A generated test's name: `<file stem>-<size>-<n>` (gen- prefixed), n counting from 1 while
/// the generator's `i` counts from 0.
std::string generated_test_name(const GeneratorSpec& g, std::int64_t size, int index);

struct Problem {
  std::filesystem::path dir;
  std::filesystem::path spec_file;
  std::string id, title, difficulty;
  std::vector<std::string> topics;
  Mode mode = Mode::Function;
  std::string entry;
  Prelude prelude = Prelude::Leetcode;
  Isolation isolation = Isolation::Shared;  ///< `isolation: shared | process`
  Limits limits;
  CompareMode compare = CompareMode::Exact;
  CompareOptions compare_options;
  std::optional<std::filesystem::path> checker;
  std::optional<std::filesystem::path> reference;
  std::vector<TestCase> tests;  ///< written tests; generated ones are added by generate_tests()
  std::vector<GeneratorSpec> generators;
  std::map<std::string, std::int64_t> groups;  ///< scoring group -> points
};

/// Loads `path`: a problem folder or its problem.yaml. Throws SpecError.
Problem load_problem(const std::filesystem::path& path);

const char* mode_name(Mode m);
const char* compare_name(CompareMode m);

}  // namespace pyjudge
