// docs/run-directory.md against the module: every stage.yaml key the module
// writes is in the documented key list and every listed key is written; every
// analysis file name, layout file name and registered stage kind is named.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "rundir/layout.hpp"
#include "rundir/stage_record.hpp"

using namespace gb::rundir;

namespace {
std::string doc() {
  std::ifstream in(std::string(GB_SOURCE_DIR) + "/docs/run-directory.md");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST(RunDirectoryDoc, StageYamlKeysMatchTheModule) {
  const std::string d = doc();
  const auto a = d.find("<!-- stage.yaml keys"), b = d.find("<!-- end stage.yaml keys");
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  const std::string section = d.substr(a, b - a);
  // Documented top-level keys: the backticked names at the start of each "- " item
  // (before the em dash), excluding the nested achieved/thermostat sub-keys.
  std::set<std::string> documented;
  std::istringstream lines(section);
  std::string line;
  const std::regex key("`([A-Za-z_]+)`");
  while (std::getline(lines, line)) {
    if (line.rfind("- ", 0) != 0) continue;
    const std::string head = line.substr(0, line.find("—"));
    for (std::sregex_iterator it(head.begin(), head.end(), key), end; it != end; ++it) documented.insert((*it)[1]);
  }
  StageRecord r;
  r.kind = gb::StageKind::Isothermal;
  r.achieved.samples = 1;
  const YAML::Node y = YAML::Load(stage_record_yaml(r, ""));
  std::set<std::string> written;
  for (const auto& kv : y) written.insert(kv.first.Scalar());
  for (const auto& k : written) EXPECT_TRUE(documented.count(k)) << "stage.yaml key not documented: " << k;
  for (const auto& k : documented) EXPECT_TRUE(written.count(k)) << "documented key not written: " << k;
  for (const auto& kv : y["achieved"])
    EXPECT_NE(section.find(kv.first.Scalar()), std::string::npos) << "achieved." << kv.first.Scalar();
}

TEST(RunDirectoryDoc, ArtifactsAndKindsAreNamed) {
  const std::string d = doc();
  for (auto f : {AnalysisFile::MsdCsv, AnalysisFile::Msd, AnalysisFile::StringsCsv, AnalysisFile::Strings,
                 AnalysisFile::OrderCsv, AnalysisFile::Order, AnalysisFile::Gr, AnalysisFile::VanHove})
    EXPECT_NE(d.find(analysis_file_name(f)), std::string::npos) << analysis_file_name(f);
  const RunLayout L("DIR");
  const StageLayout S = L.stage("NN");
  for (const std::string& p : {L.marker_yaml(), L.provenance_yaml(), L.case_yaml(), L.thermo_csv(), L.run_log(),
                               L.summary_json(), L.runner_state_yaml(), S.stage_yaml(), S.final_data(),
                               S.final_state_xml(), S.trajectory(false), S.velocities(false)}) {
    const std::string name = p.substr(p.rfind('/') + 1);
    EXPECT_NE(d.find(name), std::string::npos) << name;
  }
  for (const auto& k : gb::stage_kind_names()) EXPECT_NE(d.find(k), std::string::npos) << "stage kind " << k;
}
