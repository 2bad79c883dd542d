package org.bsb.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A parameter record component (a String, or a list of Strings) that names files of the project,
 * relative to the config file's folder. Where that folder is known ({@code bsb validate},
 * {@code compile}, {@code reconfigure}) each name must be an existing file whose name ends in one
 * of {@code extensions} (any file if none are given), or, when {@code folders} is true, a folder
 * holding at least one such file; anything else is a config error naming the path. E.g. NEURON
 * mechanisms: {@code @ProjectFile(extensions = ".mod", folders = true) List<String> mechanisms}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface ProjectFile {
    /** Allowed endings of file names ({@code ".mod"}); empty: any file. */
    String[] extensions() default {};

    /** Whether a folder holding such files is allowed too. */
    boolean folders() default false;
}
