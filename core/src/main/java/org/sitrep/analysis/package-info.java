/**
 * The document model: the {@link org.sitrep.analysis.Analysis} that flows through the pipeline and its layers
 * (actor mentions, places, quotes, event drafts, relations, time references), the closed sets that describe events
 * ({@link org.sitrep.analysis.Polarity}, {@link org.sitrep.analysis.Modality}), the read-only views readers after the
 * pipeline take ({@link org.sitrep.analysis.AnalysisView}, {@link org.sitrep.analysis.EventView}), and the
 * {@link org.sitrep.analysis.Stage} interface with the {@link org.sitrep.analysis.Layer}s a stage requires and writes.
 * Below every stage, so stages share it without naming one another.
 */
package org.sitrep.analysis;
