/**
 * What sitrep knows, loaded from the data files (built in, then each {@code --kb} layer): the codebook, cue words,
 * lexicon, actor knowledge base and its entries, gazetteer, ACLED crosswalk. Reads parses ({@code text}); knows
 * nothing of documents or stages.
 */
package org.sitrep.knowledge;
