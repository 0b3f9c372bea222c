// glassbench analyze viscosity: Green-Kubo shear viscosity (and G_inf, and the
// trajectory length a 10 % error needs) from a pressure-tensor series in the
// stress.csv format of docs/run-directory.md.  LAMMPS users can write one with
//   fix ave/time N 1 N v_step v_t v_pxx ... (see docs/viscosity.md).
// glassbench analyze dma: E', E'' of one shear stage's replica stress files.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "analysis/green_kubo.hpp"
#include "analysis/stress_series.hpp"
#include "analysis/viscosity_analysis.hpp"
#include "commands.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace {

namespace ga = gb::analysis;

struct ViscArgs {
  std::vector<std::string> inputs;
  std::string out;
  int blocks = 5;
  double max_lag_ps = 0, noise_sigmas = 2.0;
};

void run_viscosity(const ViscArgs& a, const std::string& command) {
  std::vector<ga::StressSeries> series;
  for (const auto& f : a.inputs) series.push_back(ga::read_stress_csv(f));
  ga::GreenKuboOptions o;
  o.blocks = a.blocks;
  o.max_lag_ps = a.max_lag_ps;
  o.noise_sigmas = a.noise_sigmas;
  const auto r = ga::green_kubo(series, o);
  std::cout << fmt::format(
      "Green-Kubo eta = {:.4g} +- {:.2g} mPa s (T = {:.1f} K, V = {:.1f} A^3, {} blocks of {:g} ps, cut-off {:g} ps{})\n"
      "G_inf = {:.3f} +- {:.3f} GPa;  trajectory for a 10 % error: {:.0f} ps (have {:g} ps)\n",
      r.eta_Pa_s * 1e3, r.eta_se_Pa_s * 1e3, r.temperature_K, r.volume_A3, r.blocks, r.block_length_ps, r.cutoff_ps,
      r.cutoff_found ? "" : ", ACF never reached the noise floor: window end", r.G_inf_GPa, r.G_inf_se_GPa,
      r.length_for_relative_error_ps(0.1), r.total_length_ps);
  if (!a.out.empty()) {
    std::string t = "# " + command + "\n# " + ga::green_kubo_method(o) +
                    "\nlag_ps,acf_bar2,acf_error_bar2,running_eta_mPa_s,running_eta_error_mPa_s\n";
    for (size_t j = 0; j < r.lag_ps.size(); ++j)
      t += fmt::format("{:.10g},{:.10g},{:.10g},{:.10g},{:.10g}\n", r.lag_ps[j], r.acf_bar2[j], r.acf_se_bar2[j],
                       r.running_eta_Pa_s[j] * 1e3, r.running_eta_se_Pa_s[j] * 1e3);
    gb::write_file_atomically(a.out, t);
  }
}

struct DmaArgs {
  std::string stage_dir;
  double T_K = 0, f_GHz = 1, strain = 0.01;
};

void setup(CLI::App& parent) {
  auto a = std::make_shared<ViscArgs>();
  auto* s = parent.add_subcommand("viscosity", "Green-Kubo shear viscosity and G_inf from pressure-tensor series "
                                               "(stress.csv; several files = replicas)");
  s->add_option("inputs", a->inputs, "stress.csv file(s): step,time_ps,pxx_bar..pyz_bar,volume_A3,temperature_K")
      ->required()
      ->check(CLI::ExistingFile);
  s->add_option("--blocks", a->blocks, "contiguous blocks per series for the error (default 5)")->check(CLI::PositiveNumber);
  s->add_option("--max-lag-ps", a->max_lag_ps, "correlation window (default: half a block)");
  s->add_option("--noise-sigmas", a->noise_sigmas, "cut-off: first lag where ACF < this many standard errors (2)");
  s->add_option("--out,-o", a->out, "write lag_ps,acf,running eta CSV here");
  s->callback([a, s] {
    std::string cfg = s->config_to_str(false, false);
    for (auto& c : cfg)
      if (c == '\n') c = ' ';
    run_viscosity(*a, "glassbench analyze viscosity " + cfg);
  });

  auto d = std::make_shared<DmaArgs>();
  auto* m = parent.add_subcommand("dma", "MD-DMA: E' and E'' of one shear stage (its stress.csv, all replicas)");
  m->add_option("stage_dir", d->stage_dir, "stage directory holding stress.csv (replica,t_shear_ps,...,pxy_bar columns)")->required()->check(CLI::ExistingDirectory);
  m->add_option("--temperature-K", d->T_K, "temperature of the stage (for the output)")->required();
  m->add_option("--frequency-GHz", d->f_GHz, "shear frequency (default 1)")->check(CLI::PositiveNumber);
  m->add_option("--strain-amplitude", d->strain, "strain amplitude eps_A (default 0.01)")->check(CLI::PositiveNumber);
  m->callback([d] {
    ga::ShearStageSpec sp;
    sp.T_K = d->T_K;
    sp.frequency_per_ps = d->f_GHz * 1e-3;
    sp.strain_amplitude = d->strain;
    const auto r = ga::analyze_shear_stage(d->stage_dir, sp);
    const auto& t = r.moduli;
    std::cout << fmt::format("T = {:g} K, {} replicas: E' = {:.4g} +- {:.2g} GPa, E'' = {:.4g} +- {:.2g} GPa, "
                             "delta = {:.4g} +- {:.2g} rad\n",
                             t.T_K, t.replicas, t.storage, t.storage_se, t.loss, t.loss_se, t.phase_rad, t.phase_se);
  });
}

}  // namespace

static gb::cli::Registrar reg{"viscosity", 20, setup, "analyze"};
