COMMENT
AMPA receptor synapse with short-term plasticity, written for BSB for Java (not derived from
any other mod file).

Release: the Tsodyks-Markram model in the event form of Maass & Markram (2002,
Neural Computation 14:2257), with facilitation (tau_facil) and depression (tau_rec). For the
n-th presynaptic spike, Delta = time since the previous one:
    u_1 = U, R_1 = 1
    R_n = 1 + (R_(n-1) - u_(n-1) R_(n-1) - 1) exp(-Delta / tau_rec)
    u_n = U + u_(n-1) (1 - U) exp(-Delta / tau_facil)        (u_n = U if tau_facil = 0)
    released fraction = u_n R_n
Conductance: a difference of exponentials (rise tau_rise, decay tau_1) normalised to a peak of
1 for a single event, scaled by gmax (pS) and by the NetCon weight (dimensionless):
    g = gmax * 1e-6 * (B - A)  [uS],  each event adds weight * u_n * R_n * factor to A and B
    i = g * (v - Erev)
Parameter names follow the synapse_types of the tutorial's Stellate.py (tau_facil, tau_rec,
tau_1, gmax, U). All state is per synapse: BSB inserts one synapse per connection.
ENDCOMMENT

NEURON {
    POINT_PROCESS AMPA
    RANGE tau_rise, tau_1, tau_rec, tau_facil, U, gmax, Erev
    RANGE g, i, u, R
    NONSPECIFIC_CURRENT i
}

UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
    (uS) = (microsiemens)
    (pS) = (picosiemens)
}

PARAMETER {
    tau_rise = 0.2 (ms)    : conductance rise
    tau_1 = 10 (ms)        : conductance decay
    tau_rec = 35.1 (ms)    : recovery of resources (depression)
    tau_facil = 10.8 (ms)  : decay of utilisation (facilitation); 0 disables facilitation
    U = 0.15 (1)           : utilisation of resources by the first spike
    gmax = 2300 (pS)       : conductance for weight 1 and u R = 1
    Erev = 0 (mV)
}

ASSIGNED {
    v (mV)
    i (nA)
    g (uS)
    factor (1)
    u (1)
    R (1)
    tlast (ms)
}

STATE {
    A (1)
    B (1)
}

INITIAL {
    LOCAL tp, trise
    trise = tau_rise
    if (trise / tau_1 > 0.9999) {
        trise = 0.9999 * tau_1
    }
    if (trise < 1e-9) {
        trise = 1e-9
    }
    tau_rise = trise
    tp = (tau_rise * tau_1) / (tau_1 - tau_rise) * log(tau_1 / tau_rise)
    factor = 1 / (-exp(-tp / tau_rise) + exp(-tp / tau_1))
    A = 0
    B = 0
    u = U
    R = 1
    tlast = -1e9
}

BREAKPOINT {
    SOLVE kinetics METHOD cnexp
    g = (1e-6) * gmax * (B - A)
    i = g * (v - Erev)
}

DERIVATIVE kinetics {
    A' = -A / tau_rise
    B' = -B / tau_1
}

NET_RECEIVE(weight) {
    LOCAL dt_spike, released
    if (tlast > -1e8) {
        dt_spike = t - tlast
        R = 1 + (R - u * R - 1) * exp(-dt_spike / tau_rec)
        if (tau_facil > 0) {
            u = U + u * (1 - U) * exp(-dt_spike / tau_facil)
        } else {
            u = U
        }
    }
    released = weight * u * R * factor
    A = A + released
    B = B + released
    tlast = t
}
