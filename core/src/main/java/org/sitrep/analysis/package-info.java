/**
 * The document model: the {@link org.sitrep.analysis.Analysis} that flows through the pipeline and its layers
 * (actor mentions, places, quotes, event drafts, relations, time references), and the
 * {@link org.sitrep.analysis.Stage} interface. Below every stage, so stages share it without naming one another.
 */
package org.sitrep.analysis;
