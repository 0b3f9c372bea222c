#pragma once
// Runs a case's protocol with OpenMM, stage by stage, into a run directory
// laid out as docs/run-directory.md describes.
//
//   gb::cases::Case c = gb::cases::load_case("cases/smoke/cuzr-smoke.yaml");
//   gb::runners::RunOptions opt;  opt.out_dir = "runs/smoke";
//   gb::runners::RunResult r = gb::runners::ProtocolRunner(c, opt).run();
//
// Errors: gb::InputError for bad input (potential, run directory, resume
// mismatch), gb::SimulationError when the dynamics goes wrong (message names
// stage and step; the last good checkpoint is kept), gb::PotentialNotSupplied
// when the case's potential file is an unset environment variable.
#include <memory>
#include <stdexcept>
#include <string>

#include "cases/case_spec.hpp"
#include "runners/run_options.hpp"

namespace gb::runners {

/// The case names its potential through an environment variable that is not
/// set (e.g. the Al-La file, which is not freely packaged): skip, exit 77.
class PotentialNotSupplied : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ProtocolRunner {
 public:
  ProtocolRunner(cases::Case c, RunOptions options);
  ~ProtocolRunner();
  RunResult run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Default run directory for a case: runs/<case name>.
std::string default_run_dir(const cases::Case& c);

}  // namespace gb::runners
