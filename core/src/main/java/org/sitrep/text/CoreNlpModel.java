package org.sitrep.text;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP behind {@link LanguageModel}: tokenize, ssplit, pos, lemma, 3-class NER and the
 * neural dependency parser. Fine-grained NER, numeric classifiers and SUTime are off: they cost most
 * of the time and the knowledge base already knows the names. Build once per JVM ({@link #shared()}).
 */
public final class CoreNlpModel implements LanguageModel {

    private static volatile CoreNlpModel shared;
    private final StanfordCoreNLP pipeline;

    public CoreNlpModel() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse");
        p.setProperty("tokenize.language", "en");
        p.setProperty("tokenize.options", "invertible=true,ptb3Escaping=false,splitHyphenated=false");
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.buildEntityMentions", "false");
        p.setProperty("depparse.model", "edu/stanford/nlp/models/parser/nndep/english_UD.gz");
        p.setProperty("pos.maxlen", "200");
        p.setProperty("depparse.maxlen", "200");
        this.pipeline = new StanfordCoreNLP(p);
    }

    public static CoreNlpModel shared() {
        CoreNlpModel m = shared;
        if (m == null) {
            synchronized (CoreNlpModel.class) {
                if (shared == null) shared = new CoreNlpModel();
                m = shared;
            }
        }
        return m;
    }

    @Override
    public List<Sentence> analyze(String text) {
        Annotation doc = new Annotation(text);
        pipeline.annotate(doc);
        List<Sentence> out = new ArrayList<>();
        for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
            int n = labels.size();
            int[] heads = new int[n];
            String[] rels = new String[n];
            java.util.Arrays.fill(heads, -1);
            java.util.Arrays.fill(rels, "dep");
            SemanticGraph g = s.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
            if (g != null) {
                for (IndexedWord root : g.getRoots()) rels[root.index() - 1] = "root";
                for (SemanticGraphEdge e : g.edgeIterable()) {
                    int d = e.getDependent().index() - 1;
                    heads[d] = e.getGovernor().index() - 1;
                    rels[d] = e.getRelation().toString();
                }
            }
            List<Token> tokens = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                CoreLabel l = labels.get(i);
                String word = l.originalText() != null ? l.originalText() : l.word();
                String lemma = l.lemma() == null ? word : l.lemma();
                tokens.add(new Token(i, word, lemma.toLowerCase(java.util.Locale.ROOT), l.tag(),
                        l.ner() == null ? "O" : l.ner(), l.beginPosition(), l.endPosition(), heads[i], rels[i]));
            }
            int start = labels.get(0).beginPosition();
            int end = labels.get(n - 1).endPosition();
            out.add(new Sentence(out.size(), start, end, text.substring(start, end), tokens));
        }
        return out;
    }
}
