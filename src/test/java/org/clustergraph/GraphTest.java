package org.clustergraph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole application on its embedded Neo4j with the seed graph loaded, on a random
 * HTTP port. Every integration test uses this one configuration, so they share one
 * application context and one load. Its {@code GraphQlTester} is an
 * {@code HttpGraphQlTester}: requests go over HTTP through the filters and interceptors
 * that serve real clients. A response may take 30 s, not the client's default 5 s: on a
 * shared two-core machine a request's first statement, planned cold beside other work,
 * once took longer than 5 s, and the test failed on the client's timeout, not on what it
 * asserts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@AutoConfigureWebTestClient(timeout = "PT30S")
public @interface GraphTest {

}
