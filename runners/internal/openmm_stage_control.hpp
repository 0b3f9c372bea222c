#pragma once
// The runner's side of the stage-kind hooks (cases::StageControl) on an
// OpenMM context: thermostat set points, box changes, the pressure tensor and
// per-stage sample files (stages/<NN>-<name>/<file>.csv, cut back to the
// checkpoint on --resume).
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include <OpenMM.h>

#include "cases/stage_type.hpp"
#include "rundir/layout.hpp"
#include "runners/thermo_sampler.hpp"

namespace gb::runners {

class OpenMMStageControl final : public cases::StageControl {
 public:
  /// `resume_step`: global step of the checkpoint the stage resumed from, or -1 for a fresh stage.
  /// `native`: the native EamForce of ctx's System (pressure from its virial), or nullptr for the
  /// custom force (pressure from the CPU evaluator); see ThermoSampler.
  OpenMMStageControl(OpenMM::Context& ctx, OpenMM::Integrator& integ, bool has_barostat, const ThermoSampler& sampler,
                     rundir::StageLayout files, long first_step, double first_time_ps, double timestep_ps,
                     long resume_step, EamPlugin::EamForce* native = nullptr);
  ~OpenMMStageControl() override;

  /// Step (within the stage) of the state the next hook sees.
  void set_step(long s) { step_ = s; }
  /// While replaying the resume step's hook, record_sample writes nothing (the row is already there).
  void set_replaying(bool r) { replaying_ = r; }
  /// Flush sample files (before a checkpoint).
  void flush();

  void set_temperature(double T_K) override;
  Box box() const override;
  void set_box(const Box& b) override;
  /// At the context's current state.  Native force: the virial of one energy evaluation on
  /// the platform at exactly this state (OpenMM 7.7's Nose-Hoover integrator leaves the
  /// kernel's last virial one step behind the positions, so it cannot be reused: measured in
  /// docs/viscosity.md); custom force: one CPU-evaluator pass.
  std::array<double, 6> pressure_tensor_bar() override;
  PressureSource pressure_source() const {
    return native_ ? PressureSource::NativeVirial : PressureSource::CpuEvaluator;
  }
  void record_sample(const std::string& file_name, const std::vector<std::string>& columns,
                     const std::vector<double>& row) override;
  double time_ps() const override { return first_time_ps_ + step_ * timestep_ps_; }

 private:
  std::ofstream& open_sample_file(const std::string& file_name, const std::vector<std::string>& columns);

  OpenMM::Context& ctx_;
  OpenMM::Integrator& integ_;
  bool has_barostat_;
  const ThermoSampler& sampler_;
  rundir::StageLayout files_;
  long first_step_;
  double first_time_ps_, timestep_ps_;
  long resume_step_;
  EamPlugin::EamForce* native_;
  long step_ = 0;
  bool replaying_ = false;
  std::map<std::string, std::unique_ptr<std::ofstream>> samples_;
};

}  // namespace gb::runners
