package org.dicas.requirements;

import jakarta.validation.constraints.Size;

/** A new feed subscription: an http(s) URL, a name, the source type and marking of its leads, the poll interval. */
public record FeedSubscriptionCommand(@Size(max = 2000) String url,
                                      @Size(max = 300) String name,
                                      @Size(max = 64) String sourceType,
                                      @Size(max = 500) String marking,
                                      Integer pollMinutes) {

    public FeedSubscriptionCommand {
        url = url == null ? "" : url.strip();
        name = name == null ? "" : name.strip();
        sourceType = sourceType == null ? "" : sourceType.strip();
        marking = marking == null ? "" : marking.strip();
    }
}
