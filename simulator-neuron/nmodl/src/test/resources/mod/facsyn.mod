: Depressing synapse after Tsodyks & Markram (1997): each event releases a fraction U of the
: available resources, which recover with tau_rec; the released transmitter opens a conductance
: that decays with tau_d. A self-event (net_send) ends a 1 ms release window. Keeps the last event
: times in an array. Exercises NET_RECEIVE arguments, its INITIAL block, flags, arrays, FROM and
: fmod (test file for BSB for Java).
NEURON {
    POINT_PROCESS facsyn
    NONSPECIFIC_CURRENT i
    RANGE tau_rec, tau_d, U, e, gmax, g, i, released, nrel, last
}
UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
    (uS) = (microsiemens)
}
PARAMETER {
    tau_rec = 50 (ms)
    tau_d = 3 (ms)
    U = 0.4
    e = 0 (mV)
    gmax = 0.001 (uS)
    window = 1 (ms)
}
ASSIGNED {
    v (mV)
    i (nA)
    released
    nrel
    last
    times[4] (ms)
    open
}
STATE { g (uS) }
INITIAL {
    LOCAL k
    g = 0
    nrel = 0
    open = 0
    FROM k = 0 TO 3 {
        times[k] = -1
    }
}
BREAKPOINT {
    SOLVE dec METHOD cnexp
    i = g * (v - e)
}
DERIVATIVE dec {
    g' = -g / tau_d
}
NET_RECEIVE(weight, R, tlast (ms)) {
    LOCAL slot
    INITIAL {
        R = 1
        tlast = -1e9
    }
    IF (flag == 0) {
        R = 1 - (1 - R) * exp(-(t - tlast) / tau_rec)
        released = U * R
        R = R - released
        tlast = t
        g = g + gmax * weight * released
        slot = fmod(nrel, 4)
        times[slot] = t
        nrel = nrel + 1
        IF (open == 0) {
            open = 1
            net_send(window, 1)
        }
    } ELSE IF (flag == 1) {
        open = 0
        last = t
    }
}
