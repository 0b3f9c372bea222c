#pragma once
// DIR/provenance.yaml: where a run's results came from -- glassbench version
// and git commit, OpenMM version, platform and its properties, potential path
// and sha256, the case (copied verbatim to DIR/case.yaml) and its sha256,
// seeds, host and UTC start/end times.  A resumed run appends a session.
// Rewritten atomically whenever the run's status changes.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gb::runners {

struct RunSession {
  // status: running | interrupted | failed | completed | killed (found
  // `running` with no live holder of DIR/run.lock by the next session).
  std::string host, started_utc, ended_utc, status;
  std::string reason;  // why a session failed or was found killed; "" otherwise
  long from_step = 0, to_step = 0;
  double ns_per_day = 0;
};

struct StageSeeds {
  std::string stage;
  int velocities = 0, langevin = 0, barostat = 0;
};

struct RunProvenance {
  std::string case_file, case_name, case_sha256;
  std::string platform, precision;
  std::string force;  // EAM implementation that ran: native | custom
  std::string pressure;  // what computed thermo pressure and stress samples: native-force-virial | cpu-evaluator
  std::map<std::string, std::string> platform_properties;
  std::string potential_path, potential_sha256, potential_style;
  std::vector<std::string> elements;  // LAMMPS type order
  uint64_t seed = 0;
  std::vector<StageSeeds> stage_seeds;
  std::string started_utc, finished_utc, status;  // status: running | interrupted | failed | completed
  std::string reason;  // status failed: what stopped the run (also in the session); "" otherwise
  std::vector<RunSession> sessions;
};

void write_run_provenance(const std::string& path, const RunProvenance& p);
/// Sessions recorded in an existing provenance.yaml (empty if none/unreadable).
std::vector<RunSession> read_run_sessions(const std::string& path, std::string* started_utc = nullptr);

}  // namespace gb::runners
