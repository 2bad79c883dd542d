package org.bsb.api.placement;

/** A placement that cannot be done (e.g. a packing factor too high for RandomPlacement). */
public class PlacementException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlacementException(String message) {
        super(message);
    }
}
