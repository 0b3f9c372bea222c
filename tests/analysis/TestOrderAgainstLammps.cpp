// Per-atom bond-orientational order and Voronoi volumes against LAMMPS on the
// same frames, run inside the test: compute orientorder/atom (wl/hat yes)
// with nnn 12 and with a distance cutoff, and compute voronoi/atom.
// LAMMPS's Voronoi also uses voro++, but its own container set-up, wrapping
// and triclinic handling; the Steinhardt code is fully independent.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "analysis/order_analysis.hpp"
#include "common/lammps_oracle.hpp"
#include "common/temp_dir.hpp"
#include "core/lammps_data.hpp"
#include "order_test_structures.hpp"

using gb::analysis::compute_order;
using gb::analysis::NeighborSpec;
using gb::analysis::OrderOptions;
namespace t = gb::testing;

namespace {

/// `lmp -h` output (empty if LAMMPS does not run).  One call: starting
/// LAMMPS (MPI init) costs about 2 s here.
std::string lammps_help() {
  const std::string cmd = t::lammps_executable() + " -h 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "";
  std::string out;
  char buf[4096];
  while (size_t k = fread(buf, 1, sizeof buf, p)) out.append(buf, k);
  return pclose(p) == 0 ? out : "";
}

/// LAMMPS per-atom rows keyed by id: [nnn12: q4 q6 w4 w6 w4hat w6hat,
/// cutoff: the same six, voronoi: volume nfaces].
std::map<long, std::vector<double>> run_lammps(const gb::AtomConfig& cfg, double cutoff) {
  t::TempDir dir("glassbench-order-lmp");
  gb::write_lammps_data(dir.file("config.data"), cfg, "glassbench order test");
  std::ostringstream in;
  in << "units metal\natom_style atomic\nboundary p p p\natom_modify map yes\nread_data config.data\n"
     << "pair_style zero 7.0\npair_coeff * *\nneighbor 1.0 bin\n"
     << "compute nn all orientorder/atom degrees 2 4 6 nnn 12 cutoff 7.0 wl yes wl/hat yes\n"
     << "compute rc all orientorder/atom degrees 2 4 6 nnn NULL cutoff " << cutoff << " wl yes wl/hat yes\n"
     << "compute vor all voronoi/atom\n"
     << "dump d all custom 1 result.dump id c_nn[*] c_rc[*] c_vor[*]\n"
     << "dump_modify d format float %.17g sort id\nrun 0\n";
  dir.write("in.lmp", in.str());
  const std::string cmd = "cd '" + dir.path() + "' && " + t::lammps_executable() +
                          " -in in.lmp -log log.lammps -echo none -screen none > stdout.txt 2>&1";
  if (std::system(cmd.c_str()) != 0) {
    std::ifstream log(dir.file("log.lammps"));
    std::stringstream s;
    s << log.rdbuf();
    throw std::runtime_error("LAMMPS failed:\n" + s.str());
  }
  std::ifstream f(dir.file("result.dump"));
  std::string line;
  while (std::getline(f, line) && line.rfind("ITEM: ATOMS", 0) != 0) {}
  std::map<long, std::vector<double>> rows;
  while (std::getline(f, line)) {
    std::istringstream s(line);
    long id;
    s >> id;
    std::vector<double> v;
    double x;
    while (s >> x) v.push_back(x);
    if (v.size() != 14) throw std::runtime_error("unexpected LAMMPS dump line: " + line);
    rows[id] = v;
  }
  return rows;
}

struct MaxDiff {
  double q = 0, w_hat = 0, volume_rel = 0;
  int nneigh = 0;
};

MaxDiff compare(const gb::AtomConfig& cfg) {
  const double cutoff = 3.4;
  const auto lmp = run_lammps(cfg, cutoff);
  EXPECT_EQ(lmp.size(), cfg.size());
  OrderOptions nn, rc, vor;
  nn.neighbors = NeighborSpec::parse("nearest:12");
  rc.neighbors = NeighborSpec::parse("cutoff:3.4");
  const auto a = compute_order(cfg, nn), b = compute_order(cfg, rc), v = compute_order(cfg, vor);
  MaxDiff d;
  for (size_t i = 0; i < cfg.size(); ++i) {
    const auto& row = lmp.at(cfg.ids[i]);
    for (int k = 0; k < 2; ++k) {
      const auto& r = k == 0 ? a : b;
      const size_t o = 6 * k;
      d.q = std::max({d.q, std::abs(r.q(4, i) - row[o]), std::abs(r.q(6, i) - row[o + 1])});
      d.w_hat = std::max({d.w_hat, std::abs(r.w_hat(4, i) - row[o + 4]), std::abs(r.w_hat(6, i) - row[o + 5])});
    }
    d.volume_rel = std::max(d.volume_rel, std::abs(v.volume_A3[i] - row[12]) / row[12]);
    d.nneigh = std::max(d.nneigh, std::abs(v.nneigh[i] - static_cast<int>(row[13])));
  }
  std::printf("max |dq| %.3g  max |dw^| %.3g  max |dV|/V %.3g  max |d nfaces| %d\n", d.q, d.w_hat, d.volume_rel,
              d.nneigh);
  return d;
}

void expect_agreement(const MaxDiff& d) {
  EXPECT_LT(d.q, 1e-12);           // double rounding in two independent Y_lm implementations (seen: 5e-15)
  EXPECT_LT(d.w_hat, 1e-11);       // same, amplified by the 1/q^3 normalisation (seen: 1e-14)
  EXPECT_LT(d.volume_rel, 1e-12);  // voro++ rounding only (seen: 6e-15)
  EXPECT_EQ(d.nneigh, 0);
}

}  // namespace

class OrderAgainstLammps : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string help = lammps_help();
    if (help.empty()) GTEST_SKIP() << t::lammps_skip_message();
    // The build lists its styles in `lmp -h`.
    for (const char* style : {"orientorder/atom", "voronoi/atom"})
      if (help.find(style) == std::string::npos)
        GTEST_SKIP() << "LAMMPS '" << t::lammps_executable() << "' lacks compute " << style
                     << " (packages ORIENT / VORONOI); oracle comparison skipped";
  }
};

TEST_F(OrderAgainstLammps, OrthogonalBox) { expect_agreement(compare(t::random_dense(2000, 41))); }

TEST_F(OrderAgainstLammps, TriclinicBox) {
  const auto base = t::random_dense(2000, 42);
  const double l = base.box.lx;
  expect_agreement(compare(t::tilted(base, 0.2 * l, -0.15 * l, 0.1 * l)));
}
