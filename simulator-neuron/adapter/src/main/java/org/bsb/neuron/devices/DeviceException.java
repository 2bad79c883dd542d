package org.bsb.neuron.devices;

/** A device that cannot be set up as configured; the message names the device and the cause. */
public class DeviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceException(String message) {
        super(message);
    }
}
