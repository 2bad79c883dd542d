/** {@code bsb plot}: PNG figures (XChart, headless) and CSV tables of a results file. */
package org.bsb.plot;
