package org.dicas.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * How session attributes are stored in PostgreSQL: Java serialization, as Spring Session does by default, except that
 * an attribute that no longer deserializes — written by an older version of the platform or of Spring Security, whose
 * classes changed since — reads as absent instead of failing every request of that session. A session whose security
 * context is unreadable is therefore simply signed out, and its user signs in again.
 *
 * <p>Every page reads its session's security context and CSRF token, and deserializing them was about a twentieth of a
 * page's CPU (issue 11, seventh pass). They are rewritten only at sign-in, so the same stored bytes come back request
 * after request: {@link Remembered} keeps what such bytes deserialize to, keyed by the bytes themselves (all of them,
 * compared in full — a value is only ever found again for exactly the bytes it was read from, whoever's session holds
 * them, so no reader can get another's context). Each read still gets its own security context object (logout and
 * sign-in change the context they are handed); the authentication in it and the CSRF token are not changed by anything
 * after they are stored, and are shared.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
class SessionSerialization {

    private static final Logger log = LoggerFactory.getLogger(SessionSerialization.class);

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesThatMayBeUnreadable() {
        DeserializingConverter deserializer = new DeserializingConverter(SessionSerialization.class.getClassLoader());
        Converter<byte[], Object> read = new Remembered(bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (SerializationFailedException e) {
                log.info("A stored session attribute could not be read and is dropped: {}", e.getMessage());
                return null;
            }
        });
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, read);
        return repository -> repository.setConversionService(conversions);
    }

    /**
     * Reads stored attributes, remembering the security contexts and CSRF tokens read (by their exact bytes) so that
     * the next request of the session does not deserialize them again; every other attribute is deserialized each time.
     */
    static final class Remembered implements Converter<byte[], Object> {
        private final Converter<byte[], Object> deserialize;
        private final Cache<ByteBuffer, Object> read = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterAccess(Duration.ofHours(1)).build();

        Remembered(Converter<byte[], Object> deserialize) {
            this.deserialize = deserialize;
        }

        @Override
        public Object convert(byte[] bytes) {
            Object known = read.getIfPresent(ByteBuffer.wrap(bytes));
            if (known != null) {
                return handedOut(known);
            }
            Object value = deserialize.convert(bytes);
            if (value != null && (value.getClass() == SecurityContextImpl.class
                    || value.getClass() == DefaultCsrfToken.class)) {
                read.put(ByteBuffer.wrap(bytes.clone()), handedOut(value));
            }
            return value;
        }

        /** A security context of its own (its holder may change it); the immutable CSRF token as it is. */
        private static Object handedOut(Object value) {
            return value instanceof SecurityContextImpl context ? new SecurityContextImpl(context.getAuthentication())
                    : value;
        }
    }
}
