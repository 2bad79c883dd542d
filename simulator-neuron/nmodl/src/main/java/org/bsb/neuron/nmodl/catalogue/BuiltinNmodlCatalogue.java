package org.bsb.neuron.nmodl.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bsb.neuron.nmodl.NmodlCompiler;

/**
 * NEURON's standard mechanisms written as our own NMODL files (resources
 * {@code org/bsb/neuron/nmodl/builtin/*.mod}) and compiled by this compiler: {@code pas}, {@code hh},
 * {@code ExpSyn}, {@code Exp2Syn} and {@code IClamp}.
 */
public final class BuiltinNmodlCatalogue extends NmodlCatalogue {
    public static final List<String> FILES = List.of("pas.mod", "hh.mod", "ExpSyn.mod", "Exp2Syn.mod", "IClamp.mod");

    public BuiltinNmodlCatalogue() {
        super("built-in NMODL", Precedence.BUILTIN, sources());
    }

    private static List<NmodlCompiler.Source> sources() {
        List<NmodlCompiler.Source> out = new ArrayList<>();
        for (String f : FILES) {
            try (InputStream in =
                    BuiltinNmodlCatalogue.class.getResourceAsStream("/org/bsb/neuron/nmodl/builtin/" + f)) {
                if (in == null) throw new IllegalStateException("built-in " + f + " missing from the bundle");
                out.add(new NmodlCompiler.Source(
                        "builtin/" + f, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
