/** The {@code bsb.connectivity.FixedOutdegree} strategy. */
package org.bsb.connectivity.outdegree;
