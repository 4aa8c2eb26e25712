package org.sitrep.spark;

import java.nio.file.Path;
import java.util.List;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.pipeline.Knowledge;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.records.DocumentRecord;
import org.sitrep.sources.Document;
import org.sitrep.text.CoreNlpModel;

/**
 * One pipeline per executor JVM: CoreNLP's models take most of a minute and over a gigabyte to load, and the
 * pipeline is thread-safe, so every task an executor runs, on all its cores, codes with the same one.
 */
final class ExecutorCoder {
    private ExecutorCoder() {}

    private static Pipeline pipeline;
    private static List<String> layers;

    /** The JVM's pipeline for these knowledge layers (local paths on the executor), built on first use. */
    static synchronized Pipeline pipeline(List<String> kbLayers) {
        if (pipeline == null) {
            pipeline = new Pipeline(
                    CoreNlpModel.shared(),
                    Knowledge.load(
                            new KnowledgeFiles(kbLayers.stream().map(Path::of).toList())));
            layers = List.copyOf(kbLayers);
        } else if (!layers.equals(kbLayers)) {
            // one application codes with one knowledge base; a second would need a second pipeline's memory
            throw new IllegalStateException("this executor's pipeline uses --kb " + layers + ", not " + kbLayers);
        }
        return pipeline;
    }

    private static boolean warm;

    /**
     * Builds the pipeline and codes one short document with it: CoreNLP loads parts of its models on the first
     * document, so only then does the executor code at its full speed.
     */
    static synchronized void warmUp(List<String> kbLayers) {
        Pipeline p = pipeline(kbLayers);
        if (warm) return;
        p.code(Document.of(
                "warm-up", "Police arrested two protesters in Paris on Monday, officials said.", "2024-01-15"));
        warm = true;
    }

    /** Codes one document as `sitrep code` does: a crash while coding becomes the document's error record. */
    static DocumentRecord code(Pipeline p, Document d) {
        try {
            return p.code(d);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            return p.code(d.withError("internal error while coding: " + e + (at == null ? "" : " at " + at)));
        }
    }
}
