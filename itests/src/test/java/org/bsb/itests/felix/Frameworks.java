package org.bsb.itests.felix;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** In-framework helpers: waiting for Declarative Services to settle, polling for a condition. */
final class Frameworks {
    private Frameworks() {}

    /**
     * Waits until every enabled component of every bundle has a satisfied (or active)
     * configuration, and returns the problems still left after {@code timeoutMillis}: a component
     * that never gets satisfied, with its unsatisfied references.
     */
    static List<String> awaitComponentsSatisfied(ServiceComponentRuntime scr, BundleContext context, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<String> problems;
        do {
            problems = new ArrayList<>();
            for (Bundle bundle : context.getBundles()) {
                if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                    continue;
                }
                for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                    if (!scr.isComponentEnabled(description)) {
                        continue;
                    }
                    var configurations = scr.getComponentConfigurationDTOs(description);
                    if (configurations.isEmpty()) {
                        problems.add(bundle.getSymbolicName() + " " + description.name + ": no configuration");
                    }
                    for (ComponentConfigurationDTO c : configurations) {
                        if (c.state != ComponentConfigurationDTO.SATISFIED
                                && c.state != ComponentConfigurationDTO.ACTIVE) {
                            StringBuilder why = new StringBuilder(
                                    bundle.getSymbolicName() + " " + description.name + ": state " + c.state);
                            for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
                                why.append(", unsatisfied reference ")
                                        .append(r.name)
                                        .append(" ")
                                        .append(r.target);
                            }
                            if (c.failure != null) {
                                why.append(", failure ")
                                        .append(c.failure.lines().findFirst().orElse(""));
                            }
                            problems.add(why.toString());
                        }
                    }
                }
            }
            if (problems.isEmpty()) {
                return problems;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        return problems;
    }

    /** Polls {@code condition} every 50 ms until it holds; false if it did not within the timeout. */
    static boolean await(long timeoutMillis, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.get()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.get();
    }
}
