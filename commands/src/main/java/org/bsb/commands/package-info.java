/** The {@code bsb} commands, run from the launcher, the Felix shell ({@code bsb:compile}) or plain Java. */
@Export
@Version("0.1.0")
package org.bsb.commands;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
