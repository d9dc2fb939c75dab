package org.oversight.deploy.importing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.oversight.deploy.importing.SourceRow.Table;

/**
 * What was read from the files of one import: each child's rows in the order read, and the files' own problems.
 *
 * <p>A child's rows may be anywhere in any of the files (the header, episodes and reviews tables are each sorted
 * their own way, and the census is another file), so they can only be brought together once everything is read.
 * Held in memory, a national-size return would need the whole of it at once. Instead, as each row is read it is
 * written to one of a number of bucket files on disk, chosen by a hash of the child's identifier, so that every
 * row of a child lands in the same bucket in the order it was read. The import then reads one bucket at a time,
 * groups its rows by child and imports those children: at most one bucket's rows are in memory, and the number of
 * buckets is chosen from the size of the input so that a bucket holds about {@link #BUCKET_BYTES} of it. A bucket
 * that grows beyond several times that (many rows of few children, or a skewed hash) is split again by a
 * different hash before it is read, so memory stays bounded whatever the input's size; only the rows of one child
 * are indivisible.
 *
 * <p>The bucket files hold the rows' values, which are personal data: they are written in a directory of their
 * own that only the service's own account may enter, and deleted, with the directory, by {@link #close()} whether
 * the import finished or failed. {@link #inMemory()} keeps everything in memory instead, for a handful of rows.
 */
public final class ReturnFiles implements AutoCloseable {

    /** About how much of the input one bucket holds, and so about how much is in memory at once. */
    static final long BUCKET_BYTES = 4L * 1024 * 1024;
    /** A bucket file larger than this is split before it is read. */
    static final long SPLIT_BYTES = 4 * BUCKET_BYTES;
    /** At most this many buckets are open for writing at once (each holds a buffer). */
    static final int MOST_BUCKETS = 1024;
    /** How many times a bucket may be split again. */
    private static final int MOST_DEPTH = 6;
    private static final int WRITE_BUFFER = 8 * 1024;
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    /** In memory: the rows in the order read (null when spilling). */
    private final List<SourceRow> held;
    /** Spilling: the private directory of the bucket files (null when held in memory). */
    private final Path directory;
    private final DataOutputStream[] buckets;
    private final List<FileProblem> problems = new ArrayList<>();
    /** The files' names, each written to the buckets as its place in this list. */
    private final List<String> fileNames = new ArrayList<>();
    private final Map<String, Integer> fileIndex = new LinkedHashMap<>();
    private int rows;
    private int childCount = -1;
    private boolean closed;

    private ReturnFiles(List<SourceRow> held, Path directory, int buckets) {
        this.held = held;
        this.directory = directory;
        this.buckets = new DataOutputStream[buckets];
    }

    /** Everything held in memory: for a few rows, such as a test's. */
    public static ReturnFiles inMemory() {
        return new ReturnFiles(new ArrayList<>(), null, 0);
    }

    /**
     * Rows spilled to bucket files in a new private directory under the system's temporary directory, as many
     * buckets as an input of {@code inputBytes} needs.
     */
    public static ReturnFiles spilling(long inputBytes) throws IOException {
        return spilling(Path.of(System.getProperty("java.io.tmpdir")), bucketsFor(inputBytes));
    }

    /** Rows spilled to {@code buckets} bucket files in a new private directory under {@code parent}. */
    static ReturnFiles spilling(Path parent, int buckets) throws IOException {
        if (buckets < 1) {
            throw new IllegalArgumentException("At least one bucket");
        }
        return new ReturnFiles(null, privateDirectory(parent, "oversight-import-"), buckets);
    }

    static int bucketsFor(long inputBytes) {
        return (int) Math.max(1, Math.min(MOST_BUCKETS, (Math.max(0, inputBytes) + BUCKET_BYTES - 1) / BUCKET_BYTES));
    }

    /** The directory the rows are spilled to, or {@code null} when they are held in memory. */
    Path directory() {
        return directory;
    }

    void add(SourceRow row) {
        rows++;
        childCount = -1;
        if (held != null) {
            held.add(row);
            return;
        }
        int bucket = bucketOf(row.child(), 0, buckets.length);
        try {
            if (buckets[bucket] == null) {
                buckets[bucket] = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(createPrivateFile(bucketFile(bucket))), WRITE_BUFFER));
            }
            write(buckets[bucket], row);
        } catch (IOException e) {
            throw new UncheckedIOException("The import's working files could not be written", e);
        }
    }

    void problem(FileProblem problem) {
        problems.add(problem);
    }

    public List<FileProblem> problems() {
        return problems;
    }

    public int rows() {
        return rows;
    }

    /**
     * How many children the files hold. When spilling, this reads every bucket once (one bucket in memory at a
     * time); the answer is kept until another row is added.
     */
    public int childCount() {
        if (childCount < 0) {
            int[] count = {0};
            forEachChild((child, rows) -> count[0]++);
            childCount = count[0];
        }
        return childCount;
    }

    /**
     * Each child's rows, in the order read, bucket by bucket; within a bucket children come in the order they
     * first appear. Every row of a child comes in one call, whichever files and places they were read from.
     */
    public void forEachChild(BiConsumer<String, List<SourceRow>> each) {
        if (held != null) {
            group(held).forEach(each);
            return;
        }
        try {
            flush();
            for (int bucket = 0; bucket < buckets.length; bucket++) {
                Path file = bucketFile(bucket);
                if (Files.exists(file)) {
                    eachChildOf(file, 1, each);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The import's working files could not be read", e);
        }
    }

    /** The rows of one child, in the order read; empty when the files hold none. */
    public List<SourceRow> rowsOf(String child) {
        List<SourceRow> found = new ArrayList<>();
        forEachChild((c, rows) -> {
            if (c.equals(child)) {
                found.addAll(rows);
            }
        });
        return found;
    }

    /** Deletes the bucket files and their directory; called however the import ended. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (directory == null) {
            return;
        }
        for (DataOutputStream bucket : buckets) {
            if (bucket != null) {
                try {
                    bucket.close();
                } catch (IOException ignored) {
                    // deleted below all the same
                }
            }
        }
        deleteTree(directory);
    }

    /** Reads one bucket file and hands on its children; a file too big is split by a further hash first. */
    private void eachChildOf(Path file, int depth, BiConsumer<String, List<SourceRow>> each) throws IOException {
        if (Files.size(file) > SPLIT_BYTES && depth < MOST_DEPTH) {
            int parts = (int) Math.min(MOST_BUCKETS, Files.size(file) / BUCKET_BYTES + 1);
            Path splitDirectory = privateDirectory(directory, "split-");
            try {
                DataOutputStream[] split = new DataOutputStream[parts];
                try (DataInputStream in = reader(file)) {
                    for (SourceRow row = read(in); row != null; row = read(in)) {
                        int part = bucketOf(row.child(), depth, parts);
                        if (split[part] == null) {
                            split[part] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(
                                    createPrivateFile(splitDirectory.resolve(part + ".rows"))), WRITE_BUFFER));
                        }
                        write(split[part], row);
                    }
                } finally {
                    for (DataOutputStream out : split) {
                        if (out != null) {
                            out.close();
                        }
                    }
                }
                for (int part = 0; part < parts; part++) {
                    Path partFile = splitDirectory.resolve(part + ".rows");
                    if (Files.exists(partFile)) {
                        // a part as big as the whole is one child's rows, which no hash divides
                        eachChildOf(partFile, Files.size(partFile) == Files.size(file) ? MOST_DEPTH : depth + 1,
                                each);
                    }
                }
            } finally {
                deleteTree(splitDirectory);
            }
            return;
        }
        List<SourceRow> bucket = new ArrayList<>();
        try (DataInputStream in = reader(file)) {
            for (SourceRow row = read(in); row != null; row = read(in)) {
                bucket.add(row);
            }
        }
        group(bucket).forEach(each);
    }

    private static Map<String, List<SourceRow>> group(List<SourceRow> rows) {
        Map<String, List<SourceRow>> children = new LinkedHashMap<>();
        for (SourceRow row : rows) {
            children.computeIfAbsent(row.child(), c -> new ArrayList<>()).add(row);
        }
        return children;
    }

    /** The bucket of a child's identifier: a different spread at each depth, so a split bucket does split. */
    static int bucketOf(String child, int depth, int buckets) {
        int hash = child.hashCode() * 0x9E3779B9 + depth * 0x85EBCA6B;
        hash ^= hash >>> 16;
        hash *= 0x7FEB352D;
        hash ^= hash >>> 15;
        return Math.floorMod(hash, buckets);
    }

    private Path bucketFile(int bucket) {
        return directory.resolve(bucket + ".rows");
    }

    private void flush() throws IOException {
        for (DataOutputStream bucket : buckets) {
            if (bucket != null) {
                bucket.flush();
            }
        }
    }

    private void write(DataOutputStream out, SourceRow row) throws IOException {
        Integer file = fileIndex.get(row.file());
        if (file == null) {
            file = fileNames.size();
            fileNames.add(row.file());
            fileIndex.put(row.file(), file);
        }
        out.writeInt(file);
        out.writeInt(row.row());
        out.writeByte(row.table().ordinal());
        writeText(out, row.child());
        writeText(out, row.malformed());
        out.writeInt(row.values().size());
        for (Map.Entry<String, String> value : row.values().entrySet()) {
            writeText(out, value.getKey());
            writeText(out, value.getValue());
        }
    }

    /** The next row of a bucket file, or {@code null} at its end. */
    private SourceRow read(DataInputStream in) throws IOException {
        int file;
        try {
            file = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        int row = in.readInt();
        Table table = Table.values()[in.readByte()];
        String child = readText(in);
        String malformed = readText(in);
        int size = in.readInt();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            values.put(readText(in), readText(in));
        }
        return new SourceRow(fileNames.get(file), row, table, child, values, malformed);
    }

    /** Text of any length (a cell is not limited to what {@link DataOutputStream#writeUTF} takes); null as -1. */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static DataInputStream reader(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** A new directory only its owner may enter. */
    private static Path privateDirectory(Path parent, String prefix) throws IOException {
        if (posix()) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(
                    OWNER_ONLY_DIRECTORY);
            return Files.createTempDirectory(parent, prefix, ownerOnly);
        }
        // elsewhere (Windows) the temporary directory is the account's own
        return Files.createTempDirectory(parent, prefix);
    }

    /** A new file only its owner may read. */
    private static Path createPrivateFile(Path file) throws IOException {
        try {
            return posix() ? Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                    : Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("A working file of the import exists already", e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // the rest are deleted all the same
                }
            });
        } catch (IOException ignored) {
            // nothing more can be done here
        }
    }

}
