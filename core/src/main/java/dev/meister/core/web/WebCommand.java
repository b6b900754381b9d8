package dev.meister.core.web;

import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.team.Member;
import java.util.function.Function;

/**
 * {@code /web}: a one-time sign-in link to the web page, sent to the asker alone. Only team members
 * get one: the page shows names, chat handles and alert contents.
 */
public final class WebCommand implements CommandHandler {
  private final SignIns signIns;
  private final Function<String, String> link;

  /**
   * @param link the full address for a path, e.g. {@code https://oncall.example/web/login/…}
   */
  public WebCommand(SignIns signIns, Function<String, String> link) {
    this.signIns = signIns;
    this.link = link;
  }

  @Override
  public String name() {
    return "web";
  }

  @Override
  public String usage() {
    return "/web";
  }

  @Override
  public String summary() {
    return "a private sign-in link to the web page (schedule, alerts, log book)";
  }

  /** Membership is checked like a change: only members get in. */
  @Override
  public boolean changesState() {
    return true;
  }

  /** The link is stored in one statement of its own; the answer then goes out privately. */
  @Override
  public boolean storesOnly() {
    return true;
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    Member member =
        request
            .sender()
            .orElseThrow(() -> new IllegalArgumentException("Only team members get a link."));
    String url = link.apply(SignIns.LINK_PATH + signIns.issueLink(member.id()));
    return CommandReply.privately(OutgoingMessage.of(message(url)));
  }

  /** The private answer: the link, and how long and how often it works. */
  public static RichText message(String url) {
    return RichText.builder()
        .text("Your sign-in link to Meister's web page: ")
        .link("Sign in to Meister", url)
        .newline()
        .text("It works once, for the next 10 minutes. Do not share it.")
        .build();
  }
}
