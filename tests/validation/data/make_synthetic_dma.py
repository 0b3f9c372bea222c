#!/usr/bin/env python3
"""Synthetic DMA + liquid-viscosity data for the tests of `glassbench validate --dma-csv`.

Known parameters (Y68.9Co31.1-like, Chang et al. 2022 Fig. 2a/3) plus seeded
Gaussian noise; writes dma-synthetic.csv, liquid-synthetic.csv and truth.yaml
(the generating parameters and the analytic standard errors the fit should
reach).  Regenerate with:  python3 make_synthetic_dma.py   (stdlib only)

Model: at a loss peak omega*tau = 1, tau = 1/(2 pi f) = tau0 exp(E / (k T_peak))
  -> T_peak = E / (k ln(1 / (2 pi f tau0))).
Liquid: eta(T) = eta0 exp(E_liq / (k T)); inheritance: log10 eta(293 K).
"""
import math
import random

K_B = 8.617333262e-5  # eV/K (CODATA 2018)
E_FAST, TAU0, SIGMA_T = 0.60, 1.0e-13, 0.5          # eV, s, K
E_LIQ, ETA0, SIGMA_REL = 0.63, 4.52e-5, 0.02        # eV, Pa s, relative
G_INF_GPA, T_RT = 30.0, 293.0
FREQS = [1, 2, 4, 8, 16]
T_LIQ = [1000, 1100, 1200, 1300, 1400, 1500, 1600]

rng = random.Random(20220630)


def slope_se(x, sigma_y):
    """Standard error of the slope of an unweighted straight-line fit with iid errors."""
    n = len(x)
    mx = sum(x) / n
    sxx = sum((v - mx) ** 2 for v in x)
    return sigma_y / math.sqrt(sxx)


rows, xs = [], []
for f in FREQS:
    t_true = E_FAST / (K_B * math.log(1.0 / (2 * math.pi * f * TAU0)))
    rows.append((f, t_true + rng.gauss(0.0, SIGMA_T)))
    xs.append(1.0 / t_true)
# sigma of ln tau induced by sigma_T: (E/k) sigma_T / T^2 (T ~ mean peak T)
t_mean = sum(r[1] for r in rows) / len(rows)
sig_lntau = E_FAST / K_B * SIGMA_T / t_mean ** 2
se_e_fast = K_B * slope_se(xs, sig_lntau)

with open("dma-synthetic.csv", "w") as fh:
    fh.write("# synthetic DMA loss peaks: E = 0.60 eV, tau0 = 1e-13 s, T noise 0.5 K (make_synthetic_dma.py)\n")
    fh.write("frequency_Hz,T_peak_K\n")
    for f, t in rows:
        fh.write(f"{f},{t:.4f}\n")

xl = []
with open("liquid-synthetic.csv", "w") as fh:
    fh.write("# synthetic liquid viscosity: E = 0.63 eV, eta0 = 4.52e-5 Pa s, 2% noise (make_synthetic_dma.py)\n")
    fh.write("T_K,eta_Pa_s\n")
    for t in T_LIQ:
        eta = ETA0 * math.exp(E_LIQ / (K_B * t)) * math.exp(rng.gauss(0.0, SIGMA_REL))
        fh.write(f"{t},{eta:.6e}\n")
        xl.append(1.0 / t)
se_e_liq = K_B * slope_se(xl, SIGMA_REL)
# log10 eta(293 K) and its standard error from the extrapolation of the line
n = len(xl)
mx = sum(xl) / n
sxx = sum((v - mx) ** 2 for v in xl)
se_ln_eta_rt = SIGMA_REL * math.sqrt(1.0 / n + (1.0 / T_RT - mx) ** 2 / sxx)
log10_eta_rt = math.log10(ETA0) + E_LIQ / (K_B * T_RT) / math.log(10)
log10_tau_rt_fast = math.log10(TAU0) + E_FAST / (K_B * T_RT) / math.log(10)

with open("truth.yaml", "w") as fh:
    fh.write("# generating parameters of dma-synthetic.csv / liquid-synthetic.csv and the\n")
    fh.write("# analytic standard errors of their Arrhenius fits (make_synthetic_dma.py)\n")
    fh.write(f"E_fast_eV: {E_FAST}\nse_E_fast_eV: {se_e_fast:.6g}\n")
    fh.write(f"E_liquid_eV: {E_LIQ}\nse_E_liquid_eV: {se_e_liq:.6g}\n")
    fh.write(f"G_inf_GPa: {G_INF_GPA}\nT_rt_K: {T_RT}\n")
    fh.write(f"log10_eta_rt_Pa_s: {log10_eta_rt:.6f}\nse_log10_eta_rt: {se_ln_eta_rt / math.log(10):.6g}\n")
    fh.write(f"log10_tau_rt_fast_s: {log10_tau_rt_fast:.6f}\n")
print(open("truth.yaml").read())
