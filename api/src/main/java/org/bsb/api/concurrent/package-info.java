/**
 * Worker threads: {@link org.bsb.api.concurrent.ThreadPools}, the one daemon thread pool that every bundle uses.
 * It is in the api because strategy and engine bundles may depend on nothing else.
 */
@Export
@Version("0.1.0")
package org.bsb.api.concurrent;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
