/**
 * The connection strategy framework: hemitypes, one job per presynaptic (or postsynaptic) chunk
 * with its region of interest, label-filtered cell populations, per-job random streams (network.Seeds), output
 * set naming and the assembly of the jobs' connections into connectivity blocks in chunk order.
 */
package org.bsb.core.connectivity;
