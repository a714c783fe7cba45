package nl.werkpact.keurmerk.support;

import org.junit.jupiter.api.AfterEach;

/** Base of the browser tests: the whole app as in {@link IntegrationTest}, and a Chromium that is closed after each test. */
public abstract class BrowserTest extends IntegrationTest {

  protected Browser browser;

  /** A fresh Chromium (a browser opened before in this test is closed first); skipped with a message where there is none. */
  protected Browser openBrowser() throws Exception {
    closeBrowser();
    browser = Browser.start();
    return browser;
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
