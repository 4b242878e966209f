package org.dicas.security.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Spring Session's filter, after saving a request's session, asks the repository for that session again only to learn
 * whether the id the browser sent is still valid (and so whether to rewrite the cookie): on the JDBC repository a
 * second transaction that selects the session's row and attributes and deserializes them, on every page. Within one
 * request the session just saved is the answer to that question, so the repository seen by the filter returns it
 * instead of reading it back. The first read of every request still goes to the database: a session ended on another
 * node (sign-out, a disabled account) is never served from here, and nothing outlives the request.
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

    record SavedNotReadBack(SessionRepository<Session> delegate) implements SessionRepository<Session> {

        @Override
        public Session createSession() {
            return delegate.createSession();
        }

        @Override
        public void save(Session session) {
            delegate.save(session);
            Map<String, Session> saved = savedInThisRequest.get();
            if (saved != null) {
                saved.put(session.getId(), session);
            }
        }

        @Override
        public Session findById(String id) {
            Map<String, Session> saved = savedInThisRequest.get();
            Session justSaved = saved == null ? null : saved.get(id);
            return justSaved != null ? justSaved : delegate.findById(id);
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
}
