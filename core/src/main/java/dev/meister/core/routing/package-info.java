/** Which rotation and chat a pipeline failure goes to, and how urgent it is. */
@NullMarked
package dev.meister.core.routing;

import org.jspecify.annotations.NullMarked;
