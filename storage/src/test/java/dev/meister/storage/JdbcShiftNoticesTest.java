package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.schedule.RotationId;
import dev.meister.core.shift.ShiftNotice;
import org.junit.jupiter.api.Test;

class JdbcShiftNoticesTest extends StorageTestBase {
  private static final ShiftNotice REMINDER =
      new ShiftNotice(RotationId.of("hausmeister"), NOW, ShiftNotice.Kind.REMINDER);

  @Test
  void a_shift_notice_is_recorded_once_and_still_known_after_a_restart() {
    assertThat(storage.shiftNotices().record(REMINDER, NOW)).isTrue();
    reopen();

    assertThat(storage.shiftNotices().record(REMINDER, NOW.plusSeconds(60))).isFalse();
    assertThat(
            storage
                .shiftNotices()
                .record(
                    new ShiftNotice(
                        RotationId.of("hausmeister"), NOW, ShiftNotice.Kind.ON_CALL_NOW),
                    NOW))
        .isTrue();
    assertThat(
            storage
                .shiftNotices()
                .record(
                    new ShiftNotice(
                        RotationId.of("hausmeister"),
                        NOW.plusSeconds(1),
                        ShiftNotice.Kind.REMINDER),
                    NOW))
        .isTrue();
  }
}
