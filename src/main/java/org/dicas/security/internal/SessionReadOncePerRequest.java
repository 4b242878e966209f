package org.dicas.security.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session's filter, after saving a request's session, asks the repository for that session again only to learn
 * whether the id the browser sent is still valid (and so whether to rewrite the cookie): on the JDBC repository a
 * second transaction that selects the session's row and attributes and deserializes them, on every page. Within one
 * request the session just saved is the answer to that question, so the repository seen by the filter returns it
 * instead of reading it back. The first read of every request still goes to the database: a session ended on another
 * node (sign-out, a disabled account) is never served from here, and nothing outlives the request. And a session in
 * which only the last-access time moved, less than {@link SessionLastAccess#GRANULARITY} after the stored one, is not
 * written at all (the guarded update of {@link SessionLastAccess} would have changed nothing).
 *
 * <p>The read itself is one SELECT (the session's row joined with its attributes), which PostgreSQL answers from one
 * snapshot on its own; Spring Session nevertheless wraps it in a transaction of its own (BEGIN, SELECT, COMMIT: a second
 * round trip and a transaction's bookkeeping on every page). {@link ReadsOutsideATransaction} runs that one read
 * without it; every write (save, delete, the expiry of a session found expired) keeps its transaction.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
class SessionReadOncePerRequest {

    /** The sessions saved during the current request on this thread; null outside a request. */
    private static final ThreadLocal<Map<String, Session>> savedInThisRequest = new ThreadLocal<>();

    /**
     * Gives Spring Session's filter the repository below in place of the JDBC one. The filter keeps its repository in a
     * private field and Spring Boot builds both (declaring another {@code SessionRepository} bean would turn Boot's
     * JDBC session configuration off), so the field is set once at start-up; if a later Spring Session renames it,
     * start-up fails here, loudly, rather than silently reading sessions twice.
     */
    @Bean
    static BeanPostProcessor sessionsSavedInTheRequestNotReadBack(ObjectProvider<JdbcIndexedSessionRepository> jdbc) {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SessionRepositoryFilter<?> filter) {
                    try {
                        Field repository = SessionRepositoryFilter.class.getDeclaredField("sessionRepository");
                        repository.setAccessible(true);
                        repository.set(filter, new SavedNotReadBack((SessionRepository) jdbc.getObject()));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new IllegalStateException("cannot give Spring Session's filter the repository that does"
                                + " not read a saved session back (has SessionRepositoryFilter changed?)", e);
                    }
                }
                return bean;
            }
        };
    }

    /**
     * The transactions of Spring Session's JDBC repository: what it would build itself (a new transaction for each of
     * its operations), except for the read of a session by id, which {@link SavedNotReadBack} marks. Handed to Spring
     * Session's configuration before it builds the repository (a bean of this type would instead turn off Spring Boot's
     * own {@code TransactionTemplate}, which other modules use).
     */
    @Bean
    static BeanPostProcessor sessionReadsOutsideATransaction(ObjectProvider<PlatformTransactionManager> transactions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    TransactionTemplate own = new TransactionTemplate(transactions.getObject());
                    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                    configuration.setTransactionOperations(new ReadsOutsideATransaction(own));
                }
                return bean;
            }
        };
    }

    /** Set while the repository reads one session by id: its next operation is that read. */
    private static final ThreadLocal<Boolean> readingById = new ThreadLocal<>();

    /**
     * Runs the operation that follows a mark ({@link #readingById}) — the read of a session by id, a single SELECT —
     * outside a transaction, and every other operation in the repository's own transaction. The mark is taken off by
     * the read it was set for, so the delete of a session found expired (the same call's next operation) is
     * transactional as before.
     */
    record ReadsOutsideATransaction(TransactionOperations transactional) implements TransactionOperations {
        @Override
        public <T> T execute(TransactionCallback<T> action) throws TransactionException {
            if (readingById.get() != null) {
                readingById.remove();
                return action.doInTransaction(new SimpleTransactionStatus(false));
            }
            return transactional.execute(action);
        }
    }

    /** Opens and closes the request's scope around Spring Session's filter (which runs just inside it). */
    @Bean
    FilterRegistrationBean<Filter> sessionRequestScope() {
        Filter scope = (request, response, chain) -> {
            Map<String, Session> outer = savedInThisRequest.get();
            savedInThisRequest.set(new HashMap<>(2));
            try {
                chain.doFilter(request, response);
            } finally {
                if (outer == null) {
                    savedInThisRequest.remove();
                } else {
                    savedInThisRequest.set(outer);
                }
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(scope);
        registration.setName("sessionRequestScope");
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /**
     * The repository Spring Session's filter sees. Within a request it answers a read of the session the request saved
     * with that session, and it leaves a session unwritten when nothing but its last-access time moved and the stored
     * one is younger than {@link SessionLastAccess#GRANULARITY} — the case in which the JDBC repository's guarded
     * update would change no row, now without the transaction that finds that out.
     */
    record SavedNotReadBack(SessionRepository<Session> delegate) implements SessionRepository<Session> {

        @Override
        public Session createSession() {
            return new Tracked(delegate.createSession(), null);
        }

        @Override
        public void save(Session session) {
            if (!(session instanceof Tracked tracked)) {
                delegate.save(session);
            } else if (tracked.mustBeWritten()) {
                delegate.save(tracked.stored);
                tracked.written();
            }
            Map<String, Session> saved = savedInThisRequest.get();
            if (saved != null) {
                saved.put(session.getId(), session);
            }
        }

        @Override
        public Session findById(String id) {
            Map<String, Session> saved = savedInThisRequest.get();
            Session justSaved = saved == null ? null : saved.get(id);
            if (justSaved != null) {
                return justSaved;
            }
            Session found;
            readingById.set(Boolean.TRUE);
            try {
                found = delegate.findById(id);
            } finally {
                readingById.remove();
            }
            return found == null ? null : new Tracked(found, found.getLastAccessedTime());
        }

        @Override
        public void deleteById(String id) {
            Map<String, Session> saved = savedInThisRequest.get();
            if (saved != null) {
                saved.remove(id);
            }
            delegate.deleteById(id);
        }
    }

    /**
     * A session as read from (or created for) the store, noting whether anything the store keeps changed since: every
     * change goes through these methods (Spring Session saves attributes only when they are set).
     */
    static final class Tracked implements Session {
        private final Session stored;
        /** The last access as stored; null for a session not stored yet. */
        private Instant storedLastAccess;
        private boolean changed;

        Tracked(Session stored, Instant storedLastAccess) {
            this.stored = stored;
            this.storedLastAccess = storedLastAccess;
        }

        boolean mustBeWritten() {
            return changed || storedLastAccess == null || !stored.getLastAccessedTime()
                    .isBefore(storedLastAccess.plus(SessionLastAccess.GRANULARITY));
        }

        void written() {
            changed = false;
            storedLastAccess = stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            changed = true;
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            changed = true;
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (!interval.equals(stored.getMaxInactiveInterval())) {
                changed = true;
            }
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
