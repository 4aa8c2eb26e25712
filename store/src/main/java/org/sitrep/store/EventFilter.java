package org.sitrep.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stored events a query or an export wants: a date range (YYYY[-MM[-DD]]), an actor (a code prefix in capitals,
 * or words of its name as written) on either side, a country (source, target or location), a PLOVER type or
 * CAMEO root, words in the evidence, one event cluster. Null parts select everything.
 */
public record EventFilter(String from, String to, String actor, String country, String type, String q, String cluster) {

    public EventFilter(String from, String to, String actor, String country, String type) {
        this(from, to, actor, country, type, null, null);
    }

    public static EventFilter all() { return new EventFilter(null, null, null, null, null); }

    /** The SQL WHERE clause over the events table (or "" for none); its parameters are appended to {@code args}. */
    public String where(List<Object> args) {
        List<String> c = new ArrayList<>();
        if (from != null) { c.add("date >= ?"); args.add(from); }
        if (to != null) { c.add("date <= ?"); args.add(to + "\uffff"); }
        if (actor != null && actor.matches("[A-Z0-9]{3,}")) {  // a code: "IRN" is Iran's actors, not any name containing "irn"
            c.add("(source_code LIKE ? OR target_code LIKE ?)"); args.add(actor + "%"); args.add(actor + "%");
        } else if (actor != null) {
            c.add("(source_text ILIKE ? OR target_text ILIKE ?)"); args.add("%" + actor + "%"); args.add("%" + actor + "%");
        }
        if (country != null) { c.add("(source_country = ? OR target_country = ? OR location_country = ?)"); for (int i = 0; i < 3; i++) args.add(country); }
        if (type != null) { c.add("(plover = ? OR cameo_root = ? OR cameo = ?)"); args.add(type.toUpperCase()); args.add(type); args.add(type); }
        if (q != null) { c.add("evidence ILIKE ?"); args.add("%" + q + "%"); }
        if (cluster != null) { c.add("cluster_id = ?"); args.add(cluster); }
        return c.isEmpty() ? "" : " WHERE " + String.join(" AND ", c);
    }
}
