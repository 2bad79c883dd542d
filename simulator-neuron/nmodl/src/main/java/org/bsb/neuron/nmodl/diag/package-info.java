/**
 * What the NMODL compiler reports about a {@code .mod} file: {@link org.bsb.neuron.nmodl.diag.NmodlException}
 * names the file, line and column. A package of its own because every stage (lexer, parser, passes, printer)
 * and the compiler's facade throw it: in the facade's package it tied the stages and the facade into a cycle.
 */
@Export
@Version("1.0.0")
package org.bsb.neuron.nmodl.diag;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
