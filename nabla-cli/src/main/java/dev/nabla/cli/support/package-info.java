/**
 * Shared plumbing for every {@code nabla} subcommand. A new command is one class in {@code dev.nabla.cli},
 * registered in {@code Nabla}'s {@code subcommands} list, built from these pieces:
 *
 * <pre>{@code
 * @Command(name = "mycmd", mixinStandardHelpOptions = true, description = "…")
 * public final class MyCommand implements Callable<Integer> {
 *     @Spec CommandSpec spec;
 *     @Parameters(index = "0", paramLabel = "EXPR") String expression;
 *     @Mixin VariablesOption variables;   // --vars x,y   → variables.parse(expression) gives the Formula
 *     @Mixin PointOption at;              // --at x=0.7,y=1.2 → at.point(f.variables())
 *     @Mixin JsonOption json;             // --json
 *     @Option(names = "--dir", converter = VectorConverter.class) VectorArgument v;  // v.components(vars, "--dir")
 *
 *     public Integer call() {
 *         Output out = Output.of(spec);
 *         …  out.line(…) for text, out.json(record) for --json, out.warning(…) on stderr
 *         return ExitCode.OK;
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Errors: throw; never catch to print. {@link dev.nabla.cli.support.ErrorHandler} (installed by
 *       {@code Nabla}) maps {@code ParseException} and {@link dev.nabla.cli.support.UsageException} to exit 2
 *       (parse errors with the caret line), {@code DomainException} to exit 3, picocli usage errors to exit 2,
 *       anything else to exit 4, each as one line on stderr. Checks return {@link dev.nabla.cli.support.ExitCode#CHECK_FAILED}.</li>
 *   <li>Numbers: {@link dev.nabla.cli.support.Numbers#format(double)} (shortest round-trip) in text;
 *       {@link dev.nabla.cli.support.Json} writes the same digits.</li>
 *   <li>Layout: {@link dev.nabla.cli.support.Layout} for tuples and aligned matrices, in text and LaTeX;
 *       {@link dev.nabla.cli.support.JsonFormula} for formulas in JSON; {@link dev.nabla.cli.support.Kinks} to
 *       warn at non-differentiable points.</li>
 *   <li>Tests: {@code Nabla.run(out, err, args)} runs in-process with captured streams (see {@code CliRun} in
 *       the test sources).</li>
 * </ul>
 */
package dev.nabla.cli.support;
