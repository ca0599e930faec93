package org.clustergraph.ingest.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an input file, read as UTF-8 and nothing else. A file saved in another
 * encoding (GBK or GB18030, as spreadsheet programs write CSV on a Chinese Windows) would
 * otherwise be read with every Chinese character replaced, and its names, aliases and
 * keywords would silently match nothing: the load refuses it instead, naming the file and
 * the line of the first byte that is no UTF-8. A byte order mark at the start is not part
 * of the text.
 */
final class Utf8Text {

	private Utf8Text() {
	}

	/**
	 * Decodes a file.
	 * @param path the file's path relative to {@code seeds/}, for the message
	 * @param bytes its content
	 * @return its text, without a leading byte order mark
	 * @throws SourceException naming the file and line when a byte is no UTF-8
	 */
	static String decode(String path, byte[] bytes) {
		int start = hasByteOrderMark(bytes) ? 3 : 0;
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int offset = in.position();
			int lineStart = lineStart(bytes, offset);
			throw new SourceException(new SourceProblem(path, lineNumber(bytes, offset),
					"is not UTF-8: byte %d of the line (0x%02X) begins no UTF-8 character. The loader reads UTF-8 "
						.formatted(offset - lineStart + 1, bytes[offset] & 0xFF)
							+ "only; a file saved as GBK or GB18030 can be converted with "
							+ "'iconv -f GB18030 -t UTF-8 FILE > FILE.utf8' (then replace the file with it)"));
		}
		return out.flip().toString();
	}

	private static boolean hasByteOrderMark(byte[] bytes) {
		return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
	}

	/** The 1-based line of a byte, counting lines as {@link String#lines()} does. */
	private static int lineNumber(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
				line++;
			}
		}
		return line;
	}

	private static int lineStart(byte[] bytes, int offset) {
		int i = offset;
		while (i > 0 && bytes[i - 1] != '\n' && bytes[i - 1] != '\r') {
			i--;
		}
		return i;
	}

}
