package org.sitrep.model.onnx;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.sitrep.model.Encoder;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Sentence vectors from quantised all-MiniLM-L6-v2 (384 dimensions, mean-pooled and unit length), run in process by
 * ONNX Runtime from the langchain4j jar: offline, no download at run time. Each text is encoded on its own, so a
 * vector does not depend on the batch it came in; values are rounded to 1e-6 so that a head trained on them is
 * the same file whatever tiny differences threading brings to the last float bits.
 */
public final class MiniLmEncoder implements Encoder {
    public static final String NAME = "all-minilm-l6-v2-q (langchain4j-embeddings 1.19.0-beta29)";

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    /** Encodes a batch on the calling thread (the coder already runs one document per core). */
    public MiniLmEncoder() {
        this(Runnable::run);
    }

    /** Encodes the texts of a batch on {@code executor}'s threads (training). */
    public MiniLmEncoder(Executor executor) {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
    }

    @Override
    public String name() { return NAME; }

    @Override
    public int dimension() { return 384; }

    @Override
    public float[][] encode(List<String> texts) {
        if (texts.isEmpty()) return new float[0][];
        List<Embedding> out = model.embedAll(texts.stream().map(t -> TextSegment.from(t.isBlank() ? "." : t)).toList()).content();
        float[][] v = new float[out.size()][];
        for (int i = 0; i < v.length; i++) {
            float[] e = out.get(i).vector();
            for (int j = 0; j < e.length; j++) e[j] = (float) (Math.round(e[j] * 1e6) / 1e6);
            v[i] = e;
        }
        return v;
    }
}
