package org.sitrep.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.sitrep.analysis.AnalysisView;
import org.sitrep.analysis.PlaceMention;
import org.sitrep.sources.Document;

/**
 * Geoparsing evaluation on GeoWebNews-format XML (articles with toponym spans and coordinates):
 * recognition precision, recall and F1 against gold toponyms that have coordinates (a system toponym
 * overlapping a gold span counts), and resolution of the recognised ones: the share within 161 km
 * (100 miles, the field's usual threshold) and the median error.
 */
public final class GeoScorer {

    public record Result(
            int articles,
            int gold,
            int system,
            int matched,
            double precision,
            double recall,
            double f1,
            double within161,
            double medianKm,
            double meanKm) {
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "articles %d gold %d system %d matched %d precision %.3f recall %.3f f1 %.3f within_161km %.3f median_km %.1f mean_km %.1f",
                    articles,
                    gold,
                    system,
                    matched,
                    precision,
                    recall,
                    f1,
                    within161,
                    medianKm,
                    meanKm);
        }
    }

    record Gold(int start, int end, double lat, double lon) {}

    /** @param analyze the pipeline that finds places (parse and place stages at least) */
    public static Result score(Path xml, Function<Document, ? extends AnalysisView> analyze) throws IOException {
        org.jsoup.nodes.Document doc =
                Jsoup.parse(Files.readString(xml, StandardCharsets.UTF_8), "", Parser.xmlParser());
        List<Element> articles = doc.select("article");
        int[] counts = new int[3]; // gold, system, matched
        List<Double> errors = Collections.synchronizedList(new ArrayList<>());
        articles.parallelStream().forEach(article -> {
            String text = article.selectFirst("text") == null
                    ? ""
                    : article.selectFirst("text").wholeText();
            List<Gold> gold = new ArrayList<>();
            for (Element t : article.select("toponym")) {
                Element lat = t.selectFirst("latitude"), lon = t.selectFirst("longitude");
                if (lat == null || lon == null || lat.text().isBlank()) continue;
                gold.add(new Gold(
                        Integer.parseInt(t.selectFirst("start").text()),
                        Integer.parseInt(t.selectFirst("end").text()),
                        Double.parseDouble(lat.text()),
                        Double.parseDouble(lon.text())));
            }
            AnalysisView a = analyze.apply(
                    Document.of(article.attr("file"), text, "2018-01-01").withOrigin(xml.toString()));
            int matched = 0;
            List<Gold> remaining = new ArrayList<>(gold);
            for (PlaceMention p : a.places()) {
                Gold hit = null;
                for (Gold g : remaining)
                    if (p.start() < g.end() && g.start() < p.end()) {
                        hit = g;
                        break;
                    }
                if (hit == null) continue;
                remaining.remove(hit);
                matched++;
                double km = Scorer.km(p.place().lat(), p.place().lon(), hit.lat(), hit.lon());
                errors.add(km);
                if (km > 161 && System.getenv("SITREP_GEO_DEBUG") != null) {
                    System.err.printf(
                            "far %.0f km: %s -> %s %s (%.2f,%.2f) gold (%.2f,%.2f)%n",
                            km,
                            p.text(),
                            p.place().name(),
                            p.place().country(),
                            p.place().lat(),
                            p.place().lon(),
                            hit.lat(),
                            hit.lon());
                }
            }
            if (System.getenv("SITREP_GEO_DEBUG") != null) {
                for (Gold g : remaining) {
                    int from = Math.max(0, Math.min(g.start(), text.length())),
                            to = Math.max(from, Math.min(g.end(), text.length()));
                    System.err.printf("missed: %s%n", text.substring(from, to));
                }
            }
            synchronized (counts) {
                counts[0] += gold.size();
                counts[1] += a.places().size();
                counts[2] += matched;
            }
        });
        List<Double> sorted = new ArrayList<>(errors);
        Collections.sort(sorted);
        double p = counts[1] == 0 ? 0 : (double) counts[2] / counts[1];
        double r = counts[0] == 0 ? 0 : (double) counts[2] / counts[0];
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        double within =
                sorted.isEmpty() ? 0 : sorted.stream().filter(d -> d <= 161).count() / (double) sorted.size();
        double median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new Result(articles.size(), counts[0], counts[1], counts[2], p, r, f1, within, median, mean);
    }
}
