/**
 * The compile pipeline: morphologies, then placement jobs per (strategy, chunk) on a thread
 * pool, then connectivity (through {@link org.bsb.core.compile.ConnectivityPhase}), then one
 * atomic write through the storage engine.
 */
@Export
@Version("0.1.0")
package org.bsb.core.compile;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
