package dev.meister.bot.app;

import picocli.CommandLine.Command;

/** {@code meister}: the top-level command; every action is a subcommand. */
@Command(
    name = "meister",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Chat-ops bot for on-call rotations: relays pipeline failures, tags the on-call.",
    subcommands = {
      RunCommand.class,
      DemoCommand.class,
      WhoIsOnCallCli.class,
      ScheduleCli.class,
      StatusCli.class,
      HandoffsCli.class,
      PostmortemCli.class,
      AuditCli.class,
      WebLinkCli.class,
      CheckConfigCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
final class MeisterCli {}
