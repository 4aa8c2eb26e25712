/**
 * The parse, the bottom layer of the document model: sentences of tokens with tags, lemmas, names and dependencies,
 * time expressions and datelines, the {@link org.sitrep.text.LanguageModel} that makes them (CoreNLP), and the tree
 * walks several stages share. Imports nothing else of sitrep.
 */
package org.sitrep.text;
