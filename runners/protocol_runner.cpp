#include "runners/protocol_runner.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/crash_point.hpp"
#include "core/error.hpp"
#include "core/lammps_data.hpp"
#include "core/lammps_dump.hpp"
#include "core/provenance.hpp"
#include "core/sha256.hpp"
#include "core/structure_builder.hpp"
#include "core/units.hpp"
#include "openmm/density_guard.hpp"
#include "openmm/eam_force.hpp"
#include "openmm/platform.hpp"
#include "openmm/system_builder.hpp"
#include "potential/eam_reader.hpp"
#include "potential/potential_locator.hpp"
#include "runners/health_check.hpp"
#include "runners/md_state.hpp"
#include "runners/run_lock.hpp"
#include "runners/run_log.hpp"
#include "runners/run_provenance.hpp"
#include "runners/runner_checkpoint.hpp"
#include "runners/signal_watch.hpp"
#include "runners/stage_dynamics.hpp"
#include "runners/thermo_file.hpp"
#include "runners/thermo_sampler.hpp"

namespace fs = std::filesystem;

namespace gb::runners {

using cases::StageSpec;
using Clock = std::chrono::steady_clock;

std::string default_run_dir(const cases::Case& c) { return "runs/" + c.name; }

namespace {

// Energy minimisation of a fresh random structure before the first stage:
// random placement leaves close pairs whose forces would blow up the first
// steps.  A few hundred iterations suffice; the melt then erases its memory.
constexpr double kMinimizeToleranceKJPerMolNm = 10.0;
constexpr int kMinimizeMaxIterations = 100;

bool is_gpu_platform(const std::string& name) { return name == "CUDA" || name == "OpenCL" || name == "HIP"; }

}  // namespace

struct ProtocolRunner::Impl {
  cases::Case c;
  RunOptions opt;
  std::string dir;
  std::string case_text, case_sha;
  std::string potential_path, potential_sha;
  EamPotential pot;
  std::vector<int> element_of_type;
  AtomConfig initial;
  Topology topo;
  PlatformChoice platform;
  std::unique_ptr<RunLock> lock;  // held from prepare_directory() to the end of run()
  std::unique_ptr<RunLog> log;
  std::unique_ptr<ThermoFile> thermo;
  std::unique_ptr<ThermoSampler> sampler;
  RunnerCheckpoint ck;
  RunProvenance prov;
  Clock::time_point t_session;
  double session_sim_ps = 0;
  long session_from_step = 0;
  Clock::time_point last_ckpt;
  int interrupted_by = 0;
  std::string stale_lock_note;  // holder text of a lock left by a killed process
  bool fresh_in_place = false;  // --resume of a run killed before its first checkpoint

  Impl(cases::Case cc, RunOptions o) : c(std::move(cc)), opt(std::move(o)) {}

  // ---------------------------------------------------------------- setup
  void read_case_text() {
    std::ifstream in(c.file, std::ios::binary);
    if (!in) throw InputError(SourceLocation{c.file, 0, 0}, "", "cannot read the case file");
    std::stringstream ss;
    ss << in.rdbuf();
    case_text = ss.str();
    case_sha = sha256_hex(case_text);
  }

  void load_potential() {
    if (!c.potential.missing_env.empty())
      throw PotentialNotSupplied("skipped: potential file not supplied for case " + c.name + ": set $" +
                                 c.potential.missing_env + " to the potential file or pass --potential FILE");
    try {
      potential_path = locate_potential(c.potential.file);
    } catch (const InputError& e) {
      throw InputError(c.potential.where, "potential.file", e.what());
    }
    potential_sha = sha256_file(potential_path);
    if (!c.potential.sha256.empty() && c.potential.sha256 != potential_sha)
      throw InputError(c.potential.where, "potential.sha256",
                       "the file " + potential_path + " has sha256 " + potential_sha + ", the case expects " +
                           c.potential.sha256);
    pot = read_eam(potential_path);
    map_elements(pot, c.potential.elements);  // every listed element must be in the file
    std::vector<std::string> names;
    for (const auto& [el, n] : c.system.counts) names.push_back(el);
    element_of_type = map_elements(pot, names);
  }

  void build_initial_structure() {
    std::vector<std::pair<std::string, int>> counts = c.system.counts;
    std::vector<double> masses;
    double total_mass = 0;
    for (size_t t = 0; t < counts.size(); ++t) {
      masses.push_back(pot.masses[static_cast<size_t>(element_of_type[t])]);
      total_mass += masses.back() * counts[t].second;
    }
    const auto& st = c.system.structure;
    if (st.kind == cases::StructureSpec::Kind::Random) {
      double n = st.density;  // 1/A^3
      if (st.mass_density) n = st.density / (total_mass / c.system.atoms * units::kAmuGram) * units::kCm3PerAngstrom3;
      initial = random_structure(counts, masses, n, st.min_distance_A, c.system.seed);
    } else {
      std::vector<std::pair<std::string, double>> frac;
      for (const auto& [el, k] : counts) frac.emplace_back(el, double(k) / c.system.atoms);
      initial = fcc_structure(frac, masses, st.lattice_constant_A, st.cells[0], st.cells[1], st.cells[2],
                              c.system.seed);
    }
    initial.ntypes = static_cast<int>(counts.size());
    initial.type_masses = masses;
    initial.type_names.clear();
    for (const auto& [el, k] : counts) initial.type_names.push_back(el);
    topo.ids = initial.ids;
    topo.types = initial.types;
    topo.type_names = initial.type_names;
    topo.type_masses_amu = masses;
    topo.origin_A = initial.box.lo;
    topo.total_mass_amu = total_mass;
  }

  void select_platform(const std::string& forced_name, const std::map<std::string, std::string>* forced_props) {
    PlatformRequest req;
    req.preference = c.platform.preference;
    req.name = !forced_name.empty() ? forced_name : opt.platform;
    req.device_index = c.platform.device;
    req.cpu_threads = c.platform.threads;
    PlatformChoice probe = choose_platform(req);
    // Precision is a GPU-platform setting; Reference/CPU have fixed schemes.
    if (is_gpu_platform(probe.name) && !c.platform.precision.empty()) {
      req.name = probe.name;
      req.precision = c.platform.precision;
      probe = choose_platform(req);
    }
    platform = probe;
    if (forced_props) platform.properties = *forced_props;
  }

  // A directory holds a glassbench run if it has our state, provenance or case copy.
  static bool holds_run(const std::string& d) {
    return fs::exists(runner_state_path(d)) || fs::exists(d + "/provenance.yaml") || fs::exists(d + "/case.yaml");
  }

  void prepare_directory() {
    dir = opt.out_dir.empty() ? default_run_dir(c) : opt.out_dir;
    if (!opt.resume && fs::exists(dir)) {
      if (!fs::is_directory(dir)) throw InputError("--out " + dir + ": exists and is not a directory");
      // Never write thermo.csv & co. over a user's files.
      bool empty = true;  // a run.lock alone (a run killed while starting) counts as empty
      for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename() != "run.lock") empty = false;
      if (!holds_run(dir) && !opt.force && !empty)
        throw InputError("--out " + dir +
                         ": the directory is not empty and holds no glassbench run; choose an empty or new "
                         "directory, or pass --force to write into it anyway");
    }
    if (!opt.resume) fs::create_directories(dir);
    if (fs::exists(dir)) {
      lock = std::make_unique<RunLock>(dir);  // refuses while another run writes here
      if (!lock->stale_holder().empty()) stale_lock_note = lock->stale_holder();
    }
    if (opt.resume && fs::exists(dir) && !fs::exists(runner_state_path(dir)) &&
        !fs::exists(dir + "/provenance.yaml") &&
        (!fs::exists(dir + "/case.yaml") || sha256_file(dir + "/case.yaml") == case_sha)) {
      // Killed before its first runner state was written (that comes before
      // provenance.yaml): nothing to resume, so start this case over in place.
      opt.resume = false;
      fresh_in_place = true;
    }
    if (opt.resume) {
      if (!fs::exists(dir)) throw InputError("--resume: the run directory " + dir + " does not exist");
      ck = load_runner_checkpoint(dir);
      // An OpenMM checkpoint written just before a kill, without its runner
      // state, is never used: remove it.
      for (const auto& entry : fs::directory_iterator(checkpoint_dir(dir))) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("openmm-", 0) == 0 && name != ck.openmm_checkpoint) fs::remove(entry.path());
      }
      if (!ck.potential_sha256.empty() && ck.potential_sha256 != potential_sha)
        throw InputError("--resume: the potential " + potential_path + " has sha256 " + potential_sha +
                         ", but the run in " + dir + " started with sha256 " + ck.potential_sha256 + " (see " + dir +
                         "/provenance.yaml); one run uses one potential file, so pass the original file or start "
                         "a new run");
      if (ck.case_sha256 != case_sha)
        throw InputError(SourceLocation{c.file, 0, 0}, "",
                         "this case file differs from the one the run in " + dir +
                             " started with (see " + dir + "/case.yaml); --resume needs the same case");
      if (!opt.platform.empty() && opt.platform != ck.platform)
        throw InputError("--platform " + opt.platform + ": the run in " + dir + " started on " + ck.platform +
                         " and OpenMM checkpoints cannot move between platforms");
    } else {
      if (!fresh_in_place && (fs::exists(runner_state_path(dir)) || fs::exists(dir + "/provenance.yaml")))
        throw InputError("the run directory " + dir +
                         " already holds a run; continue it with --resume or choose another --out");
      fs::create_directories(checkpoint_dir(dir));
      fs::create_directories(dir + "/stages");
      write_file_atomically(dir + "/case.yaml", case_text);
    }
  }

  std::string stage_dir(size_t k) const { return dir + "/stages/" + c.stages[k].dir_name; }

  double time_before_stage(size_t k) const {
    double t = 0;
    for (size_t i = 0; i < k; ++i) t += c.stages[i].duration_ps();
    return t;
  }

  void write_provenance(const std::string& status) {
    prov.status = status;
    if (status == "completed") prov.finished_utc = utc_now_iso8601();
    auto& s = prov.sessions.back();
    s.status = status;
    s.to_step = ck.global_step;
    s.ns_per_day = ns_per_day();
    if (status != "running") s.ended_utc = utc_now_iso8601();
    write_run_provenance(dir + "/provenance.yaml", prov);
  }

  void init_provenance() {
    std::string started;
    std::vector<RunSession> sessions;
    if (opt.resume) sessions = read_run_sessions(dir + "/provenance.yaml", &started);
    prov.case_file = c.file;
    prov.case_name = c.name;
    prov.case_sha256 = case_sha;
    prov.platform = platform.name;
    prov.precision = platform.precision;
    prov.platform_properties = platform.properties;
    prov.potential_path = fs::absolute(potential_path).string();
    prov.potential_sha256 = potential_sha;
    prov.potential_style = eam_style_name(pot.style);
    prov.elements = topo.type_names;
    prov.seed = c.system.seed;
    for (size_t k = 0; k < c.stages.size(); ++k) {
      const int ki = static_cast<int>(k);
      prov.stage_seeds.push_back({c.stages[k].dir_name, stage_seed(c.system.seed, ki, SeedPurpose::Velocities),
                                  stage_seed(c.system.seed, ki, SeedPurpose::Langevin),
                                  stage_seed(c.system.seed, ki, SeedPurpose::Barostat)});
    }
    prov.started_utc = started.empty() ? utc_now_iso8601() : started;
    prov.sessions = sessions;
    // We hold the run lock, so a session still marked running was killed.
    for (auto& s : prov.sessions)
      if (s.status == "running") {
        s.status = "killed";
        s.reason = "process ended without recording a status (SIGKILL, power loss or crash)" +
                   (stale_lock_note.empty() ? std::string() : "; stale lock: " + stale_lock_note);
      }
    RunSession now;
    now.host = host_name();
    now.started_utc = utc_now_iso8601();
    now.from_step = ck.global_step;
    prov.sessions.push_back(now);
    write_provenance("running");
  }

  double ns_per_day() const {
    const double wall = std::chrono::duration<double>(Clock::now() - t_session).count();
    return wall > 0 ? session_sim_ps * 1e-3 / (wall / 86400.0) : 0.0;
  }

  // ------------------------------------------------------------ checkpoints
  void save_checkpoint(OpenMM::Context& ctx, size_t k, long s, DumpWriter* traj, DumpWriter* vel) {
    thermo->flush();
    if (traj) traj->flush();
    if (vel) vel->flush();
    const long global = c.stage_offset(k) + s;
    const std::string name = fmt::format("openmm-{:012d}.chk", global);
    std::stringstream ss;
    ctx.createCheckpoint(ss);
    write_file_atomically(checkpoint_dir(dir) + "/" + name, ss.str());
    crash_point("checkpoint-between-files");
    const std::string old = ck.openmm_checkpoint;
    ck.stage_index = static_cast<int>(k);
    ck.step_in_stage = s;
    ck.global_step = global;
    ck.openmm_checkpoint = name;
    ck.thermo_rows = thermo->rows();
    ck.trajectory_frames = traj ? traj->frames_written() : 0;
    ck.velocity_frames = vel ? vel->frames_written() : 0;
    save_runner_checkpoint(dir, ck);
    if (!old.empty() && old != name) fs::remove(checkpoint_dir(dir) + "/" + old);
    last_ckpt = Clock::now();
    log->info(fmt::format("checkpoint at {} step {} (global step {})", c.stages[k].dir_name, s, global));
  }

  void save_stage_boundary(size_t next_stage, long global) {
    thermo->flush();
    const std::string old = ck.openmm_checkpoint;
    ck.stage_index = static_cast<int>(next_stage);
    ck.step_in_stage = 0;
    ck.global_step = global;
    ck.openmm_checkpoint.clear();
    ck.thermo_rows = thermo->rows();
    ck.trajectory_frames = ck.velocity_frames = 0;
    ck.finished = next_stage >= c.stages.size();
    save_runner_checkpoint(dir, ck);
    if (!old.empty()) fs::remove(checkpoint_dir(dir) + "/" + old);
    last_ckpt = Clock::now();
  }

  // ----------------------------------------------------------------- stages
  void write_stage_yaml(size_t k, bool reassigned, int frames, int vframes) {
    const StageSpec& st = c.stages[k];
    YAML::Emitter e;
  e.SetDoublePrecision(15);
    e << YAML::Comment(provenance_line("stage record"));
    e << YAML::BeginMap;
    e << YAML::Key << "name" << YAML::Value << st.name;
    e << YAML::Key << "kind" << YAML::Value << cases::stage_kind_name(st.kind);
    e << YAML::Key << "ensemble" << YAML::Value << (st.npt ? "NPT" : "NVT");
    e << YAML::Key << "T_start_K" << YAML::Value << st.t_start_K;
    e << YAML::Key << "T_end_K" << YAML::Value << st.t_end_K;
    e << YAML::Key << "pressure_bar" << YAML::Value;
    if (st.npt) e << st.pressure_bar;
    else e << YAML::Null;
    e << YAML::Key << "timestep_ps" << YAML::Value << st.timestep_ps;
    e << YAML::Key << "steps" << YAML::Value << st.steps;
    e << YAML::Key << "first_step" << YAML::Value << c.stage_offset(k);
    e << YAML::Key << "first_time_ps" << YAML::Value << time_before_stage(k);
    e << YAML::Key << "equilibration_steps" << YAML::Value << st.equilibration_steps;
    e << YAML::Key << "thermo_interval_steps" << YAML::Value << st.output.thermo_steps;
    e << YAML::Key << "dump_interval_steps" << YAML::Value << st.output.positions_steps;
    e << YAML::Key << "frames" << YAML::Value << frames;
    e << YAML::Key << "trajectory" << YAML::Value;
    if (st.output.positions_steps > 0) e << (st.output.compress ? "trajectory.dump.gz" : "trajectory.dump");
    else e << YAML::Null;
    e << YAML::Key << "velocity_dump_interval_steps" << YAML::Value << st.output.velocities_steps;
    e << YAML::Key << "velocity_frames" << YAML::Value << vframes;
    e << YAML::Key << "elements" << YAML::Value << YAML::Flow << topo.type_names;
    e << YAML::Key << "started_from" << YAML::Value;
    if (st.start_from.empty()) e << YAML::Null;
    else e << st.start_from;
    e << YAML::Key << "velocities_reassigned" << YAML::Value << reassigned;
    e << YAML::Key << "thermostat" << YAML::Value << YAML::Flow << YAML::BeginMap;
    e << YAML::Key << "kind" << YAML::Value << cases::thermostat_name(st.thermostat.kind);
    e << YAML::Key << "time_constant_ps" << YAML::Value << st.thermostat.time_constant_ps << YAML::EndMap;
    e << YAML::Key << "barostat_interval_steps" << YAML::Value;
    if (st.npt) e << st.barostat_interval;
    else e << YAML::Null;
    if (st.kind == StageSpec::Kind::Quench)
      e << YAML::Key << "ramp_interval_steps" << YAML::Value << st.ramp_interval_steps;
    e << YAML::EndMap;
    write_file_atomically(stage_dir(k) + "/stage.yaml", std::string(e.c_str()) + "\n");
  }

  // Returns false when interrupted (checkpoint written).
  bool run_stage(size_t k, bool resume_mid) {
    const StageSpec& st = c.stages[k];
    const long offset = c.stage_offset(k);
    const int ki = static_cast<int>(k);
    fs::create_directories(stage_dir(k));
    auto where = [&](long s) {
      return fmt::format("stage {}, step {} (global step {})", st.dir_name, s, offset + s);
    };

    EamForceOptions fo;  // defaults: LAMMPS-exact cubic tables on every platform
    // OpenMM 7.7's CPU platform mis-handles triclinic boxes with this force.
    require_platform_supports_box(platform.name, initial.box.triclinic());
    EamSystem es = build_eam_system(initial, pot, element_of_type, fo);
    es.system->addForce(new OpenMM::CMMotionRemover(1));
    const int baro = add_barostat(*es.system, st, stage_seed(c.system.seed, ki, SeedPurpose::Barostat));
    std::unique_ptr<OpenMM::Integrator> integ(
        make_integrator(st, stage_seed(c.system.seed, ki, SeedPurpose::Langevin)));
    // make_context keeps OpenCL's "unsupported implementation" notice off stdout.
    std::unique_ptr<OpenMM::Context> ctx_owner = make_context(*es.system, *integ, platform);
    OpenMM::Context& ctx = *ctx_owner;

    long s = 0;
    bool reassigned = false;
    if (resume_mid) {
      std::ifstream in(checkpoint_dir(dir) + "/" + ck.openmm_checkpoint, std::ios::binary);
      if (!in) throw InputError("cannot read the OpenMM checkpoint " + ck.openmm_checkpoint + " in " + dir);
      ctx.loadCheckpoint(in);
      s = ck.step_in_stage;
      log->info(fmt::format("resumed {} at step {} (global step {})", st.dir_name, s, offset + s));
    } else if (st.start_from.empty()) {
      ctx.setPeriodicBoxVectors(es.box_nm[0], es.box_nm[1], es.box_nm[2]);
      ctx.setPositions(es.positions_nm);
      OpenMM::LocalEnergyMinimizer::minimize(ctx, kMinimizeToleranceKJPerMolNm, kMinimizeMaxIterations);
      ctx.setVelocitiesToTemperature(st.t_start_K, stage_seed(c.system.seed, ki, SeedPurpose::Velocities));
      reassigned = true;
      log->info(fmt::format("stage {}: new {} structure, energy-minimised, velocities at {:g} K", st.dir_name,
                            c.system.structure.kind == cases::StructureSpec::Kind::Random ? "random" : "fcc",
                            st.t_start_K));
    } else {
      const int src = c.stage_index(st.start_from);
      const OpenMM::State from = read_state_xml(stage_dir(static_cast<size_t>(src)) + "/final_state.xml");
      OpenMM::Vec3 a, b, cc;
      from.getPeriodicBoxVectors(a, b, cc);
      ctx.setPeriodicBoxVectors(a, b, cc);
      ctx.setPositions(from.getPositions());
      const double src_T = c.stages[static_cast<size_t>(src)].t_end_K;
      if (std::fabs(src_T - st.t_start_K) > 1e-9) {
        ctx.setVelocitiesToTemperature(st.t_start_K, stage_seed(c.system.seed, ki, SeedPurpose::Velocities));
        reassigned = true;
      } else {
        ctx.setVelocities(from.getVelocities());
      }
      log->info(fmt::format("stage {}: from the final state of {}{}", st.dir_name, st.start_from,
                            reassigned ? fmt::format(", velocities reassigned at {:g} K", st.t_start_K) : ""));
    }
    set_temperature(*integ, ctx, st, baro >= 0, target_temperature(st, s));

    OpenMM::Vec3 box0[3];
    {
      const OpenMM::State b0 = ctx.getState(0);
      b0.getPeriodicBoxVectors(box0[0], box0[1], box0[2]);
    }
    DensityGuard guard(*es.eam, box0, "");
    HealthLimits lim;
    lim.max_temperature_K = c.limits.max_temperature_K > 0 ? c.limits.max_temperature_K
                                                           : 5.0 * std::max(st.t_start_K, st.t_end_K) + 1000.0;
    const double v0 = box0[0][0] * box0[1][1] * box0[2][2] * 1e3;  // nm^3 -> A^3
    lim.min_volume_A3 = v0 / 3.0;
    lim.max_volume_A3 = v0 * 3.0;

    // Trajectory writers.
    std::unique_ptr<DumpWriter> traj, vel;
    const std::string gz = st.output.compress ? ".gz" : "";
    if (st.output.positions_steps > 0) {
      DumpWriter::Options o;
      o.gzip = st.output.compress;
      const std::string p = stage_dir(k) + "/trajectory.dump" + gz;
      traj = resume_mid ? DumpWriter::resume(p, o, ck.trajectory_frames) : std::make_unique<DumpWriter>(p, o);
    }
    if (st.output.velocities_steps > 0) {
      DumpWriter::Options o;
      o.gzip = st.output.compress;
      o.columns = {"id", "type", "xu", "yu", "zu", "vx", "vy", "vz"};
      const std::string p = stage_dir(k) + "/velocities.dump" + gz;
      vel = resume_mid ? DumpWriter::resume(p, o, ck.velocity_frames) : std::make_unique<DumpWriter>(p, o);
    }

    const long thermo_n = st.output.thermo_steps, pos_n = st.output.positions_steps,
               vel_n = st.output.velocities_steps, eq = st.equilibration_steps;
    const long ramp_n = st.kind == StageSpec::Kind::Quench ? std::max<long>(1, st.ramp_interval_steps) : 0;
    const double t_stage0 = time_before_stage(k);
    const long total_steps = c.total_steps();
    const double total_ps = c.total_time_ps();
    const long s0 = s;
    double last_T = st.t_start_K;

    auto next_multiple = [](long s, long n, long base) {  // smallest base + j*n > s
      if (n <= 0) return std::numeric_limits<long>::max();
      if (s < base) return base;
      return base + ((s - base) / n + 1) * n;
    };

    while (true) {
      if (s > s0 || !resume_mid) {
        if (ramp_n > 0 && s < st.steps && s % ramp_n == 0)
          set_temperature(*integ, ctx, st, baro >= 0, target_temperature(st, s));
        const bool do_thermo = s % thermo_n == 0 || s == st.steps;
        const bool do_pos = pos_n > 0 && s >= eq && (s - eq) % pos_n == 0;
        const bool do_vel = vel_n > 0 && s >= eq && (s - eq) % vel_n == 0;
        const long global = offset + s;
        const int sig = opt.handle_signals ? SignalWatch::pending() : 0;
        const bool stop_now = sig != 0 || (opt.stop_at_global_step >= 0 && global >= opt.stop_at_global_step);
        const double since_ckpt = std::chrono::duration<double>(Clock::now() - last_ckpt).count();
        const bool ckpt_now =
            s < st.steps && s > 0 &&
            ((c.checkpoint.every_steps > 0 && global % c.checkpoint.every_steps == 0) ||
             (c.checkpoint.every_wall_s > 0 && since_ckpt >= c.checkpoint.every_wall_s) || stop_now);
        if (do_thermo || do_pos || do_vel || ckpt_now) {
          const OpenMM::State state =
              ctx.getState(OpenMM::State::Positions | OpenMM::State::Velocities | OpenMM::State::Energy);
          if (do_thermo || ckpt_now) {
            check_state_finite(state, where(s));
            ThermoRow row = sampler->sample(state);
            check_thermo(row, lim, where(s));
            guard.check(state, where(s));
            last_T = row.temperature_K;
            if (do_thermo) {
              row.stage = st.name;
              row.step = global;
              row.time_ps = t_stage0 + s * st.timestep_ps;
              row.target_temperature_K = target_temperature(st, std::min(s, st.steps - 1));
              if (s == st.steps) row.target_temperature_K = st.t_end_K;
              thermo->append(row);
            }
          }
          if (do_pos) traj->write(frame_from_state(state, topo, global, false));
          if (do_vel) vel->write(frame_from_state(state, topo, global, true));
        }
        if (ckpt_now) save_checkpoint(ctx, k, s, traj.get(), vel.get());
        if (stop_now && s < st.steps) {
          if (!ckpt_now) save_checkpoint(ctx, k, s, traj.get(), vel.get());  // s == 0 of a fresh stage
          interrupted_by = sig;
          return false;
        }
        ProgressInfo pi;
        pi.stage = st.dir_name;
        pi.step_in_stage = s;
        pi.stage_steps = st.steps;
        pi.steps_done = global;
        pi.steps_total = total_steps;
        pi.temperature_K = last_T;
        pi.ns_per_day = ns_per_day();
        const double rate_ps_per_s = pi.ns_per_day * 1e3 / 86400.0;
        if (rate_ps_per_s > 0) pi.eta_seconds = (total_ps - (t_stage0 + s * st.timestep_ps)) / rate_ps_per_s;
        log->progress(pi);
      }
      if (s >= st.steps) break;
      long next = std::min<long>(st.steps, s + std::max(1, opt.max_chunk_steps));
      next = std::min(next, next_multiple(s, thermo_n, 0));
      next = std::min(next, next_multiple(s, pos_n, eq));
      next = std::min(next, next_multiple(s, vel_n, eq));
      next = std::min(next, next_multiple(s, ramp_n, 0));
      if (c.checkpoint.every_steps > 0)
        next = std::min(next, next_multiple(offset + s, c.checkpoint.every_steps, 0) - offset);
      if (opt.stop_at_global_step > offset + s) next = std::min(next, opt.stop_at_global_step - offset);
      try {
        integ->step(static_cast<int>(next - s));
      } catch (const OpenMM::OpenMMException& e) {
        throw SimulationError(fmt::format("{}: OpenMM stopped the integration: {}", where(next), e.what()));
      }
      session_sim_ps += (next - s) * st.timestep_ps;
      s = next;
    }

    // Stage complete: final state, LAMMPS data file, stage record.
    const OpenMM::State fin = ctx.getState(OpenMM::State::Positions | OpenMM::State::Velocities |
                                           OpenMM::State::Energy | OpenMM::State::Parameters);
    const std::string stamp = provenance_line(st.dir_name + " final state");
    write_state_xml(stage_dir(k) + "/final_state.xml", fin, stamp);
    write_lammps_data(stage_dir(k) + "/final.data", config_from_state(fin, topo, true, true), stamp);
    const int frames = traj ? traj->frames_written() : 0, vframes = vel ? vel->frames_written() : 0;
    if (traj) traj->close();
    if (vel) vel->close();
    write_stage_yaml(k, reassigned || (resume_mid && stage_reassigned_before(k)), frames, vframes);
    save_stage_boundary(k + 1, offset + st.steps);
    log->info(fmt::format("stage {} done: {} steps, {} frames, T = {:.1f} K", st.dir_name, st.steps, frames, last_T));
    return true;
  }

  // Whether stage k's start reassigned velocities (for stage.yaml after a resume).
  bool stage_reassigned_before(size_t k) const {
    const StageSpec& st = c.stages[k];
    if (st.start_from.empty()) return true;
    return std::fabs(c.stages[static_cast<size_t>(c.stage_index(st.start_from))].t_end_K - st.t_start_K) > 1e-9;
  }

  RunResult run() {
    read_case_text();
    load_potential();
    prepare_directory();
    log = std::make_unique<RunLog>(dir + "/run.log", opt.echo_log, opt.progress_log_seconds);
    build_initial_structure();
    if (opt.resume) select_platform(ck.platform, &ck.platform_properties);
    else select_platform("", nullptr);
    if (!opt.resume) {
      ck = RunnerCheckpoint{};
      ck.case_sha256 = case_sha;
      ck.potential_sha256 = potential_sha;
      ck.platform = platform.name;
      ck.platform_properties = platform.properties;
    }
    sampler = std::make_unique<ThermoSampler>(pot, element_of_type, std::max(1, c.platform.threads), topo);
    RunResult result;
    result.out_dir = dir;
    result.platform = platform.name;
    if (opt.resume && ck.finished) {
      log->info("the run in " + dir + " is already complete; nothing to resume");
      result.global_step = ck.global_step;
      return result;
    }
    if (opt.resume) thermo = std::make_unique<ThermoFile>(ThermoFile::resume(dir + "/thermo.csv", ck.thermo_rows));
    else thermo = std::make_unique<ThermoFile>(dir + "/thermo.csv", provenance_line("thermo.csv"));
    if (!opt.resume) save_runner_checkpoint(dir, ck);

    t_session = Clock::now();
    last_ckpt = t_session;
    session_from_step = ck.global_step;
    init_provenance();
    log->info(fmt::format("{} case {} on OpenMM {} platform {} ({} precision), {} stages, {} steps", 
                          opt.resume ? "resuming" : "running", c.name, openmm_version(), platform.name,
                          platform.precision, c.stages.size(), c.total_steps()));
    SignalWatch signals(opt.handle_signals);
    try {
      bool mid = opt.resume && !ck.openmm_checkpoint.empty();
      for (size_t k = static_cast<size_t>(ck.stage_index); k < c.stages.size(); ++k) {
        if (!run_stage(k, mid)) {
          result.status = RunStatus::Interrupted;
          break;
        }
        mid = false;
        const int sig = opt.handle_signals ? SignalWatch::pending() : 0;
        const bool stop = sig != 0 || (opt.stop_at_global_step >= 0 && ck.global_step >= opt.stop_at_global_step);
        if (stop && k + 1 < c.stages.size()) {
          interrupted_by = sig;
          result.status = RunStatus::Interrupted;
          break;
        }
      }
    } catch (const SimulationError& e) {
      prov.reason = prov.sessions.back().reason = e.what();
      log->end_progress();
      const std::string keep = ck.openmm_checkpoint.empty()
                                   ? fmt::format("the last good state is the stage boundary at global step {}",
                                                 ck.global_step)
                                   : fmt::format("the last good checkpoint (global step {}) is kept in {}",
                                                 ck.global_step, checkpoint_dir(dir));
      log->info(std::string("simulation stopped: ") + e.what() + "; " + keep);
      write_provenance("failed");
      throw SimulationError(std::string(e.what()) + "; " + keep);
    } catch (const std::exception& e) {
      // I/O failure (disk full), bad input found mid-run, anything else:
      // record `failed` with the reason while we still can, then report it.
      log->end_progress();
      prov.reason = prov.sessions.back().reason = e.what();
      try {
        log->info(std::string("run failed: ") + e.what());
        write_provenance("failed");
      } catch (const std::exception&) {
        // The disk may be full: the exit code still says what happened.
      }
      throw;
    }
    log->end_progress();
    result.global_step = ck.global_step;
    result.signal = interrupted_by;
    result.ns_per_day = ns_per_day();
    if (result.status == RunStatus::Interrupted) {
      write_provenance("interrupted");
      log->info(fmt::format("interrupted{} at global step {}; checkpoint written; continue with: glassbench run {} "
                            "--out {} --resume",
                            interrupted_by ? fmt::format(" by signal {}", interrupted_by) : "", ck.global_step,
                            c.file, dir));
    } else {
      write_provenance("completed");
      log->info(fmt::format("run complete: {} stages, {} steps, {:.4g} ns/day this session", c.stages.size(),
                            ck.global_step, result.ns_per_day));
    }
    return result;
  }
};

ProtocolRunner::ProtocolRunner(cases::Case c, RunOptions options)
    : impl_(std::make_unique<Impl>(std::move(c), std::move(options))) {}
ProtocolRunner::~ProtocolRunner() = default;
RunResult ProtocolRunner::run() { return impl_->run(); }

}  // namespace gb::runners
