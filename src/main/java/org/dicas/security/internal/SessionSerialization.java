package org.dicas.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * How session attributes are stored in PostgreSQL: Java serialization, as Spring Session does by default, except that
 * an attribute that no longer deserializes — written by an older version of the platform or of Spring Security, whose
 * classes changed since — reads as absent instead of failing every request of that session. A session whose security
 * context is unreadable is therefore simply signed out, and its user signs in again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
class SessionSerialization {

    private static final Logger log = LoggerFactory.getLogger(SessionSerialization.class);

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesThatMayBeUnreadable() {
        DeserializingConverter deserializer = new DeserializingConverter(SessionSerialization.class.getClassLoader());
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (SerializationFailedException e) {
                log.info("A stored session attribute could not be read and is dropped: {}", e.getMessage());
                return null;
            }
        });
        return repository -> repository.setConversionService(conversions);
    }
}
