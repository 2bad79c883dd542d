: Squid axon sodium, potassium and leak channels after Hodgkin & Huxley (1952),
: J. Physiol. 117:500-544, with the rates shifted to a -65 mV rest and a Q10 of 3 from 6.3 degC.
: Written for BSB for Java; rates are evaluated exactly (no TABLE).
NEURON {
    SUFFIX hh
    USEION na READ ena WRITE ina
    USEION k READ ek WRITE ik
    NONSPECIFIC_CURRENT il
    RANGE gnabar, gkbar, gl, el, gna, gk
    RANGE minf, hinf, ninf, mtau, htau, ntau
    THREADSAFE
}
UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}
PARAMETER {
    gnabar = 0.12 (S/cm2) <0, 1e9>
    gkbar = 0.036 (S/cm2) <0, 1e9>
    gl = 0.0003 (S/cm2) <0, 1e9>
    el = -54.3 (mV)
}
STATE {
    m h n
}
ASSIGNED {
    v (mV)
    celsius (degC)
    ena (mV)
    ek (mV)
    gna (S/cm2)
    gk (S/cm2)
    ina (mA/cm2)
    ik (mA/cm2)
    il (mA/cm2)
    minf hinf ninf
    mtau (ms) htau (ms) ntau (ms)
}
BREAKPOINT {
    SOLVE states METHOD cnexp
    gna = gnabar * m * m * m * h
    ina = gna * (v - ena)
    gk = gkbar * n * n * n * n
    ik = gk * (v - ek)
    il = gl * (v - el)
}
INITIAL {
    rates(v)
    m = minf
    h = hinf
    n = ninf
}
DERIVATIVE states {
    rates(v)
    m' = (minf - m) / mtau
    h' = (hinf - h) / htau
    n' = (ninf - n) / ntau
}
PROCEDURE rates(v (mV)) {
    LOCAL a, b, s, q10
    q10 = 3 ^ ((celsius - 6.3) / 10)
    a = 0.1 * linoid(-(v + 40), 10)
    b = 4 * exp(-(v + 65) / 18)
    s = a + b
    mtau = 1 / (q10 * s)
    minf = a / s
    a = 0.07 * exp(-(v + 65) / 20)
    b = 1 / (exp(-(v + 35) / 10) + 1)
    s = a + b
    htau = 1 / (q10 * s)
    hinf = a / s
    a = 0.01 * linoid(-(v + 55), 10)
    b = 0.125 * exp(-(v + 65) / 80)
    s = a + b
    ntau = 1 / (q10 * s)
    ninf = a / s
}
FUNCTION linoid(x, y) {
    : x / (exp(x/y) - 1), continued by its limit y (1 - x/y/2) near x = 0
    IF (fabs(x / y) < 1e-6) {
        linoid = y * (1 - x / y / 2)
    } ELSE {
        linoid = x / (exp(x / y) - 1)
    }
}
