package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the entries of one list from its document, as its descriptor says, and reports
 * every line it cannot read and every count that differs from what the list states.
 */
public final class ListingParser {

	private static final Pattern DIGITS = Pattern.compile("^\\d{1,9}$");

	private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,9})\\s*\\.\\s*(.+)$");

	private static final Pattern HEADING = Pattern.compile("^(\\S+?(?:市|州|林区|地区|盟))\\s*:?$");

	private static final Pattern SEQUENCE_ROW = Pattern.compile("^(\\d{1,9})\\s+(.+?)\\s+(\\d{4})\\s+(\\d{1,9})$");

	private static final List<String> COLUMN_HEADERS = List.of("序号", "产业集群名称", "所在区域", "集群名称");

	/** The contexts and edition years of the entries read so far: they share a few. */
	private final Shared shared = new Shared();

	/**
	 * Parses one list.
	 * @param descriptor the list's descriptor
	 * @param lines the document's lines as read (UTF-8)
	 * @return the entries and the problems found
	 */
	public Result parse(ProgramDescriptor descriptor, List<String> lines) {
		List<SourceProblem> problems = new ArrayList<>();
		String document = descriptor.document();
		int start = find(lines, descriptor.start(), 0);
		if (start < 0) {
			problems.add(new SourceProblem(document, 0,
					"the heading of list '" + descriptor.key() + "' (/" + descriptor.start() + "/) is missing"));
			return new Result(List.of(), problems);
		}
		int end = (descriptor.end() != null) ? find(lines, descriptor.end(), start + 1) : -1;
		if (end < 0) {
			end = lines.size();
		}
		Map<Integer, String> urls = noticeUrls(descriptor, lines);
		List<RawListing> listings = switch (descriptor.format()) {
			case RANK_THEN_NAME -> rankThenName(descriptor, lines, start, end, false, problems);
			case RANK_NAME_REGION -> rankThenName(descriptor, lines, start, end, true, problems);
			case NUMBERED_UNDER_HEADINGS -> numberedUnderHeadings(descriptor, lines, start, end, problems);
			case SEQUENCE_NAME_YEAR_RANK -> sequenceRows(descriptor, lines, start, end, urls, problems);
			case CSV -> new CsvListReader(this.shared).read(descriptor, lines, start, end, problems);
		};
		checkCounts(descriptor, Text.normalize(lines.get(start)), start + 1, listings, problems);
		return new Result(List.copyOf(listings), List.copyOf(problems));
	}

	private List<RawListing> rankThenName(ProgramDescriptor d, List<String> lines, int start, int end,
			boolean regionColumn, List<SourceProblem> problems) {
		List<RawListing> out = new ArrayList<>();
		int i = start + 1;
		while (i < end) {
			String line = Text.normalize(lines.get(i));
			if (line.isEmpty() || COLUMN_HEADERS.contains(line)) {
				i++;
				continue;
			}
			if (!DIGITS.matcher(line).matches()) {
				problems
					.add(new SourceProblem(d.document(), i + 1, "expected the rank of an entry, found '" + line + "'"));
				i++;
				continue;
			}
			int rank = Integer.parseInt(line);
			int nameLine = nextNonBlank(lines, i + 1, end);
			if (nameLine < 0 || DIGITS.matcher(Text.normalize(lines.get(nameLine))).matches()) {
				problems.add(new SourceProblem(d.document(), i + 1, "rank " + rank + " has no name after it"));
				i++;
				continue;
			}
			String name = Text.unpad(lines.get(nameLine));
			List<String> context = new ArrayList<>();
			int next = nameLine + 1;
			if (regionColumn) {
				int regionLine = nextNonBlank(lines, nameLine + 1, end);
				String region = (regionLine < 0) ? "" : Text.normalize(lines.get(regionLine));
				if (region.isEmpty() || DIGITS.matcher(region).matches()) {
					problems.add(new SourceProblem(d.document(), nameLine + 1,
							"entry " + rank + " has no region line (such as '浙江,嘉兴市') after its name"));
				}
				else {
					for (String part : region.split("[,、]")) {
						if (!part.isBlank()) {
							context.add(part.strip());
						}
					}
					next = regionLine + 1;
				}
			}
			out.add(new RawListing(d.key(), null, rank, name, d.document(), nameLine + 1,
					this.shared.of(List.copyOf(context)), null));
			i = next;
		}
		return out;
	}

	private List<RawListing> numberedUnderHeadings(ProgramDescriptor d, List<String> lines, int start, int end,
			List<SourceProblem> problems) {
		List<RawListing> out = new ArrayList<>();
		String heading = null;
		for (int i = start + 1; i < end; i++) {
			String line = Text.normalize(lines.get(i));
			if (line.isEmpty()) {
				continue;
			}
			Matcher entry = NUMBERED.matcher(line);
			Matcher head = HEADING.matcher(line);
			if (entry.matches()) {
				if (heading == null) {
					problems.add(new SourceProblem(d.document(), i + 1, "entry before any region heading"));
				}
				String raw = Text.unpad(lines.get(i));
				String name = Text.unpad(raw.substring(raw.indexOf('.') + 1));
				if (name.equals(raw)) {
					name = Text.unpad(entry.group(2));
				}
				out.add(new RawListing(d.key(), null, Integer.parseInt(entry.group(1)), name, d.document(), i + 1,
						(heading != null) ? this.shared.of(List.of(heading)) : List.of(), null));
			}
			else if (head.matches()) {
				heading = head.group(1);
			}
			else {
				problems.add(new SourceProblem(d.document(), i + 1,
						"neither an entry ('N.名称') nor a region heading ('黄石市：'): '" + line + "'"));
			}
		}
		return out;
	}

	private List<RawListing> sequenceRows(ProgramDescriptor d, List<String> lines, int start, int end,
			Map<Integer, String> urls, List<SourceProblem> problems) {
		List<RawListing> out = new ArrayList<>();
		int expectedSequence = 1;
		for (int i = start + 1; i < end; i++) {
			String line = Text.normalize(lines.get(i));
			if (line.isEmpty() || line.startsWith("总序号")) {
				continue;
			}
			Matcher row = SEQUENCE_ROW.matcher(line);
			if (!row.matches()) {
				problems.add(new SourceProblem(d.document(), i + 1, "expected '总序号 集群名称 年度 序号', found '" + line + "'"));
				continue;
			}
			int sequence = Integer.parseInt(row.group(1));
			if (sequence != expectedSequence) {
				problems.add(new SourceProblem(d.document(), i + 1,
						"总序号 " + sequence + " where " + expectedSequence + " was expected"));
			}
			expectedSequence = sequence + 1;
			Integer year = this.shared.of(Integer.valueOf(row.group(3)));
			out.add(new RawListing(d.key(), year, Integer.parseInt(row.group(4)), row.group(2), d.document(), i + 1,
					List.of(), urls.get(year)));
		}
		return out;
	}

	private void checkCounts(ProgramDescriptor d, String heading, int headingLine, List<RawListing> listings,
			List<SourceProblem> problems) {
		if (d.countInHeading() != null) {
			Matcher count = d.countInHeading().matcher(heading);
			if (!count.find()) {
				problems.add(new SourceProblem(d.document(), headingLine, "the heading states no count"));
			}
			else if (!DIGITS.matcher(count.group(1)).matches() || Integer.parseInt(count.group(1)) != listings.size()) {
				problems.add(new SourceProblem(d.document(), headingLine, "list '" + d.key() + "' states "
						+ count.group(1) + " entries but " + listings.size() + " were read"));
			}
		}
		Map<Integer, List<RawListing>> editions = new HashMap<>();
		for (RawListing listing : listings) {
			editions.computeIfAbsent(listing.year(), (y) -> new ArrayList<>()).add(listing);
		}
		editions.forEach((year, entries) -> {
			if (d.perEdition() > 0 && entries.size() != d.perEdition()) {
				problems.add(new SourceProblem(d.document(), headingLine, "edition " + year + " of list '" + d.key()
						+ "' has " + entries.size() + " entries where " + d.perEdition() + " are published"));
			}
			for (int i = 0; i < entries.size(); i++) {
				if (entries.get(i).rank() != i + 1) {
					problems.add(new SourceProblem(d.document(), entries.get(i).line(), "rank " + entries.get(i).rank()
							+ " where " + (i + 1) + " was expected in list '" + d.key() + "'"));
					break;
				}
			}
		});
	}

	private Map<Integer, String> noticeUrls(ProgramDescriptor d, List<String> lines) {
		Map<Integer, String> urls = new HashMap<>();
		if (d.noticeTitle() == null) {
			return urls;
		}
		for (int i = 0; i < lines.size(); i++) {
			Matcher title = d.noticeTitle().matcher(Text.normalize(lines.get(i)));
			if (title.find() && DIGITS.matcher(title.group(1)).matches()) {
				int next = nextNonBlank(lines, i + 1, lines.size());
				if (next >= 0 && lines.get(next).strip().startsWith("http")) {
					urls.putIfAbsent(Integer.parseInt(title.group(1)), lines.get(next).strip());
				}
			}
		}
		return urls;
	}

	private static int find(List<String> lines, Pattern pattern, int from) {
		for (int i = from; i < lines.size(); i++) {
			if (pattern.matcher(Text.normalize(lines.get(i))).find()) {
				return i;
			}
		}
		return -1;
	}

	private static int nextNonBlank(List<String> lines, int from, int end) {
		for (int i = from; i < end; i++) {
			if (!lines.get(i).isBlank()) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * What one list yielded.
	 *
	 * @param listings the entries in document order
	 * @param problems everything that could not be read or does not add up
	 */
	public record Result(List<RawListing> listings, List<SourceProblem> problems) {

		/**
		 * The edition years found, in order.
		 * @return the years; empty for lists without editions
		 */
		public List<Integer> years() {
			return this.listings.stream().map(RawListing::year).filter((y) -> y != null).distinct().sorted().toList();
		}

	}

}
