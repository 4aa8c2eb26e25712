package org.sitrep.knowledge;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cue words of data/events/cues.tsv, by kind, and the values of its number words. */
public final class Cues {
    private final Map<String, Set<String>> byKind = new HashMap<>();
    private final Map<String, Integer> numbers = new HashMap<>();

    public static Cues load(KnowledgeFiles files) {
        Cues c = new Cues();
        for (Tsv.Row r : files.rows("events/cues.tsv")) {
            c.byKind.computeIfAbsent(r.get(0), k -> new HashSet<>()).addAll(r.list(1));
            if (r.get(0).equals("number")) {
                int value;
                try {
                    value = Integer.parseInt(r.get(2));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            r.where() + ": a number row needs its value in the third column, not '" + r.get(2) + "'");
                }
                for (String w : r.list(1)) c.numbers.put(w, value); // a later layer's row wins
            }
        }
        return c;
    }

    /** The value of a number word as written, lower case ("twelve" → 12, "a" → 1: kind number), or null. */
    public Integer number(String word) {
        return numbers.get(word);
    }

    public boolean is(String kind, String word) {
        Set<String> s = byKind.get(kind);
        return s != null && s.contains(word);
    }

    /** The token is a cue of that kind by its lemma or its lower-case form ("killed" as "kill", "dead" as written). */
    public boolean is(String kind, org.sitrep.text.Token t) {
        return is(kind, t.lemma()) || is(kind, t.lower());
    }

    /** The sentence holds a cue of that kind: a word by its lemma or lower-case form, or a phrase as written. */
    public boolean in(String kind, org.sitrep.text.Sentence s) {
        return s.tokens().stream().anyMatch(t -> is(kind, t)) || !find(kind, s).isEmpty();
    }

    public Set<String> of(String kind) {
        return byKind.getOrDefault(kind, Set.of());
    }

    /** A multi-word cue found in a sentence: tokens [from, to]. */
    public record Hit(int from, int to, String phrase) {}

    /** Where the multi-word cues of a kind occur in a sentence ("in response to"), longest cues first. */
    public List<Hit> find(String kind, org.sitrep.text.Sentence s) {
        List<Hit> out = new java.util.ArrayList<>();
        for (String phrase : phrases(kind)) {
            String[] words = phrase.split(" ");
            for (int i = 0; i + words.length <= s.size(); i++) {
                boolean ok = true;
                for (int w = 0; w < words.length && ok; w++)
                    ok = s.token(i + w).lower().equals(words[w]);
                if (ok) out.add(new Hit(i, i + words.length - 1, phrase));
            }
        }
        return out;
    }

    /** Multi-word cues of a kind, longest first. */
    public List<String> phrases(String kind) {
        return of(kind).stream().sorted((a, b) -> b.length() - a.length()).toList();
    }
}
