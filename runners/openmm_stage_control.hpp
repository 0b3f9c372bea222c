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
  OpenMMStageControl(OpenMM::Context& ctx, OpenMM::Integrator& integ, bool has_barostat, const ThermoSampler& sampler,
                     rundir::StageLayout files, long first_step, double first_time_ps, double timestep_ps,
                     long resume_step);
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
  std::array<double, 6> pressure_tensor_bar() override;
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
  long step_ = 0;
  bool replaying_ = false;
  std::map<std::string, std::unique_ptr<std::ofstream>> samples_;
};

}  // namespace gb::runners
