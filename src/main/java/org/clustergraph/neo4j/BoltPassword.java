package org.clustergraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded Neo4j's {@code neo4j} user: the operator's
 * ({@code CLUSTERGRAPH_NEO4J_PASSWORD}) when set, otherwise one generated on first start
 * and kept in {@value #FILE_NAME} inside the store directory, readable by its owner only,
 * and read again on every later start.
 *
 * <p>
 * The generated password is never logged: the log says where the file is, once, when it
 * is written.
 *
 * @param value the password
 * @param generated whether it is the service's own rather than the operator's
 */
record BoltPassword(String value, boolean generated) {

	/** The name of the file that holds a generated password, in the store directory. */
	static final String FILE_NAME = "bolt-password";

	/** Neo4j's default {@code dbms.security.auth_minimum_password_length}. */
	static final int MINIMUM_LENGTH = 8;

	private static final Logger logger = LoggerFactory.getLogger(BoltPassword.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	/**
	 * The password to set, from the operator or from the store directory's file, which is
	 * written first when missing.
	 * @param properties the embedded settings
	 * @return the password
	 * @throws IllegalStateException when the operator's password is too short or the file
	 * is empty
	 */
	static BoltPassword resolve(EmbeddedNeo4jProperties properties) {
		String operator = properties.password();
		if (!operator.isBlank()) {
			if (operator.codePointCount(0, operator.length()) < MINIMUM_LENGTH) {
				throw new IllegalStateException("CLUSTERGRAPH_NEO4J_PASSWORD is shorter than " + MINIMUM_LENGTH
						+ " characters, the least Neo4j accepts");
			}
			Path stale = file(properties.directory());
			if (Files.exists(stale, LinkOption.NOFOLLOW_LINKS)) {
				logger.warn("{} holds a generated password that no longer works: CLUSTERGRAPH_NEO4J_PASSWORD is set;"
						+ " delete the file so that nobody logs in with it", stale);
			}
			return new BoltPassword(operator, false);
		}
		return new BoltPassword(readOrGenerate(file(properties.directory())), true);
	}

	/**
	 * Where a generated password is kept.
	 * @param directory the store directory
	 * @return the file
	 */
	static Path file(Path directory) {
		return directory.toAbsolutePath().resolve(FILE_NAME);
	}

	private static String readOrGenerate(Path file) {
		try {
			if (!Files.exists(file)) {
				createDirectory(file.getParent());
				String password = generate();
				try {
					write(file, password);
					logger.info("Generated a password for the embedded Neo4j's user 'neo4j' and wrote it to {}"
							+ " (readable by its owner only); Neo4j's tools log in with it", file);
					return password;
				}
				catch (FileAlreadyExistsException ex) {
					// Another start wrote it first: use theirs.
				}
			}
			return read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the embedded Neo4j's password file " + file, ex);
		}
	}

	private static String generate() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void createDirectory(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		Files.createDirectories(directory.getParent());
		try {
			if (supportsPosix(directory.getParent())) {
				Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
			}
			else {
				Files.createDirectory(directory);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// Created meanwhile.
		}
	}

	private static void write(Path file, String password) throws IOException {
		boolean posix = supportsPosix(file.getParent());
		FileAttribute<?>[] attributes = posix
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) } : new FileAttribute<?>[0];
		// CREATE_NEW: the file is created with its permissions, never replaced.
		try (var channel = Files.newByteChannel(file,
				Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC), attributes)) {
			channel.write(java.nio.ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.UTF_8)));
		}
		if (!posix) {
			logger.warn("The file system of {} has no POSIX permissions: make sure only the service's user can"
					+ " read that file", file);
		}
	}

	private static String read(Path file) throws IOException {
		// A link could make another file, one someone else can read or write, the
		// password; the service writes a plain file and reads only that.
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			throw new IllegalStateException("The embedded Neo4j's password file " + file + " is not a plain file (a"
					+ " link or a directory): remove it to have a new one generated, or set CLUSTERGRAPH_NEO4J_PASSWORD");
		}
		if (supportsPosix(file.getParent())) {
			PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			UserPrincipal self = file.getFileSystem()
				.getUserPrincipalLookupService()
				.lookupPrincipalByName(System.getProperty("user.name"));
			if (!attributes.owner().equals(self)) {
				throw new IllegalStateException("The embedded Neo4j's password file " + file + " belongs to "
						+ attributes.owner().getName() + ", not to the service's user " + self.getName()
						+ ": remove it to have a new one generated, or set CLUSTERGRAPH_NEO4J_PASSWORD");
			}
			Set<PosixFilePermission> permissions = attributes.permissions();
			if (!OWNER_ONLY.containsAll(permissions)) {
				logger
					.warn("The embedded Neo4j's password file {} was {}: making it readable by its owner only; whoever"
							+ " could read it may know the password, so delete the file to have a new one generated at the"
							+ " next start", file, PosixFilePermissions.toString(permissions));
				Files.setPosixFilePermissions(file, OWNER_ONLY);
			}
		}
		String password = Files.readString(file, StandardCharsets.UTF_8).strip();
		if (password.length() < MINIMUM_LENGTH) {
			throw new IllegalStateException("The embedded Neo4j's password file " + file + " holds no password of at"
					+ " least " + MINIMUM_LENGTH + " characters: delete it to have a new one generated, or set"
					+ " CLUSTERGRAPH_NEO4J_PASSWORD");
		}
		return password;
	}

	private static boolean supportsPosix(Path directory) throws IOException {
		return Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
	}

	@Override
	public String toString() {
		return "BoltPassword[" + (this.generated ? "generated" : "operator's") + "]";
	}

}
