package io.wbo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An integration test on the real application: real HTTP on a random port, the embedded PostgreSQL, the demo data
 * (operators admin, maker, checker, ... with the password {@link TestHttp#PASSWORD}). Every test class shares one
 * application context and one PostgreSQL server, and starts from a clean database: the state right after the
 * application started ({@link CleanDatabase}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@org.junit.jupiter.api.extension.ExtendWith(CleanDatabase.class)
public @interface WboTest {
}
