/** Links between alerts and the issues filed for them. */
@NullMarked
package dev.meister.core.filing;

import org.jspecify.annotations.NullMarked;
