package dev.meister.core.filing;

import java.time.Instant;
import java.util.Optional;

/**
 * A commit that touched a file, as GitHub's commits API lists it for {@code path=}: what {@code git
 * blame} would point at when seed 002 says to ask "who is in charge of that test".
 *
 * @param login the author's GitHub account; empty when the author's e-mail belongs to none
 * @param authorName the name in the commit itself
 */
public record FileCommit(String sha, Optional<String> login, String authorName, Instant at) {}
