package org.dicas;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.dicas.support.RequestCosts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole platform on a random port over a real embedded PostgreSQL in a fresh directory, in demo mode.
 * All tests with this annotation share one application context (and one database), not durable for speed
 * (the crash tests in {@code org.dicas.platform.embedded} run durable). The context carries the request counting of
 * {@link RequestCosts}, switched off until a test switches it on, so that a test that counts shares the context too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dicas.data-dir=${java.io.tmpdir}/dicas-test-${random.uuid}",
        "dicas.embedded.clean=true",
        "dicas.embedded.durable=false",
        "dicas.demo=true"})
@Import(RequestCosts.Counting.class)
public @interface PlatformTest {
}
