package org.bsb.core.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record node that may be written as a single value: {@code @Shortform("file")} on the
 * morphology node lets {@code "data/x.swc"} stand for {@code {file: data/x.swc}}, as in the original.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Shortform {
    /** The key the single value stands for. */
    String value();
}
