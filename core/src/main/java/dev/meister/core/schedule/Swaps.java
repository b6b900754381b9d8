package dev.meister.core.schedule;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Which shift of each layer takes its member from which other shift. Swaps with problems are left
 * out; where two swaps touch the same shift, the later-listed one wins.
 */
final class Swaps {
  private final Map<SwapLayer, Map<Long, Long>> partners = new EnumMap<>(SwapLayer.class);

  Swaps(List<Swap> swaps, SwapCheck check) {
    for (Swap swap : swaps) {
      if (!check.problems(swap).isEmpty()) {
        continue;
      }
      OptionalLong first = check.shiftStartingAt(swap.layer(), swap.firstShiftStart());
      OptionalLong second = check.shiftStartingAt(swap.layer(), swap.secondShiftStart());
      if (first.isPresent() && second.isPresent()) {
        Map<Long, Long> layer = partners.computeIfAbsent(swap.layer(), l -> new HashMap<>());
        layer.put(first.getAsLong(), second.getAsLong());
        layer.put(second.getAsLong(), first.getAsLong());
      }
    }
  }

  /** The shift whose regular member holds shift {@code index} of {@code layer}. */
  long memberShift(SwapLayer layer, long index) {
    Map<Long, Long> layerPartners = partners.get(layer);
    if (layerPartners == null) {
      return index;
    }
    return layerPartners.getOrDefault(index, index);
  }
}
