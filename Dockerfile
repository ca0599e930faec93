# Builds the service jar and runs it. With NEO4J_URI set (see docker-compose.yml) it uses that
# server; without, it runs its embedded Neo4j with the store on the /data volume.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src/ src/
COPY graphql-schema/ graphql-schema/
COPY cypher/ cypher/
COPY seeds/ seeds/
RUN ./mvnw -B -ntp -DskipTests package && cp target/cluster-graph-*.jar /app.jar

FROM eclipse-temurin:25-jre
RUN useradd --system --home-dir /app cluster
COPY --from=build /app.jar /app/app.jar
COPY jvm.options /app/jvm.options
# The AOT cache (README, "Start-up"): the jar extracted, then one training run in this image's
# own JVM, which a cache must match: it loads the seed graph into a throwaway store, sends itself
# the warm-up's requests for 30 s and stops. The store is deleted; the cache stays in the image.
RUN java -Djarmode=tools -jar /app/app.jar extract --destination /app/extracted \
	&& CLUSTERGRAPH_DATA_DIR=/tmp/training/neo4j CLUSTERGRAPH_BOLT_PORT=0 SERVER_PORT=0 \
	CLUSTERGRAPH_REPORT=/tmp/training/report.txt \
	java @/app/jvm.options -Xlog:aot*=error -XX:AOTCacheOutput=/app/app.aot -jar /app/extracted/app.jar --train=30 \
	&& rm -rf /tmp/training
USER cluster
WORKDIR /app
ENV CLUSTERGRAPH_DATA_DIR=/data/neo4j
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:AOTCache=/app/app.aot", "-Xlog:aot*=error", "-jar", "/app/extracted/app.jar"]
