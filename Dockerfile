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
USER cluster
WORKDIR /app
ENV CLUSTERGRAPH_DATA_DIR=/data/neo4j
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/app.jar"]
