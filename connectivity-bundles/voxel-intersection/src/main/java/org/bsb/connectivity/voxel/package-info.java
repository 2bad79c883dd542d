/** The {@code bsb.connectivity.VoxelIntersection} strategy: synapses where voxelized morphologies overlap. */
package org.bsb.connectivity.voxel;
