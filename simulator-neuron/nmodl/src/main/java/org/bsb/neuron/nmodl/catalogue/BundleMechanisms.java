package org.bsb.neuron.nmodl.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bsb.neuron.nmodl.NmodlCompiler;
import org.bsb.neuron.spi.MechanismCatalogue;
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
 * those folders (property {@code catalogue.name=bundle:<symbolic name>}) while it is resolved or active.
 * Dropping a catalogue bundle into {@code plugins/} is enough.
 */
@Component(immediate = true)
public final class BundleMechanisms {
  public static final String HEADER = "BSB-Mechanisms";
  private static final Logger LOG = Logger.getLogger(BundleMechanisms.class.getName());
  private BundleTracker<ServiceRegistration<MechanismCatalogue>> tracker;

  @Activate
  void activate(BundleContext context) {
    tracker = new BundleTracker<>(context, Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE, null) {
      @Override public ServiceRegistration<MechanismCatalogue> addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders("").get(HEADER);
        if (header == null) return null;
        try {
          NmodlCatalogue cat = catalogueOf(bundle, header);
          Dictionary<String, Object> props = new Hashtable<>();
          props.put("catalogue.name", "bundle:" + bundle.getSymbolicName());
          return context.registerService(MechanismCatalogue.class, cat, props);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "bundle " + bundle.getSymbolicName() + ": its mechanisms cannot be used: "
              + e.getMessage());
          return null;
        }
      }

      @Override public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<MechanismCatalogue> reg) {
        try {
          reg.unregister();
        } catch (IllegalStateException e) {
          // already gone with the bundle
        }
      }
    };
    tracker.open();
  }

  @Deactivate
  void deactivate() {
    if (tracker != null) tracker.close();
  }

  /** The catalogue of the mod files in the folders named by the header value. */
  static NmodlCatalogue catalogueOf(Bundle bundle, String header) {
    List<NmodlCompiler.Source> sources = new ArrayList<>();
    for (String folder : header.split(",")) {
      String f = folder.trim();
      if (f.isEmpty()) continue;
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
    return new NmodlCatalogue("bundle " + bundle.getSymbolicName(), sources);
  }
}
