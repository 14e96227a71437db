#include "cli/batch_commands.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fmt/format.h>
#include <cstring>
#include <fstream>
#include <optional>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "batch/grade.hpp"
#include "batch/gradebook.hpp"
#include "batch/outputs.hpp"
#include "batch/pool.hpp"
#include "batch/results.hpp"
#include "batch/submissions.hpp"
#include "judge/errors.hpp"
#include "judge/escape.hpp"
#include "judge/palette.hpp"
#include "judge/problems.hpp"

namespace pyjudge::cli {

namespace {

namespace fs = std::filesystem;
using namespace pyjudge::batch;
using Clock = std::chrono::steady_clock;

fs::path problems_folder(const std::string& given) { return given.empty() ? default_problems_dir() : fs::path(given); }

unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

// Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise.
class Progress {
 public:
  Progress(std::size_t total, std::size_t already) : total_(total), done_(already), start_(Clock::now()) {
    tty_ = isatty(STDERR_FILENO);
  }

  void finished(const std::string& verdict) {
    ++done_;
    ++judged_;
    ++counts_[verdict];
    auto now = Clock::now();
    bool last = done_ == total_;
    if (!last && now - shown_ < (tty_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(5000))) return;
    shown_ = now;
    std::cerr << (tty_ ? Palette::kClearLine : "") << line(now) << (tty_ && !last ? "" : "\n") << std::flush;
  }

 private:
  std::string line(Clock::time_point now) const {
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? judged_ / seconds : 0;
    std::size_t left = total_ - done_;
    std::string eta = rate > 0 ? fmt::format("{:.0f}s", left / rate) : "?";
    std::string counts;
    for (const auto& [v, n] : counts_) counts += fmt::format(" {} {}", v, n);
    if (!tty_) return fmt::format("batch: {}/{} done, {:.1f}/s, ETA {},{}", done_, total_, rate, eta, counts);
    constexpr int width = 30;
    int filled = total_ ? static_cast<int>(width * done_ / total_) : width;
    return fmt::format("[{}{}] {}/{} {:.1f}/s ETA {} |{}", std::string(filled, '#'), std::string(width - filled, '-'),
                       done_, total_, rate, eta, counts);
  }

  std::size_t total_, done_, judged_ = 0;
  Clock::time_point start_, shown_{};
  std::map<std::string, std::size_t> counts_;
  bool tty_;  // a redrawn bar for a person, periodic lines for a log
};

// A report file the user named must be writable before anything is judged: finding out after a
// long batch (exit 3, nothing written) loses the run. Opened for appending, so nothing is cut.
void require_writable(const std::string& file, const char* what) {
  if (file.empty()) return;
  std::ofstream probe(file, std::ios::app);
  if (!probe) throw UsageError(fmt::format("cannot write {} {}: {}", what, file, std::strerror(errno)));
}

struct ReportFiles {
  std::string csv, csv_wide, html, junit, json;
  void require_writable() const {
    cli::require_writable(csv, "--csv");
    cli::require_writable(csv_wide, "--csv-wide");
    cli::require_writable(html, "--html");
    cli::require_writable(junit, "--junit");
    cli::require_writable(json, "--json");
  }
  void add_options(CLI::App& app) {
    app.add_option("--csv", csv, "also write grades as CSV, one row per submission");
    app.add_option("--csv-wide", csv_wide, "also write grades as CSV, one row per candidate, one column per problem");
    app.add_option("--html", html, "also write a self-contained HTML report");
    app.add_option("--junit", junit, "also write JUnit XML");
    app.add_option("--json", json, "also write the gradebook as JSON (grid, unmatched files, skipped entries)");
  }
  void write(const Gradebook& book) const {
    if (!csv.empty()) write_csv(csv, book);
    if (!csv_wide.empty()) write_csv_wide(csv_wide, book);
    if (!html.empty()) write_html(html, book);
    if (!junit.empty()) write_junit(junit, book.records);
    if (!json.empty()) {
      std::ofstream out(json, std::ios::binary | std::ios::trunc);
      out << gradebook_json(book).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      if (!out) throw std::runtime_error("cannot write " + json);
    }
  }
};

bool colour_out() { return Palette::for_fd(STDOUT_FILENO).on(); }

}  // namespace

Action batch_command(CLI::App& app) {
  struct Options {
    std::string submissions, problems_dir, out = "results.jsonl", shard;
    bool replace_results = false;
    unsigned jobs = default_jobs();
    ReportFiles reports;
    std::vector<std::string> require;
    CacheChoice cache;
    bool complexity = false;
    double complexity_budget_s = 10;
  };
  auto o = std::make_shared<Options>();
  app.add_option("submissions", o->submissions,
                 "folder of <candidate>/<problem-id>.py, or a manifest (.csv: candidate,problem,file; .yaml)")
      ->required();
  app.add_option("--problems", o->problems_dir, "folder of problems");
  app.add_option("-j,--jobs", o->jobs, "parallel workers, at least 1 (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
  app.add_option("--out", o->out, "results file, one JSON object per submission; resumed if it exists")
      ->capture_default_str();
  app.footer("Exit codes: 0 once every submission is judged, whatever the verdicts (see the results);\n"
             "2 usage error (bad arguments, manifest or results file); 3 internal error.");
  app.add_option("--shard", o->shard, "judge only shard I of N (I/N, 0-based), for several machines");
  app.add_flag("--replace-results", o->replace_results,
               "the --out file holds another submissions set's results: replace them instead of refusing");
  o->reports.add_options(app);
  add_require_option(app, o->require);
  add_cache_options(app, o->cache);
  app.add_flag("--complexity", o->complexity, "add each submission's complexity report (run --complexity) to its record");
  app.add_option("--complexity-budget", o->complexity_budget_s, "CPU seconds one --complexity analysis may spend")
      ->check(CLI::Range(0.5, 600.0));
  return [o] {
    o->reports.require_writable();
    fs::path problems = problems_folder(o->problems_dir);
    SubmissionSet set_found = scan_submissions(o->submissions);
    // The problem set is the problems folder's: a file naming no problem in it is listed, not judged.
    ProblemSplit split = split_by_problem(set_found, problems);
    std::optional<Shard> shard;
    if (!o->shard.empty()) shard = Shard::parse(o->shard);
    std::vector<Submission> mine;
    for (auto& s : split.matched) {
      if (!shard || shard->contains(s)) mine.push_back(std::move(s));
    }
    // Fingerprints decide what a previous run already judged: same file bytes, same problem.
    std::map<std::string, std::string> versions;
    std::map<std::string, Fingerprint> current;
    for (const auto& s : mine) {
      if (!versions.count(s.problem)) versions[s.problem] = problem_version(problems / s.problem);
      current[s.key()] = {file_sha256(s.file), versions[s.problem]};
    }
    std::error_code canon_ec;
    std::string set = name_as_text(fs::weakly_canonical(o->submissions, canon_ec).string());
    ResultsLog log(o->out, current, set, o->replace_results);
    std::vector<Submission> todo;
    for (const auto& s : mine) {
      if (!log.done(s.key())) todo.push_back(s);
    }
    std::cerr << fmt::format("batch: {} submissions{}, {} already judged in {}, {} to judge on {} workers\n",
                             mine.size(), shard ? " in shard " + shard->str() : "", mine.size() - todo.size(),
                             o->out, todo.size(), o->jobs);
    std::map<std::string, Record> fresh;
    Progress progress(mine.size(), mine.size() - todo.size());
    WorkerPool pool(o->jobs, problems, o->require, o->cache.folder(), o->complexity ? o->complexity_budget_s : 0);
    pool.run(todo, [&](const Submission& s, Record record) {
      if (shard) record.shard = shard->str();
      record.submissions = set;
      log.append(record);
      progress.finished(verdict_code(record.verdict));
      fresh[s.key()] = std::move(record);
    });
    Records records;
    for (const auto& s : mine) {
      auto it = fresh.find(s.key());
      records.push_back(it != fresh.end() ? it->second : *log.done(s.key()));
    }
    Gradebook book = make_gradebook(std::move(records), split.unmatched_candidates, named_problem_set(o->problems_dir));
    book.unmatched = split.unmatched;
    book.skipped = set_found.skipped;
    book.base = set_found.base;
    print_summary(std::cout, book, colour_out());
    o->reports.write(book);
    return int(kAccepted);
  };
}

Action merge_command(CLI::App& app) {
  struct Options {
    std::vector<std::string> inputs;
    std::string out, submissions, problems_dir;
    ReportFiles reports;
  };
  auto o = std::make_shared<Options>();
  app.add_option("results", o->inputs, "results files of the shards")->required();
  app.add_option("--problems", o->problems_dir, "folder of problems (with --submissions: the problem set)");
  app.add_option("--out", o->out, "the merged results file")->required();
  app.add_option("--submissions", o->submissions,
                 "the batch's submissions (folder or manifest): every one must have a result");
  o->reports.add_options(app);
  return [o] {
    o->reports.require_writable();
    std::vector<std::pair<std::string, std::vector<Record>>> inputs;
    for (const auto& input : o->inputs) {
      LoadedResults loaded = load_results(input);
      if (loaded.torn) std::cerr << "pyjudge: " << input << ": dropped a torn last line (an interrupted write)\n";
      inputs.emplace_back(input, std::move(loaded.records));
    }
    std::optional<std::vector<std::string>> expected;
    if (!o->submissions.empty()) {
      expected.emplace();
      // Only submissions of the problem set are judged, so only they can be missing.
      fs::path problems = problems_folder(o->problems_dir);
      for (const auto& s : split_by_problem(scan_submissions(o->submissions), problems).matched) {
        expected->push_back(s.key());
      }
    }
    Merged merged = merge_results(inputs, expected);
    const auto& problems = merged.problems;
    for (const auto& p : problems) std::cerr << "pyjudge: merge: " << p << "\n";
    if (!problems.empty()) return int(kRejected);
    std::ofstream out(o->out, std::ios::binary | std::ios::trunc);
    if (!out) throw UsageError("cannot write " + o->out);
    for (const auto& r : merged.records) out << record_line(r);
    out.close();
    std::cerr << fmt::format("merge: {} submissions from {} files ({} shards)\n", merged.records.size(),
                             o->inputs.size(), merged.shards);
    Gradebook book = make_gradebook(std::move(merged.records), {}, named_problem_set(o->problems_dir));
    if (!o->submissions.empty()) book.base = scan_submissions(o->submissions).base;
    print_summary(std::cout, book, colour_out());
    o->reports.write(book);
    return int(kAccepted);
  };
}

namespace {

std::vector<Submission> solutions_under(const std::vector<std::string>& paths, const fs::path& problems) {
  std::set<std::string> ids;
  for (const auto& d : problem_dirs(problems)) ids.insert(d.filename().string());
  std::vector<Submission> out;
  std::vector<std::string> unmatched;
  auto consider = [&](const fs::path& f) {
    if (f.extension() != ".py") return;
    if (!ids.count(f.stem().string())) return unmatched.push_back(f.string());
    std::string where = f.parent_path().empty() ? "." : f.parent_path().string();
    out.push_back({where, f.stem().string(), f});
  };
  for (const auto& p : paths) {
    fs::path path(p);
    if (path.extension() == ".csv" || path.extension() == ".yaml" || path.extension() == ".yml") {
      for (auto& s : find_submissions(path)) out.push_back(std::move(s));
    } else if (fs::is_directory(path)) {
      for (auto it = fs::recursive_directory_iterator(path); it != fs::recursive_directory_iterator(); ++it) {
        std::string name = it->path().filename().string();
        if (it->is_directory() && (name.starts_with(".") || name == "build" || name == "__pycache__")) {
          it.disable_recursion_pending();
        } else if (it->is_regular_file()) {
          consider(it->path());
        }
      }
    } else if (fs::is_regular_file(path)) {
      if (!ids.count(path.stem().string())) {
        throw UsageError(p + ": no problem named '" + path.stem().string() + "' in " + problems.string());
      }
      consider(path);
    } else {
      throw UsageError("no such file or folder: " + p);
    }
  }
  // A solution named after no problem (two_sum.py for two-sum) would otherwise be skipped and
  // CI stay green.
  if (!unmatched.empty()) {
    std::sort(unmatched.begin(), unmatched.end());
    std::string list;
    for (const auto& f : unmatched) list += "\n  " + terminal_line(f);
    throw UsageError(fmt::format("{} file(s) match no problem in {} (a solution is named <problem-id>.py):{}",
                                            unmatched.size(), problems.string(), list));
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.file < b.file; });
  return out;
}

}  // namespace

Action check_command(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths{"."};
    std::string problems_dir, junit;
    unsigned jobs = default_jobs();
    std::vector<std::string> require;
    CacheChoice cache;
  };
  auto o = std::make_shared<Options>();
  app.add_option("paths", o->paths, "solution files named <problem-id>.py, folders of them, or a manifest");
  app.add_option("--problems", o->problems_dir, "folder of problems");
  app.add_option("--junit", o->junit, "write JUnit XML (one testsuite per solution)");
  app.add_option("-j,--jobs", o->jobs, "parallel workers, at least 1 (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
  add_require_option(app, o->require);
  add_cache_options(app, o->cache);
  return [o] {
    fs::path problems = problems_folder(o->problems_dir);
    std::vector<Submission> subs = solutions_under(o->paths, problems);
    if (subs.empty()) throw UsageError("no solutions found (files named <problem-id>.py)");
    require_writable(o->junit, "--junit");
    const char* gha = std::getenv("GITHUB_ACTIONS");
    const bool github = gha && std::string(gha) == "true";
    const char* summary = std::getenv("GITHUB_STEP_SUMMARY");
    if (github && summary && *summary) require_writable(summary, "$GITHUB_STEP_SUMMARY");
    std::map<std::string, Record> by_file;
    // Lines come out in the solutions' order whatever order the workers finish in, so two runs
    // of the same CI job print the same log: each line waits for the ones before it.
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < subs.size(); ++i) position[subs[i].file.string()] = i;
    std::vector<std::optional<std::string>> lines(subs.size());
    std::size_t printed = 0;
    WorkerPool pool(std::min<unsigned>(o->jobs, static_cast<unsigned>(subs.size())), problems, o->require,
                    o->cache.folder());
    bool colour = colour_out();
    pool.run(subs, [&](const Submission& s, Record r) {
      const bool ok = r.verdict == Verdict::AC;
      std::string mark = Palette(colour).outcome(ok, ok ? "ok  " : "FAIL");
      std::string failure = first_failure(r);
      lines[position.at(s.file.string())] =
          fmt::format("{} {:<4} {:>3}/{:<3} {}{}\n", mark, verdict_code(r.verdict), r.passed, r.total,
                      terminal_line(s.file.string()), failure.empty() ? "" : "  " + terminal_line(cut_text(failure, 300)));
      for (; printed < lines.size() && lines[printed]; ++printed) std::cout << *lines[printed];
      std::cout << std::flush;
      by_file[s.file.string()] = std::move(r);
    });
    Records records;
    for (auto& [file, r] : by_file) records.push_back(std::move(r));
    int accepted = 0;
    for (const auto& r : records) accepted += r.verdict == Verdict::AC;
    std::cout << fmt::format("{} of {} solutions accepted\n", accepted, records.size());
    if (!o->junit.empty()) write_junit(o->junit, records);
    if (github) {
      std::cout << github_annotations(records);
      if (summary && *summary) append_step_summary(summary, records);
    }
    return accepted == static_cast<int>(records.size()) ? int(kAccepted) : int(kRejected);
  };
}

Action worker_command(CLI::App& app) {
  struct Options {
    std::string problems;
    std::vector<std::string> require;
    CacheChoice cache;
    double complexity_budget_s = 0;
  };
  auto o = std::make_shared<Options>();
  app.add_option("--problems", o->problems, "folder of problems")->required();
  app.add_option("--require", o->require, "required sandbox layers");
  add_cache_options(app, o->cache);
  app.add_option("--complexity-budget", o->complexity_budget_s, "add the complexity report within this CPU budget");
  app.group("");  // internal: spawned by batch and check
  return [o] { return worker_main(o->problems, o->require, o->cache.folder(), o->complexity_budget_s); };
}

}  // namespace pyjudge::cli
