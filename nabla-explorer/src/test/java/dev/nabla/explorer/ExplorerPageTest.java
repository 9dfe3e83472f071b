package dev.nabla.explorer;

import com.microsoft.playwright.Browser;
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

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The page in Debian's Chromium, driven by Playwright: what a person sees matches the library. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerPageTest {
    private ExplorerServer server;
    private Playwright playwright;
    private Browser browser;
    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    void start() {
        server = new ExplorerServer().start("127.0.0.1", 0);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        server.stop();
    }

    @BeforeEach
    void open() {
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1500, 1300));
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
    }

    private void load(String query) {
        page.navigate("http://127.0.0.1:" + server.port() + "/" + query);
        page.waitForSelector("body[data-ready=true]");
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")).setFullPage(true));
    }

    @Test
    void loadsTheWorkedExampleWithoutConsoleErrors() {
        load("");
        assertThat(page.locator("#preview .katex").count()).isPositive();
        assertThat(page.locator("#r-grad").textContent()).contains("1.30485");
        screenshot("worked-example");
        assertThat(consoleErrors).isEmpty();
    }
}
