package org.sitrep.text;

import java.util.Collection;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which sentences may hold a time expression, so that SUTime, the costly time tagger, reads only those: a sentence
 * with figures ("2019", "31st") or one of the given words, whole and in any case ("Monday's", "mid-March"). The words
 * are data (the stages pass the cue kinds weekday, month and time-hint); the figures are the grammar of dates.
 */
public final class TimeWords {
    /** Every sentence: no words to go by. */
    public static final TimeWords ANY = new TimeWords(null);

    private final Pattern pattern;

    private TimeWords(Pattern pattern) {
        this.pattern = pattern;
    }

    public static TimeWords of(Collection<String> words) {
        String alternatives = new TreeSet<>(words)
                .stream().filter(w -> !w.isBlank()).map(Pattern::quote).collect(Collectors.joining("|"));
        return new TimeWords(Pattern.compile(
                "(?i)\\b(\\d{4}|\\d{1,2}(st|nd|rd|th)?" + (alternatives.isEmpty() ? "" : "|" + alternatives) + ")\\b"));
    }

    public boolean mayHoldTime(String sentence) {
        return pattern == null || pattern.matcher(sentence).find();
    }
}
