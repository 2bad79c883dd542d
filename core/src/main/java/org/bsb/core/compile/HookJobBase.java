package org.bsb.core.compile;

import org.bsb.api.Reporter;

/** What every hook job answers alike: its config name, its bound parameters and the reporter. */
abstract class HookJobBase {
    HookSpec spec;
    private final Reporter reporter;

    HookJobBase(HookSpec spec, Reporter reporter) {
        this.spec = spec;
        this.reporter = reporter;
    }

    public String name() {
        return spec.name();
    }

    public Record parameters() {
        return spec.parameters();
    }

    public Reporter reporter() {
        return reporter;
    }

    /** A hook's failure as a compile error naming its config node and strategy. */
    static CompileException failure(String phase, HookSpec spec, Exception e) {
        return new CompileException(
                phase + "." + spec.name() + " (" + spec.strategyName() + ") failed: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()),
                e);
    }
}
