/**
 * In-app notifications: short messages to one user about one record (a release was decided, a request awaits a
 * disclosure officer). Other modules send them through {@link org.dicas.notifications.Notifications} as the record id,
 * a message key and non-secret arguments; the sentence is built when read, in the reader's language, naming the
 * record through the releasability policy. Users read them on the notifications page or at
 * {@code GET /api/v1/notifications}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.dicas.notifications;
