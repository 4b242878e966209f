package org.dicas.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * A session's security context and CSRF token are deserialized once for the same stored bytes, and each read still
 * gets a context of its own: a sign-out that empties the context of one request leaves the next request's alone, and
 * other bytes (another session, a new sign-in) are never answered with a remembered value.
 */
class SessionSerializationTest {

    private final SerializingConverter serialize = new SerializingConverter();
    private final AtomicInteger deserialized = new AtomicInteger();
    private final DeserializingConverter deserializer = new DeserializingConverter(getClass().getClassLoader());
    private final SessionSerialization.Remembered read = new SessionSerialization.Remembered(bytes -> {
        deserialized.incrementAndGet();
        return deserializer.convert(bytes);
    });

    @Test
    void theSameStoredContextIsDeserializedOnceAndEveryReadGetsAContextOfItsOwn() {
        byte[] stored = serialize.convert(context("jp.atla"));
        SecurityContext first = (SecurityContext) read.convert(stored);
        SecurityContext second = (SecurityContext) read.convert(stored.clone());
        assertThat(deserialized).hasValue(1);
        assertThat(second).isNotSameAs(first).isEqualTo(first);
        assertThat(second.getAuthentication().getName()).isEqualTo("jp.atla");

        first.setAuthentication(null); // what a sign-out does to the context its request holds
        SecurityContext third = (SecurityContext) read.convert(stored);
        assertThat(third.getAuthentication()).isNotNull();
        assertThat(third.getAuthentication().getName()).isEqualTo("jp.atla");
        assertThat(second.getAuthentication()).isNotNull();
    }

    @Test
    void otherBytesAreReadForThemselves() {
        SecurityContext atla = (SecurityContext) read.convert(serialize.convert(context("jp.atla")));
        SecurityContext other = (SecurityContext) read.convert(serialize.convert(context("us.navsea")));
        assertThat(deserialized).hasValue(2);
        assertThat(atla.getAuthentication().getName()).isEqualTo("jp.atla");
        assertThat(other.getAuthentication().getName()).isEqualTo("us.navsea");
    }

    @Test
    void aCsrfTokenIsRememberedAndOtherAttributesAreReadEachTime() {
        byte[] token = serialize.convert(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "abc"));
        assertThat(((DefaultCsrfToken) read.convert(token)).getToken()).isEqualTo("abc");
        assertThat(((DefaultCsrfToken) read.convert(token)).getToken()).isEqualTo("abc");
        assertThat(deserialized).hasValue(1);

        byte[] zone = serialize.convert(java.time.ZoneId.of("Asia/Tokyo"));
        read.convert(zone);
        read.convert(zone);
        assertThat(deserialized).hasValue(3);
    }

    private static SecurityContext context(String name) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
    }
}
