package org.sitrep.places;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Layer;
import org.sitrep.analysis.PlaceMention;
import org.sitrep.analysis.Stage;
import org.sitrep.knowledge.Gazetteer;
import org.sitrep.knowledge.Place;
import org.sitrep.text.Sentence;
import org.sitrep.text.Syntax;
import org.sitrep.text.Token;

/**
 * Toponyms: gazetteer names used as places (not as adjectives: "U.S." in "U.S. embassy" is an actor).
 * A first pass collects the document's countries so that ambiguous names prefer them.
 */
public final class PlaceStage implements Stage {
    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.SENTENCES);
    }

    @Override
    public Set<Layer> writes() {
        return Set.of(Layer.PLACES);
    }

    private static final Set<String> NOT_PLACE_RELS = Set.of("compound", "amod", "nmod:poss");
    /** Wider than {@link Syntax#LOCATIVE}, for recognising a toponym at all ("the road to Kabul", "north of Aleppo"). */
    private static final Set<String> LOCATION_CASES = java.util.stream.Stream.concat(
                    Syntax.LOCATIVE.stream(), Set.of("to", "of", "between", "over", "through", "off").stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Gazetteer gazetteer;
    private final org.sitrep.knowledge.ActorKb actors;

    /**
     * "in Baghdad", "near Mopti", "at Tehran University", a dateline: a place. "Iran said", "the U.S. embassy",
     * "blamed the United States": an actor, not a place.
     */
    private static boolean usedAsPlace(Sentence s, Token head, Place place) {
        Token h = head;
        if (NOT_PLACE_RELS.contains(head.deprel())) {
            h = s.head(head); // "at Tehran University": the facility's preposition places the city
            if (h == null || !head.deprel().equals("compound")) return false;
        }
        String c = s.caseOf(h);
        if (c != null && LOCATION_CASES.contains(c)) return true;
        if (h.index() == 0 && h.deprel().equals("root")) return true; // a dateline: "KHARTOUM, May 2 -"
        // a city named with no preposition ("Mopti, the regional capital"), not one used as an actor ("an alliance with
        // Washington")
        return c == null
                && !place.kind().equals("country")
                && !h.deprel().startsWith("nsubj")
                && !h.deprel().equals("obj")
                && h == head;
    }

    public PlaceStage(Gazetteer gazetteer) {
        this(gazetteer, null);
    }

    /** With the actor knowledge base, demonyms ("Russian", "South Korean") are listed as toponyms of their country, used as modifiers. */
    public PlaceStage(Gazetteer gazetteer, org.sitrep.knowledge.ActorKb actors) {
        this.gazetteer = gazetteer;
        this.actors = actors;
    }

    /** "Russian troops": the country a demonym names, as a toponym the text uses as a modifier, never as an event's place. */
    private void demonyms(Analysis a, Sentence s, List<PlaceMention> found) {
        for (org.sitrep.knowledge.ActorKb.NameMatch m : actors.findNames(s)) {
            if (m.form() != org.sitrep.knowledge.ActorKb.Form.ADJECTIVE
                    || m.entry().kind() != org.sitrep.knowledge.KbEntry.Kind.COUNTRY) continue;
            if (found.stream().anyMatch(p -> p.from() <= m.to() && m.from() <= p.to())) continue;
            Place country = gazetteer.lookup(m.entry().name()).stream()
                    .filter(p -> p.kind().equals("country") && m.entry().code().equals(p.country()))
                    .findFirst()
                    .orElse(null);
            if (country != null) a.addPlace(modifier(s, m.from(), m.to(), country));
        }
        for (Token t : s.tokens()) { // regions: "European", "Central American" (two words tried first)
            int i = t.index();
            if (!Character.isUpperCase(t.text().codePointAt(0))
                    || a.places().stream().anyMatch(p -> p.sentence() == s.index() && p.from() <= i && i <= p.to()))
                continue;
            Place two = i + 1 < s.size() ? gazetteer.demonym(s.text(i, i + 1)) : null;
            int to = two != null ? i + 1 : i;
            Place region = two != null ? two : gazetteer.demonym(s.text(i, i));
            String pos = s.token(to).pos();
            if (region != null && (pos.startsWith("JJ") || pos.startsWith("NNP")))
                a.addPlace(modifier(s, i, to, region));
        }
    }

    /** A toponym as the gazetteer found it, a place until its use says otherwise. */
    private static PlaceMention toponym(Sentence s, Gazetteer.Toponym t) {
        return new PlaceMention(
                s.index(),
                t.from(),
                t.to(),
                s.token(t.from()).start(),
                s.token(t.to()).end(),
                t.text(),
                t.place(),
                true);
    }

    /** A toponym the text uses as a modifier ("Russian troops"), never an event's place. */
    private static PlaceMention modifier(Sentence s, int from, int to, Place place) {
        return new PlaceMention(
                s.index(), from, to, s.token(from).start(), s.token(to).end(), s.text(from, to), place, false);
    }

    @Override
    public void process(Analysis a) {
        Set<String> countries = new HashSet<>();
        // the document's countries: those it names, and those of the places it names without ambiguity
        for (Sentence s : a.sentences()) {
            for (Gazetteer.Toponym p : gazetteer.find(s, Set.of())) {
                String c = p.place().country();
                if (c != null
                        && (p.place().kind().equals("country")
                                || p.place().kind().equals("region")
                                || gazetteer.lookup(p.text()).stream()
                                                .map(Place::country)
                                                .distinct()
                                                .count()
                                        == 1)) countries.add(c);
            }
        }
        if (a.dateline() != null) {
            // where the story was filed: in no sentence, a weak hint of the document's place (see EventStage.focus)
            Place filed = gazetteer.place(a.dateline().city(), a.dateline().country(), countries);
            if (filed != null) {
                int start = a.dateline().start();
                a.addPlace(new PlaceMention(
                        -1,
                        -1,
                        -1,
                        start,
                        start + a.dateline().city().length(),
                        a.dateline().city(),
                        filed,
                        true));
            }
        }
        for (Sentence s : a.sentences()) {
            List<PlaceMention> found = gazetteer.find(s, countries).stream()
                    .map(t -> toponym(s, t))
                    .toList();
            for (PlaceMention p : found) {
                Token head = s.headOf(p.from(), p.to());
                if (!head.isProperNoun() && !head.isNoun() || Syntax.namesCurrency(s, p.from(), p.to())) continue;
                a.addPlace(usedAsPlace(s, head, p.place()) ? p : p.asActor());
            }
            if (actors != null) demonyms(a, s, found);
        }
    }
}
