package org.clustergraph.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import graphql.language.Value;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.clustergraph.GraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served schema keeps the public contract (a copy under
 * {@code src/test/resources/contract/}): it may add types, fields, arguments and enum
 * values, but every type, field, argument, default, input field, enum value and
 * implemented interface of the contract must be there with the same type.
 */
@GraphTest
class ContractTests {

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void servedSchemaKeepsEveryPartOfTheContract() throws IOException {
		GraphQLSchema contract;
		try (InputStream in = getClass().getResourceAsStream("/contract/api-contract.graphqls")) {
			contract = UnExecutableSchemaGenerator.makeUnExecutableSchema(
					new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
		assertThat(breaches(contract, this.graphQlSource.schema())).isEmpty();
	}

	@Test
	void noticesARetypedFieldADroppedArgumentAndAMissingEnumValue() {
		GraphQLSchema contract = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse("""
				type Query { a(x: Int = 1, y: String): Int! b: String }
				enum E { ONE TWO } input F { z: Int } type T { e: E f: Int }"""));
		GraphQLSchema served = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse("""
				type Query { a(x: Int = 2): Int b: String c: Int }
				enum E { ONE } input F { w: Int } type T { e: E f: Int }"""));
		assertThat(breaches(contract, served)).containsExactlyInAnyOrder("Query.a: type Int! became Int",
				"Query.a(x): default 1 became 2", "Query.a(y): missing", "E.TWO: missing", "F.z: missing");
	}

	private static List<String> breaches(GraphQLSchema contract, GraphQLSchema served) {
		List<String> breaches = new ArrayList<>();
		for (GraphQLNamedType type : contract.getAllTypesAsList()) {
			if (type.getName().startsWith("__")) {
				continue;
			}
			GraphQLNamedType actual = (GraphQLNamedType) served.getType(type.getName());
			if (actual == null || !actual.getClass().equals(type.getClass())) {
				breaches.add(type.getName() + ": missing or of another kind");
				continue;
			}
			if (type instanceof GraphQLFieldsContainer fields) {
				for (GraphQLFieldDefinition field : fields.getFieldDefinitions()) {
					GraphQLFieldDefinition servedField = ((GraphQLFieldsContainer) actual)
						.getFieldDefinition(field.getName());
					String at = type.getName() + "." + field.getName();
					if (servedField == null) {
						breaches.add(at + ": missing");
						continue;
					}
					sameType(breaches, at, field.getType(), servedField.getType());
					for (GraphQLArgument argument : field.getArguments()) {
						GraphQLArgument servedArgument = servedField.getArgument(argument.getName());
						String arg = at + "(" + argument.getName() + ")";
						if (servedArgument == null) {
							breaches.add(arg + ": missing");
							continue;
						}
						sameType(breaches, arg, argument.getType(), servedArgument.getType());
						String expected = defaultOf(argument);
						String found = defaultOf(servedArgument);
						if (!expected.equals(found)) {
							breaches.add(arg + ": default " + expected + " became " + found);
						}
					}
					for (GraphQLArgument servedArgument : servedField.getArguments()) {
						if (field.getArgument(servedArgument.getName()) == null
								&& GraphQLTypeUtil.isNonNull(servedArgument.getType())
								&& !servedArgument.hasSetDefaultValue()) {
							breaches.add(at + "(" + servedArgument.getName() + "): a new required argument");
						}
					}
				}
			}
			if (type instanceof GraphQLObjectType object) {
				List<String> implemented = ((GraphQLObjectType) actual).getInterfaces()
					.stream()
					.map((iface) -> ((GraphQLNamedType) iface).getName())
					.toList();
				for (var iface : object.getInterfaces()) {
					String name = ((GraphQLNamedType) iface).getName();
					if (!implemented.contains(name)) {
						breaches.add(type.getName() + ": no longer implements " + name);
					}
				}
			}
			if (type instanceof GraphQLInputObjectType input) {
				for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
					GraphQLInputObjectField servedField = ((GraphQLInputObjectType) actual)
						.getFieldDefinition(field.getName());
					if (servedField == null) {
						breaches.add(type.getName() + "." + field.getName() + ": missing");
					}
					else {
						sameType(breaches, type.getName() + "." + field.getName(), field.getType(),
								servedField.getType());
					}
				}
			}
			if (type instanceof GraphQLEnumType enumeration) {
				for (var value : enumeration.getValues()) {
					if (((GraphQLEnumType) actual).getValue(value.getName()) == null) {
						breaches.add(type.getName() + "." + value.getName() + ": missing");
					}
				}
			}
		}
		return breaches;
	}

	private static void sameType(List<String> breaches, String at, graphql.schema.GraphQLType expected,
			graphql.schema.GraphQLType found) {
		String a = GraphQLTypeUtil.simplePrint(expected);
		String b = GraphQLTypeUtil.simplePrint(found);
		if (!a.equals(b)) {
			breaches.add(at + ": type " + a + " became " + b);
		}
	}

	private static String defaultOf(GraphQLArgument argument) {
		if (!argument.hasSetDefaultValue()) {
			return "none";
		}
		Object value = argument.getArgumentDefaultValue().getValue();
		return (value instanceof Value<?> literal) ? graphql.language.AstPrinter.printAst(literal)
				: String.valueOf(value);
	}

}
