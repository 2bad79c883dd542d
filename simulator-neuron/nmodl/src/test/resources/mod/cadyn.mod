: Submembrane calcium with a mobile buffer and a saturable pump, as a KINETIC scheme with
: COMPARTMENT volumes, an influx from ica via '<<' and two CONSERVE statements (test file for BSB for Java).
NEURON {
    SUFFIX cadyn
    USEION ca READ ica, cao WRITE cai
    RANGE ica_pump, Btot, Ptot
}
UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (mM) = (milli/liter)
    (um) = (micron)
    (mol) = (1)
    FARADAY = (faraday) (10000 coulomb)
    PI = (pi) (1)
}
PARAMETER {
    cai0 = 5e-5 (mM)
    Btot = 0.05 (mM)
    kbon = 100 (/mM-ms)
    kboff = 0.1 (/ms)
    Ptot = 2e-14 (mol/cm2)
    kp1 = 3e3 (/mM-ms)
    kp2 = 1.75e1 (/ms)
    kp3 = 7.25e1 (/ms)
    depth = 0.2 (um)
}
ASSIGNED {
    diam (um)
    ica (mA/cm2)
    cai (mM)
    cao (mM)
    ica_pump (mA/cm2)
    shell (um2)
    parea (um)
}
STATE {
    ca (mM) <1e-7>
    B (mM)
    CaB (mM)
    P (mol/cm2) <1e-16>
    CaP (mol/cm2) <1e-16>
}
INITIAL {
    shell = PI * depth * (diam - depth)
    parea = PI * diam
    ca = cai0
    CaB = Btot * ca * kbon / (ca * kbon + kboff)
    B = Btot - CaB
    P = Ptot
    CaP = 0
    cai = ca
}
BREAKPOINT {
    SOLVE state METHOD sparse
}
KINETIC state {
    COMPARTMENT shell {ca B CaB}
    COMPARTMENT (1e10) * parea {P CaP}
    ~ ca + P <-> CaP (kp1 * parea * (1e10), kp2 * parea * (1e10))
    ~ CaP <-> P (kp3 * parea * (1e10), 0)
    ica_pump = 2 * FARADAY * f_flux / parea
    ~ ca << (-ica * PI * diam / (2 * FARADAY))
    ~ ca + B <-> CaB (kbon * shell, kboff * shell)
    CONSERVE B + CaB = Btot * shell
    CONSERVE P + CaP = Ptot * parea * (1e10)
    cai = ca
}
