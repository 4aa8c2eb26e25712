package org.sitrep.model;

import java.util.List;

/**
 * Turns sentences into fixed-length vectors for the event model's heads. The ONNX implementation lives in the
 * sitrep-model module so that core (and the Spark job) stays free of ONNX Runtime; tests use their own.
 */
public interface Encoder {
    /** A name written into the trained head, so that a head is never used with vectors of another encoder. */
    String name();

    int dimension();

    /** One vector per text, in order; the same text always gives the same vector. */
    float[][] encode(List<String> texts);
}
