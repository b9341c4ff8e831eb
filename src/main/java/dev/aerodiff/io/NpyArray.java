package dev.aerodiff.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy array read from the {@code .npy} format (versions 1 to 3), converted to doubles in C
 * (row-major) order whatever the file's dtype and {@code fortran_order}.
 *
 * <p>ND4J's own reader ignores {@code fortran_order} and cannot read compressed {@code .npz}
 * archives, hence this small reader.
 *
 * @param shape the array shape; empty for a scalar
 * @param data  the values, row-major
 */
public record NpyArray(int[] shape, double[] data) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * @param in   the stream, positioned at the magic string; read to the end of the array
     * @param name what to call the array in messages (file and entry)
     * @return the array
     * @throws IOException if the stream is not a supported .npy array
     */
    public static NpyArray read(InputStream in, String name) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || !Arrays.equals(Arrays.copyOf(magic, 6), MAGIC)) {
            throw new IOException(name + " is not a .npy array (magic string missing)");
        }
        int major = magic[6];
        int headerLength;
        if (major == 1) {
            headerLength = littleEndian(in.readNBytes(2));
        } else if (major == 2 || major == 3) {
            headerLength = littleEndian(in.readNBytes(4));
        } else {
            throw new IOException(name + ": unsupported .npy version " + major);
        }
        String header = new String(in.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeMatch = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
            throw new IOException(name + ": cannot parse .npy header " + header.trim());
        }
        int[] shape = parseShape(shapeMatch.group(1));
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count > Integer.MAX_VALUE / 8) {
            throw new IOException(name + ": array of " + count + " elements is too large");
        }
        ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        char kind = descr.group(2).charAt(0);
        int itemSize = Integer.parseInt(descr.group(3));
        byte[] raw = readFully(in, (int) count * itemSize, name);
        double[] values = decode(ByteBuffer.wrap(raw).order(order), kind, itemSize, (int) count, name);
        if (fortran.group(1).equals("True")) {
            values = fortranToC(values, shape);
        }
        return new NpyArray(shape, values);
    }

    private static int littleEndian(byte[] bytes) {
        int v = 0;
        for (int k = bytes.length - 1; k >= 0; k--) {
            v = (v << 8) | (bytes[k] & 0xff);
        }
        return v;
    }

    private static int[] parseShape(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }

    private static byte[] readFully(InputStream in, int length, String name) throws IOException {
        byte[] buf = in.readNBytes(length);
        if (buf.length != length) {
            throw new IOException(name + ": truncated, expected " + length + " bytes of data, got " + buf.length);
        }
        return buf;
    }

    private static double[] decode(ByteBuffer b, char kind, int size, int count, String name) throws IOException {
        double[] v = new double[count];
        for (int k = 0; k < count; k++) {
            v[k] = switch (kind + String.valueOf(size)) {
                case "f8" -> b.getDouble();
                case "f4" -> b.getFloat();
                case "i8" -> b.getLong();
                case "i4" -> b.getInt();
                case "i2" -> b.getShort();
                case "i1" -> b.get();
                case "u1", "b1" -> b.get() & 0xff;
                case "u2" -> b.getShort() & 0xffff;
                case "u4" -> b.getInt() & 0xffffffffL;
                default -> throw new IOException(name + ": unsupported dtype " + kind + size
                        + " (float, int, uint and bool are supported)");
            };
        }
        return v;
    }

    private static double[] fortranToC(double[] f, int[] shape) {
        double[] c = new double[f.length];
        int rank = shape.length;
        int[] index = new int[rank];
        for (int k = 0; k < f.length; k++) {
            // k is the C-order linear index; compute the Fortran-order one from the same multi-index
            int fIndex = 0;
            int stride = 1;
            for (int d = 0; d < rank; d++) {
                fIndex += index[d] * stride;
                stride *= shape[d];
            }
            c[k] = f[fIndex];
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return c;
    }

    /** @return the value at a multi-index, row-major */
    public double get(int... index) {
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            flat = flat * shape[d] + index[d];
        }
        return data[flat];
    }
}
