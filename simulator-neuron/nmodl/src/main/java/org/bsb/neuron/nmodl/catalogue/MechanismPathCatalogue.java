package org.bsb.neuron.nmodl.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.neuron.spi.MechanismType;
import org.osgi.service.component.annotations.Component;

/**
 * The mechanisms in the directories of the environment variable {@code BSB_MECHANISM_PATH}
 * ({@code :}-separated), read when first asked.
 */
@Component(service = MechanismCatalogue.class, property = "catalogue.name=BSB_MECHANISM_PATH")
public final class MechanismPathCatalogue implements MechanismCatalogue {
    public static final String VARIABLE = "BSB_MECHANISM_PATH";
    private volatile NmodlCatalogue delegate;

    private NmodlCatalogue delegate() {
        NmodlCatalogue d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = new NmodlCatalogue(VARIABLE, List.of());
                    String path = System.getenv(VARIABLE);
                    if (path != null && !path.isBlank()) {
                        List<Path> dirs = new ArrayList<>();
                        for (String p : path.split(":")) if (!p.isBlank()) dirs.add(Path.of(p));
                        d = NmodlCatalogue.fromDirectories(VARIABLE, dirs);
                    }
                    delegate = d;
                }
            }
        }
        return d;
    }

    @Override
    public Collection<MechanismType> types() {
        return delegate().types();
    }

    @Override
    public Optional<MechanismType> find(String name) {
        return delegate().find(name);
    }

    @Override
    public boolean provides(String name) {
        return delegate().provides(name);
    }

    @Override
    public String origin() {
        return VARIABLE;
    }

    public List<String> suggestions(String name) {
        return delegate().suggestions(name);
    }
}
