package dev.meister.core.calendar;

import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.team.Member;
import java.util.Optional;

/**
 * {@code /calendar}: the asker's calendar feed URLs (their own shifts, and each rotation's), sent
 * only to them since the URLs are the secret; {@code /calendar reset} replaces the token when a URL
 * leaked.
 */
public final class CalendarCommand implements CommandHandler {
  private final CalendarAccess access;
  private final OnCallDirectory directory;
  private final Optional<String> baseUrl;

  /**
   * @param baseUrl where the feeds are served, e.g. {@code https://meister.example.com}; empty when
   *     no web address is configured
   */
  public CalendarCommand(
      CalendarAccess access, OnCallDirectory directory, Optional<String> baseUrl) {
    this.access = access;
    this.directory = directory;
    this.baseUrl = baseUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
  }

  @Override
  public String name() {
    return "calendar";
  }

  @Override
  public String usage() {
    return "/calendar [reset]";
  }

  @Override
  public String summary() {
    return "your calendar feed URLs (sent only to you); reset replaces them";
  }

  @Override
  public boolean changesState() {
    return true; // Only members get a token; reset revokes one.
  }

  @Override
  public boolean storesOnly() {
    return true;
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    Member member =
        request
            .sender()
            .orElseThrow(() -> new IllegalStateException("membership is checked first"));
    boolean reset = request.args().size() == 1 && request.args().get(0).equalsIgnoreCase("reset");
    if (!request.args().isEmpty() && !reset) {
      throw new IllegalArgumentException("Usage: " + usage());
    }
    if (baseUrl.isEmpty()) {
      throw new IllegalArgumentException(
          "Calendar feeds need the web address: set web.base_url in the configuration.");
    }
    String token = reset ? access.reset(member.id()) : access.tokenFor(member.id());
    FeedLinks links = FeedLinks.of(baseUrl.get(), token, directory.rotations());
    RichText.Builder t =
        RichText.builder()
            .emoji("calendar")
            .text(reset ? " New calendar feeds" : " Your calendar feeds");
    t.text(" (subscribe by URL; keep them to yourself");
    t.text(reset ? ", the old ones no longer work)" : ", /calendar reset replaces them)");
    t.newline().text("My shifts: ").link(links.me(), links.me());
    for (FeedLinks.Feed f : links.rotations()) {
      t.newline().text(f.name() + ": ").link(f.url(), f.url());
    }
    return CommandReply.privately(OutgoingMessage.of(t.build()));
  }
}
