/**
 * Questions from users (seed 001, "support our clients"): a message in a rotation's help channel
 * that mentions the bot, or one a member marks with {@code /triage}, is answered tagging the
 * on-call and tracked as an open question until someone closes it with {@code /done}. {@code
 * /issues} lists the open ones beside the rotation's issues.
 */
@NullMarked
package dev.meister.core.question;

import org.jspecify.annotations.NullMarked;
