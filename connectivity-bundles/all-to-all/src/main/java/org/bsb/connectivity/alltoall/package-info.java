/** The {@code bsb.connectivity.AllToAll} strategy. */
package org.bsb.connectivity.alltoall;
