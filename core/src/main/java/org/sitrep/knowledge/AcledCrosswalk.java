package org.sitrep.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ACLED's event and sub-event type of a coded event, from an ordered rule table (data/events/acled.tsv): the first
 * rule whose conditions all hold decides. The conditions ask questions of an {@link Facts} the stage fills in, so the
 * table and its language can be tested without a parse.
 */
public final class AcledCrosswalk {

    public static final List<String> EVENT_TYPES = List.of(
            "Battles",
            "Explosions/Remote violence",
            "Violence against civilians",
            "Protests",
            "Riots",
            "Strategic developments");

    /** ACLED's answer for one event, with the table line that gave it. */
    public record Type(String eventType, String subEventType, String rule) {}

    /** A named set of CAMEO sectors, or of lowercase words and phrases. */
    public record Group(String name, boolean sectors, Set<String> members) {}

    /** What a condition may ask about one event; the stage answers from the analysis. */
    public interface Facts {
        String plover();

        String cameo();

        String mode();

        List<String> contexts();
        /** Whether an actor on that side ("source" or "target") is in the group, and whether the side is empty. */
        boolean side(String side, Group group);

        boolean sideEmpty(String side);
        /** Words of the group in what the act was done to, in the trigger ("destroyed", "set on fire"), in the
         *  sentence, or in the sentence and its neighbours. */
        boolean object(Group group);

        boolean trigger(Group group);

        boolean words(Group group);

        boolean near(Group group);
        /** Another event near this one of the PLOVER type, and (when modes are given) one of those modes. */
        boolean event(String plover, Set<String> modes);

        boolean killed();
    }

    private record Condition(String key, List<String> values, boolean negated, String where) {}

    private record Rule(List<Condition> when, String eventType, String subEventType, String where) {}

    private final Map<String, Group> groups = new HashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, String> eventTypes = new HashMap<>(); // sub-event type -> its event type
    private final Map<String, Set<String>> subEventTypes =
            new HashMap<>(); // PLOVER type -> the sub-event types rows give it
    private final Set<String> byTypeAlone = new java.util.HashSet<>(); // rows that decide by the PLOVER type alone
    private final Set<String> genericTypes = new java.util.HashSet<>(); // the PLOVER types of those rows
    private double modelGeneric = 2, modelAny = 2; // least model probabilities (above 1: never)

    public static AcledCrosswalk load(KnowledgeFiles files) {
        AcledCrosswalk out = new AcledCrosswalk();
        List<Tsv.Row> ruleRows = new ArrayList<>();
        for (Tsv.Row r : files.rows("events/acled.tsv")) {
            switch (r.get(0)) {
                case "group" -> {
                    if (!r.get(2).equals("sectors") && !r.get(2).equals("words"))
                        throw new IllegalArgumentException(
                                r.where() + ": a group holds 'sectors' or 'words', not '" + r.get(2) + "'");
                    Set<String> members = new java.util.LinkedHashSet<>();
                    for (String m : r.list(3)) members.add(r.get(2).equals("words") ? m.toLowerCase(Locale.ROOT) : m);
                    out.groups.put(r.get(1), new Group(r.get(1), r.get(2).equals("sectors"), Set.copyOf(members)));
                }
                case "rule" -> ruleRows.add(r);
                case "model" -> {
                    double least = Double.parseDouble(r.get(2));
                    switch (r.get(1)) {
                        case "generic" -> out.modelGeneric = least;
                        case "any" -> out.modelAny = least;
                        default ->
                            throw new IllegalArgumentException(
                                    r.where() + ": a model row is for 'generic' or 'any' rows, not '" + r.get(1) + "'");
                    }
                }
                default ->
                    throw new IllegalArgumentException(
                            r.where() + ": a row is 'group', 'rule' or 'model', not '" + r.get(0) + "'");
            }
        }
        // Rules after groups, so a user layer may add a group its rules use; a user's rules come after the built-in
        // ones and so only decide what those leave open.
        for (Tsv.Row r : ruleRows) out.rules.add(out.rule(r));
        for (Rule rule : out.rules) {
            if (rule.subEventType.equals("-")) continue;
            out.eventTypes.put(rule.subEventType, rule.eventType);
            for (Condition c : rule.when)
                if (c.key.equals("type") && !c.negated)
                    for (String t : c.values)
                        out.subEventTypes
                                .computeIfAbsent(t, k -> new java.util.HashSet<>())
                                .add(rule.subEventType);
            if (rule.when.stream().allMatch(c -> c.key.equals("type") && !c.negated)) {
                out.byTypeAlone.add(rule.where);
                for (Condition c : rule.when) out.genericTypes.addAll(c.values);
            }
        }
        return out;
    }

    /** Whether {@link #refine} can ever change the answer for an event of this PLOVER type (so the model need read it). */
    public boolean refines(String plover) {
        if (modelAny <= 1 && subEventTypes.containsKey(plover)) return true;
        return modelGeneric <= 1 && genericTypes.contains(plover);
    }

    /**
     * Whether {@link #refine} could change this answer of the table for an event of this PLOVER type: the answer is an
     * ACLED type, it came from a row that decides by the type alone (or "model any" is on), and the table gives that
     * PLOVER type some other sub-event type. Else the event model need not read the event's sentence.
     */
    public boolean refinable(Type table, String plover) {
        Set<String> subs = subEventTypes.get(plover);
        if (table == null || subs == null) return false;
        // the model can only put another of the type's sub-event types in place of the table's ("Agreement": none)
        if (subs.size() == 1 && subs.contains(table.subEventType())) return false;
        return modelAny <= 1 || modelGeneric <= 1 && byTypeAlone.contains(table.rule());
    }

    /**
     * Whether the table gives events of this PLOVER type a choice of ACLED sub-event types, so that their mode may matter
     * (an agreement is an "Agreement" whatever its mode; a rejection no ACLED event at all).
     */
    public boolean types(String plover) {
        return subEventTypes.getOrDefault(plover, Set.of()).size() > 1;
    }

    /** ACLED's event type of a sub-event type the table gives, or null. */
    public String eventType(String subEventType) {
        return eventTypes.get(subEventType);
    }

    /**
     * The event model's sub-event type in place of the table's, where the rules and the model agree on the event's PLOVER
     * type: when the table decided by that type alone (a "model generic" row gives the least probability) or the model
     * is very sure ("model any"), and the table can give that sub-event type to that PLOVER type at all. Else the
     * table's answer, which stays when it is none: "not an ACLED event" is the table's to say.
     */
    public Type refine(Type table, String plover, String modelSub, double probability) {
        if (table == null || modelSub == null || modelSub.equals(table.subEventType())) return table;
        if (!subEventTypes.getOrDefault(plover, Set.of()).contains(modelSub)) return table;
        double least = byTypeAlone.contains(table.rule()) ? Math.min(modelGeneric, modelAny) : modelAny;
        if (probability < least) return table;
        return new Type(
                eventTypes.get(modelSub),
                modelSub,
                String.format(
                        Locale.ROOT, "model (%.2f) over %s: %s", probability, table.rule(), table.subEventType()));
    }

    private Rule rule(Tsv.Row r) {
        String eventType = r.get(2), sub = r.get(3);
        if (!eventType.equals("-") && !EVENT_TYPES.contains(eventType))
            throw new IllegalArgumentException(
                    r.where() + ": '" + eventType + "' is not one of ACLED's event types " + EVENT_TYPES);
        if (sub.isEmpty())
            throw new IllegalArgumentException(r.where() + ": a rule needs a sub-event type ('-' for none)");
        List<Condition> when = new ArrayList<>();
        for (String c : r.get(1).trim().split("\\s+")) {
            if (c.isEmpty()) continue;
            boolean neg = c.startsWith("!");
            if (neg) c = c.substring(1);
            int eq = c.indexOf('=');
            String key = eq < 0 ? c : c.substring(0, eq);
            List<String> values =
                    eq < 0 ? List.of() : List.of(c.substring(eq + 1).split("\\|"));
            switch (key) {
                case "type", "cameo", "mode", "ctx", "event" -> {}
                case "source", "target", "object", "trigger", "words", "near" -> {
                    for (String v : values) {
                        if (v.equals("none") && (key.equals("source") || key.equals("target"))) continue;
                        if (!groups.containsKey(v))
                            throw new IllegalArgumentException(r.where() + ": unknown group '" + v + "'");
                    }
                }
                case "killed" -> {}
                default -> throw new IllegalArgumentException(r.where() + ": unknown condition '" + key + "'");
            }
            if (values.isEmpty() && !key.equals("killed"))
                throw new IllegalArgumentException(r.where() + ": '" + key + "' needs a value");
            when.add(new Condition(key, values, neg, r.where()));
        }
        return new Rule(List.copyOf(when), eventType, sub, r.where());
    }

    /** ACLED's type for the event, or null when it is not an ACLED event (talks, statements, ordinary crime). */
    public Type classify(Facts f) {
        for (Rule rule : rules) {
            if (rule.when.stream().allMatch(c -> holds(c, f) != c.negated)) {
                return rule.subEventType.equals("-") ? null : new Type(rule.eventType, rule.subEventType, rule.where);
            }
        }
        return null;
    }

    private boolean holds(Condition c, Facts f) {
        return switch (c.key) {
            case "type" -> f.plover() != null && c.values.contains(f.plover());
            case "cameo" -> f.cameo() != null && c.values.stream().anyMatch(f.cameo()::startsWith);
            case "mode" -> f.mode() != null && c.values.contains(f.mode());
            case "ctx" -> c.values.stream().anyMatch(f.contexts()::contains);
            case "source", "target" ->
                c.values.stream().anyMatch(v -> v.equals("none") ? f.sideEmpty(c.key) : f.side(c.key, groups.get(v)));
            case "object" -> c.values.stream().anyMatch(v -> f.object(groups.get(v)));
            case "trigger" -> c.values.stream().anyMatch(v -> f.trigger(groups.get(v)));
            case "words" -> c.values.stream().anyMatch(v -> f.words(groups.get(v)));
            case "near" -> c.values.stream().anyMatch(v -> f.near(groups.get(v)));
            case "event" -> event(c.values, f);
            case "killed" -> f.killed();
            default -> throw new IllegalStateException(c.where);
        };
    }

    /** "PROTEST", "PROTEST|ASSAULT", or "COERCE:repress|arrest" (one type, any of the modes). */
    private static boolean event(List<String> values, Facts f) {
        String first = values.get(0);
        int colon = first.indexOf(':');
        if (colon < 0) return values.stream().anyMatch(t -> f.event(t, Set.of()));
        Set<String> modes = new java.util.HashSet<>(values.subList(1, values.size()));
        modes.add(first.substring(colon + 1));
        return f.event(first.substring(0, colon), modes);
    }
}
