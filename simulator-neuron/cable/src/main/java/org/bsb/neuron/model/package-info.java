/**
 * Cell model definitions (arborize's {@code define_model} dict: cable types per label, ions,
 * mechanisms, synapse types), read from JSON or from the original's Python model files as
 * plain data, and merged per section by the original's rules.
 */
@Export
@Version("0.1.0")
package org.bsb.neuron.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
