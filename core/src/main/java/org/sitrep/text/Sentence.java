package org.sitrep.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A sentence with its tokens, basic Universal Dependencies tree and the time expressions found in it. */
public record Sentence(int index, int start, int end, String text, List<Token> tokens, List<TimeExpression> times) {

    public Sentence {
        tokens = List.copyOf(tokens);
        times = List.copyOf(times);
    }

    public Sentence(int index, int start, int end, String text, List<Token> tokens) {
        this(index, start, end, text, tokens, List.of());
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    public int size() {
        return tokens.size();
    }

    public Token head(Token t) {
        return t.head() < 0 ? null : tokens.get(t.head());
    }

    public List<Token> children(Token t) {
        List<Token> out = new ArrayList<>();
        for (Token c : tokens) if (c.head() == t.index()) out.add(c);
        return out;
    }

    /** Children whose relation is {@code rel} or a subtype of it ("obl" matches "obl:tmod"). */
    public List<Token> children(Token t, String rel) {
        List<Token> out = new ArrayList<>();
        for (Token c : tokens) {
            if (c.head() == t.index() && (c.deprel().equals(rel) || c.deprel().startsWith(rel + ":"))) out.add(c);
        }
        return out;
    }

    public Token child(Token t, String rel) {
        List<Token> c = children(t, rel);
        return c.isEmpty() ? null : c.get(0);
    }

    /** True when {@code ancestor} dominates {@code t} (or is t). */
    public boolean dominates(Token ancestor, Token t) {
        for (Token x = t; x != null; x = head(x)) {
            if (x.index() == ancestor.index()) return true;
        }
        return false;
    }

    /**
     * The head of tokens [from, to]: the token whose governor lies outside the span (the root's counts as outside).
     * A span that is not one phrase has several such tokens; the one highest in the tree wins, and of equally high
     * ones the last, since English phrases end on their head ("the U.S. embassy", "in response to").
     */
    public Token headOf(int from, int to) {
        Token best = tokens.get(to);
        int bestDepth = Integer.MAX_VALUE;
        for (int k = from; k <= to; k++) {
            Token t = tokens.get(k);
            if (t.head() >= from && t.head() <= to) continue;
            int d = depth(t);
            if (d <= bestDepth) {
                best = t;
                bestDepth = d;
            }
        }
        return best;
    }

    /** Steps from the token up to the root (0 for the root). */
    public int depth(Token t) {
        int d = 0;
        for (Token x = head(t); x != null && d < tokens.size(); x = head(x)) d++;
        return d;
    }

    /** The token's subtree as a contiguous index range [first, last]. */
    public int[] span(Token t) {
        int lo = t.index(), hi = t.index();
        for (Token c : tokens) {
            if (dominates(t, c)) {
                lo = Math.min(lo, c.index());
                hi = Math.max(hi, c.index());
            }
        }
        return new int[] {lo, hi};
    }

    /**
     * Document text between two token indices, inclusive, with each token as the model read it: where uncased text
     * was truecased ({@link Casing}), "ahmedabad" reads "Ahmedabad" here, while {@link #text()} stays as written.
     */
    public String text(int from, int to) {
        String raw =
                text.substring(tokens.get(from).start() - start, tokens.get(to).end() - start);
        char[] cased = null;
        for (int k = from; k <= to; k++) {
            Token t = tokens.get(k);
            int at = t.start() - tokens.get(from).start();
            if (t.end() - t.start() != t.text().length()
                    || at < 0
                    || at + t.text().length() > raw.length()
                    || raw.startsWith(t.text(), at)
                    || !raw.regionMatches(true, at, t.text(), 0, t.text().length())) continue;
            if (cased == null) cased = raw.toCharArray();
            t.text().getChars(0, t.text().length(), cased, at);
        }
        return cased == null ? raw : new String(cased);
    }

    /** The preposition or case marker attached to a nominal ("against" in "against X"). */
    public String caseOf(Token t) {
        for (Token c : tokens) {
            if (c.head() == t.index() && c.deprel().equals("case")) return c.lower();
        }
        return null;
    }

    /** True when t has a "mark" child spelled {@code word} ("to" of an infinitive, "if" of a condition). */
    public boolean hasMark(Token t, String word) {
        for (Token c : children(t, "mark")) if (c.lower().equals(word)) return true;
        return false;
    }

    /** Multi-word case markers such as "in response to" are reduced to their last word by UD; this joins them. */
    public String caseSequence(Token t) {
        StringBuilder sb = new StringBuilder();
        for (Token c : tokens) {
            if (c.head() == t.index()
                    && (c.deprel().equals("case") || c.deprel().equals("fixed"))) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(c.text().toLowerCase(Locale.ROOT));
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
