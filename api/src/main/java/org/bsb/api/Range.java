package org.bsb.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The allowed interval of a numeric parameter record component (for a list or a point: of each
 * of its numbers). E.g. a fraction is {@code @Range(min = 0, max = 1)}, a time step
 * {@code @Range(min = 0, minExclusive = true)}. Values outside are config errors naming the path.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Range {
    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    boolean minExclusive() default false;

    boolean maxExclusive() default false;
}
