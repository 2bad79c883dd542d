package org.bsb.api;

/** The parameter record of a service that takes no parameters of its own. */
public record NoParameters() {}
