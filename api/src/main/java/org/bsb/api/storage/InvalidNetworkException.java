package org.bsb.api.storage;

import java.util.List;

/**
 * A network file that is readable but does not hold a valid network: a dataset of the wrong shape or
 * type, shorter than its length attribute, a cell id out of range, a non-finite position, a
 * morphology index or a connection location that does not exist, ... Thrown by
 * {@link StorageEngine#read} instead of returning data that would fail later (or, worse, not fail).
 * Each problem names where in the file it is, for the HDF5 engine a dataset path and row:
 * {@code /connectivity/a_to_b/0/post_locs row 17: cell id 2147483647 out of range 0..29 of b_cell}.
 */
public class InvalidNetworkException extends StorageException {
    private static final long serialVersionUID = 1L;
    /** How many problems the message lists. */
    public static final int SHOWN = 20;

    private final String file;
    private final transient List<String> problems;
    private final long count;
    private final transient String config;

    /**
     * @param file the network file, as it should be named in messages
     * @param problems the problems found (possibly only the first ones of {@code count})
     * @param count how many problems there are in all ({@code >= problems.size()})
     * @param config the stored config (JSON) if it could be read, so that it can be checked too; or null
     */
    public InvalidNetworkException(String file, List<String> problems, long count, String config) {
        super(report(file, problems, Math.max(count, problems.size()), SHOWN));
        this.file = file;
        this.problems = List.copyOf(problems);
        this.count = Math.max(count, problems.size());
        this.config = config;
    }

    public String file() {
        return file;
    }

    /** The problems found, each naming its place in the file; the first ones if there are very many. */
    public List<String> problems() {
        return problems;
    }

    /** How many problems there are in all. */
    public long count() {
        return count;
    }

    /** The stored config (JSON) if the file holds a readable one, else null. */
    public String config() {
        return config;
    }

    /**
     * The report of a network's problems: a line naming the file and the count, then one line per
     * problem ({@code name: problem}, the file's name first), at most {@code shown} of them, then how
     * many more there are.
     */
    public static String report(String file, List<String> problems, long count, int shown) {
        StringBuilder b = new StringBuilder();
        b.append(file)
                .append(" is not a valid network file (")
                .append(count)
                .append(count == 1 ? " problem" : " problems")
                .append("):");
        String name = file;
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        if (slash >= 0 && slash < file.length() - 1) {
            name = file.substring(slash + 1);
        }
        int n = Math.min(shown, problems.size());
        for (int i = 0; i < n; i++) {
            b.append("\n  ").append(name).append(": ").append(problems.get(i));
        }
        if (count > n) {
            b.append("\n  ... and ").append(count - n).append(" more");
        }
        return b.toString();
    }
}
