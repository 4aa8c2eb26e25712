package org.sitrep.text;

/**
 * One token of an analysed sentence. Offsets are character offsets into the document text;
 * {@code head} is the index (within the sentence) of the syntactic governor, -1 for the root.
 */
public record Token(
        int index, String text, String lemma, String pos, String ner, int start, int end, int head, String deprel) {

    public boolean isVerb() {
        return pos.startsWith("VB");
    }

    public boolean isNoun() {
        return pos.startsWith("NN");
    }

    public boolean isProperNoun() {
        return pos.startsWith("NNP");
    }

    public boolean isPronoun() {
        return pos.startsWith("PRP") || pos.equals("WP");
    }

    public String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
    /** The relation's main part: "obl:tmod" -> "obl". */
    public String relation() {
        int colon = deprel.indexOf(':');
        return colon < 0 ? deprel : deprel.substring(0, colon);
    }
}
