#include "runners/md_state.hpp"

#include <openmm/serialization/XmlSerializer.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/units.hpp"

namespace gb::runners {

Topology topology_of(const AtomConfig& cfg) {
  int max_type = 0;
  for (int t : cfg.types) max_type = std::max(max_type, t);
  if (cfg.type_masses.size() < static_cast<size_t>(max_type))
    throw std::invalid_argument("topology_of: the configuration has type " + std::to_string(max_type) + " but " +
                                std::to_string(cfg.type_masses.size()) + " type_masses");
  if (cfg.type_names.size() < static_cast<size_t>(max_type))
    throw std::invalid_argument("topology_of: the configuration has type " + std::to_string(max_type) + " but " +
                                std::to_string(cfg.type_names.size()) + " type_names");
  Topology topo;
  topo.ids = cfg.ids;
  topo.types = cfg.types;
  topo.type_names = cfg.type_names;
  topo.type_masses_amu = cfg.type_masses;
  topo.origin_A = cfg.box.lo;
  for (int t : cfg.types) topo.total_mass_amu += cfg.type_masses[static_cast<size_t>(t - 1)];
  return topo;
}

Box box_from_state(const OpenMM::State& s, const Vec3& origin_A) {
  OpenMM::Vec3 a, b, c;
  s.getPeriodicBoxVectors(a, b, c);
  const double k = units::kAngstromPerNm;
  Box box;
  box.lo = origin_A;
  box.lx = a[0] * k;
  box.xy = b[0] * k;
  box.ly = b[1] * k;
  box.xz = c[0] * k;
  box.yz = c[1] * k;
  box.lz = c[2] * k;
  return box;
}

AtomConfig config_from_state(const OpenMM::State& s, const Topology& topo, bool with_velocities, bool wrap) {
  AtomConfig cfg;
  cfg.box = box_from_state(s, topo.origin_A);
  cfg.ntypes = static_cast<int>(topo.type_names.size());
  cfg.ids = topo.ids;
  cfg.types = topo.types;
  cfg.type_names = topo.type_names;
  cfg.type_masses = topo.type_masses_amu;
  const auto& pos = s.getPositions();
  const double k = units::kAngstromPerNm;
  cfg.positions.resize(pos.size());
  if (wrap) cfg.images.resize(pos.size());
  for (size_t i = 0; i < pos.size(); ++i) {
    Vec3 r(pos[i][0] * k + topo.origin_A.x, pos[i][1] * k + topo.origin_A.y, pos[i][2] * k + topo.origin_A.z);
    if (wrap) {
      int img[3] = {0, 0, 0};
      r = cfg.box.wrap(r, img);
      cfg.images[i] = {img[0], img[1], img[2]};
    }
    cfg.positions[i] = r;
  }
  if (with_velocities) {
    const auto& vel = s.getVelocities();
    cfg.velocities.resize(vel.size());
    for (size_t i = 0; i < vel.size(); ++i) cfg.velocities[i] = Vec3(vel[i][0] * k, vel[i][1] * k, vel[i][2] * k);
  }
  return cfg;
}

DumpFrame frame_from_state(const OpenMM::State& s, const Topology& topo, long timestep, bool with_velocities) {
  DumpFrame f;
  f.timestep = timestep;
  f.box = box_from_state(s, topo.origin_A);
  f.ids = topo.ids;
  f.types = topo.types;
  f.unwrapped = true;
  const double k = units::kAngstromPerNm;
  const auto& pos = s.getPositions();
  f.positions.reserve(pos.size());
  for (const auto& p : pos)
    f.positions.emplace_back(p[0] * k + topo.origin_A.x, p[1] * k + topo.origin_A.y, p[2] * k + topo.origin_A.z);
  if (with_velocities) {
    const auto& vel = s.getVelocities();
    auto& vx = f.extra_columns["vx"];
    auto& vy = f.extra_columns["vy"];
    auto& vz = f.extra_columns["vz"];
    for (const auto& v : vel) {
      vx.push_back(v[0] * k);
      vy.push_back(v[1] * k);
      vz.push_back(v[2] * k);
    }
  }
  // Atoms must be sorted by id for DumpFrame; ours are ids 1..N in order
  // (built that way), which the writer relies on.
  return f;
}

void write_state_xml(const std::string& path, const OpenMM::State& s, const std::string& provenance) {
  std::stringstream ss;
  OpenMM::XmlSerializer::serialize<OpenMM::State>(&s, "State", ss);
  std::string xml = ss.str();
  const size_t eol = xml.find('\n');
  std::string comment = "<!-- " + provenance + " -->\n";
  if (xml.rfind("<?xml", 0) == 0 && eol != std::string::npos) xml.insert(eol + 1, comment);
  else xml = comment + xml;
  write_file_atomically(path, xml);
}

OpenMM::State read_state_xml(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(SourceLocation{path, 0, 0}, "", "cannot read the OpenMM state file");
  try {
    std::unique_ptr<OpenMM::State> s(OpenMM::XmlSerializer::deserialize<OpenMM::State>(in));
    return *s;
  } catch (const std::exception& e) {
    throw InputError(SourceLocation{path, 0, 0}, "", std::string("not a valid OpenMM XML state: ") + e.what());
  }
}

}  // namespace gb::runners
