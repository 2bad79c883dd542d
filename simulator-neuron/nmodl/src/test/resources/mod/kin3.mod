: Three-state sodium channel C <-> O <-> I -> C: voltage-dependent opening and closing, a
: voltage-independent inactivation and a voltage-dependent recovery, as a KINETIC scheme solved by
: sparse (test file for BSB for Java).
NEURON {
    SUFFIX kin3
    USEION na READ ena WRITE ina
    RANGE gbar, g, ina
    GLOBAL q10
}
UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}
CONSTANT {
    vhalf = -35 (mV)
}
PARAMETER {
    gbar = 0.05 (S/cm2)
    q10 = 3
    kon = 3 (/ms)
    koff = 0.5 (/ms)
    kin = 0.8 (/ms)
    kout = 0.01 (/ms)
    krec = 0.5 (/ms)
    slope = 7 (mV)
}
ASSIGNED {
    v (mV)
    ena (mV)
    ina (mA/cm2)
    g (S/cm2)
    celsius (degC)
    a (/ms)
    b (/ms)
    r (/ms)
    qt
}
STATE {
    C FROM 0 TO 1
    O FROM 0 TO 1
    I FROM 0 TO 1
}
INITIAL {
    qt = q10 ^ ((celsius - 22 (degC)) / 10 (degC))
    SOLVE scheme STEADYSTATE sparse
}
BREAKPOINT {
    SOLVE scheme METHOD sparse
    g = gbar * O
    ina = g * (v - ena)
}
KINETIC scheme {
    rates(v)
    ~ C <-> O (a, b)
    ~ O <-> I (kin * qt, kout * qt)
    ~ I <-> C (r, 0)
    CONSERVE C + O + I = 1
}
PROCEDURE rates(v (mV)) {
    a = qt * kon * boltz(v - vhalf, slope)
    b = qt * koff * boltz(-(v - vhalf), slope)
    r = qt * krec * boltz(-(v + 60), 5)
}
FUNCTION boltz(x (mV), k (mV)) {
    LOCAL z
    z = x / k
    boltz = 1 / (1 + exp(-z))
}
