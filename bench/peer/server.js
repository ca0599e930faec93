// The Neo4j GraphQL Library over the cluster-graph model, served by Apollo Server: the peer that
// bench/peer.sh measures the cluster-graph API against. Read-only (typeDefs.graphql generates no
// mutation), and it reads the same graph over Bolt.
//
// Environment:
//   PEER_PORT            the HTTP port (4095); the endpoint is http://127.0.0.1:PEER_PORT/graphql
//   NEO4J_URI            the Bolt address (bolt://127.0.0.1:7687)
//   NEO4J_USER           the Bolt user (neo4j)
//   NEO4J_PASSWORD       the Bolt password, or
//   NEO4J_PASSWORD_FILE  a file holding it (the embedded database's bolt-password)
//   PEER_PRINT_SCHEMA=1  print the generated schema and exit
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { printSchema } from "graphql";
import neo4j from "neo4j-driver";

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");

function password() {
    if (process.env.NEO4J_PASSWORD) {
        return process.env.NEO4J_PASSWORD;
    }
    if (process.env.NEO4J_PASSWORD_FILE) {
        return readFileSync(process.env.NEO4J_PASSWORD_FILE, "utf8").trim();
    }
    return undefined;
}

const secret = password();
const driver = neo4j.driver(
    process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
    secret === undefined ? undefined : neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", secret),
);

const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
if (process.env.PEER_PRINT_SCHEMA === "1") {
    console.log(printSchema(schema));
    await driver.close();
    process.exit(0);
}

// The signals are handled below, once, for the server and the driver.
const server = new ApolloServer({ schema, stopOnTerminationSignals: false });
const port = Number(process.env.PEER_PORT ?? 4095);
const { url } = await startStandaloneServer(server, {
    listen: { port, host: "127.0.0.1" },
    context: async () => ({}),
});
console.log(`peer: @neo4j/graphql on ${url}graphql over ${process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687"}`);

async function stop(signal) {
    console.log(`peer: ${signal}, stopping`);
    await server.stop();
    await driver.close();
    process.exit(0);
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
