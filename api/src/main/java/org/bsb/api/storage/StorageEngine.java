package org.bsb.api.storage;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/** Where a compiled network lives (e.g. {@code hdf5}). Selected by the config's {@code storage.engine}. */
@ConsumerType
public interface StorageEngine {
    /**
     * Writes the network to {@code file} atomically: readers see the old file or the complete
     * new one, never a partial file, even if the process dies mid-write.
     */
    void write(Path file, NetworkData network) throws StorageException;

    /**
     * Reads a whole network. A file that is not a network of this engine, or cannot be read, is a
     * {@link StorageException} naming it; a readable file whose content is not a valid network (wrong
     * shapes, cell ids out of range, non-finite positions, ...) is an {@link InvalidNetworkException}
     * listing every problem with its place in the file.
     */
    NetworkData read(Path file) throws StorageException;

    /** Where in a network file this engine keeps the config, for messages (the hdf5 engine: {@code /files/config}). */
    default String configLocation() {
        return "the stored config";
    }

    /** Whether {@code file} holds a network of this engine. */
    boolean exists(Path file);
}
