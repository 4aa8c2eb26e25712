package org.sitrep;

import org.sitrep.pipeline.Pipeline;

/** The slow suite's shared coder: CoreNLP and the knowledge base load once per test JVM. */
public final class CoreNlpSuite {
    private CoreNlpSuite() {}

    private static Pipeline pipeline;

    public static synchronized Pipeline pipeline() {
        if (pipeline == null) pipeline = Pipeline.create();
        return pipeline;
    }
}
