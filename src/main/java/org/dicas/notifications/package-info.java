/**
 * In-app notifications: short messages to one user with a link (a release was decided, a request awaits a
 * disclosure officer). Other modules send them through {@link org.dicas.notifications.Notifications}; users read them
 * on the notifications page or at {@code GET /api/v1/notifications}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.dicas.notifications;
