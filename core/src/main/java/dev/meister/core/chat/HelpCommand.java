package dev.meister.core.chat;

/** {@code /help}: every command with its usage and one line on what it does. */
public final class HelpCommand implements CommandHandler {
  private final CommandRegistry registry;

  public HelpCommand(CommandRegistry registry) {
    this.registry = registry;
  }

  @Override
  public String name() {
    return "help";
  }

  @Override
  public String usage() {
    return "/help";
  }

  @Override
  public String summary() {
    return "every command and what it does";
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    RichText.Builder text = RichText.builder().bold("Meister commands").newline();
    for (CommandHandler h : registry.all()) {
      text.code(h.usage()).text(" — " + h.summary()).newline();
    }
    return CommandReply.of(text.build());
  }

  /** The one-line answer to a command nobody registered. */
  public static CommandReply unknown(String name) {
    return CommandReply.plain("Unknown command /" + name + ". Try /help.");
  }
}
