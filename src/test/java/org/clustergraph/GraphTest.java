package org.clustergraph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on its embedded Neo4j with the seed graph loaded, on a random
 * HTTP port. Every integration test uses this one configuration, so they share one
 * application context and one load. Its {@code GraphQlTester} is an
 * {@code HttpGraphQlTester}: requests go over HTTP through the filters and interceptors
 * that serve real clients.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
public @interface GraphTest {

}
