package org.sitrep.text;

/**
 * A time expression as SUTime normalised it, anchored on the publication date: tokens [from, to] of
 * its sentence, a TIMEX3 type (DATE, TIME, DURATION, SET) and value ("2019-12-31", "2019-12", "1983",
 * "2019-W52", "PAST_REF").
 */
public record TimeExpression(int from, int to, String type, String value, String text) {}
