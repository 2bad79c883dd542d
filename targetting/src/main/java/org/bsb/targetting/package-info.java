/**
 * Cell targetting ({@code all}, {@code cell_model}, {@code by_id}, {@code by_label},
 * {@code sphere}, {@code cylinder}, {@code representatives}) and location targetting
 * ({@code everywhere}, {@code soma}, {@code label}, {@code branch}) of simulation devices, as
 * in the original's {@code bsb.simulation.targetting}. {@link org.bsb.targetting.UnitSections}
 * gives simulator backends the same label-homogeneous sections and arc positions.
 */
@Export
@Version("0.1.0")
package org.bsb.targetting;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
