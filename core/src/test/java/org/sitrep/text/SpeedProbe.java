package org.sitrep.text;
import java.nio.file.*;
public class SpeedProbe {
  public static void main(String[] a) throws Exception {
    String text = Files.readString(Path.of(a[0]));
    long t0=System.nanoTime();
    CoreNlpModel m = new CoreNlpModel();
    System.out.println("load ms " + (System.nanoTime()-t0)/1e6);
    for (Sentence s : m.analyze(text)) { System.out.println(s.text()); for (Token t: s.tokens()) System.out.println("  "+t); }
    int n=0; t0=System.nanoTime();
    for (int i=0;i<10;i++) n+=m.analyze(text).size();
    System.out.println("sent/s 1 thread " + n/((System.nanoTime()-t0)/1e9));
  }
}
