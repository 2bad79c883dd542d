: Two-state gate X <-> Y started from its steady state by a LINEAR block and advanced with
: the euler method; exercises LINEAR, euler, WHILE and unit constants (test file for BSB for Java).
NEURON {
    SUFFIX lin2
    NONSPECIFIC_CURRENT i
    RANGE gbar, erev, i, count
}
UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
    R = (k-mole) (joule/degC)
}
PARAMETER {
    gbar = 0.001 (S/cm2)
    erev = -80 (mV)
}
ASSIGNED {
    v (mV)
    i (mA/cm2)
    celsius (degC)
    kf (/ms)
    kb (/ms)
    count
}
STATE { X Y }
INITIAL {
    rates(v)
    SOLVE steady
    count = 0
    WHILE (count < 3) {
        count = count + 1
    }
}
BREAKPOINT {
    SOLVE gate METHOD euler
    i = gbar * Y * (v - erev)
}
LINEAR steady {
    ~ kf * X - kb * Y = 0
    ~ X + Y = 1
}
DERIVATIVE gate {
    rates(v)
    X' = kb * Y - kf * X
    Y' = kf * X - kb * Y
}
PROCEDURE rates(v (mV)) {
    : thermal voltage scales the slope: R T / F in mV
    kf = 0.2 * exp((v + 50) * 96.4853321233 / (R * (celsius + 273.15)) / 2)
    kb = 0.1 * exp(-(v + 50) * 96.4853321233 / (R * (celsius + 273.15)) / 2)
}
