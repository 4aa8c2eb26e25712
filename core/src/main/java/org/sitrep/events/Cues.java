package org.sitrep.events;

import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.knowledge.Tsv;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cue words of data/events/cues.tsv, by kind. */
public final class Cues {
    private final Map<String, Set<String>> byKind = new HashMap<>();

    public static Cues load(KnowledgeFiles files) {
        Cues c = new Cues();
        for (Tsv.Row r : files.rows("events/cues.tsv")) {
            c.byKind.computeIfAbsent(r.get(0), k -> new HashSet<>()).addAll(r.list(1));
        }
        return c;
    }

    public boolean is(String kind, String word) {
        Set<String> s = byKind.get(kind);
        return s != null && s.contains(word);
    }

    public Set<String> of(String kind) { return byKind.getOrDefault(kind, Set.of()); }

    /** Multi-word cues of a kind, longest first. */
    public List<String> phrases(String kind) {
        return of(kind).stream().sorted((a, b) -> b.length() - a.length()).toList();
    }
}
