package dev.meister.core.alert;

import dev.meister.core.chat.ChatRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Port: where the storm pace of each chat is kept. In memory for a single instance; in the shared
 * database when several instances take webhooks, so the pace holds for all of them together and
 * across a change of leader. Called inside the transaction that stores the alert, so a database
 * implementation locks the chat's row until that commit.
 */
public interface PaceBuckets {
  Optional<PaceBucket> get(ChatRef chat);

  void put(ChatRef chat, PaceBucket bucket);

  /** The single instance's: a map, no I/O on the intake's path. */
  static PaceBuckets inMemory() {
    Map<ChatRef, PaceBucket> buckets = new HashMap<>();
    return new PaceBuckets() {
      @Override
      public Optional<PaceBucket> get(ChatRef chat) {
        return Optional.ofNullable(buckets.get(chat));
      }

      @Override
      public void put(ChatRef chat, PaceBucket bucket) {
        buckets.put(chat, bucket);
      }
    };
  }
}
