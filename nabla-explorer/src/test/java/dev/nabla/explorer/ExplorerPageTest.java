package dev.nabla.explorer;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import dev.nabla.symbolic.Formula;

import static org.assertj.core.api.Assertions.assertThat;

/** The page in Debian's Chromium, driven by Playwright: what a person sees matches the library. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "chromiumInstalled", disabledReason = "browser tests skipped: no Chromium at /usr/bin/chromium;"
        + " to run them: apt-get install chromium (or set NABLA_CHROMIUM=/path/to/chromium)")
class ExplorerPageTest {
    private ExplorerServer server;
    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();

    /** Debian's Chromium, or the one NABLA_CHROMIUM names. */
    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("NABLA_CHROMIUM", "/usr/bin/chromium"));

    /** Whether the browser tests can run; when not, says once, on the build's console, how to enable them. */
    static boolean chromiumInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM);
        if (!installed) {
            System.out.println("[WARNING] browser tests skipped: no Chromium at " + CHROMIUM
                    + "; to run them: apt-get install chromium (or set NABLA_CHROMIUM=/path/to/chromium)");
        }
        return installed;
    }

    @BeforeAll
    void start() {
        server = new ExplorerServer().start("127.0.0.1", 0);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        // one context for all tests: the HTTP cache keeps Plotly (11 MB) between pages
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1500, 1300));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void open() {
        consoleErrors.clear();
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(e -> consoleErrors.add(e));
    }

    @AfterEach
    void close() {
        page.close();
        assertThat(consoleErrors).as("console errors").isEmpty();
    }

    private void load(String query) {
        page.navigate("http://127.0.0.1:" + server.port() + "/" + query);
        try {
            page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(60_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("the page never became ready; console: " + consoleErrors + "; shown: "
                    + page.locator("#results").textContent(), e);
        }
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")).setFullPage(true));
    }

    /** Waits until the analysis shown is the one of this expression (the page updates asynchronously). */
    private void waitForAnalysisOf(String expr) {
        page.waitForFunction("e => document.getElementById('r-value').dataset.expr === e", expr);
    }

    private double[] shown(String id, String data) {
        String json = page.locator("#" + id).getAttribute("data-" + data);
        return java.util.Arrays.stream(json.replaceAll("[\\[\\]]", "").split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** What the page prints for x: six significant digits (JavaScript's toPrecision(6)). */
    private static String sixDigits(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    @Test
    void typeAnExpressionClickTheMapSetADirectionAndSeeTheLibrarysNumbers() {
        load("");
        waitForAnalysisOf("x^2*sin(y) + y^3");
        assertThat(page.locator("#preview .katex").count()).isPositive();
        assertThat(page.locator("#r-grad-symbolic .katex").count()).isPositive();
        double[] worked = Formula.parse("x^2*sin(y) + y^3", List.of("x", "y")).gradient(new double[] {0.7, 1.2});
        assertThat(page.locator("#r-grad").textContent()).contains(sixDigits(worked[0])).contains(sixDigits(worked[1]));
        assertThat(page.locator("#contour .contour").count() + page.locator("#contour .contourlayer").count()).isPositive();
        assertThat(page.locator("#surface canvas, #surface .gl-container").count()).isPositive();
        screenshot("worked-example");
        String expr = "exp(x*y) + cos(x - y)";
        page.fill("#expr", expr);
        waitForAnalysisOf(expr);
        // click inside the contour map's plotting area, away from the point already set
        Locator plot = page.locator("#contour .nsewdrag").first();
        com.microsoft.playwright.options.BoundingBox box = plot.boundingBox();
        String before = page.locator("#r-value").getAttribute("data-point");
        page.mouse().click(box.x + box.width * 0.3, box.y + box.height * 0.65);
        page.waitForFunction("p => document.getElementById('r-value').dataset.point !== p", before);
        double[] x = shown("r-value", "point");
        assertThat(x[0]).isNegative();   // left of centre in the window [-2, 2]
        assertThat(x[1]).isNegative();   // below centre
        // set the direction with the angle control: θ = 30°
        page.fill("#angle", "30");
        page.press("#angle", "Enter");
        page.waitForFunction("() => { const d = JSON.parse(document.getElementById('r-value').dataset.direction);"
                + " return Math.abs(Math.atan2(d[1], d[0]) - Math.PI / 6) < 1e-4; }");
        Formula f = Formula.parse(expr, List.of("x", "y"));
        double[] g = f.gradient(x);
        // the page shows the library's numbers, unchanged by the trip through JSON
        assertThat(shown("r-grad", "values")).containsExactly(g);
        assertThat(page.locator("#r-grad").textContent()).contains(sixDigits(g[0])).contains(sixDigits(g[1]));
        double[] v = shown("r-value", "direction");
        double length = Math.hypot(v[0], v[1]);
        double dv = (g[0] * v[0] + g[1] * v[1]) / length;
        // D_v̂ f computed on the server from the same gradient: agreement to rounding of one dot product
        assertThat(Double.parseDouble(page.locator("#r-dir").getAttribute("data-value"))).isCloseTo(dv, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(page.locator("#r-dir").textContent()).contains(sixDigits(Math.abs(dv)));
        // the URL holds the view
        assertThat(page.url()).contains("f=exp").contains("at=").contains("v=");
        screenshot("typed-clicked-direction");
    }

    @Test
    void theCounterexampleFromTheExamplesMenuShowsTheKink() {
        load("");
        page.selectOption("#examples", new com.microsoft.playwright.options.SelectOption().setLabel(
                "Exercise 3: counterexample x²y/(x²+y²), f(0,0)=0"));
        waitForAnalysisOf("if(x == 0 and y == 0, 0, x^2*y/(x^2+y^2))");
        assertThat(shown("r-value", "point")).containsExactly(0, 0);
        assertThat(page.locator("#r-grad").textContent()).contains("kink");
        assertThat(page.locator("#r-clarke").textContent()).isNotBlank().isNotEqualTo("—");
        assertThat(page.locator("#r-diff").textContent()).contains("not linear");
        screenshot("counterexample");
    }

    @Test
    void theUrlRestoresAViewAndParseErrorsShowTheCaret() {
        load("?f=x%5E2%20-%20y%5E2&win=-1,1,-1,1&at=0,0&v=0,1&unit=0");
        waitForAnalysisOf("x^2 - y^2");
        assertThat(page.inputValue("#xmin")).isEqualTo("-1");
        assertThat(page.inputValue("#vy")).isEqualTo("1");
        assertThat(page.isChecked("#normalise")).isFalse();
        assertThat(page.locator("#r-class").textContent()).contains("saddle");
        // a parse error is shown inline, with the caret under the offending column
        page.fill("#expr", "x^2*sin(y +");
        page.waitForSelector("#expr-error:not([hidden])");
        String error = page.locator("#expr-error").textContent();
        assertThat(error.lines().toList()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(error.lines().toList().get(0)).isEqualTo("x^2*sin(y +");
        assertThat(error.lines().toList().get(1).trim()).isEqualTo("^");
        assertThat(page.locator("#expr").getAttribute("class")).contains("invalid");
        screenshot("parse-error");
        // the browser logs the API's 400 answer itself; that one is expected here
        consoleErrors.removeIf(m -> m.contains("status of 400"));
    }

    @Test
    void aDescentRunIsDrawnOnTheContoursWithItsValueCurve() {
        load("?f=(1%20-%20x)%5E2%20%2B%20100*(y%20-%20x%5E2)%5E2&win=-2,2,-1,3&at=-1.2,1&v=1,0&unit=1");
        waitForAnalysisOf("(1 - x)^2 + 100*(y - x^2)^2");
        page.selectOption("#method", "lbfgs");
        page.click("#descend");
        page.waitForFunction("() => document.getElementById('descent-summary').textContent.includes('stopped')");
        assertThat(page.locator("#descent-summary").textContent()).contains("gradient tolerance");
        Object names = page.evaluate("() => document.getElementById('contour').data.map(t => t.name)");
        assertThat(names.toString()).contains("descent path");
        Object points = page.evaluate("() => document.getElementById('descent-curve').data[0].y.length");
        assertThat(((Number) points).intValue()).isGreaterThan(5);
        // the arrow-length control rescales the field
        Object before = page.evaluate("() => { const t = document.getElementById('contour').data.find(t => t.name === '∇f field');"
                + " return Math.abs(t.x[1] - t.x[0]) + Math.abs(t.y[1] - t.y[0]); }");
        page.fill("#arrow-scale", "2");
        page.dispatchEvent("#arrow-scale", "input");
        Object after = page.evaluate("() => { const t = document.getElementById('contour').data.find(t => t.name === '∇f field');"
                + " return Math.abs(t.x[1] - t.x[0]) + Math.abs(t.y[1] - t.y[0]); }");
        assertThat(((Number) after).doubleValue()).isGreaterThan(((Number) before).doubleValue());
        // the surface is transparent by default and opaque after the toggle; the tangent plane is a small patch
        assertThat(((Number) page.evaluate("() => document.getElementById('surface').data[0].opacity")).doubleValue()).isLessThan(1);
        page.click("#transparent");
        page.waitForFunction("() => document.getElementById('surface').data[0].opacity === 1");
        Object patch = page.evaluate("() => { const p = document.getElementById('surface').data[1];"
                + " return [p.name, p.x[1] - p.x[0], p.y[1] - p.y[0]]; }");
        assertThat(patch.toString()).startsWith("[tangent plane");
        List<?> sides = (List<?>) patch;
        // window [-2, 2] × [-1, 3]: the patch spans 24 % of the narrower side, not the whole domain
        assertThat(((Number) sides.get(1)).doubleValue()).isCloseTo(0.96, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(((Number) sides.get(2)).doubleValue()).isCloseTo(0.96, org.assertj.core.api.Assertions.within(1e-9));
        screenshot("descent");
    }

    @Test
    void theWorkedExampleShowsBothOfTheDocumentsNumbersLabelled() {
        load("");
        waitForAnalysisOf("x^2*sin(y) + y^3");
        // the documents: v = (1, −2) as given gives −7.690, the unit direction −3.439 (4 digits, as they write them)
        assertThat(page.locator("#r-dir-given").textContent()).contains("−7.690").contains("as given");
        assertThat(page.locator("#r-dir-unit").textContent()).contains("−3.439").contains("unit");
        double[] g = Formula.parse("x^2*sin(y) + y^3", List.of("x", "y")).gradient(new double[] {0.7, 1.2});
        // the exact value is on hover: ∇f·v of the library's gradient, to the rounding of one dot product
        assertThat(Double.parseDouble(page.locator("#r-dir-given").getAttribute("title")))
                .isCloseTo(g[0] - 2 * g[1], org.assertj.core.api.Assertions.within(1e-12));
        // ∇f·v's constants are rounded for reading (2/√5 = 0.894427…), the exact formula is on hover
        assertThat(page.locator("#r-dir-formula").textContent()).contains("0.894427").doesNotContain("0.8944271909999158");
        assertThat(page.locator("#r-dir-formula").getAttribute("title")).contains("0.8944271909999158*x*sin(y)");
        System.out.println("first paint (analysis shown) after " + page.locator("body").getAttribute("data-first-paint")
                + " ms; ready (plots drawn) after the load returned");
    }

    @Test
    void theSliceAlongVShowsTheTangentOfSlopeDvfAndAtAKinkTwoOneSidedTangents() {
        load("");
        waitForAnalysisOf("x^2*sin(y) + y^3");
        page.waitForFunction("() => document.getElementById('slice-caption').dataset.kink === 'false'");
        double dv = Double.parseDouble(page.locator("#r-dir").getAttribute("data-value"));
        assertThat(Double.parseDouble(page.locator("#slice-caption").getAttribute("data-right")))
                .isCloseTo(dv, org.assertj.core.api.Assertions.within(1e-9));
        Object names = page.evaluate("() => document.getElementById('slice').data.map(t => t.name)");
        assertThat(names.toString()).contains("f(x + t v)").contains("tangent, slope D_v f");
        // |x| + |y| at (0, 0.5) along (1, 0): right slope +1, left slope −1
        load("?f=abs(x)%20%2B%20abs(y)&win=-2,2,-2,2&at=0,0.5&v=1,0&unit=1");
        waitForAnalysisOf("abs(x) + abs(y)");
        page.waitForFunction("() => document.getElementById('slice-caption').dataset.kink === 'true'");
        assertThat(page.locator("#slice-caption").getAttribute("data-right")).isEqualTo("1");
        assertThat(page.locator("#slice-caption").getAttribute("data-left")).isEqualTo("-1");
        page.waitForFunction("() => document.getElementById('slice').data.some(t => t.name === 'left tangent, slope −D_{−v} f')");
        screenshot("slice-at-a-kink");
    }

    @Test
    void theDirectionDialTurnsWithTheArrowKeysAndThePointFollowsADrag() {
        load("?f=x%5E2%20-%20y%5E2&win=-2,2,-2,2&at=0.5,0.5&v=1,0&unit=1");
        waitForAnalysisOf("x^2 - y^2");
        page.focus("#dial");
        page.keyboard().press("ArrowUp");
        page.keyboard().press("ArrowUp");
        page.waitForFunction("() => { const d = JSON.parse(document.getElementById('r-value').dataset.direction);"
                + " return Math.abs(Math.atan2(d[1], d[0]) - Math.PI / 18) < 1e-4; }");
        assertThat(page.getAttribute("#dial", "aria-valuenow")).isEqualTo("10");
        // drag the point from the middle of the map towards its lower left
        com.microsoft.playwright.options.BoundingBox box = page.locator("#contour .nsewdrag").first().boundingBox();
        page.mouse().move(box.x + box.width * 0.7, box.y + box.height * 0.3);
        page.mouse().down();
        page.mouse().move(box.x + box.width * 0.5, box.y + box.height * 0.5, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().move(box.x + box.width * 0.25, box.y + box.height * 0.75, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
        page.waitForFunction("() => JSON.parse(document.getElementById('r-value').dataset.point)[0] < -0.5");
        double[] x = shown("r-value", "point");
        assertThat(x[0]).isNegative();
        assertThat(x[1]).isNegative();
        assertThat(page.inputValue("#px")).isEqualTo(String.valueOf(x[0]).replaceAll("\\.0$", ""));
    }

    @Test
    void theHessianSaysDoesNotExistAtAKinkAndTheLevelSetIsDrawnAtZero() {
        load("?f=abs(x)%20%2B%20abs(y)&win=-2,2,-2,2&at=0,0.5&v=1,0&unit=1");
        waitForAnalysisOf("abs(x) + abs(y)");
        assertThat(page.locator("#r-hessian").textContent()).contains("does not exist");
        assertThat(page.getAttribute("#r-hessian", "data-exists")).isEqualTo("false");
        // x·y at (1, 0): f = 0, and the level set {f = 0} (the axes) is drawn
        load("?f=x*y&win=-2,2,-2,2&at=1,0&v=1,0&unit=1");
        waitForAnalysisOf("x*y");
        page.waitForFunction("() => document.getElementById('contour').data.some(t => t.name === 'level set f = f(x)')");
        Object level = page.evaluate("() => document.getElementById('contour').data.find(t => t.name === 'level set f = f(x)').contours.start");
        assertThat(((Number) level).doubleValue()).isZero();
    }

    @Test
    void infinitiesAreShownNotCrashedOn() {
        // f(26.6, 0) = e^707.56 is finite, ∇f is not: the page shows ∞ and logs no error
        load("?f=exp(x%5E2)&win=25,27,-1,1&at=26.6,0&v=1,0&unit=1");
        waitForAnalysisOf("exp(x^2)");
        assertThat(page.locator("#r-grad").textContent()).contains("∞");
        assertThat(page.locator("#r-hessian").textContent()).contains("beyond the double range");
        // moving the point to where f overflows: an error, and no formula of the previous answer left on screen
        page.fill("#px", "710");
        page.press("#px", "Enter");
        page.waitForSelector("#analysis-error:not([hidden])");
        assertThat(page.locator("#analysis-error").textContent()).contains("not a finite number");
        for (String id : List.of("r-grad-symbolic", "r-grad", "r-dir-formula", "r-hessian")) {
            assertThat(page.locator("#" + id).textContent()).as(id).isEqualTo("—");
        }
        consoleErrors.removeIf(m -> m.contains("status of 422"));
    }

    @Test
    void checkMyAnswerSaysRightOrWhichComponentDiffers() {
        load("");
        waitForAnalysisOf("x^2*sin(y) + y^3");
        page.fill("#ans-fx", "2*x*sin(y)");
        page.fill("#ans-fy", "x^2*cos(y) + 3*y");
        page.fill("#ans-dv", "−3.439");
        page.click("#check");
        page.waitForFunction("() => document.getElementById('check-result').dataset.right !== undefined");
        String said = page.locator("#check-result").textContent();
        assertThat(said).contains("∂f/∂x = 2*x*sin(y): right").contains("∂f/∂y = x^2*cos(y) + 3*y: not right")
                .contains("(0.7, 1.2)").contains("D_v f = −3.439: right");
        assertThat(page.getAttribute("#check-result", "data-right")).isEqualTo("false");
        screenshot("check-my-answer");
    }

    @Test
    void aKoreanBrowserGetsTheDocumentsVocabularyAndCanSwitchToEnglish() {
        BrowserContext korean = browser.newContext(new Browser.NewContextOptions().setLocale("ko-KR").setViewportSize(1500, 1300));
        Page ko = korean.newPage();
        try {
            ko.onPageError(e -> consoleErrors.add(e));
            ko.navigate("http://127.0.0.1:" + server.port() + "/");
            ko.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(ko.getAttribute("body", "data-lang")).isEqualTo("ko");
            assertThat(ko.locator("[data-i18n='result.gradient']").textContent()).contains("그래디언트");
            assertThat(ko.locator("[data-i18n='result.directional']").textContent()).contains("방향도함수");
            assertThat(ko.locator("[data-i18n='result.levelSet']").textContent()).contains("레벨셋").contains("접공간");
            assertThat(ko.locator("[data-i18n='result.clarke']").textContent()).contains("클라크 부분그래디언트");
            ko.selectOption("#lang", "en");
            ko.waitForFunction("() => document.body.dataset.lang === 'en'");
            assertThat(ko.locator("[data-i18n='result.directional']").textContent()).contains("directional derivative");
            assertThat(ko.url()).contains("lang=en");
            // the address bar wins over the browser's language: the view reopens in English
            ko.navigate(ko.url());
            ko.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(ko.getAttribute("body", "data-lang")).isEqualTo("en");
        } finally {
            korean.close();
        }
    }

    @Test
    void stepByStepShowsTheChainOfRulesFromTheTableAndEndsAtTheGradient() {
        load("");
        waitForAnalysisOf("x^2*sin(y) + y^3");
        page.click("#steps-card summary");
        page.waitForSelector("#steps ol[data-variable=y] li");
        // ∂f/∂x: the sum rule, the product rule, the power rule — each with its table rule typeset
        assertThat(page.locator("#steps ol[data-variable=x] li").evaluateAll("els => els.map(e => e.dataset.rule)").toString())
                .isEqualTo("[sum, product, power]");
        assertThat(page.locator("#steps ol[data-variable=y] li").evaluateAll("els => els.map(e => e.dataset.rule)").toString())
                .isEqualTo("[sum, product, chain, power]");
        assertThat(page.locator("#steps ol[data-variable=y] li[data-rule=chain] .rule").textContent()).isEqualTo("chain rule");
        assertThat(page.locator("#steps .katex").count()).isGreaterThan(10);
        assertThat(page.locator("#steps").textContent()).contains("D_v f").contains("table");
        screenshot("step-by-step");
        // in Korean: the rules by the documents' names, and every sentence the page writes
        page.selectOption("#lang", "ko");
        page.waitForFunction("() => document.body.dataset.lang === 'ko'");
        assertThat(page.locator("#steps ol[data-variable=y] li[data-rule=chain] .rule").textContent()).isEqualTo("연쇄법칙");
        assertThat(page.locator("#steps ol[data-variable=x] li[data-rule=product] .rule").textContent()).contains("곱의 법칙");
        assertThat(page.locator("#r-dir-given").textContent()).contains("−7.690").contains("주어진").doesNotContain("as given");
        assertThat(page.locator("#r-dir-unit").textContent()).contains("−3.439").contains("단위 방향");
        assertThat(page.locator("#slice-caption").textContent()).contains("기울기").doesNotContain("slope");
        assertThat(page.locator("#r-steepest").textContent()).contains("최급상승").doesNotContain("ascent");
        assertThat(page.locator("#r-diff").textContent()).startsWith("미분가능");
        page.click("#check");
        page.waitForFunction("() => document.getElementById('check-result').textContent.length > 0");
        assertThat(page.locator("#check-result").textContent()).contains("입력하세요");
        page.fill("#ans-fx", "2*x*sin(y)");
        page.fill("#ans-dv", "-7.690");
        page.click("#check");
        page.waitForFunction("() => document.getElementById('check-result').dataset.right !== undefined");
        assertThat(page.locator("#check-result").textContent()).contains("맞습니다").contains("틀렸습니다")
                .contains("주어진 v에 대한 D_v f").contains("2.23607");
        Object legend = page.evaluate("() => document.getElementById('contour').data.map(t => t.name)");
        assertThat(legend.toString()).contains("최급상승").doesNotContain("steepest ascent");
        screenshot("step-by-step-ko");
    }

    @Test
    void aSymbolThatIsNotAVariableGetsASliderAndTheAddressBarKeepsItsValue() {
        load("?f=a*x%5E2%20%2B%20y%5E2&at=1,1&v=1,0&unit=1&par=a:2");
        waitForAnalysisOf("a*x^2 + y^2");
        assertThat(page.isVisible("#params-card")).isTrue();
        assertThat(page.inputValue("#param-a")).isEqualTo("2");
        // ∂f/∂x = 2 a x = 4 at x = 1 with a = 2
        assertThat(shown("r-grad", "values")).containsExactly(4, 2);
        page.fill("#parameters input[type=number]", "-1.5");
        page.press("#parameters input[type=number]", "Enter");
        page.waitForFunction("() => JSON.parse(document.getElementById('r-grad').dataset.values)[0] === -3");
        assertThat(page.url()).contains("par=a%3A-1.5");
        // the slider itself, moved with the keyboard: one step of 0.01
        page.focus("#param-a");
        page.keyboard().press("ArrowRight");
        page.waitForFunction("() => Math.abs(JSON.parse(document.getElementById('r-grad').dataset.values)[0] + 2.98) < 1e-9");
        screenshot("parameter-slider");
    }

    private double[] window() {
        return java.util.Arrays.stream(new String[] {"xmin", "xmax", "ymin", "ymax"})
                .mapToDouble(id -> Double.parseDouble(page.inputValue("#" + id))).toArray();
    }

    @Test
    void zoomAndPanByButtonKeyboardAndWheelAndThePolarViewOfLnR2() {
        load("?f=ln(x%5E2%20%2B%20y%5E2)&win=-2,2,-2,2&at=1,1&v=1,0&unit=1");
        waitForAnalysisOf("ln(x^2 + y^2)");
        // the map keeps x and y at one scale, so Plotly widens the shorter axis' range beyond the window: the window
        // (the inputs and the address bar) is what zoom and pan set
        page.click("#zoom-in");
        page.waitForFunction("() => location.search.includes('win=-1%2C1%2C-1%2C1')");
        assertThat(window()).containsExactly(-1, 1, -1, 1);
        page.click("#pan-right");
        page.waitForFunction("() => location.search.includes('win=-0.5%2C1.5%2C-1%2C1')");
        // every control is a button: the keyboard zooms out too
        page.focus("#zoom-out");
        page.keyboard().press("Enter");
        page.waitForFunction("() => location.search.includes('win=-1.5%2C2.5%2C-2%2C2')");
        page.waitForFunction("() => document.getElementById('contour').layout.yaxis.range[1] >= 2");
        // the wheel zooms about the point under the cursor, which stays where it is
        com.microsoft.playwright.options.BoundingBox box = page.locator("#contour .nsewdrag").first().boundingBox();
        page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
        page.mouse().wheel(0, 100);
        page.waitForFunction("() => Number(document.getElementById('xmax').value) - Number(document.getElementById('xmin').value) > 4.5");
        double[] w = window();
        assertThat(w[1] - w[0]).isCloseTo(5, org.assertj.core.api.Assertions.within(1e-4));
        assertThat((w[0] + w[1]) / 2).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.05));
        assertThat((w[2] + w[3]) / 2).isCloseTo(0, org.assertj.core.api.Assertions.within(0.05));
        // the polar view: φ(r, θ) with r across and θ up; exercise 4's f_r = 2/r, f_θ = 0 at r = √2
        page.check("#polar-on");
        page.waitForFunction("() => document.getElementById('polar-caption').dataset.radial !== undefined");
        assertThat(Double.parseDouble(page.getAttribute("#polar-caption", "data-radial")))
                .isCloseTo(Math.sqrt(2), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Double.parseDouble(page.getAttribute("#polar-caption", "data-angular")))
                .isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        page.waitForFunction("() => document.getElementById('contour').layout.xaxis.title.text === 'r'");
        assertThat(page.locator("#polar-caption .katex").count()).isGreaterThanOrEqualTo(4);
        assertThat(page.url()).contains("view=polar");
        screenshot("polar-view");
        // a click on the polar map sets the point by (r, θ): at θ = 0 it lies on the positive x axis
        String before = page.locator("#r-value").getAttribute("data-point");
        Object y0 = page.evaluate("() => { const l = document.getElementById('contour')._fullLayout;"
                + " return l.yaxis._offset + l.yaxis.c2p(0); }");
        com.microsoft.playwright.options.BoundingBox plot = page.locator("#contour").boundingBox();
        Object x1 = page.evaluate("() => { const l = document.getElementById('contour')._fullLayout;"
                + " return l.xaxis._offset + l.xaxis.c2p(1); }");
        page.mouse().click(plot.x + ((Number) x1).doubleValue(), plot.y + ((Number) y0).doubleValue());
        page.waitForFunction("p => document.getElementById('r-value').dataset.point !== p", before);
        double[] x = shown("r-value", "point");
        assertThat(x[0]).isCloseTo(1, org.assertj.core.api.Assertions.within(0.05));
        assertThat(x[1]).isCloseTo(0, org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    void onAPhoneEverythingFitsTheScreenAndATapSetsThePoint() {
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true));
        Page p = phone.newPage();
        try {
            p.onPageError(e -> consoleErrors.add(e));
            p.navigate("http://127.0.0.1:" + server.port() + "/?lang=en");
            p.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            // nothing wider than the screen: no sideways scrolling of the page
            assertThat(((Number) p.evaluate("() => document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            for (String id : List.of("contour", "slice", "results", "expr", "dial", "check-card", "steps-card")) {
                com.microsoft.playwright.options.BoundingBox b = p.locator("#" + id).boundingBox();
                assertThat(b.x).as(id).isGreaterThanOrEqualTo(0);
                assertThat(b.x + b.width).as(id).isLessThanOrEqualTo(390.5);
            }
            p.locator("#contour").scrollIntoViewIfNeeded();
            com.microsoft.playwright.options.BoundingBox box = p.locator("#contour .nsewdrag").first().boundingBox();
            String before = p.locator("#r-value").getAttribute("data-point");
            p.touchscreen().tap(box.x + box.width * 0.25, box.y + box.height * 0.25);
            p.waitForFunction("q => document.getElementById('r-value').dataset.point !== q", before);
            p.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "phone.png")).setFullPage(true));
        } finally {
            phone.close();
        }
    }

    @Test
    void aFieldOfThreeVariablesShowsItsSliceAndItsLevelSurfaceWithTheNormal() {
        load("?f=x%5E2%20%2B%20y%5E2%20%2B%20z%5E2&win=-2,2,-2,2&at=1,0.5,0.5&v=1,0,0&unit=1");
        waitForAnalysisOf("x^2 + y^2 + z^2");
        assertThat(page.isVisible("#pz")).isTrue();
        assertThat(page.inputValue("#pz")).isEqualTo("0.5");
        assertThat(shown("r-grad", "values")).containsExactly(2, 1, 1);
        page.waitForFunction("() => (document.getElementById('surface').data || []).some(t => t.type === 'isosurface')");
        Object types = page.evaluate("() => document.getElementById('surface').data.map(t => t.type)");
        assertThat(types.toString()).contains("isosurface").contains("cone");
        // the level surface is drawn at c = f(x) = 1.5
        assertThat(((Number) page.evaluate("() => document.getElementById('surface').data[0].isomin")).doubleValue())
                .isEqualTo(1.5);
        assertThat(page.evaluate("() => document.getElementById('contour').layout.title.text").toString()).contains("z = 0.5");
        screenshot("three-variables");
        // another z₀: another slice through the new point
        page.fill("#pz", "1");
        page.press("#pz", "Enter");
        page.waitForFunction("() => JSON.parse(document.getElementById('r-grad').dataset.values)[2] === 2");
        page.waitForFunction("() => document.getElementById('contour').layout.title.text.includes('z = 1')");
        assertThat(page.url()).contains("at=1%2C0.5%2C1");
        // check my answer has a third component
        page.fill("#ans-fx", "2*x");
        page.fill("#ans-fy", "2*y");
        page.fill("#ans-fz", "2*z");
        page.click("#check");
        page.waitForFunction("() => document.getElementById('check-result').dataset.right !== undefined");
        assertThat(page.getAttribute("#check-result", "data-right")).isEqualTo("true");
        assertThat(page.locator("#check-result").textContent()).contains("∂f/∂z = 2*z: right");
    }
}
