package org.bsb.core.compile;

/**
 * A cell type lacks what a placement job asked of it (the original's {@code IndicatorError}):
 * no radius, or no count, density or planar density.
 */
public class IndicatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IndicatorException(String message) {
        super(message);
    }
}
