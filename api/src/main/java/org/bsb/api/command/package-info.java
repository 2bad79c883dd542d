/**
 * The contract of a {@code bsb} command: a bundle adds a command by registering a {@link BsbCommand} service; it
 * runs from the launcher ({@code bsb NAME ...}), the Felix shell ({@code bsb:NAME ...}) and plain Java through
 * the same dispatch as the built-in commands.
 */
@Export
@Version("0.1.0")
package org.bsb.api.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
