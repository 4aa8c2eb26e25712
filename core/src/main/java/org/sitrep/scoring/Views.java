package org.sitrep.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.knowledge.AcledCrosswalk;
import org.sitrep.knowledge.Codebook;
import org.sitrep.model.ModelStage;

/**
 * Three readings of document records coded with the event model ({@code sitrep code --model}), for comparing them on
 * the same gold: the rules alone (the record without what the model added, moved or changed), the model alone (one
 * event for each sentence the model read as an event, whatever its probability) and both (the record as it is).
 * The model alone speaks only for the sentences it was asked about (see {@link ModelStage}); its events have no
 * actors, and their text comes from the documents, when given.
 */
public final class Views {
    public enum View {
        RULES,
        MODEL,
        BOTH
    }

    private static final Pattern DOUBT =
            Pattern.compile("; the model doubts it \\(no event [0-9.]+, confidence ([0-9.]+)\\)");
    private static final Pattern MODE = Pattern.compile(", mode [^ ]+ \\([0-9.]+\\): ([0-9]+) -> [0-9]+");
    private static final Pattern TABLE = Pattern.compile("^model \\([0-9.]+\\) over (.+): (.+)$");

    private final Codebook codebook;
    private final AcledCrosswalk crosswalk;
    private final Map<String, Codebook.Code> byMode = new LinkedHashMap<>(), byType = new LinkedHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    public Views(Codebook codebook, AcledCrosswalk crosswalk) {
        this.codebook = codebook;
        this.crosswalk = crosswalk;
        for (Codebook.Code c : codebook.all()) {
            if (c.plover() == null) continue;
            if (c.mode() != null)
                byMode.merge(
                        c.plover() + "/" + c.mode(),
                        c,
                        (a, b) -> b.code().length() < a.code().length() ? b : a);
            else
                byType.merge(
                        c.plover(), c, (a, b) -> b.code().length() < a.code().length() ? b : a);
        }
    }

    /** Whether the record was coded with the event model (some sentence carries its opinion). */
    public static boolean modelRead(JsonNode record) {
        for (JsonNode s : record.path("sentences")) if (s.has("model")) return true;
        return false;
    }

    /** Where an event came from: "model" (added by it), "both" (a rule event the model agreed with) or "rules". */
    public static String foundBy(JsonNode event) {
        String rule = event.path("rule").asText("");
        if (rule.startsWith("model:")) return "model";
        return rule.contains(ModelStage.AGREES) ? "both" : "rules";
    }

    /** The record as {@code view} reads it; {@code text} is the document's text (null when unknown). */
    public JsonNode view(JsonNode record, View view, String text) {
        return switch (view) {
            case BOTH -> record;
            case RULES -> rules(record);
            case MODEL -> model(record, text);
        };
    }

    private JsonNode rules(JsonNode record) {
        ObjectNode out = record.deepCopy();
        ArrayNode events = json.createArrayNode(), nonEvents = json.createArrayNode();
        for (JsonNode e : record.path("events")) if (!foundBy(e).equals("model")) events.add(ruleEvent(e));
        for (JsonNode e : record.path("non_events")) {
            if (e.path("note").asText("").startsWith(ModelStage.NO_EVENT)) {
                ObjectNode back = ruleEvent(e);
                back.remove("note");
                events.add(back);
            } else {
                nonEvents.add(e);
            }
        }
        sortAndNumber(events, "e");
        out.set("events", events);
        out.set("non_events", nonEvents);
        for (JsonNode s : out.path("sentences")) ((ObjectNode) s).remove("model");
        return out;
    }

    /** A rule event as it was before the model's word: its own code, confidence and ACLED type. */
    private ObjectNode ruleEvent(JsonNode e) {
        ObjectNode o = e.deepCopy();
        String rule = o.path("rule").asText("");
        Matcher doubt = DOUBT.matcher(rule);
        if (doubt.find()) o.put("confidence", Double.parseDouble(doubt.group(1)));
        Matcher mode = MODE.matcher(rule);
        if (mode.find()) setCode(o, codebook.get(mode.group(1)));
        int at = rule.indexOf(ModelStage.AGREES);
        if (at < 0) at = rule.indexOf("; the model doubts it");
        if (at >= 0) o.put("rule", rule.substring(0, at));
        JsonNode acled = o.path("acled");
        Matcher table = TABLE.matcher(acled.path("rule").asText(""));
        if (table.find()) {
            ObjectNode a = json.createObjectNode();
            a.put("event_type", crosswalk.eventType(table.group(2)));
            a.put("sub_event_type", table.group(2));
            a.put("rule", table.group(1));
            o.set("acled", a);
        }
        return o;
    }

    private void setCode(ObjectNode o, Codebook.Code c) {
        if (c == null) return;
        o.put("cameo", c.code());
        o.put("plover", c.plover());
        if (c.mode() == null) o.putNull("mode");
        else o.put("mode", c.mode());
        o.put("goldstein", c.goldstein());
        o.put("quad_class", c.quadClass());
    }

    private JsonNode model(JsonNode record, String text) {
        ObjectNode out = record.deepCopy();
        Map<Integer, String> evidence = new LinkedHashMap<>();
        for (String part : new String[] {"events", "non_events"})
            for (JsonNode e : record.path(part))
                evidence.putIfAbsent(
                        e.path("sentence").asInt(), e.path("evidence").asText());
        ArrayNode events = json.createArrayNode();
        JsonNode sentences = record.path("sentences");
        for (int i = 0; i < sentences.size(); i++) {
            JsonNode s = sentences.get(i), m = s.path("model");
            if (m.isMissingNode() || m.path("plover").asText("none").equals("none")) continue;
            int start = s.path("start").asInt(), end = s.path("end").asInt();
            String sentence = text != null && end <= text.length() ? text.substring(start, end) : evidence.get(i);
            if (sentence == null) continue;
            String plover = m.path("plover").asText(), mode = m.path("mode").asText(null);
            Codebook.Code code = mode != null && byMode.containsKey(plover + "/" + mode)
                    ? byMode.get(plover + "/" + mode)
                    : byType.get(plover);
            ObjectNode e = json.createObjectNode();
            e.put("sentence", i);
            e.put("evidence", sentence);
            ObjectNode trigger = e.putObject("trigger");
            trigger.put("text", sentence);
            trigger.put("start", start);
            trigger.put("end", end);
            setCode(e, code);
            e.put("plover", plover);
            String sub = m.path("acled").asText(null);
            if (sub != null && crosswalk.eventType(sub) != null) {
                ObjectNode a = e.putObject("acled");
                a.put("event_type", crosswalk.eventType(sub));
                a.put("sub_event_type", sub);
                a.put("rule", "model");
            }
            e.set("contexts", json.createArrayNode());
            e.set("source", json.createArrayNode());
            e.set("target", json.createArrayNode());
            ObjectNode date = e.putObject("date");
            date.put("value", record.path("published").asText());
            date.put("precision", "day");
            date.put("from", "publication");
            e.put("historical", false);
            e.put("polarity", "asserted");
            e.put("modality", "actual");
            e.put("hedged", false);
            e.putObject("counts");
            e.put("rule", "model:" + plover);
            e.put("confidence", m.path("p").asDouble());
            events.add(e);
        }
        sortAndNumber(events, "e");
        out.set("events", events);
        out.set("non_events", json.createArrayNode());
        out.set("relations", json.createArrayNode());
        return out;
    }

    private static void sortAndNumber(ArrayNode events, String prefix) {
        java.util.List<JsonNode> list = new java.util.ArrayList<>();
        events.forEach(list::add);
        list.sort(java.util.Comparator.comparingInt(
                        (JsonNode e) -> e.path("sentence").asInt())
                .thenComparingInt(e -> e.path("trigger").path("start").asInt()));
        events.removeAll();
        int n = 0;
        for (JsonNode e : list) {
            ObjectNode o = (ObjectNode) e;
            if (!o.has("id")) o.put("id", prefix + (++n));
            events.add(o);
        }
    }
}
