package org.sitrep.analysis;

import java.util.List;
import org.sitrep.knowledge.KbEntry;

/**
 * An actor mentioned in a sentence: tokens [from, to] around the syntactic head {@code head}.
 * {@code countryInferred} marks a country taken from context rather than from the phrase itself.
 * {@code antecedent} is the mention a pronoun or definite description refers back to, if any.
 */
public record Mention(
        int sentence,
        int from,
        int to,
        int head,
        String text,
        Kind kind,
        KbEntry entry,
        String name,
        String code,
        String country,
        List<String> sectors,
        List<String> sponsors,
        boolean countryInferred,
        String quantity,
        Mention antecedent) {

    public enum Kind {
        NAMED,
        AGENT,
        PRONOUN
    }

    public Mention {
        sectors = List.copyOf(sectors);
        sponsors = List.copyOf(sponsors);
    }

    public boolean isPerson() {
        if (entry != null) return entry.isPerson();
        return kind == Kind.NAMED && name != null && code == null;
    }

    /**
     * An agent the text does not name but the act implies ("were arrested": the police), placed at the trigger,
     * with no text of its own; its country is inferred later from where the act happened.
     */
    public static Mention implied(int sentence, int trigger, String name, List<String> sectors) {
        return new Mention(
                sentence,
                trigger,
                trigger,
                trigger,
                null,
                Kind.AGENT,
                null,
                name,
                String.join("", sectors),
                null,
                sectors,
                List.of(),
                true,
                null,
                null);
    }

    public Mention withCountry(String iso3, boolean inferred) {
        String newCode = iso3 + String.join("", sectors);
        return new Mention(
                sentence,
                from,
                to,
                head,
                text,
                kind,
                entry,
                name,
                newCode,
                iso3,
                sectors,
                sponsors,
                inferred,
                quantity,
                antecedent);
    }

    /** Words that refer back to {@code antecedent} ("he", "the group", a bare surname): its identity over their own span. */
    public static Mention referringTo(
            Mention antecedent, int sentence, int from, int to, int head, String text, Kind kind) {
        return new Mention(
                        sentence, from, to, head, text, kind, null, null, null, null, List.of(), List.of(), false, null,
                        null)
                .withIdentity(antecedent);
    }

    /**
     * A pronoun standing for {@code antecedent} ("it", "his", "we" in a speaker's quote): the antecedent's identity and
     * its words, so a pronoun is never an actor by itself ("The army" for "it"), over the pronoun's own token.
     */
    public static Mention pronoun(Mention antecedent, int sentence, int token) {
        return referringTo(antecedent, sentence, token, token, token, antecedent.words(), Kind.PRONOUN);
    }

    /** The words that name this actor in the text: a pronoun's are those of what it stands for. */
    public String words() {
        Mention named = this;
        while (named.kind == Kind.PRONOUN && named.antecedent != null) named = named.antecedent;
        return named.text;
    }

    public Mention withIdentity(Mention other) {
        return new Mention(
                sentence,
                from,
                to,
                head,
                text,
                kind,
                other.entry,
                other.name,
                other.code,
                other.country,
                other.sectors,
                other.sponsors,
                other.countryInferred,
                quantity,
                other);
    }

    public Mention withCode(String newCode, String newCountry, List<String> newSectors) {
        return new Mention(
                sentence,
                from,
                to,
                head,
                text,
                kind,
                entry,
                name,
                newCode,
                newCountry,
                newSectors,
                sponsors,
                countryInferred,
                quantity,
                antecedent);
    }

    public boolean contains(int tokenIndex) {
        return tokenIndex >= from && tokenIndex <= to;
    }
}
