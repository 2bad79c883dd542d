: Two-state potassium-like channel as a KINETIC scheme whose rates use powers other than whole ones (of a
: parameter ratio and of a voltage-dependent value) and the same exp several times (test file for BSB for
: Java: the vector form computes such powers lane by lane and shares repeated calls).
NEURON {
    SUFFIX kinpow
    USEION k READ ek WRITE ik
    RANGE gbar, ik, ron, roff
}
UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}
PARAMETER {
    gbar = 0.01 (S/cm2)
    ron = 0.75 (/ms)
    roff = 0.005 (/ms)
}
ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    a (/ms)
    b (/ms)
}
STATE {
    C
    O
}
INITIAL {
    SOLVE scheme STEADYSTATE sparse
}
BREAKPOINT {
    SOLVE scheme METHOD sparse
    ik = gbar * O * (v - ek)
}
KINETIC scheme {
    rates(v)
    ~ C <-> O (a, b)
    CONSERVE C + O = 1
}
PROCEDURE rates(v (mV)) {
    a = (ron / roff) ^ 0.25 * exp(v / 20) * 0.1
    b = (1 + exp(v / 20)) ^ 0.5 * exp(-v / 30) * 0.05 + exp(v / 20) * 0.001
}
