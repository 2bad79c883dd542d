: Synaptic conductance as the difference of two exponentials, g = B - A with A' = -A/tau1 and
: B' = -B/tau2 (tau1 < tau2), normalised so that a weight of 1 uS gives a 1 uS peak.
: Written for BSB for Java.
NEURON {
    POINT_PROCESS Exp2Syn
    RANGE tau1, tau2, e, i, g
    NONSPECIFIC_CURRENT i
    THREADSAFE
}
UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
    (uS) = (microsiemens)
}
PARAMETER {
    tau1 = 0.1 (ms) <1e-9, 1e9>
    tau2 = 10 (ms) <1e-9, 1e9>
    e = 0 (mV)
}
ASSIGNED {
    v (mV)
    i (nA)
    g (uS)
    factor
}
STATE {
    A (uS)
    B (uS)
}
INITIAL {
    LOCAL tpeak
    IF (tau1 / tau2 > 0.9999) {
        tau1 = 0.9999 * tau2
    }
    IF (tau1 / tau2 < 1e-9) {
        tau1 = tau2 * 1e-9
    }
    A = 0
    B = 0
    : time of the peak of exp(-t/tau2) - exp(-t/tau1)
    tpeak = (tau1 * tau2) / (tau2 - tau1) * log(tau2 / tau1)
    factor = 1 / (exp(-tpeak / tau2) - exp(-tpeak / tau1))
}
BREAKPOINT {
    SOLVE state METHOD cnexp
    g = B - A
    i = g * (v - e)
}
DERIVATIVE state {
    A' = -A / tau1
    B' = -B / tau2
}
NET_RECEIVE(weight (uS)) {
    A = A + weight * factor
    B = B + weight * factor
}
