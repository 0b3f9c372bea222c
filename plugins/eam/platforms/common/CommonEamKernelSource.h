#ifndef GLASSBENCH_COMMONEAMKERNELSOURCE_H_
#define GLASSBENCH_COMMONEAMKERNELSOURCE_H_
// Device code of CommonCalcEamForceKernel in OpenMM's common kernel language
// (KERNEL, GLOBAL, real, mixed, ...: translated for OpenCL and CUDA by
// ComputeContext::compileProgram).  Full neighbour list, one atom per work
// item, LAMMPS's table lookup (p = r*rdr + 1, m = min(int(p), nr-1),
// p = min(p - m, 1): value clamped past the last knot, end slope kept).
namespace EamPlugin {

static const char* kEamKernelSource = R"CLSRC(
inline DEVICE real3 pairDelta(real4 pi, real4 pj, int4 q, real4 boxA, real4 boxB, real4 boxC) {
    // x_j - x_i + (q.y, q.z, q.w) . (a, b, c) for the lower-triangular box
    return make_real3(pj.x - pi.x + q.y*boxA.x + q.z*boxB.x + q.w*boxC.x,
                      pj.y - pi.y + q.z*boxB.y + q.w*boxC.y,
                      pj.z - pi.z + q.w*boxC.z);
}

KERNEL void computeDensity(GLOBAL const real4* RESTRICT posq, GLOBAL const int* RESTRICT atomIndex,
        GLOBAL const int* RESTRICT element, GLOBAL const int* RESTRICT nbrStart, GLOBAL const int4* RESTRICT nbr,
        real4 boxA, real4 boxB, real4 boxC, GLOBAL const real4* RESTRICT pairCoef, GLOBAL mixed* RESTRICT rho) {
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
            const real4 c = pairCoef[3*((ei*NE + ej)*SEGS + m - 1)];  // rho_{ej -> ei}
            sum += ((c.w*p + c.z)*p + c.y)*p + c.x;
        }
        rho[i] = sum;
    }
}

KERNEL void computeEmbedding(GLOBAL const int* RESTRICT atomIndex, GLOBAL const int* RESTRICT element,
        GLOBAL const mixed* RESTRICT rho, GLOBAL const real4* RESTRICT embedCoef, GLOBAL mixed* RESTRICT fp,
        GLOBAL mixed* RESTRICT energyBuffer) {
    mixed energy = 0;
    for (int i = GLOBAL_ID; i < NUM_ATOMS; i += GLOBAL_SIZE) {
        const mixed r = rho[i];
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
        fp[i] = slope;
        energy += f;
    }
    energyBuffer[GLOBAL_ID] += energy;
}

KERNEL void computeForces(GLOBAL const real4* RESTRICT posq, GLOBAL const int* RESTRICT atomIndex,
        GLOBAL const int* RESTRICT element, GLOBAL const int* RESTRICT nbrStart, GLOBAL const int4* RESTRICT nbr,
        real4 boxA, real4 boxB, real4 boxC, GLOBAL const real4* RESTRICT pairCoef, GLOBAL const mixed* RESTRICT fp,
#ifdef USE_LONG
        GLOBAL mm_long* RESTRICT forceBuffers,
#else
        GLOBAL real4* RESTRICT forceBuffers,
#endif
        GLOBAL mixed* RESTRICT energyBuffer, GLOBAL mixed* RESTRICT virialBuffer) {
    mixed energy = 0;
    mixed w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0;
    for (int i = GLOBAL_ID; i < NUM_ATOMS; i += GLOBAL_SIZE) {
        const real4 pi = posq[i];
        const int ei = element[atomIndex[i]];
        const real fpi = (real) fp[i];
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
            const real psip = fpi*rhojp + ((real) fp[q.x])*rhoip + phip;
            const real fpair = -psip*recip;  // force on i = (x_i - x_j)*fpair = -d*fpair
            f -= d*fpair;
            energy += (mixed) (0.5f*phi);
            w0 += (mixed) (0.5f*d.x*d.x*fpair);
            w1 += (mixed) (0.5f*d.y*d.y*fpair);
            w2 += (mixed) (0.5f*d.z*d.z*fpair);
            w3 += (mixed) (0.5f*d.x*d.y*fpair);
            w4 += (mixed) (0.5f*d.x*d.z*fpair);
            w5 += (mixed) (0.5f*d.y*d.z*fpair);
        }
#ifdef USE_LONG
        forceBuffers[i] += (mm_long) (f.x*0x100000000);
        forceBuffers[i+PADDED_NUM_ATOMS] += (mm_long) (f.y*0x100000000);
        forceBuffers[i+2*PADDED_NUM_ATOMS] += (mm_long) (f.z*0x100000000);
#else
        forceBuffers[i] = forceBuffers[i] + make_real4(f.x, f.y, f.z, 0);
#endif
    }
    energyBuffer[GLOBAL_ID] += energy;
    virialBuffer[6*GLOBAL_ID] = w0;
    virialBuffer[6*GLOBAL_ID+1] = w1;
    virialBuffer[6*GLOBAL_ID+2] = w2;
    virialBuffer[6*GLOBAL_ID+3] = w3;
    virialBuffer[6*GLOBAL_ID+4] = w4;
    virialBuffer[6*GLOBAL_ID+5] = w5;
}
)CLSRC";

}  // namespace EamPlugin

#endif
