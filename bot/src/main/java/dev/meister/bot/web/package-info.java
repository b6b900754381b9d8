/**
 * The web page: sign-in by one-time link, sessions in a cookie, and server-rendered pages (jte
 * templates precompiled from {@code src/main/jte}) served by the webhook server's Javalin or its
 * own.
 */
@NullMarked
package dev.meister.bot.web;

import org.jspecify.annotations.NullMarked;
