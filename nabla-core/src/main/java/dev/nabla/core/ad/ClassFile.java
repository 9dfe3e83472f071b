package dev.nabla.core.ad;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal writer of JVM class files (format 49, which needs no stack map frames), for the straight-line
 * kernels {@link WindowKernel} generates: one final class with a no-argument constructor and methods whose code
 * uses double arithmetic, locals, arrays, static calls, calls on static constants and one loop. Only the instructions those kernels use.
 */
final class ClassFile {
    private static final int MAGIC = 0xCAFEBABE;
    private static final int VERSION = 49;

    private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
    private final DataOutputStream poolOut = new DataOutputStream(pool);
    private final Map<String, Integer> entries = new HashMap<>();
    private int poolCount = 1;
    private final List<byte[]> methods = new ArrayList<>();
    private final int thisClass;
    private final int superClass;

    /** A class named {@code name} (internal form, a/b/C) extending {@code superName}. */
    ClassFile(String name, String superName) {
        thisClass = classRef(name);
        superClass = classRef(superName);
        Code init = new Code(1);
        init.aload(0);
        init.invoke(0xb7, superName, "<init>", "()V");
        init.op(0xb1); // return
        method(0, "<init>", "()V", init);
    }

    private int entry(String key, Writer w) {
        Integer index = entries.get(key);
        if (index != null) {
            return index;
        }
        try {
            w.write(poolOut);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int i = poolCount;
        poolCount += key.startsWith("D:") ? 2 : 1;
        entries.put(key, i);
        return i;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private int utf8(String s) {
        return entry("U:" + s, out -> {
            out.writeByte(1);
            out.writeUTF(s);
        });
    }

    private int classRef(String name) {
        int n = utf8(name);
        return entry("C:" + name, out -> {
            out.writeByte(7);
            out.writeShort(n);
        });
    }

    private int doubleConstant(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return entry("D:" + bits, out -> {
            out.writeByte(6);
            out.writeLong(bits);
        });
    }

    private int methodRef(String owner, String name, String descriptor) {
        return memberRef(10, "M:", owner, name, descriptor);
    }

    private int fieldRef(String owner, String name, String descriptor) {
        return memberRef(9, "F:", owner, name, descriptor);
    }

    /** A CONSTANT_Methodref (tag 10) or CONSTANT_Fieldref (tag 9) with its class and name-and-type entries. */
    private int memberRef(int tag, String key, String owner, String name, String descriptor) {
        int c = classRef(owner);
        int n = utf8(name);
        int d = utf8(descriptor);
        int nat = entry("N:" + name + ":" + descriptor, out -> {
            out.writeByte(12);
            out.writeShort(n);
            out.writeShort(d);
        });
        return entry(key + owner + "." + name + descriptor, out -> {
            out.writeByte(tag);
            out.writeShort(c);
            out.writeShort(nat);
        });
    }

    /** Adds a method (access flags, name, descriptor) with the given code. */
    void method(int access, String name, String descriptor, Code code) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        try {
            out.writeShort(access);
            out.writeShort(utf8(name));
            out.writeShort(utf8(descriptor));
            out.writeShort(1);
            out.writeShort(utf8("Code"));
            byte[] bytes = code.bytes.toByteArray();
            out.writeInt(12 + bytes.length);
            out.writeShort(code.maxStack);
            out.writeShort(code.maxLocals);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.writeShort(0); // exception table
            out.writeShort(0); // attributes
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        methods.add(b.toByteArray());
    }

    byte[] toBytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        try {
            out.writeInt(MAGIC);
            out.writeShort(0);
            out.writeShort(VERSION);
            out.writeShort(poolCount);
            out.write(pool.toByteArray());
            out.writeShort(0x0030); // final, super
            out.writeShort(thisClass);
            out.writeShort(superClass);
            out.writeShort(0); // interfaces
            out.writeShort(0); // fields
            out.writeShort(methods.size());
            for (byte[] m : methods) {
                out.write(m);
            }
            out.writeShort(0); // attributes
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** The code of one method: instructions appended in order, locals numbered by the caller. */
    final class Code {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int maxLocals;
        int maxStack = 12; // the kernels' deepest expression: three doubles and two references, with headroom

        Code(int maxLocals) {
            this.maxLocals = maxLocals;
        }

        int size() {
            return bytes.size();
        }

        void op(int opcode) {
            bytes.write(opcode);
        }

        private void u2(int v) {
            bytes.write(v >>> 8);
            bytes.write(v);
        }

        private void local(int opcode, int index, int slots) {
            maxLocals = Math.max(maxLocals, index + slots);
            if (index < 256) {
                op(opcode);
                op(index);
            } else {
                op(0xc4); // wide
                op(opcode);
                u2(index);
            }
        }

        void dload(int index) {
            local(0x18, index, 2);
        }

        void dstore(int index) {
            local(0x39, index, 2);
        }

        void iload(int index) {
            local(0x15, index, 1);
        }

        void istore(int index) {
            local(0x36, index, 1);
        }

        void aload(int index) {
            local(0x19, index, 1);
        }

        /** Adds k (0 ≤ k ≤ 32767) to the int local at index. */
        void iinc(int index, int k) {
            maxLocals = Math.max(maxLocals, index + 1);
            if (index < 256 && k < 128) {
                op(0x84);
                op(index);
                op(k);
            } else {
                op(0xc4); // wide
                op(0x84);
                u2(index);
                u2(k);
            }
        }

        /** Pushes the int constant k (0 ≤ k ≤ 32767). */
        void iconst(int k) {
            if (k <= 5) {
                op(0x03 + k);
            } else if (k < 128) {
                op(0x10);
                op(k);
            } else {
                op(0x11);
                u2(k);
            }
        }

        void dconst(double v) {
            if (Double.doubleToRawLongBits(v) == 0L) {
                op(0x0e);
            } else if (v == 1) {
                op(0x0f);
            } else {
                op(0x14); // ldc2_w
                u2(doubleConstant(v));
            }
        }

        void invokestatic(String owner, String name, String descriptor) {
            invoke(0xb8, owner, name, descriptor);
        }

        /** Pushes the static field owner.name (a constant of the JIT's when final). */
        void getstatic(String owner, String name, String descriptor) {
            op(0xb2);
            u2(fieldRef(owner, name, descriptor));
        }

        void invoke(int opcode, String owner, String name, String descriptor) {
            op(opcode);
            u2(methodRef(owner, name, descriptor));
        }

        /** Emits a branch with a 16-bit offset to be set by {@link #land}; returns its position. */
        int branch(int opcode) {
            int at = size();
            op(opcode);
            u2(0);
            return at;
        }

        /** Points the branch at {@code from} to the next instruction. */
        void land(int from) {
            patch(from, size());
        }

        /** Emits a branch back to {@code target}. */
        void jumpBack(int opcode, int target) {
            int at = size();
            op(opcode);
            u2((target - at) & 0xffff);
        }

        private void patch(int from, int to) {
            byte[] code = bytes.toByteArray();
            int offset = to - from;
            code[from + 1] = (byte) (offset >>> 8);
            code[from + 2] = (byte) offset;
            bytes.reset();
            bytes.write(code, 0, code.length);
        }
    }
}
