package dev.meister.core.pipeline;

import java.time.Instant;

/** Port: the pipeline notices posted, so each is posted once. */
public interface PipelineNoticeStore {
  boolean posted(PipelineNotice notice);

  /** Records the notice as posted at {@code at}; false if it was recorded before. */
  boolean record(PipelineNotice notice, Instant at);
}
