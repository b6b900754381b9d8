package dev.meister.bot.telegram;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * <a href="https://core.telegram.org/bots/api#getupdates">getUpdates</a>, answered as {@link
 * TelegramUpdate}s: the library's {@code GetUpdates} with the picked model (see there why). Sent
 * and its errors read by the library's client as every other call.
 */
final class GetPickedUpdates extends BotApiMethod<ArrayList<TelegramUpdate>> {
  private static final long serialVersionUID = 1L;

  private final int offset;
  private final int limit;
  private final int timeout;
  private final List<String> allowedUpdates;

  GetPickedUpdates(int offset, int limit, int timeoutSeconds, List<String> allowedUpdates) {
    this.offset = offset;
    this.limit = limit;
    this.timeout = timeoutSeconds;
    this.allowedUpdates = List.copyOf(allowedUpdates);
  }

  /** The first update not yet confirmed; asking for it confirms every earlier one. */
  @JsonProperty("offset")
  public int getOffset() {
    return offset;
  }

  @JsonProperty("limit")
  public int getLimit() {
    return limit;
  }

  /** Seconds Telegram holds the request open while there is nothing new: a long poll. */
  @JsonProperty("timeout")
  public int getTimeout() {
    return timeout;
  }

  @JsonProperty("allowed_updates")
  public List<String> getAllowedUpdates() {
    return allowedUpdates;
  }

  @Override
  public String getMethod() {
    return GetUpdates.PATH; // the library's spelling ("getupdates"; the Bot API ignores case)
  }

  @Override
  @SuppressWarnings("NonApiType") // the type the library's BotApiMethod declares
  public ArrayList<TelegramUpdate> deserializeResponse(String answer)
      throws TelegramApiRequestException {
    return deserializeResponseArray(answer, TelegramUpdate.class);
  }

  @Override
  public String toString() {
    return "getUpdates(offset " + offset + ", limit " + limit + ", timeout " + timeout + " s)";
  }
}
