: Delayed rectifier potassium channel n^4 with Hodgkin-Huxley rates, a TABLE over voltage and
: derivimplicit integration (test file for BSB for Java).
NEURON {
    SUFFIX kdr_tab
    USEION k READ ek WRITE ik
    RANGE gbar, ik
    GLOBAL ninf, ntau
}
UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}
PARAMETER {
    gbar = 0.02 (S/cm2)
    shift = 0 (mV)
}
ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    celsius (degC)
    ninf
    ntau (ms)
}
STATE { n }
INITIAL {
    rates(v)
    n = ninf
}
BREAKPOINT {
    SOLVE states METHOD derivimplicit
    ik = gbar * n^4 * (v - ek)
}
DERIVATIVE states {
    rates(v)
    n' = (ninf - n) / ntau
}
PROCEDURE rates(v (mV)) {
    LOCAL a, b
    TABLE ninf, ntau DEPEND celsius, shift FROM -100 TO 100 WITH 200
    a = alpha(v + shift)
    b = 0.125 * exp(-(v + shift + 65) / 80)
    ntau = 1 / ((a + b) * 3 ^ ((celsius - 6.3) / 10))
    ninf = a / (a + b)
}
FUNCTION alpha(v (mV)) (/ms) {
    TABLE FROM -100 TO 100 WITH 400
    IF (fabs(v + 55) < 1e-6) {
        alpha = 0.1
    } ELSE {
        alpha = 0.01 * (v + 55) / (1 - exp(-(v + 55) / 10))
    }
}
