package org.bsb.api.storage;

/** A network file that cannot be read or written, naming the file. */
public class StorageException extends Exception {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
