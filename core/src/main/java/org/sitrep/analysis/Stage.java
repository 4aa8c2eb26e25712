package org.sitrep.analysis;

import java.util.Set;

/**
 * One step of the pipeline: reads the layers it {@link #requires()} and writes those it {@link #writes()}. The pipeline
 * checks once, when it is built, that an earlier stage wrote every layer a stage requires.
 */
public interface Stage {
    void process(Analysis analysis);

    /** The layers this stage reads; each must be written by an earlier stage. */
    Set<Layer> requires();

    /** The layers this stage adds to or changes. */
    Set<Layer> writes();
}
