package dev.nabla.core.run;

import dev.nabla.core.ir.Affine;
import dev.nabla.core.ir.Block;
import dev.nabla.core.ir.Instr;
import dev.nabla.core.ir.Loop;
import dev.nabla.core.ir.Program;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles a {@link Program} to a hidden JVM class implementing {@link Kernel}: every value a local double,
 * every array a local double[], every loop a counted JVM loop, every primitive either a JVM arithmetic
 * instruction (+, −, ·, /, negation) or a call of the table's own {@link dev.nabla.core.prim.Primitive#value} /
 * {@link dev.nabla.core.prim.Primitive#partial(int, double, double, double)} on its enum constant, which the JIT
 * inlines. No object is created while it runs. Bytecode is generated with ASM (frames computed by ASM), shaded
 * into Nabla's jar.
 *
 * <p>Kernels are cached by the program's {@link Program#shape()}: programs differing only in their constants
 * share one class (the constants are an argument). A program too large for one JVM method gets the
 * {@link Interpreter} instead.
 */
public final class Compiler {
    private static final int MAX_CACHED = 512;
    private static final ConcurrentHashMap<String, Optional<Kernel>> CACHE = new ConcurrentHashMap<>();
    private static final String PRIMITIVE = "dev/nabla/core/prim/Primitive";
    private static final System.Logger LOG = System.getLogger(Compiler.class.getName());

    private Compiler() {
    }

    /** The compiled kernel of p (from the cache when a program of the same shape was compiled), or null if p is too large. */
    public static Kernel compile(Program p) {
        Optional<Kernel> k = CACHE.get(p.shape());
        if (k == null) {
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();
            }
            k = CACHE.computeIfAbsent(p.shape(), s -> Optional.ofNullable(generate(p)));
        }
        return k.orElse(null);
    }

    /** The compiled kernel of p, or the {@link Interpreter} if it is too large to compile. */
    public static Kernel kernel(Program p) {
        Kernel k = compile(p);
        return k != null ? k : new Interpreter(p);
    }

    private static Kernel generate(Program p) {
        try {
            byte[] bytes = new Generator(p).bytes();
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (Kernel) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            if (e instanceof OutOfMemoryError) {
                throw (OutOfMemoryError) e;
            }
            LOG.log(System.Logger.Level.DEBUG, "program not compiled (" + e + "); interpreted instead");
            return null;
        } catch (Throwable e) {
            throw new IllegalStateException("compiled program could not be instantiated", e);
        }
    }

    /** Writes one program's class. */
    private static final class Generator implements Opcodes {
        private static final int ARRAYS = 1;
        private static final int CONSTANTS = 2;
        private static final int OUT = 3;
        private final Program p;
        private final int arrayBase = 4;
        private final int counterBase;
        private final int valueBase;
        private MethodVisitor mv;

        Generator(Program p) {
            this.p = p;
            counterBase = arrayBase + p.arrays().size();
            valueBase = counterBase + p.counters();
            if (valueBase + 2L * p.values() > 65535) {
                throw new IllegalArgumentException("too many values for one method");
            }
        }

        byte[] bytes() {
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
            cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, "dev/nabla/core/run/CompiledKernel", null,
                    "java/lang/Object", new String[] {"dev/nabla/core/run/Kernel"});
            MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
            init.visitCode();
            init.visitVarInsn(ALOAD, 0);
            init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            init.visitInsn(RETURN);
            init.visitMaxs(0, 0);
            init.visitEnd();
            mv = cw.visitMethod(ACC_PUBLIC, "run", "([[D[D[D)V", null, null);
            mv.visitCode();
            for (int a = 0; a < p.arrays().size(); a++) {
                mv.visitVarInsn(ALOAD, ARRAYS);
                push(a);
                mv.visitInsn(AALOAD);
                mv.visitVarInsn(ASTORE, arrayBase + a);
            }
            int[] ids = p.constantIds();
            for (int j = 0; j < ids.length; j++) {
                mv.visitVarInsn(ALOAD, CONSTANTS);
                push(j);
                mv.visitInsn(DALOAD);
                mv.visitVarInsn(DSTORE, slot(ids[j]));
            }
            block(p.body());
            int[] o = p.outputs();
            for (int k = 0; k < o.length; k++) {
                mv.visitVarInsn(ALOAD, OUT);
                push(k);
                mv.visitVarInsn(DLOAD, slot(o[k]));
                mv.visitInsn(DASTORE);
            }
            mv.visitInsn(RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
            cw.visitEnd();
            return cw.toByteArray();
        }

        private int slot(int value) {
            return valueBase + 2 * value;
        }

        private void push(int v) {
            if (v >= -1 && v <= 5) {
                mv.visitInsn(ICONST_0 + v);
            } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
                mv.visitIntInsn(BIPUSH, v);
            } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
                mv.visitIntInsn(SIPUSH, v);
            } else {
                mv.visitLdcInsn(v);
            }
        }

        private void index(Affine i) {
            push(i.offset());
            for (int k = 0; k < i.counters().length; k++) {
                mv.visitVarInsn(ILOAD, counterBase + i.counters()[k]);
                if (i.coefs()[k] != 1) {
                    push(i.coefs()[k]);
                    mv.visitInsn(IMUL);
                }
                mv.visitInsn(IADD);
            }
        }

        private void block(Block b) {
            for (Instr i : b.instrs()) {
                int[] a = i.args();
                switch (i.kind()) {
                    case COUNTER -> {
                        mv.visitVarInsn(ILOAD, counterBase + i.aux());
                        mv.visitInsn(I2D);
                        mv.visitVarInsn(DSTORE, slot(i.out()));
                    }
                    case READ -> {
                        mv.visitVarInsn(ALOAD, arrayBase + i.array());
                        index(i.index());
                        mv.visitInsn(DALOAD);
                        mv.visitVarInsn(DSTORE, slot(i.out()));
                    }
                    case APPLY -> {
                        apply(i, a);
                        mv.visitVarInsn(DSTORE, slot(i.out()));
                    }
                    case PARTIAL -> {
                        mv.visitFieldInsn(GETSTATIC, PRIMITIVE, i.prim().name(), "L" + PRIMITIVE + ";");
                        push(i.aux());
                        mv.visitVarInsn(DLOAD, slot(a[0]));
                        if (a[1] < 0) {
                            mv.visitInsn(DCONST_0);
                        } else {
                            mv.visitVarInsn(DLOAD, slot(a[1]));
                        }
                        mv.visitVarInsn(DLOAD, slot(a[2]));
                        mv.visitMethodInsn(INVOKEVIRTUAL, PRIMITIVE, "partial", "(IDDD)D", false);
                        mv.visitVarInsn(DSTORE, slot(i.out()));
                    }
                    case ACCUM -> {
                        mv.visitVarInsn(ALOAD, arrayBase + i.array());
                        index(i.index());
                        mv.visitInsn(DUP2);
                        mv.visitInsn(DALOAD);
                        mv.visitVarInsn(DLOAD, slot(a[0]));
                        mv.visitInsn(DADD);
                        mv.visitInsn(DASTORE);
                    }
                    case STORE -> {
                        mv.visitVarInsn(ALOAD, arrayBase + i.array());
                        index(i.index());
                        mv.visitVarInsn(DLOAD, slot(a[0]));
                        mv.visitInsn(DASTORE);
                    }
                    case LOOP -> loop(i.loop());
                    default -> throw new AssertionError(i.kind());
                }
            }
        }

        private void apply(Instr i, int[] a) {
            int op = switch (i.prim()) {
                case ADD -> DADD;
                case SUBTRACT -> DSUB;
                case MULTIPLY -> DMUL;
                case DIVIDE -> DDIV;
                case NEGATE -> DNEG;
                default -> -1;
            };
            if (op >= 0) {
                for (int x : a) {
                    mv.visitVarInsn(DLOAD, slot(x));
                }
                mv.visitInsn(op);
                return;
            }
            mv.visitFieldInsn(GETSTATIC, PRIMITIVE, i.prim().name(), "L" + PRIMITIVE + ";");
            mv.visitVarInsn(DLOAD, slot(a[0]));
            if (a.length > 1) {
                mv.visitVarInsn(DLOAD, slot(a[1]));
            } else {
                mv.visitInsn(DCONST_0);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, PRIMITIVE, "value", "(DD)D", false);
        }

        private void loop(Loop l) {
            int m = l.params().length;
            for (int k = 0; k < m; k++) {
                mv.visitVarInsn(DLOAD, slot(l.init()[k]));
                mv.visitVarInsn(DSTORE, slot(l.params()[k]));
            }
            if (l.trips() > 0) {
                int c = counterBase + l.counter();
                Label head = new Label();
                Label end = new Label();
                push(l.descending() ? l.to() - 1 : l.from());
                mv.visitVarInsn(ISTORE, c);
                mv.visitLabel(head);
                mv.visitVarInsn(ILOAD, c);
                push(l.descending() ? l.from() : l.to());
                mv.visitJumpInsn(l.descending() ? IF_ICMPLT : IF_ICMPGE, end);
                block(l.body());
                for (int k = 0; k < m; k++) {
                    mv.visitVarInsn(DLOAD, slot(l.results()[k]));
                }
                for (int k = m - 1; k >= 0; k--) {
                    mv.visitVarInsn(DSTORE, slot(l.params()[k]));
                }
                mv.visitIincInsn(c, l.descending() ? -1 : 1);
                mv.visitJumpInsn(GOTO, head);
                mv.visitLabel(end);
            }
            for (int k = 0; k < m; k++) {
                mv.visitVarInsn(DLOAD, slot(l.params()[k]));
                mv.visitVarInsn(DSTORE, slot(l.outs()[k]));
            }
        }
    }
}
