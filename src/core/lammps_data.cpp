#include "core/lammps_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/input_limits.hpp"
#include "core/text_parse.hpp"

namespace gb {

std::vector<Vec3> AtomConfig::unwrapped_positions() const {
  if (images.empty()) return positions;
  std::vector<Vec3> out(positions.size());
  for (size_t i = 0; i < positions.size(); ++i)
    out[i] = box.unwrap(positions[i], images[i][0], images[i][1], images[i][2]);
  return out;
}

namespace {

std::string strip_comment(const std::string& line) {
  auto p = line.find('#');
  return p == std::string::npos ? line : line.substr(0, p);
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

AtomConfig read_lammps_data(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError({path, 0, 0}, "", "cannot open LAMMPS data file");
  std::vector<std::string> lines;
  std::uint64_t file_bytes = 0;
  for (std::string l; std::getline(in, l);) {
    file_bytes += l.size() + 1;
    lines.push_back(l);
  }
  auto check_box = [&](const LineTokens& t, int k, const std::string& field) {
    if (std::fabs(t.real(k, field)) > limits::kMaxAbsCoordinateA)
      t.fail(k, field, "|" + t.word(k) + "| exceeds the largest box bound glassbench accepts (1e8 Angstrom)");
  };

  AtomConfig cfg;
  long natoms = -1;
  bool have_x = false, have_y = false, have_z = false;
  size_t i = 1;  // line 1 is a comment by definition
  // ---- header ----
  for (; i < lines.size(); ++i) {
    const std::string s = strip_comment(lines[i]);
    if (blank(s)) continue;
    LineTokens t(path, static_cast<int>(i + 1), s);
    if (s.find("atoms") != std::string::npos && t.size() == 2 && t.word(1) == "atoms") {
      natoms = t.integer(0, "atoms");
      if (natoms < 0) t.fail(0, "atoms", "expected a non-negative atom count");
      if (natoms > limits::kMaxAtoms)
        t.fail(0, "atoms", std::to_string(natoms) + " atoms is more than glassbench reads (" +
                               std::to_string(limits::kMaxAtoms) + ")");
      // Every Atoms line takes >= 10 bytes ("1 1 0 0 0\n"); check before allocating.
      const std::uint64_t fit = limits::max_items_in_bytes(file_bytes, 10);
      if (static_cast<std::uint64_t>(natoms) > fit)
        t.fail(0, "atoms", std::to_string(natoms) + " atoms cannot fit in this " + std::to_string(file_bytes) +
                               "-byte file (room for at most " + std::to_string(fit) + " Atoms lines)");
    } else if (t.size() == 3 && t.word(1) == "atom" && t.word(2) == "types") {
      const long nt = t.integer(0, "atom types");
      if (nt < 1 || nt > limits::kMaxAtomTypes)
        t.fail(0, "atom types", "expected 1.." + std::to_string(limits::kMaxAtomTypes) + " atom types");
      cfg.ntypes = static_cast<int>(nt);
    } else if (t.size() == 4 && t.word(2) == "xlo" && t.word(3) == "xhi") {
      check_box(t, 0, "xlo");
      check_box(t, 1, "xhi");
      const double lo = t.real(0, "xlo"), hi = t.real(1, "xhi");
      if (!(hi > lo)) t.fail(1, "xhi", "expected xhi > xlo");
      cfg.box.lo.x = lo; cfg.box.lx = hi - lo; have_x = true;
    } else if (t.size() == 4 && t.word(2) == "ylo" && t.word(3) == "yhi") {
      check_box(t, 0, "ylo");
      check_box(t, 1, "yhi");
      const double lo = t.real(0, "ylo"), hi = t.real(1, "yhi");
      if (!(hi > lo)) t.fail(1, "yhi", "expected yhi > ylo");
      cfg.box.lo.y = lo; cfg.box.ly = hi - lo; have_y = true;
    } else if (t.size() == 4 && t.word(2) == "zlo" && t.word(3) == "zhi") {
      check_box(t, 0, "zlo");
      check_box(t, 1, "zhi");
      const double lo = t.real(0, "zlo"), hi = t.real(1, "zhi");
      if (!(hi > lo)) t.fail(1, "zhi", "expected zhi > zlo");
      cfg.box.lo.z = lo; cfg.box.lz = hi - lo; have_z = true;
    } else if (t.size() == 6 && t.word(3) == "xy" && t.word(4) == "xz" && t.word(5) == "yz") {
      check_box(t, 0, "xy"); check_box(t, 1, "xz"); check_box(t, 2, "yz");
      cfg.box.xy = t.real(0, "xy"); cfg.box.xz = t.real(1, "xz"); cfg.box.yz = t.real(2, "yz");
    } else if (std::isalpha(static_cast<unsigned char>(t.word(0)[0]))) {
      break;  // first section keyword
    } else if (t.size() >= 2 && (t.word(1) == "bonds" || t.word(1) == "angles" ||
                                 t.word(1) == "dihedrals" || t.word(1) == "impropers" ||
                                 t.word(1) == "extra" || t.word(2) == "types")) {
      continue;  // harmless for atom_style atomic when zero
    } else {
      throw InputError({path, static_cast<int>(i + 1), 0}, "header",
                       "unrecognised header line '" + s + "'");
    }
  }
  if (natoms < 0) throw InputError({path, 0, 0}, "atoms", "missing 'N atoms' header line");
  if (cfg.ntypes < 1) throw InputError({path, 0, 0}, "atom types", "missing 'N atom types' header line");
  if (!have_x || !have_y || !have_z)
    throw InputError({path, 0, 0}, "box", "missing 'xlo xhi', 'ylo yhi' or 'zlo zhi' header line");

  cfg.type_masses.clear();
  std::map<long, size_t> index_of_id;
  bool have_atoms = false;
  std::set<std::string> seen_sections;
  // ---- sections ----
  while (i < lines.size()) {
    const std::string s = strip_comment(lines[i]);
    if (blank(s)) { ++i; continue; }
    LineTokens head(path, static_cast<int>(i + 1), s);
    const std::string section = head.word(0);
    const int section_line = static_cast<int>(i + 1);
    if (section == "Atoms" || section == "Masses" || section == "Velocities") {
      if (!seen_sections.insert(section).second)
        throw InputError({path, section_line, 1}, "section", "section '" + section + "' appears twice");
    }
    if (section == "Atoms") {
      // Optional style hint "# atomic"; anything else is an error.
      auto hash = lines[i].find('#');
      if (hash != std::string::npos) {
        LineTokens hint(path, section_line, lines[i].substr(hash + 1));
        if (hint.size() > 0 && hint.word(0) != "atomic")
          throw InputError({path, section_line, static_cast<int>(hash + 3)}, "Atoms",
                           "atom style '" + hint.word(0) + "' is not supported; expected 'atomic' (id type x y z)");
      }
    }
    ++i;
    // skip the blank line(s) after the section keyword
    while (i < lines.size() && blank(strip_comment(lines[i]))) ++i;
    auto read_block = [&](long count, auto&& per_line, const std::string& name) {
      for (long k = 0; k < count; ++k, ++i) {
        while (i < lines.size() && blank(strip_comment(lines[i]))) {
          throw InputError({path, static_cast<int>(i + 1), 0}, name,
                           "expected " + std::to_string(count) + " lines, section ended after " + std::to_string(k));
        }
        if (i >= lines.size())
          throw InputError({path, static_cast<int>(i), 0}, name,
                           "file ends inside section: expected " + std::to_string(count) + " lines, got " + std::to_string(k));
        LineTokens t(path, static_cast<int>(i + 1), strip_comment(lines[i]));
        per_line(t);
      }
    };
    if (section == "Masses") {
      cfg.type_masses.assign(cfg.ntypes, 0.0);
      read_block(cfg.ntypes, [&](LineTokens& t) {
        const long ty = t.integer(0, "Masses.type");
        if (ty < 1 || ty > cfg.ntypes) t.fail(0, "Masses.type", "expected a type in 1.." + std::to_string(cfg.ntypes));
        const double m = t.real(1, "Masses.mass");
        if (!(m > 0)) t.fail(1, "Masses.mass", "expected a positive mass (amu)");
        cfg.type_masses[ty - 1] = m;
      }, "Masses");
    } else if (section == "Atoms") {
      have_atoms = true;
      cfg.ids.reserve(natoms); cfg.types.reserve(natoms); cfg.positions.reserve(natoms);
      bool with_images = false;
      read_block(natoms, [&](LineTokens& t) {
        if (t.size() != 5 && t.size() != 8)
          t.fail(std::min<int>(t.size(), 5), "Atoms",
                 "expected 'id type x y z [ix iy iz]' (atom_style atomic), got " + std::to_string(t.size()) + " columns");
        const long id = t.integer(0, "Atoms.id");
        if (id < 1 || id > limits::kMaxAtomId)
          t.fail(0, "Atoms.id", "expected an atom id in 1..2147483647 (LAMMPS 32-bit tagint), got " + t.word(0));
        if (index_of_id.count(id)) t.fail(0, "Atoms.id", "duplicate atom id " + std::to_string(id));
        const long ty = t.integer(1, "Atoms.type");
        if (ty < 1 || ty > cfg.ntypes) t.fail(1, "Atoms.type", "expected a type in 1.." + std::to_string(cfg.ntypes));
        index_of_id[id] = cfg.ids.size();
        cfg.ids.push_back(id);
        cfg.types.push_back(static_cast<int>(ty));
        static const char* const kPos[3] = {"Atoms.x", "Atoms.y", "Atoms.z"};
        static const char* const kImg[3] = {"Atoms.ix", "Atoms.iy", "Atoms.iz"};
        double r[3];
        for (int d = 0; d < 3; ++d) {
          r[d] = t.real(2 + d, kPos[d]);
          if (std::fabs(r[d]) > limits::kMaxAbsCoordinateA)
            t.fail(2 + d, kPos[d], "|" + t.word(2 + d) + "| Angstrom is beyond 1e8 Angstrom (corrupt value?)");
        }
        cfg.positions.push_back({r[0], r[1], r[2]});
        if (t.size() == 8) {
          if (cfg.images.empty() && cfg.ids.size() == 1) with_images = true;
          if (with_images) {
            std::array<int, 3> im{};
            for (int d = 0; d < 3; ++d) {
              const long v = t.integer(5 + d, kImg[d]);
              if (v > limits::kMaxImageFlag || v < -limits::kMaxImageFlag)
                t.fail(5 + d, kImg[d], "image flag out of range (|i| <= 2^30)");
              im[d] = static_cast<int>(v);
            }
            cfg.images.push_back(im);
          }
        }
        if ((t.size() == 8) != with_images) t.fail(0, "Atoms", "image flags present on some lines but not others");
      }, "Atoms");
    } else if (section == "Velocities") {
      if (!have_atoms) throw InputError({path, section_line, 0}, "Velocities", "Velocities section must follow Atoms");
      cfg.velocities.assign(natoms, Vec3{});
      read_block(natoms, [&](LineTokens& t) {
        if (t.size() != 4) t.fail(0, "Velocities", "expected 'id vx vy vz'");
        const long id = t.integer(0, "Velocities.id");
        auto it = index_of_id.find(id);
        if (it == index_of_id.end()) t.fail(0, "Velocities.id", "atom id " + std::to_string(id) + " not in Atoms");
        static const char* const kVel[3] = {"Velocities.vx", "Velocities.vy", "Velocities.vz"};
        double v[3];
        for (int d = 0; d < 3; ++d) {
          v[d] = t.real(1 + d, kVel[d]);
          // The speed of light is 2.998e6 Angstrom/ps (metal units).
          if (std::fabs(v[d]) > 2.998e6) t.fail(1 + d, kVel[d], "faster than light (> 2.998e6 Angstrom/ps)");
        }
        cfg.velocities[it->second] = {v[0], v[1], v[2]};
      }, "Velocities");
    } else if (section.size() > 0 && (lines[section_line - 1].find("Coeffs") != std::string::npos)) {
      // "Pair Coeffs # eam/fs", "PairIJ Coeffs": LAMMPS write_data emits these
      // unless told `nocoeff`; the potential comes from the case, so skip them.
      while (i < lines.size() && !blank(strip_comment(lines[i]))) ++i;
    } else {
      throw InputError({path, section_line, 1}, "section",
                       "unsupported section '" + section + "' (expected Masses, Atoms, Velocities or a Coeffs section)");
    }
  }
  if (!have_atoms && natoms > 0) throw InputError({path, 0, 0}, "Atoms", "missing Atoms section");
  return cfg;
}

void write_lammps_data(const std::string& path, const AtomConfig& cfg, const std::string& comment) {
  AtomicFile f(path);
  auto& o = f.stream();
  o.precision(17);
  std::string c = comment;
  std::replace(c.begin(), c.end(), '\n', ' ');
  o << (c.empty() ? "LAMMPS data file written by glassbench" : c) << "\n\n";
  o << cfg.size() << " atoms\n" << cfg.ntypes << " atom types\n\n";
  const Box& b = cfg.box;
  o << b.lo.x << " " << b.lo.x + b.lx << " xlo xhi\n";
  o << b.lo.y << " " << b.lo.y + b.ly << " ylo yhi\n";
  o << b.lo.z << " " << b.lo.z + b.lz << " zlo zhi\n";
  if (b.triclinic()) o << b.xy << " " << b.xz << " " << b.yz << " xy xz yz\n";
  if (!cfg.type_masses.empty()) {
    o << "\nMasses\n\n";
    for (int t = 0; t < cfg.ntypes; ++t) {
      o << t + 1 << " " << cfg.type_masses[t];
      if (t < static_cast<int>(cfg.type_names.size())) o << "  # " << cfg.type_names[t];
      o << "\n";
    }
  }
  o << "\nAtoms # atomic\n\n";
  for (size_t k = 0; k < cfg.size(); ++k) {
    o << cfg.ids[k] << " " << cfg.types[k] << " " << cfg.positions[k].x << " " << cfg.positions[k].y << " "
      << cfg.positions[k].z;
    if (!cfg.images.empty()) o << " " << cfg.images[k][0] << " " << cfg.images[k][1] << " " << cfg.images[k][2];
    o << "\n";
  }
  if (!cfg.velocities.empty()) {
    o << "\nVelocities\n\n";
    for (size_t k = 0; k < cfg.size(); ++k)
      o << cfg.ids[k] << " " << cfg.velocities[k].x << " " << cfg.velocities[k].y << " " << cfg.velocities[k].z << "\n";
  }
  f.commit();
}

}  // namespace gb
