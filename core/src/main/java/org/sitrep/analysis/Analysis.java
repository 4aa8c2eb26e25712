package org.sitrep.analysis;

import org.sitrep.sources.Document;
import org.sitrep.text.Sentence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one object that flows through the pipeline: the document and every layer the stages add to it
 * (sentences, places, actor mentions, quotes, events, relations, warnings), like spaCy's Doc.
 */
public final class Analysis {
    public record Relation(String type, EventDraft from, EventDraft to, String cue) {}

    /** What the event model read in a sentence: its PLOVER type ("none" for no event) with its probability, and
     *  where it calls an event, the mode and ACLED sub-event type with theirs (null where it gives none). */
    public record Opinion(String plover, double probability, String mode, double modeProbability, String acled, double acledProbability) {
        public boolean event() { return !plover.equals("none"); }
    }

    public final Document document;
    public final LocalDate published;
    public List<Sentence> sentences = List.of();
    /** The wire dateline the text starts with, or null. */
    public org.sitrep.text.Dateline dateline;
    public List<PlaceMention> places = new ArrayList<>();
    public List<List<Mention>> mentions = new ArrayList<>();
    public List<Quote> quotes = new ArrayList<>();
    public List<EventDraft> events = new ArrayList<>();
    public List<Relation> relations = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    /** The event model's opinion of each sentence it was asked about, by sentence index (only with the model). */
    public final java.util.Map<Integer, Opinion> opinions = new java.util.TreeMap<>();

    public Analysis(Document document, LocalDate published) {
        this.document = document;
        this.published = published;
    }

    public String text() { return document.text(); }

    /** The mention whose head is token {@code token} of sentence {@code sentence}, or null. */
    public Mention mentionAt(int sentence, int token) {
        for (Mention m : mentions.get(sentence)) if (m.head() == token) return m;
        return null;
    }

    /** The mention covering token {@code token}, or null. */
    public Mention mentionCovering(int sentence, int token) {
        for (Mention m : mentions.get(sentence)) if (m.contains(token)) return m;
        return null;
    }

    public Quote quoteAt(int offset) {
        for (Quote q : quotes) if (q.covers(offset)) return q;
        return null;
    }

    public int sentenceAt(int offset) {
        for (Sentence s : sentences) if (offset >= s.start() && offset < s.end() + 1) return s.index();
        return -1;
    }
}
