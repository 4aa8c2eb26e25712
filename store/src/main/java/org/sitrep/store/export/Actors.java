package org.sitrep.store.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.knowledge.Tsv;
import org.sitrep.records.DocumentRecord.ActorRecord;
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.store.export.Reports.Report;

/** How exports name and split an event's actors: the knowledge base's name, never a pronoun; CAMEO code parts. */
final class Actors {
    /** Words that name no one by themselves: a side written "it" or "the two" is named by what it was resolved to. */
    private static final Set<String> EMPTY_WORDS = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "he",
            "she", "it", "they", "we", "i", "you", "him", "them", "us", "who", "which", "both", "all", "some",
            "several", "two", "three", "four", "five", "other", "others", "one");

    private static final Set<String> RELIGIONS = codes("export/gdelt-religions.tsv");

    private Actors() {}

    /** The side the store files an event under (its first actor with a country), as the clusters count it. */
    static Side first(List<Side> sides) {
        for (Side s : sides) if (s.country() != null) return s;
        return sides.isEmpty() ? null : sides.get(0);
    }

    /** The side's other actors, after {@link #first}. */
    static List<Side> others(List<Side> sides) {
        Side f = first(sides);
        List<Side> out = new ArrayList<>(sides);
        out.remove(f);
        return out;
    }

    /** The actor's name: the knowledge base's or the text's own; for a pronoun or a bare determiner, its country's name. */
    static String name(Report r, Side s) {
        if (s == null) return null;
        ActorRecord a = r.actor(s);
        if (a != null && a.name() != null && !a.name().isBlank() && !isEmpty(a.name())) return a.name();
        if (s.text() != null && !isEmpty(s.text())) return stripDeterminers(s.text());
        String country = country(s.code());
        if (country != null) return Countries.of(country).name();
        return s.code();
    }

    /** The CAMEO country part of a code (its first three letters when they are a country), or null. */
    static String country(String code) {
        if (code == null || code.length() < 3) return null;
        String c = code.substring(0, 3);
        return Countries.of(c) == null ? null : c;
    }

    /** The code's three-letter parts after the country (or after the IGO/NGO prefix). */
    static List<String> parts(String code) {
        List<String> out = new ArrayList<>();
        if (code == null) return out;
        for (int i = country(code) == null ? 0 : 3; i + 3 <= code.length(); i += 3) out.add(code.substring(i, i + 3));
        return out;
    }

    static boolean religion(String part) {
        return RELIGIONS.contains(part);
    }

    private static boolean isEmpty(String text) {
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
            if (!w.isEmpty() && !EMPTY_WORDS.contains(w)) return false;
        return true;
    }

    private static String stripDeterminers(String text) {
        String[] words = text.strip().split("\\s+");
        int i = 0;
        while (i < words.length - 1 && EMPTY_WORDS.contains(words[i].toLowerCase(Locale.ROOT))) i++;
        return String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
    }

    private static Set<String> codes(String file) {
        Set<String> out = new HashSet<>();
        for (Tsv.Row r : KnowledgeFiles.builtIn().rows(file)) out.add(r.get(0));
        return Set.copyOf(out);
    }
}
