// glassbench analyze order: Voronoi tessellation and Steinhardt bond-
// orientational order of one frame (Chang et al. 2022, Methods: "Atomic
// volume and bond-orientational order parameters").
//
//   glassbench analyze order --input FILE [--frame K] [--elements A B ...]
//       [--neighbors voronoi|cutoff:R|nearest:N] [--min-face-area F]
//       [--face-area-weighted] [--degrees 4 6 ...]
//       [--reference-frame K0 [--fast-threshold 2.0] | --fast-ids FILE]
//       --out per_atom.csv [--json hist.json]
//
// Writes per-atom id,type,nneigh,volume_A3,q4,q6,w4hat,w6hat (CSV) and
// histograms per species and mobility class with provenance (JSON).
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "analysis/order_analysis.hpp"
#include "analysis/order_frame_input.hpp"
#include "analysis/order_histogram.hpp"
#include "analysis/order_output.hpp"
#include "commands.hpp"
#include "core/error.hpp"

namespace {

namespace ga = gb::analysis;

struct OrderArgs {
  std::string input, out, json, format = "auto", neighbors = "voronoi", fast_ids;
  int frame = 0;
  std::vector<std::string> elements;
  double min_face_area = 0.0;
  bool face_area_weighted = false;
  std::vector<int> degrees{4, 6};
  int reference_frame = 0;
  bool have_reference = false;
  double fast_threshold_A = 2.0;
  int bins = 100;
};

std::string default_json_path(const std::string& out) {
  std::filesystem::path p(out);
  return p.extension() == ".csv" ? p.replace_extension(".json").string() : out + ".json";
}

void run(const OrderArgs& a, const std::string& command) {
  ga::OrderOptions opt;
  opt.neighbors = ga::NeighborSpec::parse(a.neighbors, "--neighbors");
  if (!(a.min_face_area >= 0 && a.min_face_area < 1))
    throw gb::InputError(fmt::format("--min-face-area {}: expected a fraction of the cell's face area in [0, 1)",
                                     a.min_face_area));
  if (a.min_face_area > 0 && opt.neighbors.kind != ga::NeighborSpec::Kind::Voronoi)
    throw gb::InputError("--min-face-area applies to --neighbors voronoi only");
  if (a.face_area_weighted && opt.neighbors.kind != ga::NeighborSpec::Kind::Voronoi)
    throw gb::InputError("--face-area-weighted needs --neighbors voronoi");
  opt.neighbors.min_face_area_fraction = a.min_face_area;
  opt.bond_order.face_area_weighted = a.face_area_weighted;
  if (a.degrees.empty()) throw gb::InputError("--degrees: give at least one l");
  for (int l : a.degrees)
    if (l < 1 || l > 20) throw gb::InputError(fmt::format("--degrees {}: l must be in 1..20", l));
  opt.bond_order.degrees = a.degrees;
  if (a.have_reference && !a.fast_ids.empty())
    throw gb::InputError("give only one of --reference-frame and --fast-ids");

  const auto format = ga::parse_order_input_format(a.format, "--format");
  const ga::OrderFrame frame = ga::read_order_frame(a.input, a.frame, format);
  int ntypes = 0;
  for (int t : frame.types) ntypes = std::max(ntypes, t);
  if (!a.elements.empty() && static_cast<int>(a.elements.size()) < ntypes)
    throw gb::InputError(fmt::format("--elements: {} name(s) given but {} has atom types up to {}", a.elements.size(),
                                     frame.description, ntypes));

  std::vector<char> fast;
  std::string mobility = "none";
  if (a.have_reference) {
    const ga::OrderFrame ref = ga::read_order_frame(a.input, a.reference_frame, format);
    fast = ga::fast_flags_from_frames(frame, ref, a.fast_threshold_A);
    mobility = fmt::format("fast = |r(frame {}) - r(frame {})| > {} A", frame.frame, ref.frame, a.fast_threshold_A);
  } else if (!a.fast_ids.empty()) {
    fast = ga::fast_flags_from_id_file(a.fast_ids, frame.ids);
    mobility = "fast = atom ids listed in " + a.fast_ids;
  }

  ga::OrderResult result;
  try {
    result = ga::compute_order(frame.box, frame.positions, opt);
  } catch (const gb::InputError& e) {
    throw gb::InputError(frame.description + ": " + e.what());
  }
  ga::HistogramSpec hs;
  hs.bins = a.bins;
  const auto groups = ga::order_histograms(result, frame.types, a.elements, fast, hs);

  ga::write_order_csv(a.out, frame.ids, frame.types, result, {"input: " + frame.description, "command: " + command});
  nlohmann::json source{{"input", a.input},
                        {"frame", frame.frame},
                        {"timestep", frame.timestep},
                        {"elements", a.elements},
                        {"face_area_weighted", a.face_area_weighted},
                        {"mobility", mobility},
                        {"command", command}};
  const std::string json = a.json.empty() ? default_json_path(a.out) : a.json;
  ga::write_order_json(json, result, groups, source);

  // Short summary: mean q6 and w6hat per species (all mobility classes).
  std::cout << "analyze order: " << result.size() << " atoms, " << frame.description << ", neighbors "
            << result.neighbors.str() << "\n";
  for (const auto& g : groups) {
    if (g.mobility != "all" && fast.empty()) continue;
    std::cout << "  " << g.species << " (" << g.mobility << ", " << g.atoms << " atoms):";
    for (const auto& h : g.histograms)
      if (h.finite > 0) std::cout << " <" << h.quantity << "> = " << fmt::format("{:.5g}", h.mean);
    std::cout << "\n";
  }
  std::cout << "wrote " << a.out << " and " << json << "\n";
}

void setup(CLI::App& parent) {
  auto a = std::make_shared<OrderArgs>();
  auto* s = parent.add_subcommand(
      "order", "Voronoi atomic volumes and bond-orientational order q_l, w^_l (Steinhardt 1983) of one frame");
  s->add_option("--input,-i", a->input, "LAMMPS dump (text or gzip) or LAMMPS data file")
      ->required()
      ->check(CLI::ExistingFile);
  s->add_option("--format", a->format, "input kind: auto (default; a dump starts with ITEM:), dump, data");
  s->add_option("--frame", a->frame, "0-based dump frame to analyse; negative counts from the end (-1 = last)");
  s->add_option("--elements", a->elements, "element name of each LAMMPS type in order, e.g. Cu Zr");
  s->add_option("--neighbors", a->neighbors,
                "neighbour definition: voronoi (default, the paper), cutoff:R (R in Angstrom), nearest:N");
  s->add_option("--min-face-area", a->min_face_area,
                "Voronoi only: drop faces smaller than this fraction of the cell's total face area (default 0)");
  s->add_flag("--face-area-weighted", a->face_area_weighted,
              "weight each bond by its Voronoi face area (Mickel 2013; default: unweighted as in the paper)");
  s->add_option("--degrees", a->degrees, "l values (default 4 6); one q<l> and w<l>hat column each");
  auto* ref = s->add_option("--reference-frame", a->reference_frame,
                            "mobility classes: atoms that moved more than --fast-threshold between this dump frame "
                            "and --frame are fast (needs unwrapped coordinates)");
  auto* thr = s->add_option("--fast-threshold", a->fast_threshold_A,
                            "with --reference-frame: displacement in Angstrom above which an atom is fast (2.0)");
  s->add_option("--fast-ids", a->fast_ids, "mobility classes: file listing the ids of the fast atoms")
      ->check(CLI::ExistingFile);
  s->add_option("--bins", a->bins, "histogram bins for q_l, w^_l and volume (default 100)")->check(CLI::Range(1, 100000));
  s->add_option("--out,-o", a->out, "per-atom CSV: id,type,nneigh,volume_A3,q4,q6,w4hat,w6hat")->required();
  s->add_option("--json", a->json, "histogram JSON path (default: --out with .json instead of .csv)");
  s->callback([a, s, ref, thr] {
    a->have_reference = ref->count() > 0;
    if (thr->count() > 0 && !a->have_reference) throw gb::InputError("--fast-threshold needs --reference-frame");
    std::string cfg = s->config_to_str(false, false);
    for (auto& c : cfg)
      if (c == '\n') c = ' ';
    run(*a, "glassbench analyze order " + cfg);
  });
}

}  // namespace

static gb::cli::Registrar reg{"order", 10, setup, "analyze"};
