package org.sitrep.places;

import org.sitrep.pipeline.Analysis;
import org.sitrep.pipeline.Stage;
import org.sitrep.text.Sentence;
import org.sitrep.text.Token;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Toponyms: gazetteer names used as places (not as adjectives: "U.S." in "U.S. embassy" is an actor).
 * A first pass collects the document's countries so that ambiguous names prefer them.
 */
public final class PlaceStage implements Stage {
    private static final Set<String> NOT_PLACE_RELS = Set.of("compound", "amod", "nmod:poss");
    private final Gazetteer gazetteer;

    public PlaceStage(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public void process(Analysis a) {
        Set<String> countries = new HashSet<>();
        for (Sentence s : a.sentences) {
            for (PlaceMention p : gazetteer.find(s, Set.of())) if (p.place().kind().equals("country")) countries.add(p.place().country());
        }
        for (Sentence s : a.sentences) {
            List<PlaceMention> found = gazetteer.find(s, countries);
            for (PlaceMention p : found) {
                Token head = s.token(p.to());
                for (int k = p.from(); k <= p.to(); k++) {
                    int h = s.token(k).head();
                    if (h < p.from() || h > p.to()) head = s.token(k);
                }
                if (NOT_PLACE_RELS.contains(head.deprel())) continue;
                if (!head.isProperNoun() && !head.isNoun()) continue;
                a.places.add(p);
            }
        }
    }
}
