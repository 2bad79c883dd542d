package org.bsb.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The names under which a service is found from a config: the original's dotted class path
 * ({@code bsb.placement.RandomPlacement}) first, then short aliases ({@code random_placement}).
 *
 * <p>It is a DS component property type: on a {@code @Component} class, bnd turns it into the
 * service property {@code bsb.name} (a String[]). It is also retained at run time so that the
 * registry outside OSGi ({@code ServiceLoader}) reads the same names from the same place.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BsbName {
    /** The service property that carries the names. */
    String PROPERTY = "bsb.name";

    String[] value();
}
