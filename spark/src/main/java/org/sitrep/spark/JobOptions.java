package org.sitrep.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What a run is asked to do, as {@code sitrep code} takes it.
 *
 * @param kb         knowledge layers: directories on every executor (ship them with {@code --archives})
 * @param published  publication date for documents that give none, or null
 * @param maxChars   documents longer than this are refused
 * @param textColumn the text column of Parquet inputs
 * @param partitions coding tasks; 0 for four per executor core
 */
record JobOptions(List<String> kb, String published, long maxChars, String textColumn, int partitions)
        implements Serializable {
    JobOptions {
        kb = List.copyOf(kb);
    }
}
