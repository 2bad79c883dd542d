package org.bsb.neuron.mechanisms;

import java.util.Collection;
import java.util.List;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.neuron.spi.MechanismType;
import org.osgi.service.component.annotations.Component;

/**
 * The catalogue of NEURON's built-in mechanisms written in Java. Catalogues are not named by
 * configs, so they carry {@code catalogue.name}, not {@code bsb.name} (which marks config-named services).
 */
@Component(service = MechanismCatalogue.class, property = "catalogue.name=builtin")
public final class BuiltinMechanisms implements MechanismCatalogue {
    private static final List<MechanismType> TYPES = List.of(
            Pas.TYPE, Hh.TYPE, IClamp.TYPE, SEClamp.TYPE, ExpSyn.TYPE, Exp2Syn.TYPE, NetStim.TYPE, VecStim.TYPE);

    public BuiltinMechanisms() {}

    @Override
    public Precedence precedence() {
        return Precedence.BUILTIN;
    }

    @Override
    public String origin() {
        return "built-in";
    }

    @Override
    public Collection<MechanismType> types() {
        return TYPES;
    }
}
