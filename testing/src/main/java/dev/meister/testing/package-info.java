/**
 * Test support shared by every module's tests: {@link dev.meister.testing.LoopbackApi}, the base of
 * the fake platform APIs; {@link dev.meister.testing.MutableClock}. Tests wait with Awaitility,
 * which this module brings along.
 */
@NullMarked
package dev.meister.testing;

import org.jspecify.annotations.NullMarked;
