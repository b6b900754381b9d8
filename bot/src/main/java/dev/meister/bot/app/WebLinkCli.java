package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.team.MemberId;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meister web-link}: prints a one-time sign-in link to the web page for a team member, as
 * {@code /web} sends it, for operators and tests. Exit 2 for a member not on the team or a page
 * that is not enabled.
 */
@Command(
    name = "web-link",
    mixinStandardHelpOptions = true,
    description = "Print a one-time sign-in link to the web page (valid 10 minutes, usable once).")
final class WebLinkCli implements Callable<Integer> {
  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Option(names = "--member", required = true, paramLabel = "ID", description = "a member id")
  String member;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE")
  Path config;

  WebLinkCli(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    MeisterConfig cfg = ConfigFile.load(spec.commandLine(), env, config, SecretPolicy.OPTIONAL);
    PrintWriter err = spec.commandLine().getErr();
    if (!cfg.web().enabled()) {
      err.println("The web page is not enabled: add a web: section with base_url to " + config);
      err.flush();
      return 2;
    }
    try (Meister meister = Meister.open(cfg, cfg.storage().target(), Clock.systemUTC())) {
      Optional<WebPage> page = WebPage.of(meister, Clock.systemUTC());
      String link = page.orElseThrow().link(MemberId.of(member));
      PrintWriter out = spec.commandLine().getOut();
      out.println(link);
      out.flush();
      return 0;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.flush();
      return 2;
    }
  }
}
