package dev.nabla.core.ir;

import java.util.List;

/** A straight-line list of instructions (loops nested as single instructions). */
public record Block(List<Instr> instrs) {
    public Block {
        instrs = List.copyOf(instrs);
    }
}
