/** Config formats (JSON, YAML, ...) and the format-neutral config tree they produce. */
@Export
@Version("0.1.0")
package org.bsb.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
