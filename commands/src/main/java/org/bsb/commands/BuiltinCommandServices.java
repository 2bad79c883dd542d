package org.bsb.commands;

import java.util.ArrayList;
import java.util.List;
import org.bsb.api.command.BsbCommand;
import org.bsb.core.registry.Registry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Registers the built-in commands as {@link BsbCommand} services, as any other bundle registers its own. */
@Component(
        immediate = true,
        service = {})
public final class BuiltinCommandServices {
    private final List<ServiceRegistration<BsbCommand>> registrations = new ArrayList<>();

    @Reference
    Registry registry;

    @Activate
    void activate(BundleContext context) {
        for (BsbCommand command : BuiltinCommands.create(registry)) {
            registrations.add(context.registerService(BsbCommand.class, command, null));
        }
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
