// glassbench eval: energy, virial pressure tensor and forces of one LAMMPS
// data file with an EAM potential, on OpenMM or with the plain C++ evaluator.
//
// stdout: `key value` lines (metal units): energy (eV), energy_per_atom,
// natoms, pxx pyy pzz pxy pxz pyz (virial part of the pressure tensor, bar,
// LAMMPS sign convention), max_density, engine, platform, precision,
// pressure_source, tables, force.  --force native (default where the
// platform has it) runs the EamPlugin::EamForce and takes the pressure
// tensor from its virial; --force custom runs the CustomGBForce, whose
// pressure comes from the CPU evaluator (it has no virial);
// `pressure_source` says which.  --forces writes `id type fx fy fz` (eV/A, sorted by id, %.17g)
// under LAMMPS dump ITEM headers, plus <file>.provenance with the provenance.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <numeric>
#include <sstream>
#include <thread>

#include "commands.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/lammps_data.hpp"
#include "core/units.hpp"
#include "evaluator/eam_evaluator.hpp"
#include "glassbench/version_info.hpp"
#include "openmm/eam_tables.hpp"
#include "openmm/platform.hpp"
#include "openmm/single_point.hpp"
#include "potential/eam_reader.hpp"

namespace {

struct EvalArgs {
  std::string potential, style, data, engine = "openmm", platform, precision, forces, force;
  std::vector<std::string> elements;
  int threads = 0, table_points = 0, upsample = 0, device = -1;
};

std::string box_bounds_text(const gb::Box& b) {
  // LAMMPS dump bounding-box convention (Howto triclinic).
  if (!b.triclinic())
    return fmt::format("ITEM: BOX BOUNDS pp pp pp\n{:.17g} {:.17g}\n{:.17g} {:.17g}\n{:.17g} {:.17g}\n", b.lo.x,
                       b.lo.x + b.lx, b.lo.y, b.lo.y + b.ly, b.lo.z, b.lo.z + b.lz);
  const double xlo = b.lo.x + std::min({0.0, b.xy, b.xz, b.xy + b.xz});
  const double xhi = b.lo.x + b.lx + std::max({0.0, b.xy, b.xz, b.xy + b.xz});
  const double ylo = b.lo.y + std::min(0.0, b.yz), yhi = b.lo.y + b.ly + std::max(0.0, b.yz);
  return fmt::format("ITEM: BOX BOUNDS xy xz yz pp pp pp\n{:.17g} {:.17g} {:.17g}\n{:.17g} {:.17g} {:.17g}\n"
                     "{:.17g} {:.17g} {:.17g}\n",
                     xlo, xhi, b.xy, ylo, yhi, b.xz, b.lo.z, b.lo.z + b.lz, b.yz);
}

void write_forces(const std::string& path, const gb::AtomConfig& cfg, const std::vector<gb::Vec3>& f,
                  const std::string& provenance) {
  std::vector<size_t> order(cfg.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return cfg.ids[a] < cfg.ids[b]; });
  gb::AtomicFile out(path);
  auto& os = out.stream();
  os << "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n" << cfg.size() << "\n" << box_bounds_text(cfg.box);
  os << "ITEM: ATOMS id type fx fy fz\n";
  for (size_t k : order)
    os << fmt::format("{} {} {:.17g} {:.17g} {:.17g}\n", cfg.ids[k], cfg.types[k], f[k].x, f[k].y, f[k].z);
  out.commit();
  // A dump has no comment syntax that OVITO/LAMMPS readers accept, so the
  // provenance goes next to it.
  gb::write_file_atomically(path + ".provenance", provenance);
}

void run_eval(const EvalArgs& a) {
  if (a.engine != "openmm" && a.engine != "cpu")
    throw gb::InputError("--engine: expected openmm or cpu, got '" + a.engine + "'");
  std::optional<gb::EamStyle> style;
  if (!a.style.empty()) style = gb::eam_style_from_name(a.style);
  const gb::EamPotential pot = gb::read_eam(a.potential, style);
  const gb::AtomConfig cfg = gb::read_lammps_data(a.data);
  if (static_cast<int>(a.elements.size()) != cfg.ntypes)
    throw gb::InputError(gb::SourceLocation{a.data, 0, 0}, "atom types",
                         fmt::format("the data file has {} atom types but --elements names {}", cfg.ntypes,
                                     a.elements.size()));
  const std::vector<int> elem = gb::map_elements(pot, a.elements);
  const int threads = a.threads > 0 ? a.threads : std::max(1u, std::thread::hardware_concurrency());

  // The CPU evaluator always runs: it is the cpu engine and the pressure
  // source for the openmm engine.
  const gb::EamEvaluator evaluator(pot, elem, threads);
  const gb::EamResult cpu = evaluator.compute(cfg);

  std::ostringstream out;
  double energy = cpu.energy_eV;
  std::vector<gb::Vec3> forces = cpu.forces_eV_per_A;
  std::string platform = "none", precision = "double", pressure_source = "cpu-evaluator";
  std::string tables = "none", force = "none";
  std::array<double, 6> p = cpu.pressure_virial_bar(cfg.box.volume());
  if (a.engine == "openmm") {
    gb::SinglePointOptions opt;
    opt.platform.name = a.platform;
    opt.platform.precision = a.precision;
    opt.platform.device_index = a.device;
    opt.platform.cpu_threads = a.threads;
    if (a.table_points < 0 || a.upsample < 0) throw gb::InputError("--table-points and --table-upsample must be positive");
    if (a.table_points > 0 && a.table_points < 5) throw gb::InputError("--table-points: need at least 5 knots");
    if (!a.force.empty()) opt.implementation = gb::parse_implementation(a.force, "--force");
    if (a.table_points > 0 || a.upsample > 0) {
      if (opt.implementation == gb::EamImplementation::Native)
        throw gb::InputError("--table-points/--table-upsample choose tables of the custom force; not with --force native");
      opt.implementation = gb::EamImplementation::Custom;
      gb::EamTableOptions t;
      t.interpolation = gb::EamInterpolation::NaturalSpline;
      t.table_points = a.table_points;
      t.upsample = a.upsample > 0 ? a.upsample : 1;
      opt.tables = t;
    }
    try {
      const gb::SinglePointResult r = gb::openmm_single_point(cfg, pot, elem, opt);
      energy = r.energy_eV;
      forces = r.forces_eV_per_A;
      platform = r.platform;
      precision = r.precision;
      force = gb::implementation_name(r.implementation);
      if (r.implementation == gb::EamImplementation::Native) {
        tables = "lammps-hermite";
        for (int k = 0; k < 6; ++k) p[k] = (*r.virial_eV)[k] / cfg.box.volume() * gb::units::kBarPerEVPerAngstrom3;
        pressure_source = "native-force-virial";
      } else {
        tables = r.tables.interpolation == gb::EamInterpolation::LammpsHermite ? std::string("lammps-hermite")
                 : r.tables.table_points > 0 ? fmt::format("natural-spline points:{}", r.tables.table_points)
                                             : fmt::format("natural-spline upsample:{}", r.tables.upsample);
      }
    } catch (const gb::SimulationError& e) {
      // Out-of-range densities here come from the input configuration.
      throw gb::InputError(gb::SourceLocation{a.data, 0, 0}, "Atoms", e.what());
    }
  } else if (!a.platform.empty() || !a.precision.empty() || a.table_points > 0 || a.upsample > 0 || a.device >= 0 ||
             !a.force.empty()) {
    throw gb::InputError(
        "--platform, --precision, --force, --table-points, --table-upsample and --device apply to --engine openmm only");
  }
  out << fmt::format("energy {:.17g}\n", energy);
  out << fmt::format("energy_per_atom {:.17g}\n", energy / static_cast<double>(cfg.size()));
  out << "natoms " << cfg.size() << "\n";
  const char* names[6] = {"pxx", "pyy", "pzz", "pxy", "pxz", "pyz"};
  for (int k = 0; k < 6; ++k) out << fmt::format("{} {:.17g}\n", names[k], p[k]);
  out << fmt::format("max_density {:.17g}\n", cpu.max_density);
  out << "engine " << a.engine << "\n";
  out << "platform " << platform << "\n";
  out << "precision " << precision << "\n";
  out << "tables " << tables << "\n";
  out << "pressure_source " << pressure_source << "\n";
  out << "force " << force << "\n";
  if (cpu.density_out_of_range)
    out << "warning density outside the embedding table: F(rho) extrapolated linearly as LAMMPS does\n";
  std::cout << out.str() << std::flush;

  if (!a.forces.empty()) {
    std::ostringstream prov;
    prov << "glassbench_version " << gb::build::kVersion << "\n"
         << "git_commit " << gb::build::kGitCommit << "\n"
         << "openmm_version " << gb::openmm_version() << "\n"
         << "potential " << pot.source << "\n"
         << "data " << a.data << "\n"
         << "units metal (forces eV/Angstrom)\n"
         << out.str();
    write_forces(a.forces, cfg, forces, prov.str());
  }
}

void setup(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* sub = app.add_subcommand(
      "eval", "Energy, virial pressure tensor and forces of a LAMMPS data file with an EAM potential");
  sub->add_option("--potential", args->potential,
                  "EAM potential file: path, or name under $LAMMPS_POTENTIALS or /usr/share/lammps/potentials")
      ->required();
  sub->add_option("--style", args->style, "potential style eam|eam/alloy|eam/fs (default: from the file name)");
  sub->add_option("--elements", args->elements, "element of each atom type, in type order (type 1 first)")
      ->required()
      ->expected(1, -1);
  sub->add_option("--data", args->data, "LAMMPS data file (atom_style atomic; orthogonal or triclinic)")->required();
  sub->add_option("--engine", args->engine, "openmm (EAM force on an OpenMM platform) or cpu (plain C++ evaluator)")
      ->capture_default_str();
  sub->add_option("--platform", args->platform,
                  "OpenMM platform (Reference, CPU, OpenCL, CUDA); default: first available of CUDA, OpenCL, CPU, "
                  "Reference");
  sub->add_option("--precision", args->precision,
                  "single|mixed|double (OpenCL/CUDA; Reference is double, CPU mixed)");
  sub->add_option("--device", args->device, "OpenCL/CUDA device index");
  sub->add_option("--force", args->force,
                  "EAM force for --engine openmm: native (EamForce plugin; default where the platform has it) or "
                  "custom (CustomGBForce)");
  sub->add_option("--threads", args->threads, "threads for the CPU evaluator and the CPU platform (default: all)");
  sub->add_option("--table-points", args->table_points,
                  "use natural-spline tables (Continuous1DFunction) with this many knots, sampled from LAMMPS's "
                  "interpolant, instead of LAMMPS's own cubics (the default, exact)");
  sub->add_option("--table-upsample", args->upsample,
                  "use natural-spline tables with the file's knots plus K-1 samples between each pair (1 = the "
                  "file's grid)");
  sub->add_option("--forces", args->forces, "write forces (id type fx fy fz, eV/A) as a LAMMPS-style dump");
  sub->callback([args] { run_eval(*args); });
}

gb::cli::Registrar reg{"eval", 10, setup};

}  // namespace
