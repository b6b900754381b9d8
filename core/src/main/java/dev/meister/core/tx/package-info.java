/** Units of work that span several stores. */
@NullMarked
package dev.meister.core.tx;

import org.jspecify.annotations.NullMarked;
