: Current pulse injected into the cell: amp (nA) from del to del + dur (ms). Written for BSB for Java.
NEURON {
    POINT_PROCESS IClamp
    RANGE del, dur, amp, i
    ELECTRODE_CURRENT i
}
UNITS {
    (nA) = (nanoamp)
}
PARAMETER {
    del (ms)
    dur (ms) <0, 1e9>
    amp (nA)
}
ASSIGNED {
    i (nA)
}
INITIAL {
    i = 0
}
BREAKPOINT {
    IF (t < del + dur && t >= del) {
        i = amp
    } ELSE {
        i = 0
    }
}
