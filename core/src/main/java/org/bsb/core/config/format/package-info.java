/** The {@code json} and {@code yaml} config formats: Jackson token streams into positioned config trees. */
package org.bsb.core.config.format;
