package com.healthplan.va.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notice is sent as HTML and plain text; a reader of either part gets the same footer: quote the case id,
 * send records through the secure channel, and what to do with a message received in error.
 */
class NoticeFooterTest {

  static final String TEMPLATES = "/templates/mail/";
  static final String FOOTER_REFERENCE = "~{mail/fragments.html :: footer}";

  static String read(String name) {
    try (InputStream in = NoticeFooterTest.class.getResourceAsStream(TEMPLATES + name)) {
      assertThat(in).as(TEMPLATES + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String normalized(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  /** The footer's text as the HTML part renders it: the fragment's static text (it has no expressions). */
  static String htmlFooter() {
    Matcher footer = Pattern.compile("<p th:fragment=\"footer\"[^>]*>(.*?)</p>", Pattern.DOTALL)
        .matcher(read("fragments.html"));
    assertThat(footer.find()).as("fragments.html has a footer fragment").isTrue();
    String text = footer.group(1);
    assertThat(text).as("the footer is static text").doesNotContain("<").doesNotContain("${").doesNotContain("&");
    return normalized(text);
  }

  @Test
  void theFooterTellsWhatToDoWithAMessageReceivedInError() {
    assertThat(htmlFooter()).contains("Please quote the case id in every reply")
        .contains("This message is meant for the addressee only; if you received it in error, please tell us "
            + "and delete it.");
  }

  /** Every notice template under templates/mail/ (an .html and a .txt part each), without the fragments. */
  static List<String> templates() throws Exception {
    Path directory = Path.of(NoticeFooterTest.class.getResource(TEMPLATES).toURI());
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".html"))
          .filter(name -> !name.equals("fragments.html")).map(name -> name.substring(0, name.length() - 5))
          .sorted().toList();
    }
  }

  @Test
  void everyNoticeToAProviderHasTheFooter() throws Exception {
    assertThat(templates()).filteredOn(template -> read(template + ".html").contains(FOOTER_REFERENCE))
        .containsExactlyInAnyOrder("information-request", "determination-approved", "determination-denied",
            "closed-incomplete", "documentation-request", "pcp-follow-up-request",
            "appeal-decision");
  }

  /** Each pair agrees: where the HTML part has the footer the text part ends with it, and where not, neither. */
  @ParameterizedTest
  @MethodSource("templates")
  void thePlainTextPartCarriesTheFooterOfTheHtmlPart(String template) {
    String text = normalized(read(template + ".txt"));
    if (read(template + ".html").contains(FOOTER_REFERENCE)) {
      assertThat(text).as(template + ".txt ends with the footer of " + template + ".html").endsWith(htmlFooter());
    } else {
      assertThat(text).as(template + ".html has no footer, so neither has " + template + ".txt")
          .doesNotContain(htmlFooter());
    }
  }
}
