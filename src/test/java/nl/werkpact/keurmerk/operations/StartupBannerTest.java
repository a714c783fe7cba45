package nl.werkpact.keurmerk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import nl.werkpact.keurmerk.mail.MailSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.mock.env.MockEnvironment;

/** The start-up banner tells where e-mails really go, by the rule the app sends by. */
class StartupBannerTest {

  @Test
  void withADropDirectoryTheBannerNamesTheFilesAndNotTheMailServer() {
    assertThat(banner("data/mail", null).mailLine())
        .startsWith("bestanden in /")
        .contains("data/mail")
        .doesNotContain("SMTP-server ");
  }

  @Test
  void withAnSmtpServerAndNoDropDirectoryTheBannerNamesTheServer() {
    assertThat(banner("", "smtp.gemeente.example").mailLine())
        .isEqualTo("via SMTP-server smtp.gemeente.example:587")
        .doesNotContain("data/mail");
    assertThat(banner("", null).mailLine()).contains("geen SMTP-server ingesteld");
  }

  private static StartupBanner banner(String dropDirectory, String host) {
    var beans = new StaticListableBeanFactory();
    if (host != null) {
      var smtp = new MailProperties();
      smtp.setHost(host);
      smtp.setPort(587);
      beans.addBean("mailProperties", smtp);
    }
    return new StartupBanner(
        new MockEnvironment(),
        new BannerSettings(""),
        new MailSettings("Sociaal Werkpact <a@b.example>", dropDirectory, null),
        beans.getBeanProvider(MailProperties.class));
  }
}
