// glassbench report: a self-contained HTML report (+ Markdown summary) of
// one or more run directories: verdicts, claims at a glance, figures
// (gnuplot SVG inline), provenance.  See docs/reports.md.
#include <iostream>

#include "commands.hpp"
#include "glassbench/version_info.hpp"
#include "reports/report_builder.hpp"

namespace {

struct Args {
  std::vector<std::string> runs;
  std::string out = "report.html";
  std::string references;
  std::string title = "glassbench validation report";
  std::string compare;
};

void setup(CLI::App& app) {
  auto a = std::make_shared<Args>();
  auto* sub = app.add_subcommand("report", "Write a self-contained HTML report (and a Markdown summary beside it) for run directories");
  sub->add_option("RUN_DIR", a->runs, "run directories (analysed with `glassbench analyze run`)")->required()->check(CLI::ExistingDirectory);
  sub->add_option("-o,--output", a->out, "HTML file to write (default report.html); the summary goes to the same name with .md");
  sub->add_option("--references", a->references, "folder of reference YAML files (default: the source tree's references/)");
  sub->add_option("--title", a->title, "report title");
  sub->add_option("--compare", a->compare,
                  "add a cross-engine section comparing the first RUN_DIR with this run or replica set "
                  "(glassbench compare's table and overlaid figures; docs/compare.md)")
      ->check(CLI::ExistingDirectory);
  sub->callback([a] {
    gb::reports::ReportOptions o;
    o.runs = a->runs;
    o.title = a->title;
    o.compare_with = a->compare;
    o.references_dir = !a->references.empty() ? a->references
                       : std::getenv("GLASSBENCH_REFERENCES") ? std::getenv("GLASSBENCH_REFERENCES")
                                                              : std::string(gb::build::kSourceDir) + "/references";
    const auto rep = gb::reports::build_report(o);
    const std::string md = gb::reports::write_report(rep, a->out);
    int drawn = 0;
    for (const auto& f : rep.figures) {
      drawn += f.rendered();
      if (!f.rendered()) std::cout << "figure skipped: " << f.title << ": " << f.note << "\n";
    }
    std::cout << "wrote " << a->out << " (" << drawn << " of " << rep.figures.size() << " figures) and " << md << "\n";
  });
}

gb::cli::Registrar reg{"report", 70, setup};

}  // namespace
