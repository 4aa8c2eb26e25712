package org.sitrep.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sitrep.sources.Document;
import org.sitrep.text.Dateline;
import org.sitrep.text.Sentence;

/**
 * The one object that flows through the pipeline: the document and every layer the stages add to it
 * (sentences, places, actor mentions, quotes, events, relations, warnings), like spaCy's Doc. Its layers are read
 * through unmodifiable views and written through its setters and adders, by the stages that declare them
 * ({@link Stage#writes()}); readers after the pipeline take it as an {@link AnalysisView}.
 */
public final class Analysis implements AnalysisView {
    public record Relation(RelationType type, EventDraft from, EventDraft to, String cue) {}

    /** What the event model read in a sentence: its PLOVER type ("none" for no event) with its probability, and
     *  where it calls an event, the mode and ACLED sub-event type with theirs (null where it gives none). */
    public record Opinion(
            String plover,
            double probability,
            String mode,
            double modeProbability,
            String acled,
            double acledProbability) {
        public boolean event() {
            return !plover.equals("none");
        }
    }

    private final Document document;
    private final LocalDate published;
    private List<Sentence> sentences = List.of();
    private Dateline dateline;
    private final List<PlaceMention> places = new ArrayList<>();
    // the per-sentence lists stay mutable: ActorStage, QuoteStage and MergeStage refine mentions in place
    private final List<List<Mention>> mentions = new ArrayList<>();
    private final List<Quote> quotes = new ArrayList<>();
    private final List<EventDraft> events = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<Integer, Opinion> opinions = new TreeMap<>();

    public Analysis(Document document, LocalDate published) {
        this.document = document;
        this.published = published;
    }

    @Override
    public Document document() {
        return document;
    }

    @Override
    public LocalDate published() {
        return published;
    }

    @Override
    public String text() {
        return document.text();
    }

    @Override
    public List<Sentence> sentences() {
        return sentences;
    }

    public void setSentences(List<Sentence> sentences) {
        this.sentences = List.copyOf(sentences);
    }

    @Override
    public Dateline dateline() {
        return dateline;
    }

    public void setDateline(Dateline dateline) {
        this.dateline = dateline;
    }

    @Override
    public List<PlaceMention> places() {
        return Collections.unmodifiableList(places);
    }

    public void addPlace(PlaceMention place) {
        places.add(place);
    }

    /** Each place mention replaced by what {@code f} makes of it (a place the teller is in is no event's place). */
    public void replacePlaces(java.util.function.UnaryOperator<PlaceMention> f) {
        places.replaceAll(f);
    }

    @Override
    public List<List<Mention>> mentions() {
        return Collections.unmodifiableList(mentions);
    }

    /** Replaces the mentions of every sentence (the lists themselves are kept, so stages may refine them in place). */
    public void setMentions(List<List<Mention>> bySentence) {
        mentions.clear();
        mentions.addAll(bySentence);
    }

    /** Adds the mentions of the next sentence. */
    public void addSentenceMentions(List<Mention> ofSentence) {
        mentions.add(ofSentence);
    }

    @Override
    public List<Quote> quotes() {
        return Collections.unmodifiableList(quotes);
    }

    public void setQuotes(List<Quote> all) {
        quotes.clear();
        quotes.addAll(all);
    }

    public void addQuote(Quote quote) {
        quotes.add(quote);
    }

    @Override
    public List<EventDraft> events() {
        return Collections.unmodifiableList(events);
    }

    public void setEvents(List<EventDraft> all) {
        events.clear();
        events.addAll(all);
    }

    public void addEvent(EventDraft event) {
        events.add(event);
    }

    public void addEvents(Collection<EventDraft> more) {
        events.addAll(more);
    }

    public void sortEvents(Comparator<? super EventDraft> order) {
        events.sort(order);
    }

    @Override
    public List<Relation> relations() {
        return Collections.unmodifiableList(relations);
    }

    public void addRelation(Relation relation) {
        relations.add(relation);
    }

    @Override
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    public void addWarning(String warning) {
        warnings.add(warning);
    }

    @Override
    public Map<Integer, Opinion> opinions() {
        return Collections.unmodifiableMap(opinions);
    }

    public void putOpinion(int sentence, Opinion opinion) {
        opinions.put(sentence, opinion);
    }

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
