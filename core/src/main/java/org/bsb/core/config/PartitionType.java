package org.bsb.core.config;

/**
 * A partition's {@code type}. The original's {@code nrrd} and {@code allen} (voxel atlases) are
 * not supported yet; naming them is a config error listing these.
 */
public enum PartitionType {
    LAYER,
    RHOMBOID
}
