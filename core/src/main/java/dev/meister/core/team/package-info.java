/** The team: members, their chat identities and roles. */
@NullMarked
package dev.meister.core.team;

import org.jspecify.annotations.NullMarked;
