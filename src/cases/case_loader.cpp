#include "cases/case_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>
#include <sstream>

#include "cases/internal/did_you_mean.hpp"
#include "cases/internal/field_values.hpp"
#include "cases/stage_type.hpp"
#include "cases/yaml_field.hpp"
#include "core/lammps_data.hpp"
#include "core/input_limits.hpp"
#include "core/text_parse.hpp"
#include "rundir/layout.hpp"

namespace gb::cases {
namespace {

const std::vector<std::string> kTopKeys = {"name",       "description", "purpose", "system", "potential", "platform",
                                           "timestep",   "thermostat",  "barostat", "output",  "checkpoint",
                                           "limits",     "protocol",    "replicas"};
const std::vector<std::string> kPlatforms = {"CUDA", "OpenCL", "HIP", "CPU", "Reference"};

std::string fmt_g(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string expand_env(const YamlField& f, const std::string& text, std::string& missing) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 2, "${") == 0) {
      const size_t close = text.find('}', i + 2);
      if (close == std::string::npos) f.fail("unterminated ${...} in '" + text + "'");
      const std::string var = text.substr(i + 2, close - i - 2);
      if (var.empty()) f.fail("empty ${} in '" + text + "'");
      const char* v = std::getenv(var.c_str());
      if (!v || !*v) missing = var;
      else out += v;
      i = close + 1;
    } else {
      out += text[i++];
    }
  }
  return out;
}

bool is_hex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

class Loader final : public ProtocolReader {
 public:
  Loader(const YAML::Node& root, std::string file, LoadOptions opt)
      : root_(root, file, ""), file_(std::move(file)), opt_(std::move(opt)) {}

  Case load() {
    Case c;
    c.file = file_;
    root_.expect_map(kTopKeys);
    c.name = root_.require("name").as_string();
    for (char ch : c.name)
      if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.'))
        root_.child("name").fail("use letters, digits, '-', '_' and '.' only (it names the run directory)");
    if (root_.has("description")) c.description = root_.child("description").as_string();
    if (root_.has("purpose")) {
      const YamlField pf = root_.child("purpose");
      c.purpose = pf.as_string();
      if (c.purpose != "physics" && c.purpose != "smoke" && c.purpose != "benchmark")
        pf.fail("expected physics, smoke or benchmark, got '" + c.purpose + "'");
    }
    if (root_.has("replicas")) {
      // Independent copies with derived seeds (docs/compare.md); verdicts use their spread.
      YamlField r = root_.child("replicas");
      long n = 0;
      if (!r.is_scalar() || !parse_long(r.as_string(), n) || n < 1 || n > 1000)
        r.fail("expected a whole number of replicas from 1 to 1000");
      c.replicas = static_cast<int>(n);
    }
    timestep_ = positive_time(root_.require("timestep"));
    read_potential(c);
    read_system(c);
    read_platform(c);
    if (root_.has("thermostat")) thermostat_ = read_thermostat(root_.child("thermostat"), ThermostatSpec{});
    if (root_.has("barostat")) barostat_interval_ = read_barostat_interval(root_.child("barostat"));
    output_ = read_output(root_.require("output"), OutputSpec{}, timestep_, true);
    read_checkpoint(c);
    if (root_.has("limits")) {
      YamlField l = root_.child("limits");
      l.expect_map({"max_temperature"});
      c.limits.max_temperature_K = positive_temperature(l.require("max_temperature"));
    }
    read_protocol(c);
    return c;
  }

 private:
  int read_barostat_interval(const YamlField& b) {
    b.expect_map({"interval"});
    const YamlField bi = b.require("interval");
    long v = 0;
    // A bare number means steps (OpenMM's MonteCarloBarostat frequency).
    if (bi.is_scalar() && parse_long(bi.as_string(), v)) {
      if (v < 1) bi.fail("expected at least 1 step between volume moves");
      return static_cast<int>(v);
    }
    return static_cast<int>(interval_steps(bi, timestep_, false));
  }

  void read_potential(Case& c) {
    YamlField p = root_.require("potential");
    p.expect_map({"file", "elements", "sha256"});
    YamlField f = p.require("file");
    c.potential.where = f.location();
    if (!opt_.potential_override.empty()) {
      c.potential.file = opt_.potential_override;
    } else {
      c.potential.file = expand_env(f, f.as_string(), c.potential.missing_env);
      if (!c.potential.missing_env.empty()) c.potential.file.clear();
      else if (c.potential.file.empty()) f.fail("expected a potential file path or name");
    }
    if (p.has("elements")) {
      c.potential.elements = p.child("elements").as_string_list();
      if (c.potential.elements.empty()) p.child("elements").fail("expected at least one element");
    }
    if (p.has("sha256")) {
      std::string h = p.child("sha256").as_string();
      for (auto& ch : h) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (!is_hex64(h)) p.child("sha256").fail("expected 64 hexadecimal digits (the output of sha256sum)");
      c.potential.sha256 = h;
    }
  }

  void read_system(Case& c) {
    YamlField s = root_.require("system");
    s.expect_map({"composition", "atoms", "structure", "seed"});
    YamlField comp = s.require("composition");
    if (!comp.is_map() || comp.size() == 0)
      comp.fail("expected element amounts like {Cu: 64, Zr: 36}");
    if (c.potential.elements.empty())
      for (const auto& [el, f] : comp.entries()) c.potential.elements.push_back(el);
    std::set<std::string> seen;
    double total = 0;
    bool all_integer = true;
    for (auto it = comp.node().begin(); it != comp.node().end(); ++it) {
      const std::string el = it->first.Scalar();
      const YamlField key(it->first, comp.file(), comp.path() + "." + el);
      const YamlField f(it->second, comp.file(), comp.path() + "." + el);
      bool known = false;
      for (const auto& pe : c.potential.elements) known = known || pe == el;
      if (!known) {
        std::string msg = "element \"" + el + "\" is not in potential.elements [";
        for (size_t k = 0; k < c.potential.elements.size(); ++k)
          msg += (k ? ", " : "") + c.potential.elements[k];
        msg += "]";
        const std::string g = closest_match(el, c.potential.elements);
        if (!g.empty()) msg += "; did you mean \"" + g + "\"?";
        key.fail(msg);
      }
      if (!seen.insert(el).second) key.fail("element \"" + el + "\" appears twice");
      const double a = f.as_real();
      if (!(a > 0)) f.fail("expected a positive amount, got '" + f.as_string() + "'");
      all_integer = all_integer && a == std::floor(a) && a < 1e9;
      c.system.composition.emplace_back(el, a);
      total += a;
    }
    YamlField af = s.require("atoms");
    const long n = af.as_integer();
    if (n < 1) af.fail("expected a positive number of atoms");
    if (n > 100000000) af.fail("more than 1e8 atoms is not supported");
    c.system.atoms = static_cast<int>(n);
    for (const auto& [el, a] : c.system.composition) {
      const double x = n * a / total;
      const double r = std::round(x);
      if (std::fabs(x - r) > 1e-6 || r < 1) {
        std::string msg = std::to_string(n) + " atoms cannot honour the composition: " + el + " would get " +
                          fmt_g(x) + " atoms";
        if (all_integer) {
          long g = 0;
          for (const auto& [e2, a2] : c.system.composition) g = std::gcd(g, static_cast<long>(a2));
          msg += "; use a multiple of " + std::to_string(static_cast<long>(total) / g);
        }
        af.fail(msg);
      }
      c.system.counts.emplace_back(el, static_cast<int>(r));
    }
    YamlField st = s.require("structure");
    st.expect_map({"kind", "density", "min_distance", "lattice_constant", "cells", "file"});
    YamlField kind = st.require("kind");
    const std::string k = kind.as_string();
    if (k == "random") {
      c.system.structure.kind = StructureSpec::Kind::Random;
      YamlField d = st.require("density");
      const Quantity q = d.as_quantity(QuantityKind::Density);
      if (!(q.value > 0)) d.fail("density must be positive, got '" + d.as_string() + "'");
      // Bounds ~5x the densest solids (diamond 0.176 /A^3, osmium 22.6 g/cm^3).
      if (q.mass_density ? q.value > 100 : q.value > 1.0)
        d.fail("density above " + std::string(q.mass_density ? "100 g/cm^3" : "1 /A^3") + ", got '" +
               d.as_string() + "' (no solid is that dense)");
      c.system.structure.density = q.value;
      c.system.structure.mass_density = q.mass_density;
      if (st.has("min_distance")) {
        YamlField m = st.child("min_distance");
        const double md = m.as_quantity(QuantityKind::Length).value;
        if (!(md > 0)) m.fail("must be positive");
        c.system.structure.min_distance_A = md;
      }
      for (const char* bad : {"lattice_constant", "cells"})
        if (st.has(bad)) st.child(bad).fail("only used with kind: fcc");
      if (st.has("file")) st.child("file").fail("only used with kind: data");
    } else if (k == "data") {
      c.system.structure.kind = StructureSpec::Kind::Data;
      read_data_structure(c, st.require("file"), af);
      for (const char* bad : {"density", "min_distance", "lattice_constant", "cells"})
        if (st.has(bad)) st.child(bad).fail("not used with kind: data (the file gives the structure)");
    } else if (k == "fcc") {
      c.system.structure.kind = StructureSpec::Kind::Fcc;
      YamlField a = st.require("lattice_constant");
      const double lc = a.as_quantity(QuantityKind::Length).value;
      if (!(lc > 0)) a.fail("must be positive");
      c.system.structure.lattice_constant_A = lc;
      YamlField cells = st.require("cells");
      cells.expect_sequence();
      if (cells.size() != 3) cells.fail("expected three cell counts [nx, ny, nz]");
      long prod = 4;
      for (size_t i = 0; i < 3; ++i) {
        const long v = cells.at(i).as_integer();
        if (v < 1) cells.at(i).fail("expected a positive cell count");
        c.system.structure.cells[i] = static_cast<int>(v);
        prod *= v;
      }
      if (prod != n)
        af.fail("an fcc lattice of " + std::to_string(prod / 4) + " cells holds " + std::to_string(prod) +
                " atoms, not " + std::to_string(n));
      for (const char* bad : {"density", "min_distance"})
        if (st.has(bad)) st.child(bad).fail("only used with kind: random");
      if (st.has("file")) st.child("file").fail("only used with kind: data");
    } else {
      kind.fail("expected random, fcc or data, got '" + k + "'");
    }
    YamlField sd = s.require("seed");
    const long seed = sd.as_integer();
    if (seed < 0) sd.fail("expected a non-negative integer seed");
    c.system.seed = static_cast<uint64_t>(seed);
  }

  // structure: {kind: data, file: F}: read F now so `check` reports a file
  // that does not match the case (atom count, composition, types) before a run.
  void read_data_structure(Case& c, const YamlField& ff, const YamlField& atoms_field) {
    std::string missing;
    std::string path = expand_env(ff, ff.as_string(), missing);
    if (!missing.empty()) ff.fail("environment variable $" + missing + " is not set");
    if (path.empty()) ff.fail("expected a LAMMPS data file path");
    if (!std::filesystem::path(path).is_absolute())
      path = (std::filesystem::path(file_).parent_path() / path).lexically_normal().string();
    AtomConfig cfg;
    try {
      cfg = read_lammps_data(path);
    } catch (const InputError& e) {
      ff.fail(std::string("cannot use the data file: ") + e.what());
    }
    const auto& els = c.potential.elements;
    if (cfg.ntypes > static_cast<int>(els.size()))
      ff.fail(path + " has " + std::to_string(cfg.ntypes) + " atom types but potential.elements names " +
              std::to_string(els.size()) + " (type t is potential.elements[t-1])");
    if (static_cast<long>(cfg.size()) != c.system.atoms)
      atoms_field.fail(std::to_string(c.system.atoms) + " atoms, but " + path + " holds " + std::to_string(cfg.size()));
    std::vector<int> per_type(static_cast<size_t>(cfg.ntypes) + 1, 0);
    for (int t : cfg.types) ++per_type[static_cast<size_t>(t)];
    for (const auto& [el, n] : c.system.counts) {
      int have = 0;
      for (int t = 1; t <= cfg.ntypes; ++t)
        if (els[static_cast<size_t>(t - 1)] == el) have += per_type[static_cast<size_t>(t)];
      if (have != n)
        atoms_field.fail("the composition asks for " + std::to_string(n) + " " + el + " atoms, " + path + " holds " +
                         std::to_string(have) + " (type t is potential.elements[t-1])");
    }
    c.system.structure.data_file = path;
    c.system.structure.data_has_velocities = !cfg.velocities.empty();
    c.system.structure.data_triclinic = cfg.box.triclinic();
  }

  void read_platform(Case& c) {
    if (!root_.has("platform")) return;
    YamlField p = root_.child("platform");
    p.expect_map({"preference", "precision", "device", "threads", "force"});
    if (p.has("preference")) {
      YamlField pref = p.child("preference");
      std::vector<std::string> names;
      if (pref.is_scalar()) names.push_back(pref.as_string());
      else names = pref.as_string_list();
      if (names.empty()) pref.fail("expected at least one platform name");
      for (size_t i = 0; i < names.size(); ++i) {
        bool ok = false;
        for (const auto& k : kPlatforms) ok = ok || k == names[i];
        if (!ok) {
          YamlField e = pref.is_scalar() ? pref : pref.at(i);
          std::string msg = "unknown OpenMM platform \"" + names[i] + "\"";
          const std::string g = closest_match(names[i], kPlatforms);
          msg += g.empty() ? "; expected CUDA, OpenCL, HIP, CPU or Reference" : "; did you mean \"" + g + "\"?";
          e.fail(msg);
        }
      }
      c.platform.preference = names;
    }
    if (p.has("precision")) {
      const std::string pr = p.child("precision").as_string();
      if (pr != "single" && pr != "mixed" && pr != "double")
        p.child("precision").fail("expected single, mixed or double, got '" + pr + "'");
      c.platform.precision = pr;
    }
    if (p.has("device")) {
      const long d = p.child("device").as_integer();
      if (d < 0) p.child("device").fail("expected a device index >= 0");
      c.platform.device = static_cast<int>(d);
    }
    if (p.has("threads")) {
      const long t = p.child("threads").as_integer();
      if (t < 0) p.child("threads").fail("expected a thread count >= 0 (0: all cores)");
      c.platform.threads = static_cast<int>(t);
    }
    if (p.has("force")) {
      const std::string f = p.child("force").as_string();
      if (f != "native" && f != "custom")
        p.child("force").fail("expected native (the EamForce plugin) or custom (CustomGBForce), got '" + f + "'");
      c.platform.force = f;
    }
  }

  ThermostatSpec read_thermostat(const YamlField& f, ThermostatSpec base) {
    if (f.is_map()) {
      f.expect_map({"kind", "time_constant"});
      if (f.has("time_constant")) base.time_constant_ps = positive_time(f.child("time_constant"));
      if (!f.has("kind")) return base;
    }
    // A fresh field, never an assignment (docs/guide: YAML::Node aliasing).
    const YamlField kind = f.is_map() ? f.child("kind") : f;
    const std::string k = kind.as_string();
    if (k == "nose-hoover") base.kind = ThermostatSpec::Kind::NoseHoover;
    else if (k == "langevin") base.kind = ThermostatSpec::Kind::Langevin;
    else {
      const std::string g = closest_match(k, {"nose-hoover", "langevin"});
      kind.fail("unknown thermostat \"" + k + "\"; " +
                (g.empty() ? std::string("expected nose-hoover or langevin") : "did you mean \"" + g + "\"?"));
    }
    return base;
  }

  OutputSpec read_output(const YamlField& f, OutputSpec base, double dt, bool top) {
    f.expect_map({"thermo", "positions", "velocities", "compress"});
    if (f.has("thermo")) base.thermo_steps = interval_steps(f.child("thermo"), dt, false);
    else if (top) f.require("thermo");
    if (f.has("positions")) base.positions_steps = interval_steps(f.child("positions"), dt, true);
    if (f.has("velocities")) base.velocities_steps = interval_steps(f.child("velocities"), dt, true);
    if (f.has("compress")) base.compress = f.child("compress").as_bool();
    return base;
  }

  void read_checkpoint(Case& c) {
    if (!root_.has("checkpoint")) return;
    YamlField k = root_.child("checkpoint");
    k.expect_map({"every", "wall_time"});
    c.checkpoint.every_steps = 0;
    c.checkpoint.every_wall_s = 0;
    if (k.has("every")) c.checkpoint.every_steps = interval_steps(k.child("every"), timestep_, true);
    if (k.has("wall_time")) {
      YamlField w = k.child("wall_time");
      if (w.is_scalar() && (w.as_string() == "none" || w.as_string() == "off")) {
        c.checkpoint.every_wall_s = 0;
      } else {
        const double s = w.as_quantity(QuantityKind::WallTime).value;
        if (!(s > 0)) w.fail("must be positive (or none)");
        c.checkpoint.every_wall_s = s;
      }
    }
  }

  std::string unique_default_name(const std::string& kind) const override {
    if (!used_.count(kind)) return kind;
    for (int i = 2;; ++i) {
      const std::string n = kind + "-" + std::to_string(i);
      if (!used_.count(n)) return n;
    }
  }

  // Common per-stage settings; `e` is the protocol entry.
  void read_common(const YamlField& e, StageSpec& s) override {
    s.where = e.location();
    s.timestep_ps = e.has("timestep") ? positive_time(e.child("timestep")) : timestep_;
    s.thermostat = e.has("thermostat") ? read_thermostat(e.child("thermostat"), thermostat_) : thermostat_;
    s.barostat_interval = barostat_interval_;
    if (e.has("barostat")) s.barostat_interval = read_barostat_interval(e.child("barostat"));
    // Output intervals given as times are converted with this stage's timestep.
    s.output = output_;
    if (e.has("output")) s.output = read_output(e.child("output"), output_from_top(s.timestep_ps), s.timestep_ps, false);
    else s.output = output_from_top(s.timestep_ps);
    YamlField ens = e.require("ensemble");
    const std::string en = ens.as_string();
    if (en == "NPT") s.npt = true;
    else if (en == "NVT") s.npt = false;
    else ens.fail("expected NVT or NPT, got '" + en + "'");
    if (s.npt) {
      s.pressure_bar = e.require("pressure").as_quantity(QuantityKind::Pressure).value;
    } else if (e.has("pressure")) {
      e.child("pressure").fail("a pressure is only used with ensemble NPT");
    }
  }

  // The top-level output block re-read with a stage's own timestep (intervals
  // given as times must be whole numbers of that stage's steps).
  OutputSpec output_from_top(double dt) {
    if (dt == timestep_) return output_;
    return read_output(root_.child("output"), OutputSpec{}, dt, true);
  }

  // ProtocolReader (what a stage kind's parse sees).
  void add(StageSpec s, const YamlField& name_field) override {
    if (!used_.insert(s.name).second)
      name_field.fail("stage name \"" + s.name + "\" is used twice; give each stage a distinct name");
    // Counts that end up in 64-bit step counters and int frame counters.
    const long recorded = s.steps - s.equilibration_steps;
    for (const auto& [every, what] : {std::pair{s.output.positions_steps, "trajectory frames"},
                                      std::pair{s.output.velocities_steps, "velocity frames"},
                                      std::pair{s.output.thermo_steps, "thermo rows"}})
      if (every > 0 && recorded / every + 1 > limits::kMaxFrames)
        name_field.fail("stage \"" + s.name + "\" would write " + std::to_string(recorded / every + 1) + " " + what +
                        "; at most 1e9 per stage (use a longer output interval)");
    if (s.steps > limits::kMaxSteps - case_->total_steps())
      name_field.fail("the protocol would exceed 1e12 steps in all; glassbench allows at most that per case");
    s.dir_name = rundir::RunLayout::stage_dir_name(case_->stages.size(), s.name);
    case_->stages.push_back(std::move(s));
  }
  void resolve_start(const YamlField& e, StageSpec& s, const std::string& fallback) override {
    if (!e.has("start_from")) {
      s.start_from = fallback;
      return;
    }
    YamlField sf = e.child("start_from");
    const std::string n = sf.as_string();
    if (case_->stage_index(n) < 0) {
      std::vector<std::string> names;
      for (const auto& st : case_->stages) names.push_back(st.name);
      std::string msg = "\"" + n + "\" is not an earlier stage";
      const std::string g = closest_match(n, names);
      if (!g.empty()) msg += "; did you mean \"" + g + "\"?";
      else if (names.empty()) msg += " (this is the first stage)";
      sf.fail(msg);
    }
    s.start_from = n;
  }
  const std::string& default_start() const override { return default_start_; }
  void set_default_start(const std::string& stage_name) override { default_start_ = stage_name; }
  const Case& parsed() const override { return *case_; }

  // Each entry is parsed by its kind's type (src/cases/stage_kind_<name>.cpp).
  void read_protocol(Case& c) {
    YamlField p = root_.require("protocol");
    p.expect_sequence();
    if (p.size() == 0) p.fail("expected at least one stage");
    case_ = &c;
    for (size_t i = 0; i < p.size(); ++i) {
      YamlField e = p.at(i);
      if (!e.is_map()) e.fail("expected a stage (a mapping with kind: ...)");
      YamlField kf = e.require("kind");
      const std::string kind = kf.as_string();
      if (const StageType* t = find_stage_type(kind)) {
        t->parse(e, *this);
        continue;
      }
      if (kind == "shear")
        kf.fail("stage kind \"shear\" (MD-DMA) is not supported yet by this version of glassbench");
      std::vector<std::string> known = stage_kind_names();
      const std::string g = closest_match(kind, known);
      std::string list;
      for (size_t k = 0; k < known.size(); ++k)
        list += (k == 0 ? "" : k + 1 == known.size() ? " or " : ", ") + known[k];
      kf.fail("unknown stage kind \"" + kind + "\"; " +
              (g.empty() ? "expected " + list : "did you mean \"" + g + "\"?"));
    }
  }

  Case* case_ = nullptr;
  std::set<std::string> used_;
  std::string default_start_;  // most recent non-isothermal stage: default start state
  YamlField root_;
  std::string file_;
  LoadOptions opt_;
  double timestep_ = 0;
  ThermostatSpec thermostat_;
  int barostat_interval_ = 25;
  OutputSpec output_;
};

}  // namespace

Case parse_case(const std::string& text, const std::string& file_label, const LoadOptions& options) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    SourceLocation loc{file_label, e.mark.line + 1, e.mark.column + 1};
    throw InputError(loc, "", "YAML syntax error: " + e.msg);
  }
  if (!root.IsDefined() || root.IsNull()) throw InputError(SourceLocation{file_label, 0, 0}, "", "the case file is empty");
  return Loader(root, file_label, options).load();
}

Case load_case(const std::string& path, const LoadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(SourceLocation{path, 0, 0}, "", "cannot open the case file");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_case(ss.str(), path, options);
}

}  // namespace gb::cases
