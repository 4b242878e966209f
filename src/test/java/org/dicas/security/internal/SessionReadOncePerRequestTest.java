package org.dicas.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicas.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Within one request, the session the request saved is not read back from the database; the first read of every
 * request, and every read outside a request, still is. A session whose only change is a last access younger than the
 * granularity is not written.
 */
@PlatformTest
class SessionReadOncePerRequestTest {

    /** Spring Session's own in-memory repository, counting the reads that reach it. */
    static final class CountedSessions extends MapSessionRepository {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();

        CountedSessions() {
            super(new ConcurrentHashMap<>());
        }

        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            return super.findById(id);
        }

        @Override
        public void save(MapSession session) {
            writes.incrementAndGet();
            super.save(session);
        }
    }

    @Autowired
    @Qualifier("springSessionRepositoryFilter")
    Filter sessionFilter;

    final CountedSessions stored = new CountedSessions();
    final SessionReadOncePerRequest.SavedNotReadBack sessions = new SessionReadOncePerRequest.SavedNotReadBack(
            uncheckedSessions(stored));
    final Filter requestScope = new SessionReadOncePerRequest().sessionRequestScope().getFilter();

    @SuppressWarnings({"unchecked", "rawtypes"})
    static org.springframework.session.SessionRepository<Session> uncheckedSessions(MapSessionRepository r) {
        return (org.springframework.session.SessionRepository) r;
    }

    void inOneRequest(Runnable work) throws Exception {
        requestScope.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (q, s) -> work.run());
    }

    @Test
    void theSessionSavedInARequestIsTheAnswerToItsNextReadInThatRequestOnly() throws Exception {
        Session session = sessions.createSession();
        sessions.save(session);
        String id = session.getId();

        inOneRequest(() -> {
            Session read = sessions.findById(id);
            assertThat(stored.reads).as("the request's first read goes to the store").hasValue(1);
            read.setAttribute("lang", "ja");
            sessions.save(read);
            assertThat(sessions.findById(id)).isSameAs(read);
            assertThat(stored.reads).as("the saved session is not read back").hasValue(1);
        });

        assertThat(sessions.findById(id).<String>getAttribute("lang")).isEqualTo("ja");
        assertThat(stored.reads).as("nothing outlives the request").hasValue(2);
        inOneRequest(() -> sessions.findById(id));
        assertThat(stored.reads).as("a new request reads the store again").hasValue(3);
    }

    @Test
    void aSessionDeletedInTheRequestIsGoneForTheRestOfIt() throws Exception {
        Session session = sessions.createSession();
        sessions.save(session);

        inOneRequest(() -> {
            sessions.save(sessions.findById(session.getId()));
            sessions.deleteById(session.getId());
            assertThat(sessions.findById(session.getId())).isNull();
        });
    }

    @Test
    void withoutARequestEveryReadGoesToTheStore() {
        Session session = sessions.createSession();
        sessions.save(session);
        sessions.findById(session.getId());
        sessions.findById(session.getId());
        assertThat(stored.reads).hasValue(2);
    }

    @Test
    void springSessionsFilterUsesTheRepositoryThatDoesNotReadBack() throws Exception {
        Field repository = SessionRepositoryFilter.class.getDeclaredField("sessionRepository");
        repository.setAccessible(true);
        assertThat(repository.get(sessionFilter)).isInstanceOf(SessionReadOncePerRequest.SavedNotReadBack.class);
    }

    @Test
    void aSessionWhoseOnlyChangeIsARecentLastAccessIsNotWritten() throws Exception {
        Session session = sessions.createSession();
        sessions.save(session);
        assertThat(stored.writes).as("a new session is written").hasValue(1);

        inOneRequest(() -> {
            Session read = sessions.findById(session.getId());
            read.setLastAccessedTime(read.getLastAccessedTime().plusSeconds(5));
            sessions.save(read);
            sessions.save(read);
        });
        assertThat(stored.writes).hasValue(1);
    }

    @Test
    void aLastAccessOlderThanTheGranularityAnAttributeOrATimeoutIsWritten() throws Exception {
        Session session = sessions.createSession();
        sessions.save(session);

        inOneRequest(() -> {
            Session read = sessions.findById(session.getId());
            read.setLastAccessedTime(read.getLastAccessedTime().plus(SessionLastAccess.GRANULARITY));
            sessions.save(read);
        });
        assertThat(stored.writes).hasValue(2);

        inOneRequest(() -> {
            Session read = sessions.findById(session.getId());
            read.setAttribute("SPRING_SECURITY_CONTEXT", "someone");
            sessions.save(read);
            sessions.save(read);
        });
        assertThat(stored.writes).as("written once, then unchanged").hasValue(3);
        assertThat(sessions.findById(session.getId()).<String>getAttribute("SPRING_SECURITY_CONTEXT"))
                .isEqualTo("someone");

        inOneRequest(() -> {
            Session read = sessions.findById(session.getId());
            read.setMaxInactiveInterval(read.getMaxInactiveInterval().plusMinutes(1));
            sessions.save(read);
        });
        assertThat(stored.writes).hasValue(4);
    }
}
