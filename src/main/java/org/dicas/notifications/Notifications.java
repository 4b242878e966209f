package org.dicas.notifications;

import java.util.Collection;
import java.util.List;
import org.dicas.security.DicasUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Sends and lists in-app notifications. */
@Service
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void send(long userId, String message, String link) {
        jdbc.sql("insert into notification (user_id, message, link) values (:u, :m, :l)")
                .param("u", userId).param("m", message).param("l", link == null ? "" : link).update();
    }

    public void send(Collection<Long> userIds, String message, String link) {
        userIds.stream().distinct().forEach(u -> send(u, message, link));
    }

    public List<Notification> of(DicasUser user) {
        return jdbc.sql("""
                        select id, message, link, created_at, read_at is not null from notification
                        where user_id = :u order by id desc limit 200""")
                .param("u", user.id())
                .query((rs, n) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getBoolean(5))).list();
    }

    public int unread(DicasUser user) {
        return jdbc.sql("select count(*) from notification where user_id = :u and read_at is null")
                .param("u", user.id()).query(Integer.class).single();
    }

    public void markAllRead(DicasUser user) {
        jdbc.sql("update notification set read_at = now() where user_id = :u and read_at is null")
                .param("u", user.id()).update();
    }
}
