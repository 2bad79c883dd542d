package org.bsb.itests.equinox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Boots whichever OSGi framework is on the class path (EquinoxIT puts only Equinox there) with the
 * distribution's bundles, as the launcher does, and checks the registry from inside. Runs in a
 * child JVM: the bundles' classes are only reachable reflectively, through their bundles. Prints
 * one line per check, {@code PASS name} or {@code FAIL name: why}, and exits 1 if any failed.
 *
 * <p>Arguments: the bundles folder, the fixture plugin jar, a scratch folder.
 */
public final class EquinoxCheck {
    private static final PrintStream OUT = System.out;
    private static final Set<String> SHELL_BUNDLES = Set.of("org.apache.felix.gogo.jline", "org.jline");
    private static final long TIMEOUT = 15_000;
    private static boolean failed;

    private EquinoxCheck() {}

    public static void main(String[] args) throws Exception {
        Path bundles = Path.of(args[0]);
        Path fixture = Path.of(args[1]);
        Path work = Path.of(args[2]);
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.fileinstall.dir", plugins.toString());
        config.put("felix.fileinstall.poll", "100");
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.bundles.new.start", "true");
        config.put("felix.fileinstall.log.level", "1");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        FrameworkFactory factory =
                ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework framework = factory.newFramework(config);
        framework.init();
        BundleContext context = framework.getBundleContext();
        check(
                "framework",
                () -> context.getBundle(0).getSymbolicName() + " "
                        + context.getBundle(0).getVersion());
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(bundles)) {
            for (Path jar :
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                installed.add(context.installBundle(jar.toUri().toString()));
            }
        }
        framework.start();
        List<String> startFailures = new ArrayList<>();
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && !SHELL_BUNDLES.contains(b.getSymbolicName())) {
                try {
                    b.start();
                } catch (Exception e) {
                    startFailures.add(b.getSymbolicName() + ": " + e.getMessage());
                }
            }
        }
        try {
            run(context, installed, startFailures, fixture, plugins);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
        OUT.flush();
        System.exit(failed ? 1 : 0);
    }

    private static void run(
            BundleContext context, List<Bundle> installed, List<String> startFailures, Path fixture, Path plugins)
            throws Exception {
        check("every bundle starts", () -> {
            context.getBundle(0)
                    .adapt(org.osgi.framework.wiring.FrameworkWiring.class)
                    .resolveBundles(null);
            List<String> wrong = new ArrayList<>(startFailures);
            for (Bundle b : installed) {
                boolean passive = SHELL_BUNDLES.contains(b.getSymbolicName())
                        || b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
                if (b.getState() != (passive ? Bundle.RESOLVED : Bundle.ACTIVE)) {
                    wrong.add(b.getSymbolicName() + " in state " + b.getState());
                }
            }
            require(wrong.isEmpty(), String.join("; ", wrong));
            return installed.size() + " bundles";
        });
        Bundle core = bundle(context, "org.bsb.core");
        Class<?> kindType = core.loadClass("org.bsb.core.registry.ServiceKind");
        Class<?> registryType = core.loadClass("org.bsb.core.registry.Registry");
        Method ofInterface = kindType.getMethod("ofInterface", String.class);
        Method entry = registryType.getMethod("entry", kindType, String.class);
        Object placement = kindType.getMethod("valueOf", String.class).invoke(null, "PLACEMENT");

        Object registry = check("the Registry service", () -> {
            require(
                    await(() -> context.getServiceReference(registryType.getName()) != null),
                    "not registered in " + TIMEOUT + " ms");
            return context.getService(context.getServiceReference(registryType.getName()));
        });
        if (registry == null) {
            return;
        }
        check("every built-in service resolves by each of its names", () -> {
            settle(context);
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(bsb.name=*)");
            int names = 0;
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                Object service = context.getService(ref);
                for (String type : (String[]) ref.getProperty(Constants.OBJECTCLASS)) {
                    Object kind = ofInterface.invoke(null, type);
                    if (kind == null) {
                        continue;
                    }
                    for (String name : (String[]) ref.getProperty("bsb.name")) {
                        Object found = invoke(entry, registry, kind, name);
                        require(
                                service == call(found, "service"),
                                kind + " '" + name + "' resolves to another service");
                        require(ref.getBundle().getSymbolicName().equals(call(found, "origin")), "origin of " + name);
                        names++;
                    }
                }
                context.ungetService(ref);
            }
            return names + " names of " + (refs == null ? 0 : refs.length) + " services";
        });
        check("a plugin dropped in while running resolves by name", () -> {
            Files.copy(fixture, plugins.resolve("lab-grid.jar"));
            require(await(() -> known(entry, registry, placement, "grid_placement")), "grid_placement did not appear");
            Object found = invoke(entry, registry, placement, "lab.placement.GridPlacement");
            require("lab.placement.grid".equals(call(found, "origin")), "origin " + call(found, "origin"));
            return "grid_placement from " + call(found, "origin") + " " + call(found, "version");
        });
        check("an unknown name gives the known names and a suggestion", () -> {
            try {
                entry.invoke(registry, placement, "grid_placment");
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                require(cause.getClass().getName().equals("org.bsb.api.UnknownServiceException"), cause.toString());
                require("grid_placement".equals(call(cause, "suggestion")), "suggestion " + call(cause, "suggestion"));
                require(
                        ((List<?>) call(cause, "known")).contains("lab.placement.GridPlacement"),
                        "known " + call(cause, "known"));
                return cause.getMessage();
            }
            throw new AssertionError("grid_placment resolved");
        });
        check("bsb:strategies in Gogo lists the plugin", () -> {
            String listing = gogo(context, "bsb:strategies");
            require(
                    listing.contains("lab.placement.GridPlacement, grid_placement   [lab.placement.grid 1.0.0]"),
                    listing);
            return "listed";
        });
        check("the plugin goes when its file is deleted", () -> {
            Files.delete(plugins.resolve("lab-grid.jar"));
            require(await(() -> !known(entry, registry, placement, "grid_placement")), "grid_placement still resolves");
            require(
                    await(() -> {
                        for (Bundle b : context.getBundles()) {
                            if ("lab.placement.grid".equals(b.getSymbolicName())) {
                                return false;
                            }
                        }
                        return true;
                    }),
                    "lab.placement.grid still installed");
            return "gone";
        });
    }

    /** Waits until the number of registered services stops changing (DS activates asynchronously). */
    private static void settle(BundleContext context) throws Exception {
        int last = -1;
        long stableSince = System.currentTimeMillis();
        long deadline = stableSince + TIMEOUT;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?>[] all = context.getAllServiceReferences(null, null);
            int now = all == null ? 0 : all.length;
            if (now != last) {
                last = now;
                stableSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - stableSince > 300) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static String gogo(BundleContext context, String line) throws Exception {
        ServiceReference<?> ref = context.getServiceReference("org.apache.felix.service.command.CommandProcessor");
        require(ref != null, "no Gogo CommandProcessor");
        Object processor = context.getService(ref);
        ClassLoader loader = processor.getClass().getClassLoader();
        Class<?> processorType = loader.loadClass("org.apache.felix.service.command.CommandProcessor");
        Class<?> sessionType = loader.loadClass("org.apache.felix.service.command.CommandSession");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Object session = processorType
                .getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class)
                .invoke(processor, new ByteArrayInputStream(new byte[0]), out, out);
        try {
            sessionType.getMethod("execute", CharSequence.class).invoke(session, line);
        } finally {
            sessionType.getMethod("close").invoke(session);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean known(Method entry, Object registry, Object kind, String name) {
        try {
            entry.invoke(registry, kind, name);
            return true;
        } catch (InvocationTargetException e) {
            return false;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invoke(Method method, Object target, Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause().toString(), e.getCause());
        }
    }

    private static Object call(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }

    private static Bundle bundle(BundleContext context, String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalStateException("bundle " + symbolicName + " is not installed");
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    private static void require(boolean condition, String why) {
        if (!condition) {
            throw new AssertionError(why);
        }
    }

    private interface Check<T> {
        T run() throws Exception;
    }

    private static <T> T check(String name, Check<T> check) {
        try {
            T result = check.run();
            OUT.println("PASS " + name + ": " + result);
            return result;
        } catch (Throwable e) {
            failed = true;
            OUT.println("FAIL " + name + ": "
                    + (e.getMessage() != null ? e.getMessage() : e).toString().replace('\n', ' '));
            return null;
        }
    }
}
