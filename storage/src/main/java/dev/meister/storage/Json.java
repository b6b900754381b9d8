package dev.meister.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
import java.sql.SQLException;

/**
 * JSON written straight to a string with Jackson's generator, for the documents every intake stores
 * (an alert's, its origin's, its message's), on the one writer thread all intake waits for.
 * Building a tree of nodes and handing it to the ObjectMapper instead took about a fifth of the
 * intake's rate (interleaved bench/run.sh runs: 1,911 and 2,142/s with trees, 2,337 and 2,482/s
 * without).
 */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** What writes one document to a generator. */
  @FunctionalInterface
  interface Writing {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * The text {@code writing} writes.
   *
   * @param what what is written, for the error
   */
  static String write(Writing writing, String what) throws SQLException {
    // The factory's pooled recycler, as ObjectMapper.writeValueAsString takes it: a new one each
    // time allocated the generator's and the writer's char buffers afresh, three times per webhook
    // (about a fifth of what the intake allocated).
    BufferRecycler recycler = FACTORY._getBufferRecycler();
    try {
      SegmentedStringWriter out = new SegmentedStringWriter(recycler);
      try (JsonGenerator g = FACTORY.createGenerator(out)) {
        writing.write(g);
      }
      return out.getAndClear();
    } catch (IOException e) {
      throw new SQLException(what + " cannot be written as JSON", e);
    } finally {
      recycler.releaseToPool();
    }
  }
}
