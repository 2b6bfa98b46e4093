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
 * application context and one database; tests create the customers they change, so they never depend on each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
public @interface WboTest {
}
