package dev.meister.bot.app;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads an instant as ISO-8601 with a zone or offset: {@code 2026-12-24T18:00:00Z}, {@code
 * 2026-12-24T18:00+01:00} or {@code 2026-12-24T18:00+01:00[Europe/Berlin]}.
 */
final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return ZonedDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notZoned) {
          throw new CommandLine.TypeConversionException(
              "'"
                  + value
                  + "' is not an ISO instant with a zone or offset, e.g. 2026-12-24T18:00:00Z");
        }
      }
    }
  }
}
