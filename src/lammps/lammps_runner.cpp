#include "lammps/lammps_runner.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/lammps_data.hpp"
#include "core/provenance.hpp"
#include "core/sha256.hpp"
#include "core/structure_builder.hpp"
#include "core/units.hpp"
#include "glassbench/version_info.hpp"
#include "lammps/lammps_deck.hpp"
#include "lammps/internal/lammps_log.hpp"
#include "lammps/internal/lammps_stage_output.hpp"
#include "potential/eam_reader.hpp"
#include "potential/potential_locator.hpp"
#include "runners/protocol_runner.hpp"
#include "runners/out_dir_guard.hpp"
#include "runners/run_lock.hpp"
#include "runners/run_log.hpp"
#include "runners/thermo_file.hpp"
#include "rundir/layout.hpp"
#include "rundir/stage_record.hpp"
#include "cases/requested_stage_record.hpp"
#include "rundir/thermo_log.hpp"
#include "cases/stage_type.hpp"

namespace fs = std::filesystem;

namespace gb::lammps {

using cases::StageSpec;
using Clock = std::chrono::steady_clock;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Progress from LAMMPS's streamed thermo lines: "step temp pe ke etotal vol density press".
bool thermo_line(const std::string& line, long& step, double& temp) {
  std::istringstream ss(line);
  double v[8];
  for (double& x : v)
    if (!(ss >> x)) return false;
  std::string extra;
  if (ss >> extra) return false;
  if (v[0] != std::floor(v[0])) return false;
  step = static_cast<long>(v[0]);
  temp = v[1];
  return true;
}

}  // namespace

AtomConfig case_start_structure(const cases::Case& c, const std::vector<double>& masses, uint64_t seed) {
  const auto& st = c.system.structure;
  AtomConfig cfg;
  double total_mass = 0;
  for (size_t t = 0; t < c.system.counts.size(); ++t) total_mass += masses[t] * c.system.counts[t].second;
  if (st.kind == cases::StructureSpec::Kind::Random) {
    double n = st.density;
    if (st.mass_density) n = st.density / (total_mass / c.system.atoms * units::kAmuGram) * units::kCm3PerAngstrom3;
    cfg = random_structure(c.system.counts, masses, n, st.min_distance_A, seed);
  } else {
    std::vector<std::pair<std::string, double>> frac;
    for (const auto& [el, k] : c.system.counts) frac.emplace_back(el, double(k) / c.system.atoms);
    cfg = fcc_structure(frac, masses, st.lattice_constant_A, st.cells[0], st.cells[1], st.cells[2], seed);
  }
  cfg.ntypes = static_cast<int>(c.system.counts.size());
  cfg.type_masses = masses;
  cfg.type_names.clear();
  for (const auto& [el, k] : c.system.counts) cfg.type_names.push_back(el);
  return cfg;
}

ResolvedPotential resolve_potential(const cases::Case& c) {
  if (!c.potential.missing_env.empty())
    throw runners::PotentialNotSupplied("skipped: potential file not supplied for case " + c.name + ": set $" +
                                        c.potential.missing_env + " to the potential file or pass --potential FILE");
  ResolvedPotential r;
  try {
    r.path = fs::absolute(locate_potential(c.potential.file)).string();
  } catch (const InputError& e) {
    throw InputError(c.potential.where, "potential.file", e.what());
  }
  r.sha256 = sha256_file(r.path);
  if (!c.potential.sha256.empty() && c.potential.sha256 != r.sha256)
    throw InputError(c.potential.where, "potential.sha256",
                     "the file " + r.path + " has sha256 " + r.sha256 + ", the case expects " + c.potential.sha256);
  r.potential = read_eam(r.path);
  map_elements(r.potential, c.potential.elements);
  for (const auto& [el, n] : c.system.counts) r.type_elements.push_back(el);
  for (int e : map_elements(r.potential, r.type_elements))
    r.masses_amu.push_back(r.potential.masses[static_cast<size_t>(e)]);
  return r;
}

Deck write_lammps_inputs(const cases::Case& c, const ResolvedPotential& rp, const std::string& dir, uint64_t seed,
                         const std::vector<std::string>& pair_coeff_elements) {
  DeckInputs di;
  di.potential_path = rp.path;
  di.style = rp.potential.style;
  di.type_elements = pair_coeff_elements.empty() ? rp.type_elements : pair_coeff_elements;
  di.seed = seed;
  di.provenance = provenance_line("LAMMPS deck");
  Deck deck = make_deck(c, di);
  fs::create_directories(dir + "/lammps");
  write_lammps_data(dir + "/" + deck.start_data, case_start_structure(c, rp.masses_amu, seed),
                    provenance_line("start structure of case " + c.name));
  write_file_atomically(dir + "/" + deck.master_file, deck.master_text);
  for (const auto& s : deck.stages) write_file_atomically(dir + "/" + s.deck_file, s.text);
  return deck;
}

runners::RunResult run_lammps_case(const cases::Case& c, const LammpsRunOptions& opt) {
  require_expressible(c);
  const ResolvedPotential rp = resolve_potential(c);
  const std::string& potential_path = rp.path;
  const std::string& potential_sha = rp.sha256;
  const EamPotential& pot = rp.potential;
  const std::vector<std::string>& type_elements = rp.type_elements;
  const std::string case_text = slurp(c.file);
  const std::string case_sha = sha256_hex(case_text);
  const uint64_t seed = opt.seed ? *opt.seed : c.system.seed;

  const std::string lmp_version = lammps_version(opt.launcher);
  if (lmp_version.empty())
    throw InputError("cannot run LAMMPS ('" + lmp_executable(opt.launcher) +
                     " -h' failed); install Debian's lammps package or set GLASSBENCH_LMP");

  const std::string dir = opt.out_dir.empty() ? runners::default_run_dir(c) : opt.out_dir;
  const rundir::RunLayout L(dir);
  const std::string state_path = L.lammps_dir() + "/state.yaml";
  int done_stages = 0;
  long kept_rows = 0;
  std::vector<YAML::Node> old_sessions;
  std::string started_utc = utc_now_iso8601();
  // The OpenMM runner's directory rules: never write over a user's files
  // (runners/out_dir_guard.hpp), and one process per run directory
  // (runners/run_lock.hpp), taken before anything in DIR is read or written.
  if (!opt.resume) {
    runners::refuse_foreign_out_dir(dir, opt.force);
    fs::create_directories(dir);
  } else if (!fs::is_directory(dir)) {
    throw InputError("--resume: the run directory " + dir + " does not exist");
  }
  const runners::RunLock lock(dir);
  if (opt.resume) {
    if (!fs::exists(state_path))
      throw InputError("--resume: " + dir + " holds no LAMMPS-engine run (no lammps/state.yaml)");
    if (slurp(L.case_yaml()) != case_text)
      throw InputError(SourceLocation{c.file, 0, 0}, "",
                       "this case file differs from the one the run in " + dir + " started with (see " + dir +
                           "/case.yaml); --resume needs the same case");
    try {
      const YAML::Node s = YAML::LoadFile(state_path);
      done_stages = s["finished_stages"].as<int>();
      kept_rows = s["thermo_rows"].as<long>();
      const YAML::Node p = YAML::LoadFile(L.provenance_yaml());
      if (p["started_utc"]) started_utc = p["started_utc"].as<std::string>();
      if (p["sessions"])
        for (const auto& n : p["sessions"]) old_sessions.push_back(n);
      if (p["seeds"] && p["seeds"]["case"] && p["seeds"]["case"].as<uint64_t>() != seed)
        throw InputError("--resume: the run in " + dir + " used seed " + p["seeds"]["case"].as<std::string>());
    } catch (const YAML::Exception& e) {
      throw InputError(SourceLocation{state_path, e.mark.line + 1, 0}, "", "unreadable run state: " + e.msg);
    }
  } else {
    if (fs::exists(L.provenance_yaml()) || fs::exists(state_path))
      throw InputError("the run directory " + dir +
                       " already holds a run; continue it with --resume or choose another --out");
    fs::create_directories(L.lammps_dir());
    fs::create_directories(L.stages_dir());
    L.write_marker();
    write_file_atomically(L.case_yaml(), case_text);
  }
  runners::RunLog log(L.run_log(), opt.echo_log, opt.progress_log_seconds);
  if (!lock.stale_holder().empty())
    log.info("a previous run in " + dir + " was killed (stale lock: " + lock.stale_holder() + ")");

  Deck deck;
  if (!opt.resume) {
    deck = write_lammps_inputs(c, rp, dir, seed, opt.pair_coeff_elements);
  } else {
    DeckInputs di;  // the decks on disk are what runs; this only names their files
    di.potential_path = rp.path;
    di.style = pot.style;
    di.type_elements = type_elements;
    di.seed = seed;
    deck = make_deck(c, di);
  }
  std::string deck_all = slurp(dir + "/" + deck.master_file);
  for (const auto& s : deck.stages) deck_all += slurp(dir + "/" + s.deck_file);
  const std::string deck_sha = sha256_hex(deck_all);

  const auto argv0 = lmp_argv(opt.launcher, "DECK", "LOG");
  std::string command;
  for (const auto& a : argv0) command += (command.empty() ? "" : " ") + a;

  const Clock::time_point t0 = Clock::now();
  double session_ps = 0;
  auto ns_per_day = [&] {
    const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    return wall > 0 ? session_ps * 1e-3 / (wall / 86400.0) : 0.0;
  };
  auto write_provenance = [&](const std::string& status, long to_step) {
    YAML::Emitter e;
    e.SetDoublePrecision(15);
    e << YAML::Comment(provenance_line("run provenance"));
    e << YAML::BeginMap;
    e << YAML::Key << "glassbench_version" << YAML::Value << build::kVersion;
    e << YAML::Key << "git_commit" << YAML::Value << build::kGitCommit;
    e << YAML::Key << "engine" << YAML::Value << "lammps";
    e << YAML::Key << "lammps" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "version" << YAML::Value << lmp_version;
    e << YAML::Key << "executable" << YAML::Value << lmp_executable(opt.launcher);
    e << YAML::Key << "mpi_ranks" << YAML::Value << std::max(1, opt.launcher.mpi_ranks);
    e << YAML::Key << "command" << YAML::Value << command;
    e << YAML::Key << "deck" << YAML::Value << deck.master_file;
    e << YAML::Key << "stage_decks" << YAML::Value << YAML::BeginSeq;
    for (const auto& s : deck.stages) e << s.deck_file;
    e << YAML::EndSeq;
    e << YAML::Key << "deck_sha256" << YAML::Value << deck_sha;
    e << YAML::Key << "barostat" << YAML::Value
      << fmt::format("fix npt/nph iso, Pdamp = {} time steps", kBarostatDampingSteps);
    e << YAML::EndMap;
    e << YAML::Key << "case" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "file" << YAML::Value << c.file;
    e << YAML::Key << "name" << YAML::Value << c.name;
    e << YAML::Key << "sha256" << YAML::Value << case_sha;
    e << YAML::Key << "copy" << YAML::Value << "case.yaml";
    e << YAML::EndMap;
    e << YAML::Key << "potential" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "path" << YAML::Value << potential_path;
    e << YAML::Key << "sha256" << YAML::Value << potential_sha;
    e << YAML::Key << "style" << YAML::Value << eam_style_name(pot.style);
    e << YAML::Key << "elements" << YAML::Value << YAML::Flow << type_elements;
    if (!opt.pair_coeff_elements.empty())
      e << YAML::Key << "pair_coeff_elements_override" << YAML::Value << YAML::Flow << opt.pair_coeff_elements;
    e << YAML::EndMap;
    e << YAML::Key << "seeds" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "case" << YAML::Value << seed;
    if (opt.replica >= 0) e << YAML::Key << "replica" << YAML::Value << opt.replica;
    e << YAML::Key << "stages" << YAML::Value << YAML::BeginMap;
    for (size_t k = 0; k < deck.stages.size(); ++k) {
      e << YAML::Key << c.stages[k].dir_name << YAML::Value << YAML::Flow << YAML::BeginMap;
      e << YAML::Key << "velocities" << YAML::Value << deck.stages[k].velocity_seed;
      e << YAML::Key << "langevin" << YAML::Value << deck.stages[k].langevin_seed << YAML::EndMap;
    }
    e << YAML::EndMap << YAML::EndMap;
    e << YAML::Key << "host" << YAML::Value << host_name();
    e << YAML::Key << "started_utc" << YAML::Value << started_utc;
    e << YAML::Key << "finished_utc" << YAML::Value;
    if (status == "completed") e << utc_now_iso8601();
    else e << YAML::Null;
    e << YAML::Key << "status" << YAML::Value << status;
    e << YAML::Key << "sessions" << YAML::Value << YAML::BeginSeq;
    for (const auto& n : old_sessions) e << n;
    e << YAML::BeginMap;
    e << YAML::Key << "host" << YAML::Value << host_name();
    e << YAML::Key << "started_utc" << YAML::Value << started_utc;
    e << YAML::Key << "ended_utc" << YAML::Value << utc_now_iso8601();
    e << YAML::Key << "status" << YAML::Value << status;
    e << YAML::Key << "to_step" << YAML::Value << to_step;
    e << YAML::Key << "ns_per_day" << YAML::Value << ns_per_day();
    e << YAML::EndMap << YAML::EndSeq;
    e << YAML::EndMap;
    write_file_atomically(L.provenance_yaml(), std::string(e.c_str()) + "\n");
  };

  runners::RunResult result;
  result.out_dir = dir;
  result.platform = "LAMMPS " + lmp_version;
  if (done_stages >= static_cast<int>(c.stages.size())) {
    log.info("the run in " + dir + " is already complete; nothing to resume");
    result.global_step = c.total_steps();
    return result;
  }
  std::unique_ptr<runners::ThermoFile> thermo =
      opt.resume ? std::make_unique<runners::ThermoFile>(runners::ThermoFile::resume(L.thermo_csv(), kept_rows))
                 : std::make_unique<runners::ThermoFile>(L.thermo_csv(), provenance_line("thermo.csv (LAMMPS)"));
  auto save_state = [&](int finished) {
    YAML::Emitter e;
    e << YAML::BeginMap << YAML::Key << "finished_stages" << YAML::Value << finished << YAML::Key << "thermo_rows"
      << YAML::Value << thermo->rows() << YAML::EndMap;
    write_file_atomically(state_path, std::string(e.c_str()) + "\n");
  };
  if (!opt.resume) save_state(0);
  write_provenance("running", c.stage_offset(static_cast<size_t>(done_stages)));
  log.info(fmt::format("{} case {} on LAMMPS {} ({}), {} stages from stage {}, {} steps; deck {}/{}",
                       opt.resume ? "resuming" : "running", c.name, lmp_version,
                       opt.launcher.mpi_ranks > 1 ? fmt::format("mpirun -np {}", opt.launcher.mpi_ranks) : "serial",
                       c.stages.size(), done_stages + 1, c.total_steps(), dir, deck.master_file));

  int ran = 0;
  for (size_t k = static_cast<size_t>(done_stages); k < c.stages.size(); ++k) {
    if (opt.stop_after_stages >= 0 && ran >= opt.stop_after_stages) {
      write_provenance("interrupted", c.stage_offset(k));
      result.status = runners::RunStatus::Interrupted;
      result.global_step = c.stage_offset(k);
      log.info(fmt::format("stopped before stage {}; continue with --resume", c.stages[k].dir_name));
      return result;
    }
    const StageSpec& st = c.stages[k];
    const StageDeck& sd = deck.stages[k];
    const long first = c.stage_offset(k);
    double first_time = 0;
    for (size_t i = 0; i < k; ++i) first_time += c.stages[i].duration_ps();
    const rundir::StageLayout SL = L.stage(st.dir_name);
    fs::create_directories(SL.dir());
    fs::remove(SL.stage_yaml());
    log.info(fmt::format("stage {}: lmp -in {}", st.dir_name, sd.deck_file));
    const Clock::time_point ts = Clock::now();
    // LAMMPS's screen output streams through here: thermo lines become
    // progress (bar on a terminal, a log line every progress_log_seconds),
    // warnings and errors go to the run log.
    const ProcessResult pr = run_process(
        lmp_argv(opt.launcher, sd.deck_file, sd.log_file), dir, [&](const std::string& line) {
          long step = 0;
          double T = 0;
          if (thermo_line(line, step, T) && step >= first && step <= first + st.steps) {
            const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
            const double done_ps = session_ps + (step - first) * st.timestep_ps;
            runners::ProgressInfo pi;
            pi.stage = st.dir_name;
            pi.step_in_stage = step - first;
            pi.stage_steps = st.steps;
            pi.steps_done = step;
            pi.steps_total = c.total_steps();
            pi.temperature_K = T;
            if (wall > 0 && done_ps > 0) {
              pi.ns_per_day = done_ps * 1e-3 / (wall / 86400.0);
              double left_ps = (first_time - 0) + (step - first) * st.timestep_ps;
              left_ps = c.total_time_ps() - left_ps;
              pi.eta_seconds = left_ps / (done_ps / wall);
            }
            log.progress(pi);
          } else if (line.rfind("ERROR", 0) == 0 || line.rfind("WARNING", 0) == 0) {
            log.info("lammps: " + line);
          }
        });
    log.end_progress();
    const std::string log_text = slurp(dir + "/" + sd.log_file);
    if (!pr.ok()) {
      std::string err = lammps_error_from_text(log_text);
      if (err.empty()) err = lammps_error_from_text(pr.tail);
      if (err.empty()) err = pr.tail.empty() ? "no output" : pr.tail;
      write_provenance("failed", first);
      const std::string msg =
          fmt::format("LAMMPS stage {} failed ({}): {}; log {}/{}; the finished stages before it are kept, "
                      "continue with --resume",
                      st.dir_name, pr.signal ? fmt::format("signal {}", pr.signal) : fmt::format("exit {}", pr.exit_code),
                      err, dir, sd.log_file);
      log.info(msg);
      throw SimulationError(msg);
    }
    const auto rows = thermo_rows_from_log(log_text, dir + "/" + sd.log_file, st, first, first_time);
    for (const auto& r : rows) {
      if (!std::isfinite(r.potential_energy_eV) || !std::isfinite(r.temperature_K))
        throw SimulationError(fmt::format("stage {}, global step {}: LAMMPS reported a non-finite energy or "
                                          "temperature",
                                          st.dir_name, r.step));
      thermo->append(r);
    }
    thermo->flush();
    const std::string gz = st.output.compress ? ".gz" : "";
    int frames = 0, vframes = 0;
    if (!sd.trajectory_dump.empty()) {
      frames = convert_dump(dir + "/" + sd.trajectory_dump, SL.trajectory(st.output.compress),
                            st.output.compress, {"id", "type", "xu", "yu", "zu"});
      fs::remove(dir + "/" + sd.trajectory_dump);
    }
    if (!sd.velocity_dump.empty()) {
      vframes = convert_dump(dir + "/" + sd.velocity_dump, SL.velocities(st.output.compress),
                             st.output.compress, {"id", "type", "xu", "yu", "zu", "vx", "vy", "vz"});
      fs::remove(dir + "/" + sd.velocity_dump);
    }
    if (!fs::exists(dir + "/" + sd.final_data))
      throw SimulationError("LAMMPS stage " + st.dir_name + " wrote no " + sd.final_data);
    fs::copy_file(dir + "/" + sd.final_data, SL.final_data(),
                  fs::copy_options::overwrite_existing);

    // stage.yaml through the run model, as the OpenMM runner writes it.  The
    // LAMMPS thermostat ramps continuously (ramp_interval_steps 1) and the
    // barostat is Nose-Hoover (barostat_damping_ps instead of a Monte Carlo interval).
    rundir::StageRecord rec = cases::requested_stage_record(st, first, first_time, type_elements);
    rec.frames = frames;
    rec.velocity_frames = vframes;
    rec.velocities_reassigned = sd.reassigns_velocities;
    if (!sd.box_from_mean_file.empty()) {
      const double v_mean = mean_volume_from_text(slurp(dir + "/" + sd.box_from_mean_file));
      if (!std::isfinite(v_mean))
        throw SimulationError("LAMMPS stage " + st.dir_name + ": no mean volume in " + sd.box_from_mean_file);
      rec.volume_source = fmt::format("mean volume of the second half of {}: {:.2f} A^3 (LAMMPS fix ave/time, {})",
                                      st.start_from, v_mean, sd.box_from_mean_file);
    }
    if (rec.parameters.count("ramp_interval_steps")) rec.parameters["ramp_interval_steps"] = 1;
    if (st.npt) rec.parameters["barostat_damping_ps"] = kBarostatDampingSteps * st.timestep_ps;
    rec.achieved = rundir::achieved_conditions(rundir::read_thermo_log(L.thermo_csv()), st.name,
                                               first + st.equilibration_steps);
    write_file_atomically(SL.stage_yaml(),
                          rundir::stage_record_yaml(rec, provenance_line("stage record (LAMMPS engine, " +
                                                                         sd.deck_file + ")")));
    save_state(static_cast<int>(k) + 1);
    session_ps += st.duration_ps();
    const double wall = std::chrono::duration<double>(Clock::now() - ts).count();
    log.info(fmt::format("stage {} done: {} steps, {} frames, T = {:.1f} K, P = {:.0f} bar, {:.1f} s wall",
                         st.dir_name, st.steps, frames, rows.back().temperature_K, rows.back().pressure_bar, wall));
    ++ran;
  }
  result.global_step = c.total_steps();
  result.ns_per_day = ns_per_day();
  write_provenance("completed", result.global_step);
  log.info(fmt::format("run complete: {} stages, {} steps, {:.4g} ns/day this session", c.stages.size(),
                       result.global_step, result.ns_per_day));
  return result;
}

}  // namespace gb::lammps
