package org.sitrep.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who does an act by convention when the text names nobody (data/events/implied-agents.tsv): arrests → police. */
public final class ImpliedAgents {

    /** The implied agent of acts whose CAMEO code starts with {@code prefix}. */
    public record Agent(String prefix, List<String> sectors, String name) {
        /** The forces the clause names as acted on are the agent ("police were deployed"). */
        public boolean self() {
            return sectors.equals(List.of("self"));
        }
    }

    /** No implied agents (an event model tried without the knowledge base). */
    public static final ImpliedAgents NONE = new ImpliedAgents();

    private final Map<String, Agent> byPrefix = new HashMap<>();
    /** Rows for some trigger words only, keyed by prefix and lemma ("173 trial": a court tries, not the police). */
    private final Map<String, Agent> byWord = new HashMap<>();

    public static ImpliedAgents load(KnowledgeFiles files) {
        ImpliedAgents out = new ImpliedAgents();
        for (Tsv.Row r : files.rows("events/implied-agents.tsv")) {
            if (r.get(0).isEmpty() || r.list(1).isEmpty())
                throw new IllegalArgumentException(r.where() + ": a CAMEO prefix and sectors are required");
            Agent agent = new Agent(r.get(0), r.list(1), r.get(2).isEmpty() ? null : r.get(2));
            if (r.list(4).isEmpty()) out.byPrefix.put(r.get(0), agent);
            for (String word : r.list(4)) out.byWord.put(r.get(0) + " " + word, agent);
        }
        return out;
    }

    /**
     * The agent implied for a CAMEO code told by a trigger word (its lemma), or null: a row for that word wins over the
     * longest listed prefix.
     */
    public Agent of(String cameo, String lemma) {
        for (int n = cameo.length(); n >= 2; n--) {
            Agent a = byWord.get(cameo.substring(0, n) + " " + lemma);
            if (a != null) return a;
        }
        for (int n = cameo.length(); n >= 2; n--) {
            Agent a = byPrefix.get(cameo.substring(0, n));
            if (a != null) return a;
        }
        return null;
    }
}
