/**
 * The configuration: typed, immutable records of a whole config ({@link org.bsb.core.config.Configuration}),
 * loading from JSON/YAML with every error reported at once ({@link org.bsb.core.config.ConfigLoader}),
 * the Java builder ({@link org.bsb.core.config.ConfigBuilder}), writing back to JSON
 * ({@link org.bsb.core.config.ConfigWriter}), and the binder that turns config nodes into
 * service parameter records ({@link org.bsb.core.config.Binder}, {@link org.bsb.core.config.Parameters}).
 * The original's {@code $ref} and {@code $import} between config files are resolved before binding.
 */
@Export
@Version("0.1.0")
package org.bsb.core.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
