package org.sitrep.analysis;

/** One step of the pipeline: reads what earlier stages added to the analysis and adds its own layer. */
public interface Stage {
    void process(Analysis analysis);
}
