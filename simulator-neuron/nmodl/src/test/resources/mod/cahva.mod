: High-voltage activated calcium channel m^2 h with the current from the Nernst potential eca,
: integrated with cnexp (test file for BSB for Java).
NEURON {
    SUFFIX cahva
    USEION ca READ eca WRITE ica
    RANGE gbar, ica
}
UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}
PARAMETER {
    gbar = 0.0002 (S/cm2)
}
ASSIGNED {
    v (mV)
    eca (mV)
    ica (mA/cm2)
    minf
    hinf
    mtau (ms)
    htau (ms)
}
STATE { m h }
INITIAL {
    settables(v)
    m = minf
    h = hinf
}
BREAKPOINT {
    SOLVE states METHOD cnexp
    ica = gbar * m * m * h * (v - eca)
}
DERIVATIVE states {
    settables(v)
    m' = (minf - m) / mtau
    h' = (hinf - h) / htau
}
PROCEDURE settables(v (mV)) {
    minf = 1 / (1 + exp(-(v + 20) / 6))
    mtau = 0.5 + 1.5 / (1 + exp((v + 20) / 10))
    hinf = 1 / (1 + exp((v + 45) / 8))
    htau = 40
}
