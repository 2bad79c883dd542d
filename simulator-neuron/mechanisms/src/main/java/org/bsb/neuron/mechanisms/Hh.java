package org.bsb.neuron.mechanisms;

import java.util.List;
import org.bsb.neuron.spi.IonArrays;
import org.bsb.neuron.spi.IonUse;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.neuron.spi.Variable;

/**
 * NEURON's standard Hodgkin-Huxley {@code hh} (squid axon, rates at 6.3 °C scaled by
 * {@code q10 = 3^((celsius - 6.3)/10)}), with NEURON's rate TABLE (-100..100 mV, 200 steps,
 * linear interpolation, on by default as {@code usetable_hh = 1}) and cnexp updates.
 */
final class Hh extends Mechanism {
    static final MechanismType TYPE = new BuiltinType(
            "hh",
            MechanismKind.DENSITY,
            List.of(
                    Variable.parameter("gnabar", 0.12, "S/cm2"),
                    Variable.parameter("gkbar", 0.036, "S/cm2"),
                    Variable.parameter("gl", 0.0003, "S/cm2"),
                    Variable.parameter("el", -54.3, "mV"),
                    Variable.assigned("gna", "S/cm2"),
                    Variable.assigned("gk", "S/cm2"),
                    Variable.assigned("il", "mA/cm2"),
                    Variable.assigned("minf", ""),
                    Variable.assigned("hinf", ""),
                    Variable.assigned("ninf", ""),
                    Variable.assigned("mtau", "ms"),
                    Variable.assigned("htau", "ms"),
                    Variable.assigned("ntau", "ms"),
                    Variable.state("m", ""),
                    Variable.state("h", ""),
                    Variable.state("n", "")),
            List.of(
                    new IonUse("na", 1, List.of("ena"), List.of("ina")),
                    new IonUse("k", 1, List.of("ek"), List.of("ik"))),
            false,
            0,
            Hh::new);

    private static final double TMIN = -100;
    private static final double TMAX = 100;
    private static final int TN = 200;

    private final double[] gnabar = vars[0];
    private final double[] gkbar = vars[1];
    private final double[] gl = vars[2];
    private final double[] el = vars[3];
    private final double[] gna = vars[4];
    private final double[] gk = vars[5];
    private final double[] il = vars[6];
    private final double[] minf = vars[7];
    private final double[] hinf = vars[8];
    private final double[] ninf = vars[9];
    private final double[] mtau = vars[10];
    private final double[] htau = vars[11];
    private final double[] ntau = vars[12];
    private final double[] m = vars[13];
    private final double[] h = vars[14];
    private final double[] n = vars[15];
    private IonArrays na;
    private IonArrays k;
    private boolean useTable = true;
    private double tableCelsius = Double.NaN;
    private final double[][] table = new double[6][TN + 1];
    private final double[] r = new double[6];

    private Hh(MechanismType type, int count) {
        super(type, count);
    }

    @Override
    public void setGlobal(String name, double value) {
        if (name.equals("usetable")) {
            useTable = value != 0;
        } else {
            super.setGlobal(name, value);
        }
    }

    @Override
    public void bind(MechContext ctx) {
        na = ctx.ion("na");
        k = ctx.ion("k");
    }

    private static double vtrap(double x, double y) {
        if (Math.abs(x / y) < 1e-6) {
            return y * (1 - x / y / 2);
        }
        return x / (Math.exp(x / y) - 1);
    }

    /** minf, mtau, hinf, htau, ninf, ntau at v, directly. */
    private static void rates(double v, double celsius, double[] out) {
        double q10 = Math.pow(3, (celsius - 6.3) / 10);
        double alpha = .1 * vtrap(-(v + 40), 10);
        double beta = 4 * Math.exp(-(v + 65) / 18);
        double sum = alpha + beta;
        out[1] = 1 / (q10 * sum);
        out[0] = alpha / sum;
        alpha = .07 * Math.exp(-(v + 65) / 20);
        beta = 1 / (Math.exp(-(v + 35) / 10) + 1);
        sum = alpha + beta;
        out[3] = 1 / (q10 * sum);
        out[2] = alpha / sum;
        alpha = .01 * vtrap(-(v + 55), 10);
        beta = .125 * Math.exp(-(v + 65) / 80);
        sum = alpha + beta;
        out[5] = 1 / (q10 * sum);
        out[4] = alpha / sum;
    }

    private void checkTable(double celsius) {
        if (celsius != tableCelsius) {
            double dx = (TMAX - TMIN) / TN;
            for (int i = 0; i <= TN; i++) {
                rates(TMIN + i * dx, celsius, r);
                for (int j = 0; j < 6; j++) {
                    table[j][i] = r[j];
                }
            }
            tableCelsius = celsius;
        }
    }

    private void ratesAt(int i, double v, double celsius) {
        if (useTable) {
            double xi = (TN / (TMAX - TMIN)) * (v - TMIN);
            if (xi <= 0) {
                for (int j = 0; j < 6; j++) {
                    r[j] = table[j][0];
                }
            } else if (xi >= TN) {
                for (int j = 0; j < 6; j++) {
                    r[j] = table[j][TN];
                }
            } else {
                int ii = (int) xi;
                double theta = xi - ii;
                for (int j = 0; j < 6; j++) {
                    r[j] = table[j][ii] + theta * (table[j][ii + 1] - table[j][ii]);
                }
            }
        } else {
            rates(v, celsius, r);
        }
        minf[i] = r[0];
        mtau[i] = r[1];
        hinf[i] = r[2];
        htau[i] = r[3];
        ninf[i] = r[4];
        ntau[i] = r[5];
    }

    @Override
    public void init(MechContext ctx) {
        checkTable(ctx.celsius);
        for (int i = 0; i < count; i++) {
            ratesAt(i, ctx.v[node[i]], ctx.celsius);
            m[i] = minf[i];
            h[i] = hinf[i];
            n[i] = ninf[i];
        }
    }

    /**
     * Currents at v; the conductance is the analytic di/dv (NEURON's difference quotient at
     * v + 0.001 gives the same for these linear currents, up to rounding).
     */
    @Override
    public void current(MechContext ctx) {
        final double[] v = ctx.v;
        final double[] rhs = ctx.rhs;
        final double[] d = ctx.d;
        final double[] ena = na.e;
        final double[] ek = k.e;
        final double[] inaSum = na.cur;
        final double[] ikSum = k.cur;
        final double[] dina = na.dcurdv;
        final double[] dik = k.dcurdv;
        for (int i = 0; i < count; i++) {
            int nd = node[i];
            double vv = v[nd];
            double mi = m[i];
            double ni = n[i];
            double gnai = gnabar[i] * mi * mi * mi * h[i];
            double gki = gkbar[i] * ni * ni * ni * ni;
            double ina = gnai * (vv - ena[nd]);
            double ik = gki * (vv - ek[nd]);
            double ili = gl[i] * (vv - el[i]);
            gna[i] = gnai;
            gk[i] = gki;
            il[i] = ili;
            dina[nd] += gnai;
            dik[nd] += gki;
            inaSum[nd] += ina;
            ikSum[nd] += ik;
            rhs[nd] -= ina + ik + ili;
            d[nd] += gnai + gki + gl[i];
        }
    }

    @Override
    public void state(MechContext ctx) {
        checkTable(ctx.celsius);
        final double dt = ctx.dt;
        final double[] v = ctx.v;
        if (!useTable) {
            for (int i = 0; i < count; i++) {
                ratesAt(i, v[node[i]], ctx.celsius);
                advance(i, dt);
            }
            return;
        }
        final double[] tm = table[0];
        final double[] ttm = table[1];
        final double[] th = table[2];
        final double[] tth = table[3];
        final double[] tn = table[4];
        final double[] ttn = table[5];
        final double mfac = TN / (TMAX - TMIN);
        for (int i = 0; i < count; i++) {
            double xi = mfac * (v[node[i]] - TMIN);
            int lo;
            double theta;
            if (xi <= 0) {
                lo = 0;
                theta = 0;
            } else if (xi >= TN) {
                lo = TN - 1;
                theta = 1;
            } else {
                lo = (int) xi;
                theta = xi - lo;
            }
            int hi = lo + 1;
            minf[i] = theta == 1 ? tm[hi] : tm[lo] + theta * (tm[hi] - tm[lo]);
            mtau[i] = theta == 1 ? ttm[hi] : ttm[lo] + theta * (ttm[hi] - ttm[lo]);
            hinf[i] = theta == 1 ? th[hi] : th[lo] + theta * (th[hi] - th[lo]);
            htau[i] = theta == 1 ? tth[hi] : tth[lo] + theta * (tth[hi] - tth[lo]);
            ninf[i] = theta == 1 ? tn[hi] : tn[lo] + theta * (tn[hi] - tn[lo]);
            ntau[i] = theta == 1 ? ttn[hi] : ttn[lo] + theta * (ttn[hi] - ttn[lo]);
            advance(i, dt);
        }
    }

    /** cnexp: x += (1 - exp(-dt/tau)) (xinf - x). */
    private void advance(int i, double dt) {
        m[i] = m[i] + (1. - Math.exp(-dt / mtau[i])) * (minf[i] - m[i]);
        h[i] = h[i] + (1. - Math.exp(-dt / htau[i])) * (hinf[i] - h[i]);
        n[i] = n[i] + (1. - Math.exp(-dt / ntau[i])) * (ninf[i] - n[i]);
    }
}
