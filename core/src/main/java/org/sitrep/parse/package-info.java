/** The first stage: the language model's sentences and the dateline, written to the analysis. */
package org.sitrep.parse;
