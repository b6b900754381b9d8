package dev.meister.bot.web;

/**
 * What every page's header needs: who is signed in and the token their sign-out form sends back.
 * Public for the precompiled templates.
 */
public record Nav(String who, String csrf) {
  public static final Nav SIGNED_OUT = new Nav("", "");

  public boolean signedIn() {
    return !who.isEmpty();
  }
}
