package dev.meister.bot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * One message as Slack takes it: the blocks people see, and the mrkdwn {@code text} Slack shows in
 * notifications and to clients that cannot draw blocks.
 */
record SlackMessage(String text, List<LayoutBlock> blocks) {
  SlackMessage {
    blocks = List.copyOf(blocks);
  }
}
