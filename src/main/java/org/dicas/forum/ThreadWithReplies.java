package org.dicas.forum;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import org.dicas.shared.Marking;

/** A thread (its fields at the top level in JSON) and the replies the reader may see, in the order they were written. */
public record ThreadWithReplies(@JsonUnwrapped DiscussionThread thread, List<Reply> replies) implements org.dicas.shared.Versioned {

    @com.fasterxml.jackson.annotation.JsonIgnore
    @Override
    public long id() {
        return thread.id();
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    @Override
    public long version() {
        return thread.version();
    }

    public Marking highWaterMark() {
        List<Marking> all = new ArrayList<>();
        all.add(thread.marking());
        replies.forEach(r -> all.add(r.marking()));
        return Marking.highWaterMark(all);
    }

    /** Nesting depth of each reply (0 for answers to the opening post), for display. */
    public int depth(Reply reply) {
        int depth = 0;
        Long parent = reply.parentId();
        while (parent != null && depth < 6) {
            Long p = parent;
            Reply up = replies.stream().filter(r -> r.id() == p).findFirst().orElse(null);
            if (up == null) {
                break;
            }
            depth++;
            parent = up.parentId();
        }
        return depth;
    }
}
