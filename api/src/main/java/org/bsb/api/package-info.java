/** Names and kinds of BSB services: everything a bundle needs to offer a strategy by name. */
@Export
@Version("0.5.0")
package org.bsb.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
