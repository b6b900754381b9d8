package dev.meister.core.usergroup;

import dev.meister.core.schedule.RotationId;

/**
 * A rotation's user group.
 *
 * @param handle the group's handle without {@code @}, e.g. {@code hausmeister}
 * @param withLevel2 whether the rotation's Level 2 on call is in the group too
 */
public record GroupRule(RotationId rotation, String handle, boolean withLevel2) {}
