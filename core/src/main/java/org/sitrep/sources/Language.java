package org.sitrep.sources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A cheap language guess, good enough to keep non-English text away from an English-only coder. Non-Latin scripts
 * give the language away; Latin-script text is told apart by the share of each language's commonest function words.
 */
final class Language {

    private Language() {}

    static final String ENGLISH = "en";
    static final String UNKNOWN = "und";

    /** How much text is looked at: enough for stable shares, cheap for long documents. */
    private static final int SAMPLE = 2000;
    /** Below this many letters there is too little to judge; such snippets are assumed to be English. */
    private static final int MIN_LETTERS = 40;

    private static final int SAMPLE_WORDS = 400;
    private static final int MAX_WORD = 40;

    /** The 100 commonest English function words (and a few near-function words frequent in news). */
    private static final Set<String> EN = Set.of(
            "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "on", "was", "with", "as", "he", "be", "by",
            "at", "have", "are", "this", "not", "but", "had", "from", "his", "they", "she", "or", "an", "were", "her",
            "which", "there", "been", "has", "their", "we", "will", "would", "who", "all", "one", "said", "you", "i",
            "if", "more", "can", "when", "about", "no", "up", "out", "so", "what", "its", "into", "them", "than",
            "other", "some", "could", "also", "after", "over", "only", "any", "new", "two", "first", "these", "may",
            "then", "do", "our", "him", "most", "such", "did", "should", "those", "because", "between", "before",
            "while", "where", "during", "against", "under", "since", "says", "told", "being", "us", "how", "both",
            "through", "each", "very", "does", "off", "just", "many", "people", "last");

    // Other Latin-script languages, so that e.g. "in" or "a" do not make Italian look English.
    private static final Map<String, Set<String>> LATIN = new LinkedHashMap<>();

    static {
        LATIN.put(
                "fr",
                Set.of(
                        "le", "la", "les", "de", "des", "du", "et", "en", "un", "une", "est", "que", "qui", "dans",
                        "pour", "pas", "sur", "au", "aux", "par", "avec", "il", "elle", "ce", "cette", "ont", "sont",
                        "été", "ne", "se", "plus", "mais", "ou", "leur", "selon", "nous", "vous", "l", "d", "qu", "à",
                        "s"));
        LATIN.put(
                "de",
                Set.of(
                        "der", "die", "das", "und", "zu", "den", "von", "mit", "ist", "im", "dem", "nicht", "ein",
                        "eine", "auch", "es", "sich", "auf", "für", "des", "sie", "wird", "wurde", "nach", "bei", "aus",
                        "hat", "sind", "einer", "am", "als", "dass", "zum", "zur", "über", "werden", "noch", "vor"));
        LATIN.put(
                "es",
                Set.of(
                        "el", "la", "los", "las", "de", "del", "y", "en", "que", "un", "una", "es", "por", "con",
                        "para", "se", "no", "al", "lo", "su", "sus", "como", "más", "pero", "fue", "ha", "sobre",
                        "este", "esta", "entre", "han", "según", "muy", "también"));
        LATIN.put(
                "it",
                Set.of(
                        "il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "e", "è", "che", "un", "una", "per",
                        "con", "non", "si", "da", "al", "alla", "sono", "ha", "anche", "come", "più", "nel", "nella",
                        "ma", "dal", "stato", "l", "dell", "degli", "delle"));
        LATIN.put(
                "pt",
                Set.of(
                        "o", "os", "as", "de", "do", "da", "dos", "das", "e", "em", "no", "na", "que", "um", "uma", "é",
                        "para", "com", "não", "por", "se", "ao", "mais", "foi", "como", "mas", "pelo", "pela", "seu",
                        "sua", "são", "nos", "nas"));
        LATIN.put(
                "nl",
                Set.of(
                        "de", "het", "een", "en", "van", "op", "te", "dat", "die", "voor", "met", "zijn", "niet", "aan",
                        "er", "door", "om", "ook", "als", "bij", "naar", "werd", "heeft", "maar", "nog", "wordt", "tot",
                        "uit", "ik", "je", "hij", "ze"));
        LATIN.put(
                "tr",
                Set.of(
                        "ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "daha", "çok", "gibi", "olan", "ama",
                        "sonra", "kadar", "ise", "değil", "her", "veya", "göre", "ancak", "şu", "ne", "mi", "olduğu"));
    }

    /** ISO 639-1 code of the likely language of {@code text}, "en" for short snippets, "und" when unsure. */
    static String detect(String text) {
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        Map<Character.UnicodeScript, Integer> scripts = new LinkedHashMap<>();
        int letters = 0;
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            letters++;
            scripts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
        }
        int latin = scripts.getOrDefault(Character.UnicodeScript.LATIN, 0);
        // a script gives the language away in a few letters; only short Latin snippets are given the benefit of the
        // doubt
        if (letters > 0 && latin * 2 < letters) return byScript(sample, scripts);
        if (letters < MIN_LETTERS) return ENGLISH;
        return byFunctionWords(text);
    }

    private static String byScript(String sample, Map<Character.UnicodeScript, Integer> scripts) {
        int kana = scripts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
                + scripts.getOrDefault(Character.UnicodeScript.KATAKANA, 0);
        int han = scripts.getOrDefault(Character.UnicodeScript.HAN, 0);
        // Japanese mixes kanji with kana; Chinese has no kana
        if (kana > 0 && kana * 10 >= kana + han) return "ja";
        Character.UnicodeScript top = scripts.entrySet().stream()
                .filter(e -> e.getKey() != Character.UnicodeScript.LATIN)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(Character.UnicodeScript.UNKNOWN);
        return switch (top) {
            case HAN -> "zh";
            case HIRAGANA, KATAKANA -> "ja";
            case CYRILLIC -> containsAny(sample, "іїєґІЇЄҐ") ? "uk" : "ru";
            case ARABIC -> containsAny(sample, "پچژگ") ? "fa" : "ar"; // letters Persian has and Arabic lacks
            case HANGUL -> "ko";
            case GREEK -> "el";
            case HEBREW -> "he";
            case DEVANAGARI -> "hi";
            case THAI -> "th";
            default -> UNKNOWN;
        };
    }

    /**
     * Judged on the first {@value #SAMPLE_WORDS} words of ordinary length, so that one enormous token (a pasted
     * blob, a URL) neither fills the sample nor makes an English article look like no language at all.
     */
    private static String byFunctionWords(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length() && words.size() < SAMPLE_WORDS; i++) {
            boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0) {
                if (i - start <= MAX_WORD) words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        if (words.isEmpty()) return UNKNOWN;
        double english = share(words, EN);
        String best = ENGLISH;
        double bestShare = english;
        for (Map.Entry<String, Set<String>> lang : LATIN.entrySet()) {
            double s = share(words, lang.getValue());
            if (s > bestShare) {
                best = lang.getKey();
                bestShare = s;
            }
        }
        // English prose runs at 35-50% function words; 10% still means sentences, below that it is not English
        // prose (or it is a list of names, which there is nothing to code in either).
        return bestShare >= 0.10 ? best : UNKNOWN;
    }

    private static double share(List<String> words, Set<String> vocabulary) {
        int hits = 0;
        for (String w : words) {
            if (vocabulary.contains(w)) hits++;
        }
        return (double) hits / words.size();
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (s.indexOf(chars.charAt(i)) >= 0) return true;
        }
        return false;
    }
}
