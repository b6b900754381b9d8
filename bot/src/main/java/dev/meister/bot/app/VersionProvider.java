package dev.meister.bot.app;

import picocli.CommandLine;

/** The version Maven wrote into the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"meister " + (v == null ? "development" : v)};
  }
}
