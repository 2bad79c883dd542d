package org.bsb.neuron.nmodl.catalogue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bsb.neuron.nmodl.NmodlCompiler;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.runtime.NmodlMechanismType;
import org.bsb.neuron.spi.Variable;
import org.osgi.service.component.annotations.Component;

/** Gogo command {@code bsb:nmodl <file.mod>...}: compiles mod files and lists what each defines. */
@Component(
        service = NmodlCommand.class,
        property = {"osgi.command.scope=bsb", "osgi.command.function=nmodl"})
public final class NmodlCommand {
    public String nmodl(String... files) {
        StringBuilder out = new StringBuilder();
        for (String f : files) {
            try {
                Path p = Path.of(f);
                List<NmodlMechanismType> types =
                        NmodlCompiler.compileAll(List.of(new NmodlCompiler.Source(p.toString(), Files.readString(p))));
                NmodlMechanismType t = types.get(0);
                out.append(t.name())
                        .append(" (")
                        .append(t.kind())
                        .append(") from ")
                        .append(f)
                        .append('\n');
                out.append("  variables:");
                for (Variable v : t.variables())
                    out.append(' ').append(v.name()).append('=').append(v.defaultValue());
                out.append('\n');
                t.ions()
                        .forEach(u -> out.append("  ion ")
                                .append(u.ion())
                                .append(" reads ")
                                .append(u.reads())
                                .append(" writes ")
                                .append(u.writes())
                                .append('\n'));
            } catch (NmodlException e) {
                out.append("error: ").append(e.getMessage()).append('\n');
            } catch (java.io.IOException e) {
                out.append("error: cannot read ")
                        .append(f)
                        .append(": ")
                        .append(e.getMessage())
                        .append('\n');
            }
        }
        return out.toString().stripTrailing();
    }
}
