package org.sitrep.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Closed grammar sets and tree walks that several stages read the same way. */
public final class Syntax {
    private Syntax() {}

    /** Prepositions that put something at a place: "in Baghdad", "near Mopti", "from Iraq". */
    public static final Set<String> LOCATIVE = Set.of(
            "in",
            "at",
            "near",
            "inside",
            "outside",
            "across",
            "throughout",
            "into",
            "around",
            "within",
            "from",
            "towards",
            "toward");

    /** "US $50 million", "HK$ 3 billion": a country's name that marks a currency, neither a place nor an actor. */
    public static boolean namesCurrency(Sentence s, int from, int to) {
        return to + 1 < s.size()
                && s.token(to + 1).pos().equals("$")
                && !s.token(to + 1).text().matches("\\p{L}.*");
    }

    /** The conjuncts of a noun's modifiers: "Afghan" in "Pakistani and Afghan border forces". */
    public static List<Token> coordinatedModifiers(Sentence s, Token noun) {
        List<Token> out = new ArrayList<>();
        for (Token mod : s.children(noun)) {
            if (mod.deprel().equals("amod") || mod.deprel().equals("compound")) out.addAll(s.children(mod, "conj"));
        }
        return out;
    }
}
