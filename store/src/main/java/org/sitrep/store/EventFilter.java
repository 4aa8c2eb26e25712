package org.sitrep.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stored events a query or an export wants: a date range (YYYY[-MM[-DD]]), an actor (a code prefix in capitals,
 * or words of its name as written) on either side, a country (source, target or location), a PLOVER type or
 * CAMEO root, words in the evidence, one event cluster; a directed dyad (source and target, each a code prefix or
 * words of the name), an ACLED event or sub-event type, a least confidence, hedged or not, historical or not, and
 * words of the outlet's name. Null parts select everything.
 */
public record EventFilter(
        String from,
        String to,
        String actor,
        String country,
        String type,
        String q,
        String cluster,
        String source,
        String target,
        String acled,
        Double minConfidence,
        Boolean hedged,
        Boolean historical,
        String outlet) {

    public EventFilter(String from, String to, String actor, String country, String type, String q, String cluster) {
        this(from, to, actor, country, type, q, cluster, null, null, null, null, null, null, null);
    }

    public EventFilter(String from, String to, String actor, String country, String type) {
        this(from, to, actor, country, type, null, null);
    }

    public static EventFilter all() {
        return new EventFilter(null, null, null, null, null);
    }

    /** True for a CAMEO actor code prefix ("IRN", "USAGOV"), which matches codes; anything else matches names. */
    public static boolean isCode(String actor) {
        return actor != null && actor.matches("[A-Z0-9]{3,}");
    }

    /** The SQL WHERE clause over the events table (or "" for none); its parameters are appended to {@code args}. */
    public String where(List<Object> args) {
        List<String> c = new ArrayList<>();
        if (from != null) {
            c.add("date >= ?");
            args.add(from);
        }
        if (to != null) {
            c.add("date <= ?");
            args.add(to + "\uffff");
        }
        if (isCode(actor)) { // a code: "IRN" is Iran's actors, not any name containing "irn"
            c.add("(source_code LIKE ? OR target_code LIKE ?)");
            args.add(actor + "%");
            args.add(actor + "%");
        } else if (actor != null) {
            c.add("(source_text ILIKE ? OR target_text ILIKE ?)");
            args.add("%" + actor + "%");
            args.add("%" + actor + "%");
        }
        side(c, args, "source", source);
        side(c, args, "target", target);
        if (country != null) {
            c.add("(source_country = ? OR target_country = ? OR location_country = ?)");
            for (int i = 0; i < 3; i++) args.add(country);
        }
        if (type != null) {
            c.add("(plover = ? OR cameo_root = ? OR cameo = ?)");
            args.add(type.toUpperCase(java.util.Locale.ROOT));
            args.add(type);
            args.add(type);
        }
        if (acled != null) {
            c.add("(acled_type = ? OR acled_sub_type = ?)");
            args.add(acled);
            args.add(acled);
        }
        if (minConfidence != null) {
            c.add("confidence >= ?");
            args.add(minConfidence);
        }
        if (hedged != null) {
            c.add("hedged = ?");
            args.add(hedged);
        }
        if (historical != null) {
            c.add("historical = ?");
            args.add(historical);
        }
        if (outlet != null) {
            c.add("outlet ILIKE ?");
            args.add("%" + outlet + "%");
        }
        if (q != null) {
            c.add("evidence ILIKE ?");
            args.add("%" + q + "%");
        }
        if (cluster != null) {
            c.add("cluster_id = ?");
            args.add(cluster);
        }
        return c.isEmpty() ? "" : " WHERE " + String.join(" AND ", c);
    }

    private static void side(List<String> c, List<Object> args, String column, String value) {
        if (value == null) return;
        if (isCode(value)) {
            c.add(column + "_code LIKE ?");
            args.add(value + "%");
        } else {
            c.add(column + "_text ILIKE ?");
            args.add("%" + value + "%");
        }
    }
}
