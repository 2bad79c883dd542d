/** How an unexpected failure is told to the user: in words, never a Java class name ({@link org.bsb.core.failure.ErrorReport}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.bsb.core.failure;
