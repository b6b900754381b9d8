package dev.meister.core.filing;

/**
 * An issue as GitHub returns it.
 *
 * @param id the numeric id the sub-issues API wants, not the number
 * @param open whether its state is {@code open}
 */
public record GitHubIssue(long id, int number, String url, String title, boolean open) {}
