package org.bsb.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.bsb.api.BsbName;
import org.bsb.api.UnknownServiceException;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.RegistryEntry;
import org.bsb.core.registry.ServiceKind;
import org.bsb.itests.ItBundles;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Felix with the distribution's bundles: every built-in service (any service with
 * {@code bsb.name}, whichever bundle brings it) resolves through the core Registry by each of its
 * names. Data-driven: a new strategy bundle is covered as soon as it is in the distribution.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BuiltInServicesIT {
    /** A service the distribution must have, with names it must answer to (dotted class path first). */
    record Required(ServiceKind kind, String... names) {}

    /**
     * Services that must be in the distribution. Keep it up to date as bundles land: it catches a
     * bundle silently missing from launcher/pom.xml, which the data-driven checks cannot.
     */
    static final List<Required> REQUIRED = List.of(
            new Required(ServiceKind.PLACEMENT, "bsb.placement.RandomPlacement", "random_placement"),
            new Required(ServiceKind.PLACEMENT, "bsb.placement.FixedPositions", "fixed_positions"),
            new Required(ServiceKind.CONNECTIVITY, "bsb.connectivity.VoxelIntersection", "voxel_intersection"),
            new Required(ServiceKind.CONNECTIVITY, "bsb.connectivity.AllToAll", "all_to_all"),
            new Required(ServiceKind.CONNECTIVITY, "bsb.connectivity.FixedIndegree", "fixed_indegree"),
            new Required(ServiceKind.CONNECTIVITY, "bsb.connectivity.FixedOutdegree", "fixed_outdegree"),
            new Required(ServiceKind.STORAGE, "hdf5"),
            new Required(ServiceKind.SIMULATOR, "bsb_neuron.simulation.NeuronSimulation", "neuron"),
            new Required(ServiceKind.DEVICE, "bsb_neuron.devices.SpikeGenerator", "spike_generator"),
            new Required(ServiceKind.DEVICE, "bsb_neuron.devices.VoltageRecorder", "voltage_recorder"),
            new Required(ServiceKind.DEVICE, "bsb_neuron.devices.CurrentClamp", "current_clamp"),
            new Required(ServiceKind.DEVICE, "bsb_neuron.devices.SynapseRecorder", "synapse_recorder"),
            new Required(ServiceKind.DEVICE, "bsb_neuron.devices.VoltageClamp", "vclamp"),
            new Required(ServiceKind.DEVICE, "bsb_neuron.devices.IonRecorder", "ion_recorder"),
            new Required(ServiceKind.DEVICE, "spike_recorder"),
            new Required(ServiceKind.RESULTS_FORMAT, "hdf5"),
            new Required(ServiceKind.RESULTS_FORMAT, "nix", "nio"),
            new Required(ServiceKind.CONFIG_FORMAT, "json"),
            new Required(ServiceKind.CONFIG_FORMAT, "yaml"),
            new Required(ServiceKind.MORPHOLOGY_PARSER, "bsb.morphologies.parsers.BsbParser", "swc"),
            new Required(ServiceKind.CELL_TARGETTING, "bsb.simulation.targetting.CellTargetting", "all"),
            new Required(ServiceKind.CELL_TARGETTING, "bsb.simulation.targetting.ByIdTargetting", "by_id"),
            new Required(ServiceKind.CELL_TARGETTING, "bsb.simulation.targetting.SphericalTargetting", "sphere"),
            new Required(ServiceKind.LOCATION_TARGETTING, "bsb.simulation.targetting.LocationTargetting", "everywhere"),
            new Required(ServiceKind.LOCATION_TARGETTING, "bsb.simulation.targetting.SomaTargetting", "soma"),
            new Required(ServiceKind.LOCATION_TARGETTING, "bsb.simulation.targetting.BranchLocTargetting", "branch"),
            new Required(ServiceKind.CELL_MODEL, "default_stellate"),
            new Required(ServiceKind.AFTER_CONNECTIVITY, "bsb.postprocessing.MergeDirect", "merge_connections"),
            new Required(
                    ServiceKind.AFTER_CONNECTIVITY, "bsb.postprocessing.IntermediateRemoval", "remove_intermediate"));

    @Inject
    BundleContext context;

    @Inject
    Registry registry;

    @Inject
    ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return PaxConfig.distribution("builtin", null);
    }

    @Before
    public void settle() throws InterruptedException {
        List<String> problems = Frameworks.awaitComponentsSatisfied(scr, context, 10_000);
        assertTrue("components not satisfied:\n" + String.join("\n", problems), problems.isEmpty());
    }

    @Test
    public void everyBundleOfTheDistributionIsActiveAndTheShellBundlesResolve() {
        Set<String> expected = new HashSet<>();
        ItBundles.jars().forEach(j -> expected.add(ItBundles.symbolicName(j)));
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(null);
        for (Bundle b : context.getBundles()) {
            if (!expected.contains(b.getSymbolicName())) {
                continue;
            }
            seen.add(b.getSymbolicName());
            boolean passive = ItBundles.SHELL_BUNDLES.contains(b.getSymbolicName())
                    || b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int want = passive ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != want) {
                wrong.add(b.getSymbolicName() + " is in state " + b.getState() + ", expected " + want);
            }
        }
        assertEquals("bundles of the distribution missing from the framework", expected, seen);
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
    }

    @Test
    public void everyNamedServiceResolvesByEachOfItsNames() throws InvalidSyntaxException {
        int checked = 0;
        for (ServiceReference<?> ref : namedServices()) {
            Object service = context.getService(ref);
            try {
                for (ServiceKind kind : kindsOf(ref)) {
                    for (String name : names(ref)) {
                        RegistryEntry entry = registry.entry(kind, name);
                        assertSame(kind + " '" + name + "' resolves to another service", service, entry.service());
                        assertEquals(ref.getBundle().getSymbolicName(), entry.origin());
                        assertEquals(ref.getBundle().getVersion().toString(), entry.version());
                        assertSame(service, registry.resolve(kind, name));
                        checked++;
                    }
                }
            } finally {
                context.ungetService(ref);
            }
        }
        int required = REQUIRED.stream().mapToInt(r -> r.names().length).sum();
        assertTrue("checked " + checked + " names, fewer than the " + required + " required ones", checked >= required);
    }

    @Test
    public void theRequiredServicesArePresentUnderAllTheirNames() {
        List<String> missing = new ArrayList<>();
        for (Required r : REQUIRED) {
            try {
                RegistryEntry entry = registry.entry(r.kind(), r.names()[0]);
                if (!entry.names().containsAll(List.of(r.names()))
                        || !entry.names().get(0).equals(r.names()[0])) {
                    missing.add(r.kind() + " " + List.of(r.names()) + ": registered as " + entry.names());
                }
            } catch (UnknownServiceException e) {
                missing.add(r.kind() + " " + List.of(r.names()) + ": not in the distribution (launcher/pom.xml?)");
            }
        }
        assertTrue(String.join("\n", missing), missing.isEmpty());
    }

    @Test
    public void theRegistryHoldsExactlyTheNamedServicesAndNoNameIsTakenTwice() throws InvalidSyntaxException {
        Map<ServiceKind, Integer> expected = new LinkedHashMap<>();
        for (ServiceReference<?> ref : namedServices()) {
            for (ServiceKind kind : kindsOf(ref)) {
                expected.merge(kind, 1, Integer::sum);
            }
        }
        for (ServiceKind kind : ServiceKind.values()) {
            List<RegistryEntry> entries = registry.entries(kind);
            assertEquals(kind + " entries", (int) expected.getOrDefault(kind, 0), entries.size());
            Set<String> names = new HashSet<>();
            for (RegistryEntry e : entries) {
                for (String name : e.names()) {
                    assertTrue(
                            kind + " name '" + name + "' is provided twice (also by " + e.origin() + ")",
                            names.add(name));
                }
            }
        }
    }

    @Test
    public void everyNamedServiceIsAlsoListedForTheRegistryOutsideOsgi() throws InvalidSyntaxException, IOException {
        List<String> missing = new ArrayList<>();
        for (ServiceReference<?> ref : namedServices()) {
            Object service = context.getService(ref);
            try {
                for (ServiceKind kind : kindsOf(ref)) {
                    String file = "META-INF/services/" + kind.type().getName();
                    URL url = ref.getBundle().getEntry(file);
                    if (url == null || !lines(url).contains(service.getClass().getName())) {
                        missing.add(ref.getBundle().getSymbolicName() + ": "
                                + service.getClass().getName() + " not in " + file);
                    }
                    BsbName annotation = service.getClass().getAnnotation(BsbName.class);
                    if (annotation == null || !List.of(annotation.value()).equals(names(ref))) {
                        missing.add(service.getClass().getName() + ": @BsbName differs from the bsb.name property "
                                + names(ref));
                    }
                }
            } finally {
                context.ungetService(ref);
            }
        }
        assertTrue(String.join("\n", missing), missing.isEmpty());
    }

    @Test
    public void anUnknownNameListsEveryKnownNameOfItsKind() {
        for (ServiceKind kind : ServiceKind.values()) {
            Set<String> known = new LinkedHashSet<>();
            registry.entries(kind).forEach(e -> known.addAll(e.names()));
            try {
                registry.entry(kind, "no_such_thing_xyz");
                fail("no_such_thing_xyz resolved as a " + kind);
            } catch (UnknownServiceException e) {
                assertEquals(kind.label(), e.kind());
                assertEquals("no_such_thing_xyz", e.name());
                assertEquals(known, new LinkedHashSet<>(e.known()));
                assertTrue(
                        e.getMessage(), e.getMessage().startsWith("Unknown " + kind.label() + " 'no_such_thing_xyz'."));
                for (String name : known) {
                    assertTrue(e.getMessage() + " lacks " + name, e.getMessage().contains(name));
                }
                if (known.isEmpty()) {
                    assertTrue(e.getMessage(), e.getMessage().endsWith("(none installed)"));
                }
            }
        }
    }

    @Test
    public void aMisspeltBuiltInNameSuggestsTheRightOne() {
        try {
            registry.entry(ServiceKind.PLACEMENT, "random_placment");
            fail("a misspelt name resolved");
        } catch (UnknownServiceException e) {
            assertEquals("random_placement", e.suggestion());
            assertTrue(
                    e.getMessage(),
                    e.getMessage()
                            .startsWith(
                                    "Unknown placement strategy 'random_placment'. Did you mean 'random_placement'? Known placement strategy names: "));
            assertTrue(e.known()
                    .containsAll(List.of("bsb.placement.RandomPlacement", "random_placement", "fixed_positions")));
        }
    }

    /**
     * Every service with a {@code bsb.name} under one of the {@link ServiceKind} interfaces (other
     * services may use the property for lookups of their own, e.g. NEURON mechanism catalogues).
     */
    private List<ServiceReference<?>> namedServices() throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(" + BsbName.PROPERTY + "=*)");
        List<ServiceReference<?>> list = new ArrayList<>();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            if (!kindsOf(ref).isEmpty()) {
                list.add(ref);
            }
        }
        return list;
    }

    static List<ServiceKind> kindsOf(ServiceReference<?> ref) {
        List<ServiceKind> kinds = new ArrayList<>();
        for (String type : (String[]) ref.getProperty(Constants.OBJECTCLASS)) {
            ServiceKind kind = ServiceKind.ofInterface(type);
            if (kind != null) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    static List<String> names(ServiceReference<?> ref) {
        Object names = ref.getProperty(BsbName.PROPERTY);
        assertNotNull(names);
        return names instanceof String[] array ? List.of(array) : List.of(String.valueOf(names));
    }

    private static Set<String> lines(URL url) throws IOException {
        Set<String> lines = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String l = line.replaceAll("#.*", "").trim();
                if (!l.isEmpty()) {
                    lines.add(l);
                }
            }
        }
        return lines;
    }
}
