package dev.meister.core.handoff;

/**
 * What GitHub said about an issue at a hand-off, kept so the next announcement can fall back on it
 * when GitHub is down, and so issues seen closed stop being asked about.
 *
 * @param open whether it was open
 * @param inEpic whether it was listed as a sub-issue of the rotation's epic
 */
public record SeenIssue(OpenIssue issue, boolean open, boolean inEpic) {}
