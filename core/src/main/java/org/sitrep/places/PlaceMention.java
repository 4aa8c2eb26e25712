package org.sitrep.places;

/** A toponym in the text: tokens [from, to] of a sentence, characters [start, end) of the document. */
public record PlaceMention(int sentence, int from, int to, int start, int end, String text, Place place) {}
