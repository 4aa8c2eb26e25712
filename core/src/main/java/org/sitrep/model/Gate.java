package org.sitrep.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.sitrep.knowledge.Tsv;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * Whether a sentence the rules left without any event could tell one, cheaply, before it is encoded
 * (data/model/gate.tsv): it has a verb that is not a light one (copula, saying, thinking), or no verb at all.
 */
public record Gate(Set<String> light) {
    /** Reads every sentence. */
    public static final Gate NONE = new Gate(Set.of());

    public Gate {
        light = Set.copyOf(light);
    }

    /** The gate shipped in the jar (data/model/gate.tsv). */
    public static Gate builtIn() {
        try (InputStream in = Gate.class.getResourceAsStream("/sitrep/model/gate.tsv")) {
            if (in == null) throw new IllegalStateException("no model/gate.tsv in this build");
            return read("model/gate.tsv", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Gate read(String origin, InputStream in) {
        Set<String> light = new HashSet<>();
        for (Tsv.Row r : Tsv.read(origin, in)) {
            if (!r.get(0).equals("light"))
                throw new IllegalArgumentException(r.where() + ": a row is 'light', not '" + r.get(0) + "'");
            light.add(r.get(1));
        }
        return new Gate(light);
    }

    /** Whether the sentence may tell an event the rules did not find. */
    public boolean open(Sentence s) {
        return open(s, t -> false);
    }

    /**
     * The same, where the verbs {@code quoted} holds are someone's words, not the text's: a sentence that is a quote
     * and its light attribution ("'Every tanker we take off the sea ...,' Kallas told reporters") tells a statement,
     * which the rules read, not an act of its own.
     */
    public boolean open(Sentence s, java.util.function.Predicate<Token> quoted) {
        if (light.isEmpty()) return true;
        boolean verb = false;
        for (Token t : s.tokens()) {
            if (!t.isVerb()) continue;
            verb = true;
            if (t.deprel().startsWith("aux") || t.deprel().equals("cop")) continue;
            if (!light.contains(t.lemma().toLowerCase(java.util.Locale.ROOT)) && !quoted.test(t)) return true;
        }
        return !verb;
    }
}
