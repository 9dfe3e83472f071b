package dev.nabla.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The records of a data set, read once from a Spark {@code Dataset<Row>} and cached on the executors as
 * blocks of row-major doubles (the columns the loss reads, in its order), each block knowing the number of its
 * first row so that an error can name the row.
 *
 * <p>Loading checks everything once: every column exists and holds numbers (numeric types are cast to double;
 * text columns, such as CSV read without a schema, are parsed), every value is a finite number. The first bad
 * value (the lowest row number) is reported as a {@link DataException} naming the row and the column.
 */
public final class RecordSet implements AutoCloseable {
    private final JavaRDD<Block> blocks;
    private final List<String> columns;
    private final long rows;
    private final int partitions;

    private RecordSet(JavaRDD<Block> blocks, List<String> columns, long rows, int partitions) {
        this.blocks = blocks;
        this.columns = columns;
        this.rows = rows;
        this.partitions = partitions;
    }

    /**
     * Rows [firstRow, firstRow + rows) (0-based) as row-major values, {@code values[r * columns + j]}.
     *
     * @param firstRow the number of the first row (0-based)
     * @param rows     how many rows
     * @param values   their values, row-major
     */
    public record Block(long firstRow, int rows, double[] values) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One source partition read: its rows, and the first bad value met (or null). */
    private record Chunk(int source, int rows, double[] values, Problem problem) implements Serializable {
        private static final long serialVersionUID = 1L;

        Chunk withoutValues() {
            return new Chunk(source, rows, null, problem);
        }
    }

    /** A bad value: the 0-based row within its chunk, the column and the text found (null: missing). */
    private record Problem(int row, String column, String text) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Reads the columns from data and caches them.
     *
     * @param data       the data frame
     * @param columns    the columns to read, in order
     * @param partitions the number of partitions to spread the rows over, or 0 to keep the source's
     * @return the cached records
     * @throws DataException where a column is missing or not numeric, a value is not a finite number, or there
     *                       are no rows
     */
    public static RecordSet load(Dataset<Row> data, List<String> columns, int partitions) {
        List<String> present = Arrays.asList(data.columns());
        Column[] selected = new Column[columns.size()];
        boolean[] text = new boolean[columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            String name = columns.get(j);
            if (!present.contains(name)) {
                throw new DataException("missing column '" + name + "': the data has columns " + String.join(", ", present));
            }
            DataType type = data.schema().apply(name).dataType();
            Column c = data.col(quote(name));
            if (type.equals(DataTypes.StringType)) {
                text[j] = true;
                selected[j] = c;
            } else if (numeric(type)) {
                selected[j] = c.cast(DataTypes.DoubleType);
            } else {
                throw new DataException("column '" + name + "' holds " + type.simpleString() + ", not numbers");
            }
        }
        int c = columns.size();
        List<String> names = List.copyOf(columns);
        JavaRDD<Chunk> chunks = data.select(selected).javaRDD()
                .mapPartitionsWithIndex((i, it) -> List.of(read(i, it, c, text, names)).iterator(), true)
                .persist(StorageLevel.MEMORY_ONLY());
        try {
            List<Chunk> summary = new ArrayList<>(chunks.map(Chunk::withoutValues).collect());
            summary.sort(Comparator.comparingInt(Chunk::source));
            long[] first = new long[summary.size()];
            long total = 0;
            for (Chunk k : summary) {
                first[k.source()] = total;
                if (k.problem() != null) {
                    throw problem(total + k.problem().row() + 1, k.problem());
                }
                total += k.rows();
            }
            if (total == 0) {
                throw new DataException("the data has no rows");
            }
            int target = partitions > 0 ? partitions : summary.size();
            JavaRDD<Block> blocks = target == summary.size()
                    ? chunks.map(k -> new Block(first[k.source()], k.rows(), k.values()))
                    : spread(chunks, first, total, target, c);
            blocks = blocks.persist(StorageLevel.MEMORY_ONLY()).setName("nabla records " + names);
            blocks.count();
            return new RecordSet(blocks, names, total, target);
        } finally {
            chunks.unpersist(false);
        }
    }

    /** Rows spread evenly over {@code target} partitions, keeping their order: partition k holds rows [kR/t, (k+1)R/t). */
    private static JavaRDD<Block> spread(JavaRDD<Chunk> chunks, long[] first, long total, int target, int c) {
        return chunks.flatMapToPair(k -> {
            List<Tuple2<Integer, Block>> pieces = new ArrayList<>();
            long start = first[k.source()];
            int r = 0;
            while (r < k.rows()) {
                long global = start + r;
                int part = (int) (global * target / total);
                long partEnd = ((part + 1) * total + target - 1) / target; // first row of the next partition
                int n = (int) Math.min(k.rows() - r, partEnd - global);
                pieces.add(new Tuple2<>(part, new Block(global, n, Arrays.copyOfRange(k.values(), r * c, (r + n) * c))));
                r += n;
            }
            return pieces.iterator();
        }).partitionBy(new HashPartitioner(target)).values().mapPartitions(it -> {
            List<Block> list = new ArrayList<>();
            it.forEachRemaining(list::add);
            list.sort(Comparator.comparingLong(Block::firstRow));
            return list.iterator();
        }, true);
    }

    private static Chunk read(int source, Iterator<Row> it, int c, boolean[] text, List<String> names) {
        double[] values = new double[1024 * c];
        int rows = 0;
        Problem problem = null;
        while (it.hasNext()) {
            Row row = it.next();
            if (problem == null) {
                if ((rows + 1) * c > values.length) {
                    values = Arrays.copyOf(values, 2 * values.length);
                }
                for (int j = 0; j < c && problem == null; j++) {
                    double v;
                    if (row.isNullAt(j)) {
                        problem = new Problem(rows, names.get(j), null);
                        break;
                    } else if (text[j]) {
                        String s = row.getString(j);
                        try {
                            v = Double.parseDouble(s.strip());
                        } catch (NumberFormatException notNumber) {
                            problem = new Problem(rows, names.get(j), s);
                            break;
                        }
                    } else {
                        v = row.getDouble(j);
                    }
                    if (!Double.isFinite(v)) {
                        problem = new Problem(rows, names.get(j), text[j] ? row.getString(j) : Double.toString(v));
                    }
                    values[rows * c + j] = v;
                }
            }
            rows++;
        }
        return new Chunk(source, rows, problem == null ? Arrays.copyOf(values, rows * c) : null, problem);
    }

    private static DataException problem(long row, Problem p) {
        return new DataException("row " + row + ", column '" + p.column() + "': "
                + (p.text() == null ? "missing value" : "'" + p.text() + "' is not a finite number"));
    }

    private static boolean numeric(DataType t) {
        return t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType) || t.equals(DataTypes.IntegerType)
                || t.equals(DataTypes.LongType) || t.equals(DataTypes.ShortType) || t.equals(DataTypes.ByteType)
                || t instanceof DecimalType;
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * The cached blocks (a partition holds one or more, in row order).
     *
     * @return the cached blocks
     */
    public JavaRDD<Block> blocks() {
        return blocks;
    }

    /**
     * The columns, in the order of a record's values.
     *
     * @return the columns read
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * The number of rows N.
     *
     * @return N, the number of rows
     */
    public long rows() {
        return rows;
    }

    /**
     * The number of partitions.
     *
     * @return the number of partitions
     */
    public int partitions() {
        return partitions;
    }

    /** Drops the cached blocks. */
    @Override
    public void close() {
        blocks.unpersist(false);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d rows × %d columns %s in %d partitions", rows, columns.size(), columns, partitions);
    }
}
