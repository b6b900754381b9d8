package dev.meister.bot.config;

/** A node of the YAML document with the line it starts on, so problems can point at it. */
sealed interface YNode permits YMap, YSeq, YScalar {
  /** 1-based; for a mapping or sequence that is a mapping value, the line of its key. */
  int line();

  /** What the node is, for "must be a ..." messages. */
  String kind();
}
