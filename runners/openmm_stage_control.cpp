#include "runners/internal/openmm_stage_control.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/provenance.hpp"
#include "core/text_util.hpp"
#include "core/units.hpp"

namespace gb::runners {

OpenMMStageControl::OpenMMStageControl(OpenMM::Context& ctx, OpenMM::Integrator& integ, bool has_barostat,
                                       const ThermoSampler& sampler, rundir::StageLayout files, long first_step,
                                       double first_time_ps, double timestep_ps, long resume_step,
                                       EamPlugin::EamForce* native)
    : ctx_(ctx),
      integ_(integ),
      has_barostat_(has_barostat),
      sampler_(sampler),
      files_(std::move(files)),
      first_step_(first_step),
      first_time_ps_(first_time_ps),
      timestep_ps_(timestep_ps),
      resume_step_(resume_step),
      native_(native) {}

OpenMMStageControl::~OpenMMStageControl() = default;

void OpenMMStageControl::flush() {
  for (auto& [name, f] : samples_) f->flush();
}

void OpenMMStageControl::set_temperature(double T) {
  if (auto* nh = dynamic_cast<OpenMM::NoseHooverIntegrator*>(&integ_)) nh->setTemperature(T);
  else if (auto* li = dynamic_cast<OpenMM::LangevinMiddleIntegrator*>(&integ_)) li->setTemperature(T);
  if (has_barostat_) ctx_.setParameter(OpenMM::MonteCarloBarostat::Temperature(), T);
}

Box OpenMMStageControl::box() const {
  OpenMM::Vec3 a, b, c;
  ctx_.getState(0).getPeriodicBoxVectors(a, b, c);
  Box box;
  box.lx = a[0] * units::kAngstromPerNm;
  box.xy = b[0] * units::kAngstromPerNm;
  box.ly = b[1] * units::kAngstromPerNm;
  box.xz = c[0] * units::kAngstromPerNm;
  box.yz = c[1] * units::kAngstromPerNm;
  box.lz = c[2] * units::kAngstromPerNm;
  return box;
}

void OpenMMStageControl::set_box(const Box& nb) {
  const Box ob = box();
  const OpenMM::State st = ctx_.getState(OpenMM::State::Positions);
  std::vector<OpenMM::Vec3> pos = st.getPositions();
  for (auto& p : pos) {
    const Vec3 s = ob.to_fractional(Vec3{p[0], p[1], p[2]} * units::kAngstromPerNm);
    const Vec3 r = nb.to_cartesian(s) * units::kNmPerAngstrom;
    p = OpenMM::Vec3(r.x, r.y, r.z);
  }
  const double f = units::kNmPerAngstrom;
  ctx_.setPeriodicBoxVectors(OpenMM::Vec3(nb.lx * f, 0, 0), OpenMM::Vec3(nb.xy * f, nb.ly * f, 0),
                             OpenMM::Vec3(nb.xz * f, nb.yz * f, nb.lz * f));
  ctx_.setPositions(pos);
}

std::array<double, 6> OpenMMStageControl::pressure_tensor_bar() {
  // The native path needs no positions (the virial comes with the State's energy evaluation).
  const int types = native_ ? OpenMM::State::Velocities : OpenMM::State::Positions | OpenMM::State::Velocities;
  return sampler_.pressure_tensor_bar(capture_state(ctx_, types, native_));
}

std::ofstream& OpenMMStageControl::open_sample_file(const std::string& name, const std::vector<std::string>& columns) {
  auto it = samples_.find(name);
  if (it != samples_.end()) return *it->second;
  const std::string path = files_.samples(name);
  std::string header = "step,time_ps";
  for (const auto& c : columns) header += "," + c;
  std::string kept;
  if (resume_step_ >= 0 && std::filesystem::exists(path)) {
    // Keep the comment lines, the header and the rows up to the checkpoint's step.
    std::istringstream in(read_text_file(path));
    std::string line;
    bool header_seen = false;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty() || line[0] == '#' || !header_seen) {
        if (!line.empty() && line[0] != '#') header_seen = true;
        kept += line + "\n";
        continue;
      }
      const std::string cell = line.substr(0, line.find(','));
      char* end = nullptr;
      const long step = std::strtol(cell.c_str(), &end, 10);
      if (cell.empty() || *end != '\0')
        throw InputError({path, line_no, 1}, "step", "not a whole number: '" + cell + "' (cannot cut the file back to the checkpoint)");
      if (step > resume_step_) break;
      kept += line + "\n";
    }
  } else {
    kept = "# " + provenance_line(name) + "\n# pressure from: " + pressure_source_name(pressure_source()) + "\n" +
           header + "\n";
  }
  write_file_atomically(path, kept);
  auto f = std::make_unique<std::ofstream>(path, std::ios::app);
  if (!*f) throw InputError({path, 0, 0}, "", "cannot append to the sample file");
  f->precision(10);
  return *samples_.emplace(name, std::move(f)).first->second;
}

void OpenMMStageControl::record_sample(const std::string& name, const std::vector<std::string>& columns,
                                       const std::vector<double>& row) {
  if (replaying_) return;
  if (row.size() != columns.size())
    throw std::logic_error("record_sample(" + name + "): " + std::to_string(row.size()) + " values for " +
                           std::to_string(columns.size()) + " columns");
  std::ofstream& out = open_sample_file(name, columns);
  out << first_step_ + step_ << "," << time_ps();
  for (double v : row) out << "," << v;
  out << "\n";
}

}  // namespace gb::runners
