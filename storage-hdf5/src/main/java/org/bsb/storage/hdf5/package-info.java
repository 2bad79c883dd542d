/** The {@code hdf5} storage engine (jHDF); the file layout is described in the module's README. */
package org.bsb.storage.hdf5;
