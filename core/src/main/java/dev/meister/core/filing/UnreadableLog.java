package dev.meister.core.filing;

/**
 * A failed job whose log GitHub would not give (deleted, expired: 404 or 410); asking again will
 * not bring it back, so the analysis says so once and goes on without it.
 *
 * @param why GitHub's answer, e.g. {@code GitHub refused (410): Gone}
 */
public record UnreadableLog(String job, String why) {}
