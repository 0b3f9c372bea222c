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
#include "cases/stage_type.hpp"
#include "rundir/layout.hpp"
#include "rundir/stage_record.hpp"
#include "cases/requested_stage_record.hpp"
#include "rundir/thermo_log.hpp"
#include "runners/internal/health_check.hpp"
#include "runners/md_state.hpp"
#include "runners/internal/openmm_stage_control.hpp"
#include "runners/out_dir_guard.hpp"
#include "runners/run_lock.hpp"
#include "runners/run_log.hpp"
#include "runners/internal/run_provenance.hpp"
#include "runners/internal/runner_checkpoint.hpp"
#include "runners/internal/signal_watch.hpp"
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
  std::string box_volume_note;  // how the current stage's box was chosen (stage.yaml volume_source)
  std::string potential_path, potential_sha;
  EamPotential pot;
  std::vector<int> element_of_type;
  AtomConfig initial;
  Topology topo;
  PlatformChoice platform;
  std::unique_ptr<RunLock> lock;  // held from prepare_directory() to the end of run()
  EamImplementation force_impl = EamImplementation::Native;  // resolved in select_platform
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
    if (st.kind == cases::StructureSpec::Kind::Data) {
      initial = initial_from_data_file(counts);
    } else if (st.kind == cases::StructureSpec::Kind::Random) {
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
    topo = topology_of(initial);
  }

  // structure: {kind: data}: the file's type t is potential.elements[t-1];
  // here it becomes the case's type (composition order).  The loader already
  // checked counts and types; masses come from the potential (as LAMMPS eam/fs).
  AtomConfig initial_from_data_file(const std::vector<std::pair<std::string, int>>& counts) const {
    const std::string& path = c.system.structure.data_file;
    AtomConfig cfg = read_lammps_data(path);
    std::vector<int> case_type(static_cast<size_t>(cfg.ntypes) + 1, 0);
    for (int t = 1; t <= cfg.ntypes; ++t) {
      const std::string& el = c.potential.elements.at(static_cast<size_t>(t - 1));
      for (size_t k = 0; k < counts.size(); ++k)
        if (counts[k].first == el) case_type[static_cast<size_t>(t)] = static_cast<int>(k) + 1;
    }
    for (int& t : cfg.types) {
      if (case_type[static_cast<size_t>(t)] == 0)
        throw InputError(SourceLocation{path, 0, 0}, "Atoms.type",
                         "type " + std::to_string(t) + " maps to an element outside the composition");
      t = case_type[static_cast<size_t>(t)];
    }
    cfg.positions = cfg.unwrapped_positions();
    cfg.images.clear();
    return cfg;
  }

  // Mean volume (A^3) over the second half of a stage's thermo.csv rows: the
  // zero-pressure box of an NVT isotherm after its NPT pre-equilibration.
  double mean_volume_second_half(const std::string& stage_name) {
    thermo->flush();
    std::vector<double> v;
    for (const auto& row : rundir::read_thermo_log(layout().thermo_csv()))
      if (row.stage == stage_name && std::isfinite(row.volume_A3)) v.push_back(row.volume_A3);
    if (v.empty())
      throw InputError({layout().thermo_csv(), 0, 0}, "volume_A3", "no thermo rows of stage " + stage_name + " to take its mean volume");
    double m = 0;
    for (size_t i = v.size() / 2; i < v.size(); ++i) m += v[i];
    return m / static_cast<double>(v.size() - v.size() / 2);
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
    // `platform: {force: native | custom}`; unset: native where the platform has it.
    std::optional<EamImplementation> want;
    if (!c.platform.force.empty()) want = parse_implementation(c.platform.force, c.file + ": platform.force");
    force_impl = resolve_implementation(want, platform.name);
  }

  rundir::RunLayout layout() const { return rundir::RunLayout(dir); }

  void prepare_directory() {
    dir = opt.out_dir.empty() ? default_run_dir(c) : opt.out_dir;
    const rundir::RunLayout L = layout();
    if (!opt.resume) refuse_foreign_out_dir(dir, opt.force);  // never write thermo.csv & co. over a user's files
    if (!opt.resume) fs::create_directories(dir);
    if (fs::exists(dir)) {
      lock = std::make_unique<RunLock>(dir);  // refuses while another run writes here
      if (!lock->stale_holder().empty()) stale_lock_note = lock->stale_holder();
    }
    if (opt.resume && fs::exists(dir) && !fs::exists(L.runner_state_yaml()) && !fs::exists(L.provenance_yaml()) &&
        (!fs::exists(L.case_yaml()) || sha256_file(L.case_yaml()) == case_sha)) {
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
      if (!fresh_in_place && (fs::exists(L.runner_state_yaml()) || fs::exists(L.provenance_yaml())))
        throw InputError("the run directory " + dir +
                         " already holds a run; continue it with --resume or choose another --out");
      fs::create_directories(L.checkpoints_dir());
      fs::create_directories(L.stages_dir());
      write_file_atomically(L.case_yaml(), case_text);
    }
    L.write_marker();
  }

  rundir::StageLayout stage_files(size_t k) const { return layout().stage(c.stages[k].dir_name); }

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
    write_run_provenance(layout().provenance_yaml(), prov);
  }

  void init_provenance() {
    std::string started;
    std::vector<RunSession> sessions;
    if (opt.resume) sessions = read_run_sessions(layout().provenance_yaml(), &started);
    prov.case_file = c.file;
    prov.case_name = c.name;
    prov.case_sha256 = case_sha;
    prov.platform = platform.name;
    prov.precision = platform.precision;
    prov.force = implementation_name(force_impl);
    prov.pressure = pressure_source_name(force_impl == EamImplementation::Native ? PressureSource::NativeVirial
                                                                                 : PressureSource::CpuEvaluator);
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
  void save_checkpoint(OpenMM::Context& ctx, size_t k, long s, DumpWriter* traj, DumpWriter* vel,
                       OpenMMStageControl& control) {
    thermo->flush();
    control.flush();
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
  // The stage record (stage.yaml) through the run model; achieved T and P
  // from this stage's thermo rows after its equilibration.
  void write_stage_record(size_t k, bool reassigned, int frames, int vframes) {
    const StageSpec& st = c.stages[k];
    rundir::StageRecord r = cases::requested_stage_record(st, c.stage_offset(k), time_before_stage(k), topo.type_names);
    r.frames = frames;
    r.velocity_frames = vframes;
    r.velocities_reassigned = reassigned;
    if (st.npt) r.barostat_interval_steps = st.barostat_interval;
    r.volume_source = box_volume_note;
    thermo->flush();
    r.achieved = rundir::achieved_conditions(rundir::read_thermo_log(layout().thermo_csv()), st.name,
                                             r.first_step + st.equilibration_steps);
    write_file_atomically(stage_files(k).stage_yaml(), rundir::stage_record_yaml(r, provenance_line("stage record")));
  }

  // Everything one stage holds while it runs.
  struct StageSession {
    EamSystem es;
    int baro = -1;
    std::unique_ptr<OpenMM::Integrator> integ;
    std::unique_ptr<OpenMM::Context> ctx;
    std::unique_ptr<OpenMMStageControl> control;
    std::unique_ptr<DensityGuard> guard;
    HealthLimits lim;
    std::unique_ptr<DumpWriter> traj, vel;
    long s = 0;  // step within the stage
    bool reassigned = false;
  };

  // System, integrator, context and the stage's starting state.
  void open_stage(size_t k, bool resume_mid, StageSession& ss) {
    const StageSpec& st = c.stages[k];
    const int ki = static_cast<int>(k);
    box_volume_note.clear();
    fs::create_directories(stage_files(k).dir());
    EamForceOptions fo;  // defaults: LAMMPS-exact cubic tables on every platform
    fo.implementation = force_impl;
    // OpenMM 7.7's CPU platform mis-handles triclinic boxes with the custom force.
    require_platform_supports_box(platform.name, initial.box.triclinic(), force_impl);
    ss.es = build_eam_system(initial, pot, element_of_type, fo);
    ss.es.system->addForce(new OpenMM::CMMotionRemover(1));
    ss.baro = add_barostat(*ss.es.system, st, stage_seed(c.system.seed, ki, SeedPurpose::Barostat));
    ss.integ.reset(make_integrator(st, stage_seed(c.system.seed, ki, SeedPurpose::Langevin)));
    // make_context keeps OpenCL's "unsupported implementation" notice off stdout.
    ss.ctx = make_context(*ss.es.system, *ss.integ, platform);
    OpenMM::Context& ctx = *ss.ctx;
    if (resume_mid) {
      std::ifstream in(checkpoint_dir(dir) + "/" + ck.openmm_checkpoint, std::ios::binary);
      if (!in) throw InputError("cannot read the OpenMM checkpoint " + ck.openmm_checkpoint + " in " + dir);
      ctx.loadCheckpoint(in);
      ss.s = ck.step_in_stage;
      log->info(fmt::format("resumed {} at step {} (global step {})", st.dir_name, ss.s, c.stage_offset(k) + ss.s));
    } else if (st.start_from.empty() && c.system.structure.kind == cases::StructureSpec::Kind::Data) {
      // A prepared state (a LAMMPS data file): no minimisation; its velocities when it has them.
      ctx.setPeriodicBoxVectors(ss.es.box_nm[0], ss.es.box_nm[1], ss.es.box_nm[2]);
      ctx.setPositions(ss.es.positions_nm);
      if (!ss.es.velocities_nm_per_ps.empty()) {
        ctx.setVelocities(ss.es.velocities_nm_per_ps);
      } else {
        ctx.setVelocitiesToTemperature(st.t_start_K, stage_seed(c.system.seed, ki, SeedPurpose::Velocities));
        ss.reassigned = true;
      }
      log->info(fmt::format("stage {}: from the data file {}{}", st.dir_name, c.system.structure.data_file,
                            ss.reassigned ? fmt::format(", velocities drawn at {:g} K", st.t_start_K)
                                          : ", with its velocities"));
    } else if (st.start_from.empty()) {
      ctx.setPeriodicBoxVectors(ss.es.box_nm[0], ss.es.box_nm[1], ss.es.box_nm[2]);
      ctx.setPositions(ss.es.positions_nm);
      OpenMM::LocalEnergyMinimizer::minimize(ctx, kMinimizeToleranceKJPerMolNm, kMinimizeMaxIterations);
      ctx.setVelocitiesToTemperature(st.t_start_K, stage_seed(c.system.seed, ki, SeedPurpose::Velocities));
      ss.reassigned = true;
      log->info(fmt::format("stage {}: new {} structure, energy-minimised, velocities at {:g} K", st.dir_name,
                            c.system.structure.kind == cases::StructureSpec::Kind::Random ? "random" : "fcc",
                            st.t_start_K));
    } else {
      const int src = c.stage_index(st.start_from);
      const OpenMM::State from = read_state_xml(stage_files(static_cast<size_t>(src)).final_state_xml());
      OpenMM::Vec3 a, b, cc;
      from.getPeriodicBoxVectors(a, b, cc);
      std::vector<OpenMM::Vec3> pos = from.getPositions();
      if (st.box_from_mean) {
        // Zero-pressure volume: the mean volume of the second half of the NPT
        // pre-equilibration; the final box and positions are rescaled
        // isotropically onto it (the barostat is isotropic: the shape is kept).
        const double v_final = a[0] * b[1] * cc[2] * 1e3;  // nm^3 -> A^3
        const double v_mean = mean_volume_second_half(c.stages[static_cast<size_t>(src)].name);
        const double f = std::cbrt(v_mean / v_final);
        a *= f, b *= f, cc *= f;
        for (auto& p : pos) p *= f;
        box_volume_note = fmt::format("mean volume of the second half of {}: {:.2f} A^3 (final {:.2f} A^3, scale {:.6f})",
                                      st.start_from, v_mean, v_final, f);
        log->info(fmt::format("stage {}: NVT at the zero-pressure volume, {}", st.dir_name, box_volume_note));
      }
      ctx.setPeriodicBoxVectors(a, b, cc);
      ctx.setPositions(pos);
      const double src_T = c.stages[static_cast<size_t>(src)].t_end_K;
      if (std::fabs(src_T - st.t_start_K) > 1e-9) {
        ctx.setVelocitiesToTemperature(st.t_start_K, stage_seed(c.system.seed, ki, SeedPurpose::Velocities));
        ss.reassigned = true;
      } else {
        ctx.setVelocities(from.getVelocities());
      }
      log->info(fmt::format("stage {}: from the final state of {}{}", st.dir_name, st.start_from,
                            ss.reassigned ? fmt::format(", velocities reassigned at {:g} K", st.t_start_K) : ""));
    }
    set_temperature(*ss.integ, ctx, st, ss.baro >= 0, target_temperature(st, ss.s));
    ss.control = std::make_unique<OpenMMStageControl>(ctx, *ss.integ, ss.baro >= 0, *sampler, stage_files(k),
                                                      c.stage_offset(k), time_before_stage(k), st.timestep_ps,
                                                      resume_mid ? c.stage_offset(k) + ss.s : -1, ss.es.native);

    OpenMM::Vec3 box0[3];
    ctx.getState(0).getPeriodicBoxVectors(box0[0], box0[1], box0[2]);
    ss.guard = std::make_unique<DensityGuard>(*ss.es.eam, box0, "");
    ss.lim.max_temperature_K = c.limits.max_temperature_K > 0 ? c.limits.max_temperature_K
                                                              : 5.0 * std::max(st.t_start_K, st.t_end_K) + 1000.0;
    const double v0 = box0[0][0] * box0[1][1] * box0[2][2] * 1e3;  // nm^3 -> A^3
    ss.lim.min_volume_A3 = v0 / 3.0;
    ss.lim.max_volume_A3 = v0 * 3.0;

    const rundir::StageLayout files = stage_files(k);
    if (st.output.positions_steps > 0) {
      DumpWriter::Options o;
      o.gzip = st.output.compress;
      const std::string p = files.trajectory(o.gzip);
      ss.traj = resume_mid ? DumpWriter::resume(p, o, ck.trajectory_frames) : std::make_unique<DumpWriter>(p, o);
    }
    if (st.output.velocities_steps > 0) {
      DumpWriter::Options o;
      o.gzip = st.output.compress;
      o.columns = {"id", "type", "xu", "yu", "zu", "vx", "vy", "vz"};
      const std::string p = files.velocities(o.gzip);
      ss.vel = resume_mid ? DumpWriter::resume(p, o, ck.velocity_frames) : std::make_unique<DumpWriter>(p, o);
    }
  }

  // Thermo row, dump frames and checks at step s of the stage (state in hand).
  void sample_step(size_t k, StageSession& ss, const cases::StagePlan& plan, bool do_thermo, bool check,
                   bool do_pos, bool do_vel, double& last_T) {
    const StageSpec& st = c.stages[k];
    const long global = c.stage_offset(k) + ss.s;
    const std::string where = fmt::format("stage {}, step {} (global step {})", st.dir_name, ss.s, global);
    // With the native force the Energy request also yields the force's virial at these positions.
    const SampledState sampled =
        capture_state(*ss.ctx, OpenMM::State::Positions | OpenMM::State::Velocities | OpenMM::State::Energy,
                      ss.es.native);
    const OpenMM::State& state = sampled.state;
    if (check) {
      check_state_finite(state, where);
      ThermoRow row = sampler->sample(sampled);
      check_thermo(row, ss.lim, where);
      ss.guard->check(state, where);
      last_T = row.temperature_K;
      if (do_thermo) {
        row.stage = st.name;
        row.step = global;
        row.time_ps = time_before_stage(k) + ss.s * st.timestep_ps;
        row.target_temperature_K =
            ss.s == plan.steps ? st.t_end_K : target_temperature(st, std::min(ss.s, plan.steps - 1));
        thermo->append(row);
      }
    }
    if (do_pos) ss.traj->write(frame_from_state(state, topo, global, false));
    if (do_vel) ss.vel->write(frame_from_state(state, topo, global, true));
  }

  // The scheduler: integrate in chunks up to the next output, hook, checkpoint
  // or stop point; at each boundary call the kind's hook, then write output.
  // Returns false when interrupted (checkpoint written).
  bool run_stage(size_t k, bool resume_mid) {
    const StageSpec& st = c.stages[k];
    const cases::StageType& type = cases::stage_type(st.kind);
    const cases::StagePlan plan = type.plan(st);
    const long offset = c.stage_offset(k);
    StageSession ss;
    open_stage(k, resume_mid, ss);
    const long s0 = ss.s;
    double last_T = st.t_start_K;
    auto on = [](long s, long every, long from) { return every > 0 && s >= from && (s - from) % every == 0; };
    auto next_multiple = [](long s, long n, long base) {  // smallest base + j*n > s
      if (n <= 0) return std::numeric_limits<long>::max();
      if (s < base) return base;
      return base + ((s - base) / n + 1) * n;
    };
    if (resume_mid && on(s0, plan.hook_every, 0)) {  // hooks are functions of the step: replay without samples
      ss.control->set_step(s0);
      ss.control->set_replaying(true);
      type.at_step(st, s0, *ss.control);
      ss.control->set_replaying(false);
    }
    while (true) {
      if (ss.s > s0 || !resume_mid) {
        const long s = ss.s, global = offset + s;
        if (on(s, plan.hook_every, 0)) {
          ss.control->set_step(s);
          type.at_step(st, s, *ss.control);
        }
        const bool do_thermo = s % plan.thermo_every == 0 || s == plan.steps;
        const bool do_pos = on(s, plan.positions_every, plan.output_from_step);
        const bool do_vel = on(s, plan.velocities_every, plan.output_from_step);
        const int sig = opt.handle_signals ? SignalWatch::pending() : 0;
        const bool stop_now = sig != 0 || (opt.stop_at_global_step >= 0 && global >= opt.stop_at_global_step);
        const double since_ckpt = std::chrono::duration<double>(Clock::now() - last_ckpt).count();
        const bool ckpt_now =
            s < plan.steps && s > 0 &&
            ((c.checkpoint.every_steps > 0 && global % c.checkpoint.every_steps == 0) ||
             (c.checkpoint.every_wall_s > 0 && since_ckpt >= c.checkpoint.every_wall_s) || stop_now);
        if (do_thermo || do_pos || do_vel || ckpt_now)
          sample_step(k, ss, plan, do_thermo, do_thermo || ckpt_now, do_pos, do_vel, last_T);
        if (ckpt_now) save_checkpoint(*ss.ctx, k, s, ss.traj.get(), ss.vel.get(), *ss.control);
        if (stop_now && s < plan.steps) {
          if (!ckpt_now) save_checkpoint(*ss.ctx, k, s, ss.traj.get(), ss.vel.get(), *ss.control);
          interrupted_by = sig;
          return false;
        }
        report_progress(k, s, last_T);
      }
      if (ss.s >= plan.steps) break;
      long next = std::min<long>(plan.steps, ss.s + std::max(1, opt.max_chunk_steps));
      next = std::min(next, next_multiple(ss.s, plan.thermo_every, 0));
      next = std::min(next, next_multiple(ss.s, plan.positions_every, plan.output_from_step));
      next = std::min(next, next_multiple(ss.s, plan.velocities_every, plan.output_from_step));
      next = std::min(next, next_multiple(ss.s, plan.hook_every, 0));
      if (c.checkpoint.every_steps > 0)
        next = std::min(next, next_multiple(offset + ss.s, c.checkpoint.every_steps, 0) - offset);
      if (opt.stop_at_global_step > offset + ss.s) next = std::min(next, opt.stop_at_global_step - offset);
      try {
        ss.integ->step(static_cast<int>(next - ss.s));
      } catch (const OpenMM::OpenMMException& e) {
        throw SimulationError(fmt::format("stage {}, step {} (global step {}): OpenMM stopped the integration: {}",
                                          st.dir_name, next, offset + next, e.what()));
      }
      session_sim_ps += (next - ss.s) * st.timestep_ps;
      ss.s = next;
    }
    finish_stage(k, ss, resume_mid, last_T);
    return true;
  }

  void report_progress(size_t k, long s, double last_T) {
    const StageSpec& st = c.stages[k];
    ProgressInfo pi;
    pi.stage = st.dir_name;
    pi.step_in_stage = s;
    pi.stage_steps = st.steps;
    pi.steps_done = c.stage_offset(k) + s;
    pi.steps_total = c.total_steps();
    pi.temperature_K = last_T;
    pi.ns_per_day = ns_per_day();
    const double rate_ps_per_s = pi.ns_per_day * 1e3 / 86400.0;
    if (rate_ps_per_s > 0)
      pi.eta_seconds = (c.total_time_ps() - (time_before_stage(k) + s * st.timestep_ps)) / rate_ps_per_s;
    log->progress(pi);
  }

  // Stage complete: final state, LAMMPS data file, stage record (last: a
  // stage folder with stage.yaml is complete), stage boundary.
  void finish_stage(size_t k, StageSession& ss, bool resume_mid, double last_T) {
    const StageSpec& st = c.stages[k];
    const OpenMM::State fin = ss.ctx->getState(OpenMM::State::Positions | OpenMM::State::Velocities |
                                               OpenMM::State::Energy | OpenMM::State::Parameters);
    const std::string stamp = provenance_line(st.dir_name + " final state");
    const rundir::StageLayout files = stage_files(k);
    write_state_xml(files.final_state_xml(), fin, stamp);
    write_lammps_data(files.final_data(), config_from_state(fin, topo, true, true), stamp);
    const int frames = ss.traj ? ss.traj->frames_written() : 0, vframes = ss.vel ? ss.vel->frames_written() : 0;
    if (ss.traj) ss.traj->close();
    if (ss.vel) ss.vel->close();
    ss.control->flush();
    write_stage_record(k, ss.reassigned || (resume_mid && stage_reassigned_before(k)), frames, vframes);
    save_stage_boundary(k + 1, c.stage_offset(k) + st.steps);
    log->info(fmt::format("stage {} done: {} steps, {} frames, T = {:.1f} K", st.dir_name, st.steps, frames, last_T));
  }

  // Whether stage k's start reassigned velocities (for stage.yaml after a resume).
  bool stage_reassigned_before(size_t k) const {
    const StageSpec& st = c.stages[k];
    if (st.start_from.empty())
      return !(c.system.structure.kind == cases::StructureSpec::Kind::Data && c.system.structure.data_has_velocities);
    return std::fabs(c.stages[static_cast<size_t>(c.stage_index(st.start_from))].t_end_K - st.t_start_K) > 1e-9;
  }

  RunResult run() {
    read_case_text();
    load_potential();
    prepare_directory();
    log = std::make_unique<RunLog>(layout().run_log(), opt.echo_log, opt.progress_log_seconds);
    build_initial_structure();
    if (opt.resume) select_platform(ck.platform, &ck.platform_properties);
    else select_platform("", nullptr);
    // Stages that tilt the box (shear) need a platform that runs triclinic boxes: refuse now, not hours in.
    for (const auto& st : c.stages)
      if (cases::stage_type(st.kind).needs_triclinic_box()) {
        try {
          require_platform_supports_box(platform.name, true, force_impl);
        } catch (const InputError& e) {
          throw InputError(st.where, "platform",
                           fmt::format("stage {} ({}) tilts the box: {}", st.name, cases::stage_kind_name(st.kind), e.what()));
        }
      }
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
    if (opt.resume) thermo = std::make_unique<ThermoFile>(ThermoFile::resume(layout().thermo_csv(), ck.thermo_rows));
    else
      thermo = std::make_unique<ThermoFile>(
          layout().thermo_csv(),
          provenance_line("thermo.csv") + "\n# potential_energy_eV and pressure_bar from: " +
              pressure_source_name(force_impl == EamImplementation::Native ? PressureSource::NativeVirial
                                                                           : PressureSource::CpuEvaluator));
    if (!opt.resume) save_runner_checkpoint(dir, ck);

    t_session = Clock::now();
    last_ckpt = t_session;
    session_from_step = ck.global_step;
    init_provenance();
    log->info(fmt::format("{} case {} on OpenMM {} platform {} ({} precision, {} EAM force), {} stages, {} steps",
                          opt.resume ? "resuming" : "running", c.name, openmm_version(), platform.name,
                          platform.precision, implementation_name(force_impl), c.stages.size(), c.total_steps()));
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
