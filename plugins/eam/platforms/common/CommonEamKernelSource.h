#ifndef GLASSBENCH_COMMONEAMKERNELSOURCE_H_
#define GLASSBENCH_COMMONEAMKERNELSOURCE_H_
// Device code of CommonCalcEamForceKernel in OpenMM's common kernel language
// (KERNEL, GLOBAL, real, mixed, ...: translated for OpenCL and CUDA by
// ComputeContext::compileProgram).  LAMMPS's table lookup (p = r*rdr + 1,
// m = min(int(p), nr-1), p = min(p - m, 1): value clamped past the last
// knot, end slope kept).
//
// HALF_LIST (single/mixed precision on devices with 64-bit global atomics:
// every current GPU and PoCL): each pair once, as LAMMPS's newton-on half list.  The work item of
// atom i keeps i's share in registers and scatters j's share with 64-bit
// fixed-point atomics (2^-32 resolution, OpenMM's own force format); sums
// of fixed-point integers do not depend on the order, so results stay
// bitwise reproducible.  Double precision or no 64-bit atomics: full list, every pair seen
// from both sides, plain stores (no atomics needed).
namespace EamPlugin {

static const char* kEamKernelSource = R"CLSRC(
#define FIXED_SCALE ((mixed) 0x100000000)

inline DEVICE real3 pairDelta(real4 pi, real4 pj, int4 q, real4 boxA, real4 boxB, real4 boxC) {
    // x_j - x_i + (q.y, q.z, q.w) . (a, b, c) for the lower-triangular box
    return make_real3(pj.x - pi.x + q.y*boxA.x + q.z*boxB.x + q.w*boxC.x,
                      pj.y - pi.y + q.z*boxB.y + q.w*boxC.y,
                      pj.z - pi.z + q.w*boxC.z);
}

// Skin rule on the device: flag = 1 if an atom's local position moved more
// than sqrt(maxDisp2) since the list was built (ref: raw position at build,
// img: the build-time cell offset, dA/dB/dC: box vectors now - at build).
// Only the flag goes back to the host.
KERNEL void checkDisplacement(GLOBAL const real4* RESTRICT posq, GLOBAL const real4* RESTRICT refPos,
        GLOBAL const int4* RESTRICT img, real4 dA, real4 dB, real4 dC, real maxDisp2, GLOBAL int* RESTRICT flag) {
    int moved = 0;
    for (int i = GLOBAL_ID; i < NUM_ATOMS; i += GLOBAL_SIZE) {
        const real4 x = posq[i], x0 = refPos[i];
        const int4 n = img[i];
        const real dx = x.x - x0.x + n.x*dA.x + n.y*dB.x + n.z*dC.x;
        const real dy = x.y - x0.y + n.y*dB.y + n.z*dC.y;
        const real dz = x.z - x0.z + n.z*dC.z;
        if (dx*dx + dy*dy + dz*dz > maxDisp2)
            moved = 1;
    }
    if (moved)
        flag[0] = 1;  // benign race: every writer stores 1
}

#ifdef HALF_LIST
#define DENSITY_T mm_ulong  // 64-bit fixed point, scattered with atomics
#else
#define DENSITY_T mixed     // full list: plain per-atom sums
#endif

KERNEL void computeDensity(GLOBAL const real4* RESTRICT posq, GLOBAL const int* RESTRICT atomIndex,
        GLOBAL const int* RESTRICT element, GLOBAL const int* RESTRICT nbrStart, GLOBAL const int4* RESTRICT nbr,
        real4 boxA, real4 boxB, real4 boxC, GLOBAL const real4* RESTRICT pairCoef, GLOBAL DENSITY_T* RESTRICT rho) {
    for (int i = GLOBAL_ID; i < NUM_ATOMS; i += GLOBAL_SIZE) {
        const real4 pi = posq[i];
        const int ei = element[atomIndex[i]];
        mixed sum = 0;
        for (int k = nbrStart[i]; k < nbrStart[i+1]; k++) {
            const int4 q = nbr[k];
            const real3 d = pairDelta(pi, posq[q.x], q, boxA, boxB, boxC);
            const real r2 = d.x*d.x + d.y*d.y + d.z*d.z;
            if (r2 >= CUTOFF2)
                continue;
            real p = SQRT(r2)*RDR + 1;
            int m = (int) p;
            m = min(m, SEGS);
            p -= m;
            p = min(p, (real) 1);
            const int ej = element[atomIndex[q.x]];
            const int base = 3*((ei*NE + ej)*SEGS + m - 1);
            const real4 cji = pairCoef[base];  // rho_{ej -> ei}
            sum += ((cji.w*p + cji.z)*p + cji.y)*p + cji.x;
#ifdef HALF_LIST
            const real4 cij = pairCoef[base+1];  // rho_{ei -> ej}
            const real toJ = ((cij.w*p + cij.z)*p + cij.y)*p + cij.x;
            ATOMIC_ADD(&rho[q.x], (mm_ulong) ((mm_long) (toJ*(real) 0x100000000)));  // exact scaling
#endif
        }
#ifdef HALF_LIST
        ATOMIC_ADD(&rho[i], (mm_ulong) ((mm_long) (sum*FIXED_SCALE)));
#else
        rho[i] = sum;
#endif
    }
}

KERNEL void computeEmbedding(GLOBAL const int* RESTRICT atomIndex, GLOBAL const int* RESTRICT element,
        GLOBAL DENSITY_T* RESTRICT rho, GLOBAL const real4* RESTRICT embedCoef, GLOBAL real* RESTRICT fp,
        GLOBAL mixed* RESTRICT energyBuffer) {
    mixed energy = 0;
    for (int i = GLOBAL_ID; i < NUM_ATOMS; i += GLOBAL_SIZE) {
#ifdef HALF_LIST
        const mixed r = ((mixed) (mm_long) rho[i])/FIXED_SCALE;
        rho[i] = 0;  // ready for the next step's density pass (saves a clear launch)
#else
        const mixed r = rho[i];
#endif
        mixed p = r*RDRHO + 1;
        int m = (int) p;
        m = max(1, min(m, SEGS_RHO));
        p -= m;
        p = min(p, (mixed) 1);
        const real4 c = embedCoef[element[atomIndex[i]]*SEGS_RHO + m - 1];
        const mixed slope = (((mixed) 3*c.w*p + (mixed) 2*c.z)*p + c.y)*RDRHO;
        mixed f = (((mixed) c.w*p + c.z)*p + c.y)*p + c.x;
        if (r > RHO_EXTRAP)
            f += slope*(r - RHO_EXTRAP);
        fp[i] = (real) slope;  // the force pass multiplies it with real pair terms
        energy += f;
    }
    energyBuffer[GLOBAL_ID] += energy;
}

#ifdef HALF_LIST
#define PAIR_SHARE 1
#else
#define PAIR_SHARE 0.5f
#endif
)CLSRC";

// The force pass, compiled twice from this text (FORCE_KERNEL_NAME,
// WITH_ENERGY set by the host): computeForces for force-only evaluations
// (MD steps), computeForcesEnergy also sums the pair energy and the virial.
static const char* kEamForceKernelTemplate = R"CLSRC(

KERNEL void FORCE_KERNEL_NAME(GLOBAL const real4* RESTRICT posq, GLOBAL const int* RESTRICT atomIndex,
        GLOBAL const int* RESTRICT element, GLOBAL const int* RESTRICT nbrStart, GLOBAL const int4* RESTRICT nbr,
        real4 boxA, real4 boxB, real4 boxC, GLOBAL const real4* RESTRICT pairCoef, GLOBAL const real* RESTRICT fp,
#ifdef HALF_LIST
        GLOBAL mm_ulong* RESTRICT forceBuffers,
#elif defined(USE_LONG)
        GLOBAL mm_long* RESTRICT forceBuffers,
#else
        GLOBAL real4* RESTRICT forceBuffers,
#endif
        GLOBAL mixed* RESTRICT energyBuffer, GLOBAL mixed* RESTRICT virialBuffer) {
#if WITH_ENERGY
    mixed energy = 0;
    mixed w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0;
#endif
    for (int i = GLOBAL_ID; i < NUM_ATOMS; i += GLOBAL_SIZE) {
        const real4 pi = posq[i];
        const int ei = element[atomIndex[i]];
        const real fpi = fp[i];
        real3 f = make_real3(0, 0, 0);
        for (int k = nbrStart[i]; k < nbrStart[i+1]; k++) {
            const int4 q = nbr[k];
            const real3 d = pairDelta(pi, posq[q.x], q, boxA, boxB, boxC);  // x_j - x_i
            const real r2 = d.x*d.x + d.y*d.y + d.z*d.z;
            if (r2 >= CUTOFF2)
                continue;
            const real r = SQRT(r2);
            real p = r*RDR + 1;
            int m = (int) p;
            m = min(m, SEGS);
            p -= m;
            p = min(p, (real) 1);
            const int ej = element[atomIndex[q.x]];
            const int base = 3*((ei*NE + ej)*SEGS + m - 1);
            const real4 cji = pairCoef[base], cij = pairCoef[base+1], cz = pairCoef[base+2];
            const real rhojp = ((3*cji.w*p + 2*cji.z)*p + cji.y)*RDR;
            const real rhoip = ((3*cij.w*p + 2*cij.z)*p + cij.y)*RDR;
            const real z2p = ((3*cz.w*p + 2*cz.z)*p + cz.y)*RDR;
            const real z2 = ((cz.w*p + cz.z)*p + cz.y)*p + cz.x;
            const real recip = RECIP(r);
            const real phi = z2*recip;
            const real phip = z2p*recip - phi*recip;
            const real psip = fpi*rhojp + fp[q.x]*rhoip + phip;
            const real fpair = -psip*recip;  // force on i = (x_i - x_j)*fpair = -d*fpair
            f -= d*fpair;
#ifdef HALF_LIST
            ATOMIC_ADD(&forceBuffers[q.x], (mm_ulong) ((mm_long) (d.x*fpair*0x100000000)));
            ATOMIC_ADD(&forceBuffers[q.x+PADDED_NUM_ATOMS], (mm_ulong) ((mm_long) (d.y*fpair*0x100000000)));
            ATOMIC_ADD(&forceBuffers[q.x+2*PADDED_NUM_ATOMS], (mm_ulong) ((mm_long) (d.z*fpair*0x100000000)));
#endif
#if WITH_ENERGY
            energy += (mixed) (PAIR_SHARE*phi);
            const real hf = PAIR_SHARE*fpair;
            w0 += (mixed) (d.x*d.x*hf);
            w1 += (mixed) (d.y*d.y*hf);
            w2 += (mixed) (d.z*d.z*hf);
            w3 += (mixed) (d.x*d.y*hf);
            w4 += (mixed) (d.x*d.z*hf);
            w5 += (mixed) (d.y*d.z*hf);
#endif
        }
#ifdef HALF_LIST
        ATOMIC_ADD(&forceBuffers[i], (mm_ulong) ((mm_long) (f.x*0x100000000)));
        ATOMIC_ADD(&forceBuffers[i+PADDED_NUM_ATOMS], (mm_ulong) ((mm_long) (f.y*0x100000000)));
        ATOMIC_ADD(&forceBuffers[i+2*PADDED_NUM_ATOMS], (mm_ulong) ((mm_long) (f.z*0x100000000)));
#elif defined(USE_LONG)
        forceBuffers[i] += (mm_long) (f.x*0x100000000);
        forceBuffers[i+PADDED_NUM_ATOMS] += (mm_long) (f.y*0x100000000);
        forceBuffers[i+2*PADDED_NUM_ATOMS] += (mm_long) (f.z*0x100000000);
#else
        forceBuffers[i] = forceBuffers[i] + make_real4(f.x, f.y, f.z, 0);
#endif
    }
#if WITH_ENERGY
    energyBuffer[GLOBAL_ID] += energy;
    virialBuffer[6*GLOBAL_ID] = w0;
    virialBuffer[6*GLOBAL_ID+1] = w1;
    virialBuffer[6*GLOBAL_ID+2] = w2;
    virialBuffer[6*GLOBAL_ID+3] = w3;
    virialBuffer[6*GLOBAL_ID+4] = w4;
    virialBuffer[6*GLOBAL_ID+5] = w5;
#endif
}
)CLSRC";

}  // namespace EamPlugin

#endif
