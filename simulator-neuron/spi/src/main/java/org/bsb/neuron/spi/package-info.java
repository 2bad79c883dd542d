/**
 * The mechanism SPI of the NEURON-compatible simulator: what a density mechanism, point
 * process or artificial cell must implement so that the cable engine can integrate it.
 *
 * <p>Storage is structure-of-arrays: one {@link org.bsb.neuron.spi.Mechanism} object holds every
 * instance of one mechanism type in one cell group, each range variable as a flat
 * {@code double[]} indexed by instance, and each callback loops over all instances. The engine
 * calls, per fixed step (NEURON's {@code secondorder = 0} order of operations):
 * <ol>
 * <li>{@link org.bsb.neuron.spi.Mechanism#current} at {@code t + dt/2} with {@code v} of the
 *     previous step: add the membrane current to {@code rhs} (with NEURON's sign convention,
 *     {@code rhs -= i}) and its conductance {@code di/dv} to {@code d};</li>
 * <li>the voltage solve ({@code v += dv});</li>
 * <li>{@link org.bsb.neuron.spi.Mechanism#state} at {@code t + dt} with the new {@code v};</li>
 * <li>events due by {@code t + dt + dt/2} via {@link org.bsb.neuron.spi.Mechanism#netReceive}.</li>
 * </ol>
 * Units are NEURON's: mV, ms, mA/cm² for density currents and S/cm² for their conductances,
 * nA and µS for point processes, µm and µm² for geometry, mM for concentrations.
 */
@Export
@Version("0.4.0")
package org.bsb.neuron.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
