package org.bsb.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a parameter record component takes when the config does not give it, written as
 * the config would write it (JSON/YAML flow text): {@code @Default("1")}, {@code @Default("pre")},
 * {@code @Default("[100, 100, 100]")}. The core converts it exactly like a value from a config
 * file, so a default can never disagree with what a user could write.
 *
 * <p>Without {@code @Default}, an absent component takes its value in the record's
 * {@code public static final DEFAULTS} instance of itself if it declares one, else it is null
 * (boxed types, strings, records), empty (lists, maps) or zero/false (primitives).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Default {
    String value();
}
