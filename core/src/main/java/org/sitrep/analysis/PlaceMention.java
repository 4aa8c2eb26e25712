package org.sitrep.analysis;

import org.sitrep.knowledge.Place;

/**
 * A toponym in the text: tokens [from, to] of a sentence, characters [start, end) of the document.
 * {@code locative} is true where the text uses it as a place ("in Baghdad"), false where the name
 * stands for an actor ("Washington said"); events take their location only from locative ones.
 */
public record PlaceMention(
        int sentence, int from, int to, int start, int end, String text, Place place, boolean locative) {
    public PlaceMention asActor() {
        return new PlaceMention(sentence, from, to, start, end, text, place, false);
    }
}
