/**
 * Checking a stored network before any work: its data (by the storage engine that reads it) and its stored config
 * (as {@code compile} judges a config); used by {@code Scaffold}, compile's {@code --append/--redo} and
 * {@code bsb check NETWORK}.
 */
@Export
@Version("0.1.0")
package org.bsb.core.check;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
