package org.sitrep.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stored events a query or an export wants: a date range (YYYY[-MM[-DD]]), an actor code prefix on
 * either side, a country (source, target or location), a PLOVER type or CAMEO root, words in the evidence.
 * Null parts select everything.
 */
public record EventFilter(String from, String to, String actor, String country, String type, String q) {

    public EventFilter(String from, String to, String actor, String country, String type) {
        this(from, to, actor, country, type, null);
    }

    public static EventFilter all() { return new EventFilter(null, null, null, null, null, null); }

    /** The SQL WHERE clause over the events table (or "" for none); its parameters are appended to {@code args}. */
    public String where(List<Object> args) {
        List<String> c = new ArrayList<>();
        if (from != null) { c.add("date >= ?"); args.add(from); }
        if (to != null) { c.add("date <= ?"); args.add(to + "\uffff"); }
        if (actor != null) { c.add("(source_code LIKE ? OR target_code LIKE ?)"); args.add(actor + "%"); args.add(actor + "%"); }
        if (country != null) { c.add("(source_country = ? OR target_country = ? OR location_country = ?)"); for (int i = 0; i < 3; i++) args.add(country); }
        if (type != null) { c.add("(plover = ? OR cameo_root = ?)"); args.add(type.toUpperCase()); args.add(type); }
        if (q != null) { c.add("evidence ILIKE ?"); args.add("%" + q + "%"); }
        return c.isEmpty() ? "" : " WHERE " + String.join(" AND ", c);
    }
}
