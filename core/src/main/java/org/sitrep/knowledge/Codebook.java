package org.sitrep.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CAMEO event codes with their Goldstein score, quad class and PLOVER type and mode (data/events/cameo.tsv). */
public final class Codebook {

    public record Code(String code, String name, double goldstein, int quadClass, String plover, String mode) {
        public String root() {
            return code.substring(0, 2);
        }

        public boolean hostile() {
            return goldstein < 0;
        }
    }

    private final Map<String, Code> codes = new LinkedHashMap<>();
    /** cameo.tsv columns 7-9 by code: how a statement of the code frames its content, the intent and threat codes of a root. */
    private final Map<String, String> framed = new java.util.HashMap<>();

    private final Map<String, String> intentCodes = new java.util.HashMap<>();
    private final Map<String, String> threatCodes = new java.util.HashMap<>();
    private final Map<String, String> ploverTypes = new LinkedHashMap<>();
    private final Map<String, List<String>> contextCues = new java.util.HashMap<>();
    private final Map<String, List<String>> strongContextCues = new java.util.HashMap<>();

    public static Codebook load(KnowledgeFiles files) {
        Codebook b = new Codebook();
        for (Tsv.Row r : files.rows("events/cameo.tsv")) {
            try {
                b.codes.put(
                        r.get(0),
                        new Code(
                                r.get(0),
                                r.get(1),
                                Double.parseDouble(r.get(2)),
                                Integer.parseInt(r.get(3)),
                                r.get(4).isEmpty() ? null : r.get(4),
                                r.get(5).isEmpty() ? null : r.get(5)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(r.where() + ": bad number in " + String.join(" | ", r.cells()));
            }
            // a later row's empty cells keep what an earlier one said: a --kb row may change a score and keep the
            // framing
            if (!r.get(6).isEmpty()) b.framed.put(r.get(0), r.get(6));
            if (!r.get(7).isEmpty()) b.intentCodes.put(r.get(0), r.get(7));
            if (!r.get(8).isEmpty()) b.threatCodes.put(r.get(0), r.get(8));
        }
        for (Tsv.Row r : files.rows("events/plover.tsv")) b.ploverTypes.put(r.get(0), r.get(3));
        for (Tsv.Row r : files.rows("events/contexts.tsv")) {
            for (String cue : r.list(1))
                b.contextCues
                        .computeIfAbsent(cue.toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>())
                        .add(r.get(0));
            for (String cue : r.list(2))
                b.strongContextCues
                        .computeIfAbsent(cue.toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>())
                        .add(r.get(0));
        }
        return b;
    }

    /**
     * PLOVER contexts a sentence is about (data/events/contexts.tsv): one strong cue ("cartel"), or two different
     * cues ("drug" and "smuggling"); one common word is not enough ("police" does not make a sentence about crime).
     * Cues match lemmas, or the lower-case text for multi-word cues ("human rights").
     */
    public List<String> contexts(org.sitrep.text.Sentence s) {
        java.util.Set<String> present = new java.util.HashSet<>();
        for (org.sitrep.text.Token t : s.tokens()) present.add(t.lemma().toLowerCase(java.util.Locale.ROOT));
        String text = " " + s.text().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}-]+", " ") + " ";
        for (Map<String, List<String>> cues : List.of(contextCues, strongContextCues)) {
            for (String cue : cues.keySet()) if (cue.contains(" ") && text.contains(" " + cue + " ")) present.add(cue);
        }
        java.util.Set<String> out = new java.util.TreeSet<>();
        Map<String, Integer> weak = new java.util.HashMap<>();
        for (String cue : present) {
            out.addAll(strongContextCues.getOrDefault(cue, List.of()));
            for (String c : contextCues.getOrDefault(cue, List.of()))
                if (weak.merge(c, 1, Integer::sum) >= 2) out.add(c);
        }
        return List.copyOf(out);
    }

    /** The code itself, or the nearest more general code that exists ("1123" -> "112" -> "11"). */
    public Code get(String code) {
        for (String c = code;
                c != null && c.length() >= 2;
                c = c.length() > 2 ? c.substring(0, c.length() - 1) : null) {
            Code found = codes.get(c);
            if (found != null) return found.code().equals(code) ? found : withCode(found, code);
        }
        return null;
    }

    private Code withCode(Code general, String code) {
        return new Code(
                code, general.name(), general.goldstein(), general.quadClass(), general.plover(), general.mode());
    }

    /**
     * What a statement of this code makes of the event it is about ("demanded", "promised", "threatened", "rejected",
     * "content"): the code's own framing, else its root's; null when it frames none (cameo.tsv column 7).
     */
    public String framing(String code) {
        String own = framed.get(code);
        return own != null ? own : framed.get(code.substring(0, 2));
    }

    /** The code of a stated intention to do an act of this root ("will support" -> 032), or null (cameo.tsv column 8). */
    public String intentCode(String root) {
        return intentCodes.get(root);
    }

    /** The code of a threat to do an act of this root ("would blockade" -> 133), or null (cameo.tsv column 9). */
    public String threatCode(String root) {
        return threatCodes.get(root);
    }

    public boolean has(String code) {
        return codes.containsKey(code);
    }

    public List<Code> all() {
        return List.copyOf(codes.values());
    }

    public Map<String, String> ploverTypes() {
        return ploverTypes;
    }
}
