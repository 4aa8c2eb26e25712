package org.sitrep.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.Mention;
import org.sitrep.analysis.Quote;
import org.sitrep.analysis.Stage;
import org.sitrep.knowledge.Cues;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/**
 * Finds quoted speech and who said it: a speech verb beside the quote ("“...,” Trump tweeted";
 * "Trump said: “...”") or an embedded tweet's signature line ("— Name (@handle) date"). First-person
 * pronouns inside a quote then stand for the speaker ("we" for the speaker's country).
 */
public final class QuoteStage implements Stage {
    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES, Layer.MENTIONS);
    }

    @Override
    public Set<Layer> writes() {
        return Set.of(Layer.QUOTES, Layer.MENTIONS);
    }

    private final Cues cues;

    public QuoteStage(Cues cues) {
        this.cues = cues;
    }

    // Horizontal space only, possessive: "\s*" at a line start ran on across every following blank line and
    // backtracked through them, quadratic in a run of blank lines.
    private static final Pattern SIGNATURE =
            Pattern.compile("(?m)^[ \\t]*+[—–-]{1,2}[ \\t]*+([^()\\n]{3,80}?)[ \\t]*\\(@\\w+\\)");
    private static final Set<String> FIRST_PERSON = Set.of("we", "us", "our", "i", "me", "my");

    @Override
    public void process(Analysis a) {
        String text = a.text();
        a.setQuotes(new ArrayList<>());
        findMarkedQuotes(a, text);
        findSignedTweets(a, text);
        resolveFirstPerson(a);
    }

    private void findMarkedQuotes(Analysis a, String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            // typewriter quotes as TeX and older wire copy write them, ``...'', and the mixed pairs of copy that went
            // through several systems: “...’’, ‘‘...''
            boolean doubled = text.startsWith("``", i) || text.startsWith("‘‘", i);
            List<String> closers =
                    doubled || c == '“' ? CLOSE_DOUBLE : c == '"' ? List.of("\"") : c == '«' ? List.of("»") : null;
            if (closers == null) {
                i++;
                continue;
            }
            int open = doubled ? 2 : 1;
            int end = -1;
            String close = null;
            for (String cl : closers) {
                int k = closing(text, cl, i + open);
                if (k >= 0 && (end < 0 || k < end)) {
                    end = k;
                    close = cl;
                }
            }
            int para = text.indexOf("\n\n", i + open);
            if (end < 0 || (para >= 0 && para < end)) {
                i++;
                continue;
            }
            String inner = text.substring(i + open, end);
            if (inner.trim().split("\\s+").length >= 4) {
                Quote q = withSpeaker(a, i + open, end, inner);
                if (q != null) a.addQuote(q);
            }
            i = end + close.length();
        }
    }

    private static final List<String> CLOSE_DOUBLE = List.of("”", "''", "’’");

    /** Where a closing quote mark is, from {@code from}; a doubled apostrophe before a letter ("state''s") is none. */
    private static int closing(String text, String close, int from) {
        int k = text.indexOf(close, from);
        while (k >= 0 && close.length() == 2 && k + 2 < text.length() && Character.isLetterOrDigit(text.charAt(k + 2)))
            k = text.indexOf(close, k + 2);
        return k;
    }

    /** The speech verb after the quote in the sentence where it closes, else before it where it opens. */
    private Quote withSpeaker(Analysis a, int start, int end, String inner) {
        int closing = a.sentenceAt(end);
        int opening = a.sentenceAt(start);
        for (int si : new int[] {closing, opening}) {
            if (si < 0) continue;
            Sentence s = a.sentences().get(si);
            for (Token t : s.tokens()) {
                boolean outside = si == closing ? t.start() > end : t.end() < start;
                if (!outside || !t.isVerb() || !cues.is("speech", t.lemma())) continue;
                Token subj = s.child(t, "nsubj");
                if (subj == null) continue;
                return new Quote(
                        start,
                        end,
                        inner,
                        si,
                        subj.index(),
                        s.text(s.span(subj)[0], subj.index()),
                        si,
                        t.index(),
                        t.lemma());
            }
        }
        return null;
    }

    private void findSignedTweets(Analysis a, String text) {
        Matcher m = SIGNATURE.matcher(text);
        while (m.find()) {
            int lineStart = m.start();
            // the quoted paragraph is the non-empty line(s) just above the signature
            int paraEnd = lineStart;
            while (paraEnd > 0 && Character.isWhitespace(text.charAt(paraEnd - 1))) paraEnd--;
            int paraStart = text.lastIndexOf('\n', paraEnd - 1) + 1;
            if (paraEnd <= paraStart) continue;
            int si = a.sentenceAt(m.start(1));
            if (si < 0) continue;
            Sentence s = a.sentences().get(si);
            int speaker = -1;
            for (Mention mention : a.mentions().get(si)) {
                int off = s.token(mention.head()).start();
                if (off >= m.start(1) && off < m.end(1)) {
                    speaker = mention.head();
                    break;
                }
            }
            if (speaker < 0) continue;
            a.addQuote(new Quote(
                    paraStart,
                    paraEnd,
                    text.substring(paraStart, paraEnd),
                    si,
                    speaker,
                    m.group(1).trim(),
                    -1,
                    -1,
                    "tweet"));
        }
    }

    private void resolveFirstPerson(Analysis a) {
        for (Sentence s : a.sentences()) {
            List<Mention> ms = a.mentions().get(s.index());
            for (Token t : s.tokens()) {
                if (!FIRST_PERSON.contains(t.lower()) || !t.isPronoun()) continue;
                Quote q = a.quoteAt(t.start());
                if (q == null) continue;
                Mention speaker = a.mentionAt(q.speakerSentence(), q.speakerToken());
                if (speaker == null) continue;
                boolean plural = Set.of("we", "us", "our").contains(t.lower());
                Mention p;
                if (plural
                        && speaker.country() != null
                        && speaker.entry() != null
                        && speaker.entry().isPerson()) {
                    // "we" in a leader's mouth is the government they speak for
                    String code = speaker.code() != null ? speaker.code() : speaker.country() + "GOV";
                    p = new Mention(
                            s.index(),
                            t.index(),
                            t.index(),
                            t.index(),
                            speaker.words(),
                            Mention.Kind.PRONOUN,
                            null,
                            speaker.country(),
                            code,
                            speaker.country(),
                            sectorsOf(code, speaker.country()),
                            List.of(),
                            false,
                            null,
                            speaker);
                } else {
                    p = Mention.pronoun(speaker, s.index(), t.index());
                }
                ms.add(p);
            }
            ms.sort(java.util.Comparator.comparingInt(Mention::from));
        }
    }

    private static List<String> sectorsOf(String code, String country) {
        List<String> out = new ArrayList<>();
        for (int k = country.length(); k + 3 <= code.length(); k += 3) out.add(code.substring(k, k + 3));
        return out;
    }
}
