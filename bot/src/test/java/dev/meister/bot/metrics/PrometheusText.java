package dev.meister.bot.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: every line is a
 * {@code # HELP}/{@code # TYPE} comment or a sample {@code name{label="value",...} number};
 * anything else is rejected, so a scrape that a Prometheus would refuse fails the test.
 */
public final class PrometheusText {
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (-?[0-9.eE+-]+|NaN|[+-]Inf)(?: -?[0-9]+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
  private static final Pattern TYPE =
      Pattern.compile(
          "# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");

  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;
  private final Map<String, String> types;

  private PrometheusText(List<Sample> samples, Map<String, String> types) {
    this.samples = List.copyOf(samples);
    this.types = Map.copyOf(types);
  }

  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        Matcher t = TYPE.matcher(line);
        if (t.matches()) {
          types.put(t.group(1), t.group(2));
        } else if (!line.startsWith("# HELP ")) {
          throw new IllegalArgumentException("not a HELP or TYPE line: " + line);
        }
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      String body = m.group(2);
      if (body != null && !body.isEmpty()) {
        Matcher l = LABEL.matcher(body);
        int at = 0;
        while (l.find() && l.start() == at) {
          labels.put(l.group(1), l.group(2));
          at = l.end();
        }
        if (at != body.length()) {
          throw new IllegalArgumentException("bad labels in: " + line);
        }
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return new PrometheusText(samples, types);
  }

  /** The {@code # TYPE} of a metric family, e.g. {@code counter}. */
  public Optional<String> type(String family) {
    return Optional.ofNullable(types.get(family));
  }

  /** The metric families that have a {@code # TYPE} line. */
  public java.util.Set<String> families() {
    return types.keySet();
  }

  /** Every sample of {@code name}. */
  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The value of the sample of {@code name} whose labels include {@code labels}, if any. */
  public Optional<Double> value(String name, Map<String, String> labels) {
    return samples(name).stream()
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .map(Sample::value)
        .findFirst();
  }

  /** Like {@link #value}, 0 when there is no such sample (a counter not yet incremented). */
  public double count(String name, Map<String, String> labels) {
    return value(name, labels).orElse(0.0);
  }
}
