package org.sitrep.records;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.EventDraft;
import org.sitrep.analysis.Mention;
import org.sitrep.analysis.PlaceMention;
import org.sitrep.analysis.Quote;
import org.sitrep.sources.Document;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

/** Turns a finished analysis into its immutable, serialisable document record. */
public final class RecordBuilder {

    public static DocumentRecord build(Analysis a) {
        return new RecordBuilder(a).record();
    }

    /** A record for a document that could not be coded. */
    public static DocumentRecord failed(Document d, String published) {
        List<String> warnings = new ArrayList<>(d.warnings());
        warnings.add("error: " + d.error());
        return new DocumentRecord(
                d.id(),
                d.title(),
                d.url(),
                d.outlet(),
                published,
                d.language(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                warnings,
                d.error());
    }

    private final Analysis a;
    private final Map<String, ActorBuilder> actors = new LinkedHashMap<>();
    private final Map<String, String> placeIds = new LinkedHashMap<>();
    private final Map<EventDraft, String> eventIds = new IdentityHashMap<>();

    private static final class ActorBuilder {
        String id, text, name, actorCode, country, kb;
        List<String> sectors = List.of(), sponsors = List.of();
        final Set<String> aliases = new LinkedHashSet<>();
        boolean learned;
    }

    private RecordBuilder(Analysis a) {
        this.a = a;
    }

    private DocumentRecord record() {
        Document d = a.document();
        List<DocumentRecord.Span> sentences = a.sentences().stream()
                .map(s -> {
                    Analysis.Opinion o = a.opinions().get(s.index());
                    return new DocumentRecord.Span(
                            s.start(),
                            s.end(),
                            o == null
                                    ? null
                                    : new DocumentRecord.Model(
                                            o.plover(),
                                            o.probability(),
                                            o.mode(),
                                            o.modeProbability(),
                                            o.acled(),
                                            o.acledProbability()));
                })
                .toList();
        for (List<Mention> ms : a.mentions()) for (Mention m : ms) if (m.kind() != Mention.Kind.PRONOUN) actorId(m);
        List<DocumentRecord.PlaceRecord> places = places();
        List<DocumentRecord.EventRecord> events = new ArrayList<>();
        List<DocumentRecord.EventRecord> nonEvents = new ArrayList<>();
        int n = 0;
        for (EventDraft e : a.events()) {
            if (e.mergedInto() != null || e.code() == null) continue;
            if (e.emitted()) eventIds.put(e, "e" + (++n));
        }
        int m = 0;
        for (EventDraft e : a.events()) {
            if (e.mergedInto() != null || e.code() == null) continue;
            if (e.emitted()) events.add(event(e, eventIds.get(e)));
            else nonEvents.add(event(e, "n" + (++m)));
        }
        List<DocumentRecord.RelationRecord> relations = new ArrayList<>();
        for (Analysis.Relation r : a.relations()) {
            String from = eventIds.get(r.from()), to = eventIds.get(r.to());
            if (from != null && to != null)
                relations.add(new DocumentRecord.RelationRecord(r.type().label(), from, to, r.cue()));
        }
        List<DocumentRecord.QuoteRecord> quotes = new ArrayList<>();
        for (Quote q : a.quotes()) {
            Mention sp = a.mentionAt(q.speakerSentence(), q.speakerToken());
            quotes.add(new DocumentRecord.QuoteRecord(sp == null ? null : actorId(sp), q.text(), q.start(), q.end()));
        }
        List<DocumentRecord.ActorRecord> actorRecords = actors.values().stream()
                .map(b -> new DocumentRecord.ActorRecord(
                        b.id,
                        b.text,
                        b.name,
                        List.copyOf(b.aliases),
                        b.actorCode,
                        b.country,
                        b.sectors,
                        b.sponsors,
                        b.kb,
                        b.learned))
                .toList();
        List<String> warnings = new ArrayList<>(d.warnings());
        warnings.addAll(a.warnings());
        return new DocumentRecord(
                d.id(),
                d.title(),
                d.url(),
                d.outlet(),
                a.published().toString(),
                d.language() == null ? "en" : d.language(),
                sentences,
                actorRecords,
                places,
                events,
                nonEvents,
                relations,
                quotes,
                warnings,
                null);
    }

    private static String key(Mention m) {
        if (m.kind() == Mention.Kind.PRONOUN && m.antecedent() != null) return key(m.antecedent());
        if (m.entry() != null) return "kb:" + m.entry().id();
        if (m.kind() == Mention.Kind.NAMED && m.name() != null) {
            if (m.antecedent() != null
                    && m.antecedent().entry() == null
                    && m.antecedent().kind() == Mention.Kind.NAMED
                    && m.antecedent().name() != null
                    && m.antecedent().code() != null
                    && m.antecedent().code().equals(m.code())
                    && m.antecedent().sentence() == m.sentence()
                    && m.antecedent().from() > m.to()
                    && !m.antecedent().isPerson()) {
                return "name:" + m.name();
            }
            return "name:" + m.name();
        }
        if (m.text() == null) return "implied:" + m.code(); // an agent the act implies: one per code
        return "agent:" + m.code() + ":"
                + String.valueOf(m.text()).toLowerCase().replaceAll("^(the|a|an|some|other) ", "");
    }

    private String actorId(Mention m) {
        String k = key(m);
        ActorBuilder b = actors.get(k);
        if (b == null) {
            b = new ActorBuilder();
            b.id = "a" + (actors.size() + 1);
            b.text = m.text() != null ? m.text() : m.name();
            b.name = m.entry() != null ? m.entry().name() : m.name() != null ? m.name() : m.text();
            b.actorCode = m.code();
            b.country = m.country();
            b.sectors = m.sectors();
            b.sponsors = m.sponsors();
            b.kb = m.entry() != null ? m.entry().id() : null;
            b.learned = m.entry() == null && m.antecedent() != null && m.kind() == Mention.Kind.NAMED;
            actors.put(k, b);
        }
        if (m.kind() != Mention.Kind.PRONOUN && m.text() != null) {
            b.aliases.add(m.text());
            if (m.antecedent() != null
                    && m.kind() == Mention.Kind.NAMED
                    && b.learned
                    && m.antecedent().text() != null) {
                // "X, also known as Y": both names belong to one actor
                if (m.antecedent().entry() != null && m.antecedent().entry().isPerson())
                    b.aliases.add(m.antecedent().text());
            }
        }
        return b.id;
    }

    private List<DocumentRecord.PlaceRecord> places() {
        Map<String, List<PlaceMention>> byPlace = new LinkedHashMap<>();
        for (PlaceMention p : a.places())
            byPlace.computeIfAbsent(
                            p.place().name() + "|" + p.place().country() + "|"
                                    + p.place().lat(),
                            k -> new ArrayList<>())
                    .add(p);
        List<DocumentRecord.PlaceRecord> out = new ArrayList<>();
        for (var e : byPlace.entrySet()) {
            PlaceMention first = e.getValue().get(0);
            String id = "p" + (out.size() + 1);
            placeIds.put(e.getKey(), id);
            List<int[]> spans = e.getValue().stream()
                    .map(p -> new int[] {p.start(), p.end()})
                    .toList();
            var pl = first.place();
            out.add(new DocumentRecord.PlaceRecord(
                    id,
                    first.text(),
                    pl.name(),
                    pl.kind(),
                    pl.country(),
                    pl.admin1(),
                    pl.lat(),
                    pl.lon(),
                    pl.geonamesId(),
                    spans));
        }
        return out;
    }

    private DocumentRecord.EventRecord event(EventDraft e, String id) {
        Sentence s = a.sentences().get(e.sentence());
        Token from = s.token(e.triggerFrom()), to = s.token(e.triggerTo());
        var trigger = new DocumentRecord.Trigger(a.text().substring(from.start(), to.end()), from.start(), to.end());
        DocumentRecord.Location loc = null;
        if (e.location() != null) {
            PlaceMention p = e.location();
            var pl = p.place();
            loc = new DocumentRecord.Location(
                    p.text(),
                    placeIds.get(pl.name() + "|" + pl.country() + "|" + pl.lat()),
                    pl.name(),
                    pl.country(),
                    pl.lat(),
                    pl.lon());
        }
        DocumentRecord.Attribution attribution = e.attributionText() == null
                ? null
                : new DocumentRecord.Attribution(
                        e.attributionText(),
                        e.attributionActor() == null ? null : actorId(e.attributionActor()),
                        e.attributionCue());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (String k : List.of("killed", "injured", "arrested", "size"))
            counts.put(k, e.counts().get(k));
        List<DocumentRecord.Trigger> mentions = new ArrayList<>();
        for (int[] mref : e.mentions()) {
            Token t = a.sentences().get(mref[0]).token(mref[1]);
            mentions.add(new DocumentRecord.Trigger(t.text(), t.start(), t.end()));
        }
        return new DocumentRecord.EventRecord(
                id,
                e.sentence(),
                s.text(),
                trigger,
                e.code().code(),
                e.code().plover(),
                e.code().mode(),
                e.acled() == null
                        ? null
                        : new DocumentRecord.Acled(
                                e.acled().eventType(),
                                e.acled().subEventType(),
                                e.acled().rule()),
                e.contexts(),
                e.code().quadClass(),
                e.code().goldstein(),
                sides(e.source()),
                sides(e.target()),
                loc,
                new DocumentRecord.When(
                        e.dateValue(),
                        e.datePrecision() == null ? null : e.datePrecision().label(),
                        e.dateFrom()),
                e.historical(),
                e.polarity().label(),
                e.modality().label(),
                e.hedged(),
                attribution,
                counts,
                e.rule(),
                e.confidence(),
                mentions,
                e.note());
    }

    private List<DocumentRecord.Side> sides(List<Mention> ms) {
        List<DocumentRecord.Side> out = new ArrayList<>();
        for (Mention m : ms)
            out.add(new DocumentRecord.Side(
                    m.text(), actorId(m), m.code(), m.country(), m.sectors(), m.countryInferred()));
        return out;
    }
}
