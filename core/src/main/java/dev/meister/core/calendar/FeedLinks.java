package dev.meister.core.calendar;

import dev.meister.core.schedule.Rotation;
import java.util.List;

/**
 * A member's calendar feed URLs: their own shifts, and one per rotation, all carrying their token.
 * {@code /calendar} sends them in chat and the web page's {@code /me} lists them.
 *
 * @param me the member's own shifts across rotations
 */
public record FeedLinks(String me, List<Feed> rotations) {
  public FeedLinks {
    rotations = List.copyOf(rotations);
  }

  /** One rotation's feed: all shifts of every layer. */
  public record Feed(String rotation, String name, String url) {}

  /**
   * The URLs under {@code baseUrl} (the page's {@code web.base_url}, with or without a trailing
   * slash) for {@code token}.
   */
  public static FeedLinks of(String baseUrl, String token, List<Rotation> rotations) {
    String base =
        (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
            + "/cal/"
            + token;
    return new FeedLinks(
        base + "/me.ics",
        rotations.stream()
            .map(
                r ->
                    new Feed(
                        r.id().value(),
                        r.displayName(),
                        base + "/rotation/" + r.id().value() + ".ics"))
            .toList());
  }
}
