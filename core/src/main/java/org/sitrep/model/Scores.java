package org.sitrep.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision, recall and F1 per label for single-label predictions, with macro and weighted (by gold support)
 * averages over the event labels: the "none" label is left out of the averages, as a missed event counts
 * against its type's recall and a false one against its type's precision.
 */
public record Scores(Map<String, Line> lines, double macroF1, double weightedF1, double accuracy, int rows) {

    public record Line(String label, double precision, double recall, double f1, int support, int predicted) {}

    public static Scores of(List<String> gold, List<String> predicted) {
        Map<String, int[]> c = new TreeMap<>(); // tp, gold, predicted
        int right = 0;
        for (int i = 0; i < gold.size(); i++) {
            String g = gold.get(i), p = predicted.get(i);
            c.computeIfAbsent(g, k -> new int[3])[1]++;
            c.computeIfAbsent(p, k -> new int[3])[2]++;
            if (g.equals(p)) {
                c.get(g)[0]++;
                right++;
            }
        }
        Map<String, Line> lines = new TreeMap<>();
        double macro = 0, weighted = 0;
        int labels = 0, support = 0;
        for (Map.Entry<String, int[]> e : c.entrySet()) {
            int[] v = e.getValue();
            double pr = v[2] == 0 ? 0 : v[0] / (double) v[2], re = v[1] == 0 ? 0 : v[0] / (double) v[1];
            double f1 = pr + re == 0 ? 0 : 2 * pr * re / (pr + re);
            lines.put(e.getKey(), new Line(e.getKey(), pr, re, f1, v[1], v[2]));
            if (e.getKey().equals(EventModel.NONE) || v[1] == 0) continue;
            labels++;
            support += v[1];
            macro += f1;
            weighted += f1 * v[1];
        }
        return new Scores(
                lines,
                labels == 0 ? 0 : macro / labels,
                support == 0 ? 0 : weighted / support,
                gold.isEmpty() ? 0 : right / (double) gold.size(),
                gold.size());
    }

    /** A plain-text table, one label a line, then the averages. */
    public String table(String title) {
        List<String> out = new ArrayList<>();
        int width = Math.max(
                10, lines.keySet().stream().mapToInt(String::length).max().orElse(10));
        out.add(String.format(Locale.ROOT, "%-" + width + "s %6s %6s %6s %6s", title, "P", "R", "F1", "n"));
        for (Line l : lines.values())
            out.add(String.format(
                    Locale.ROOT,
                    "%-" + width + "s %6.3f %6.3f %6.3f %6d",
                    l.label(),
                    l.precision(),
                    l.recall(),
                    l.f1(),
                    l.support()));
        out.add(String.format(
                Locale.ROOT,
                "%-" + width + "s %20.3f   (events only; weighted %.3f, accuracy %.3f over %d rows)",
                "macro F1",
                macroF1,
                weightedF1,
                accuracy,
                rows));
        return String.join("\n", out);
    }
}
