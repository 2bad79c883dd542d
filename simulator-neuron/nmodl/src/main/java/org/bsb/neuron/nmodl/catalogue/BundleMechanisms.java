package org.bsb.neuron.nmodl.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bsb.neuron.nmodl.NmodlCompiler;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.neuron.spi.MechanismCatalogue.Precedence;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;

/**
 * Makes the {@code .mod} files carried by bundles available: a bundle whose manifest has the header
 * {@code BSB-Mechanisms: <folder>[, <folder>...]} gets a {@link MechanismCatalogue} service of the files in
 * those folders (property {@code catalogue.name=bundle:<symbolic name>}) while it is resolved or active; folders
 * marked {@code ;precedence:=fallback} ({@link MechanismsHeader}) get a catalogue of their own that only serves
 * names no other catalogue provides.
 * Dropping a catalogue bundle into {@code plugins/} is enough.
 */
@Component(immediate = true)
public final class BundleMechanisms {
    public static final String HEADER = MechanismsHeader.NAME;
    private static final Logger LOG = Logger.getLogger(BundleMechanisms.class.getName());
    private BundleTracker<List<ServiceRegistration<MechanismCatalogue>>> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public List<ServiceRegistration<MechanismCatalogue>> addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders("").get(HEADER);
                if (header == null) return null;
                try {
                    List<ServiceRegistration<MechanismCatalogue>> regs = new ArrayList<>();
                    for (NmodlCatalogue cat : cataloguesOf(bundle, header)) {
                        Dictionary<String, Object> props = new Hashtable<>();
                        props.put("catalogue.name", "bundle:" + bundle.getSymbolicName());
                        props.put(
                                "catalogue.precedence", cat.precedence().name().toLowerCase(java.util.Locale.ROOT));
                        regs.add(context.registerService(MechanismCatalogue.class, cat, props));
                    }
                    return regs;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, problem(bundle, e));
                    // tracked without catalogues, so that the warning is given once, not at each state change (an
                    // update
                    // of the jar is tracked anew)
                    return List.of();
                }
            }

            @Override
            public void removedBundle(
                    Bundle bundle, BundleEvent event, List<ServiceRegistration<MechanismCatalogue>> regs) {
                for (ServiceRegistration<MechanismCatalogue> reg : regs) {
                    try {
                        reg.unregister();
                    } catch (IllegalStateException e) {
                        // already gone with the bundle
                    }
                }
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) tracker.close();
    }

    /**
     * The warning for a bundle whose mechanisms cannot be used: its name, version and location (the jar in
     * {@code plugins/}), then the problem, which names the file ({@code <bsn>!/<folder>/<file>.mod:line:column}).
     */
    static String problem(Bundle bundle, RuntimeException e) {
        return "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + bundle.getLocation()
                + "): its mechanisms cannot be used, none is installed: " + e.getMessage();
    }

    /** The catalogues of the mod files in the folders named by the header value, one per precedence. */
    static List<NmodlCatalogue> cataloguesOf(Bundle bundle, String header) {
        Map<Precedence, List<NmodlCompiler.Source>> byPrecedence = new EnumMap<>(Precedence.class);
        for (MechanismsHeader.Entry entry : MechanismsHeader.parse(header)) {
            String f = entry.folder();
            List<NmodlCompiler.Source> sources =
                    byPrecedence.computeIfAbsent(entry.precedence(), p -> new ArrayList<>());
            Enumeration<URL> entries = bundle.findEntries(f, "*.mod", false);
            if (entries == null) {
                throw new IllegalArgumentException(HEADER + " names folder '" + f + "', which has no .mod files");
            }
            List<URL> urls = Collections.list(entries);
            urls.sort(java.util.Comparator.comparing(URL::getPath));
            for (URL u : urls) {
                try (InputStream in = u.openStream()) {
                    String name = bundle.getSymbolicName() + "!" + u.getPath();
                    sources.add(new NmodlCompiler.Source(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + u + ": " + e.getMessage(), e);
                }
            }
        }
        List<NmodlCatalogue> out = new ArrayList<>();
        byPrecedence.forEach((precedence, sources) ->
                out.add(new NmodlCatalogue("bundle " + bundle.getSymbolicName(), precedence, sources)));
        return out;
    }
}
