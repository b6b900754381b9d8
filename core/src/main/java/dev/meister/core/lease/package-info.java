/**
 * Leadership among several instances on one database: exactly one instance at a time holds the
 * lease and runs what must not run twice (delivery, the chats' connections, the timers); the
 * lease's fencing token lets the database refuse what an old leader does after losing it.
 */
@NullMarked
package dev.meister.core.lease;

import org.jspecify.annotations.NullMarked;
