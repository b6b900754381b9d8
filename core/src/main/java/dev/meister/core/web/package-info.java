/**
 * The web page's sign-in: one-time links sent privately from chat, sessions they start, and the
 * page models the server renders.
 */
@NullMarked
package dev.meister.core.web;

import org.jspecify.annotations.NullMarked;
