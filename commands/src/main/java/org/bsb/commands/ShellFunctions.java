package org.bsb.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bsb.api.command.BsbCommand;
import org.bsb.api.command.CommandContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Every {@link BsbCommand} service, from any bundle, as a {@code bsb:<name>} function of the Felix shell (which the
 * launcher runs for {@code bsb <name>}), plus {@code bsb:help} ({@code bsb --help}, {@code bsb --version}); all go
 * through one {@link CommandDispatch}. Commands come and go with their bundles.
 */
@Component(
        immediate = true,
        service = {})
public final class ShellFunctions {
    private static final String SCOPE = "osgi.command.scope";
    private static final String FUNCTION = "osgi.command.function";

    private final CommandDispatch dispatch = new CommandDispatch(this::otherFunctions);
    private final Map<BsbCommand, ServiceRegistration<?>> functions = new HashMap<>();
    private final List<BsbCommand> boundBeforeActivation = new ArrayList<>();
    private BundleContext context;
    private ServiceRegistration<?> help;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addCommand(BsbCommand command) {
        dispatch.add(command);
        if (context != null) {
            register(command);
        } else {
            boundBeforeActivation.add(command);
        }
    }

    synchronized void removeCommand(BsbCommand command) {
        dispatch.remove(command);
        boundBeforeActivation.remove(command);
        ServiceRegistration<?> function = functions.remove(command);
        if (function != null) {
            function.unregister();
        }
    }

    @Activate
    synchronized void activate(BundleContext bundleContext) {
        context = bundleContext;
        help = context.registerService(ShellFunction.class, new ShellFunction(this::help), properties("help"));
        boundBeforeActivation.forEach(this::register); // DS binds the commands present before it activates
        boundBeforeActivation.clear();
    }

    @Deactivate
    synchronized void deactivate() {
        functions.values().forEach(ServiceRegistration::unregister);
        functions.clear();
        help.unregister();
        context = null;
    }

    private void register(BsbCommand command) {
        String name = command.name();
        functions.put(
                command,
                context.registerService(
                        ShellFunction.class,
                        new ShellFunction((ctx, args) -> dispatch.run(ctx, prepend(name, args))),
                        properties(name)));
    }

    /** {@code bsb:help} is {@code bsb --help}; {@code bsb:help ARGS} is {@code bsb ARGS} ({@code --version}, ...). */
    private int help(CommandContext ctx, String[] args) {
        return dispatch.run(ctx, args.length == 0 ? new String[] {"--help"} : args);
    }

    /** Functions of the {@code bsb} scope that other bundles register directly (not commands), for the listing. */
    private Collection<String> otherFunctions() {
        Set<String> names = new TreeSet<>();
        BundleContext bundleContext = context;
        try {
            ServiceReference<?>[] refs = bundleContext == null
                    ? null
                    : bundleContext.getServiceReferences((String) null, "(" + SCOPE + "=bsb)");
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                if (ref.getBundle() != bundleContext.getBundle()) {
                    Object value = ref.getProperty(FUNCTION);
                    for (Object f : value instanceof Object[] many ? many : new Object[] {value}) {
                        names.add(String.valueOf(f));
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static Hashtable<String, Object> properties(String function) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(SCOPE, "bsb");
        properties.put(FUNCTION, function);
        return properties;
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
