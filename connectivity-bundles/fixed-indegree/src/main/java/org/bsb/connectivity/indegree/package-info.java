/** The {@code bsb.connectivity.FixedIndegree} strategy. */
package org.bsb.connectivity.indegree;
