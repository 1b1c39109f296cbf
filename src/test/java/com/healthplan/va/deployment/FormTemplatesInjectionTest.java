package com.healthplan.va.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthplan.va.casefile.FormText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 21, Found 3: a text a person typed is shown as text in every form. Every variable a form's markdown
 * template inserts is either made by the application from codes, dates and numbers, or a person's text passed
 * through {@link FormText}; each injection of the hostile review is put into every such text and every template
 * of every form is rendered as markdown (CommonMark, HTML kept as Tasklist's sanitizer keeps it): the rendered
 * elements are exactly those of the template with a plain value, and the payload is shown letter for letter.
 */
class FormTemplatesInjectionTest {

  /** A person's text, inserted into templates only through FormText (CaseDocumentCopies, Appeals). */
  static final Set<String> PERSON_TYPED_THROUGH_FORM_TEXT = Set.of("fileName", "determinationDecidedByName");

  /** Made by the application: labels of codes, dates, numbers, the policy's own words, links it builds. */
  static final Set<String> APPLICATION_MADE = Set.of("casePageUrl", "caseId", "criteriaVersion", "wording",
      "validThroughText", "url", "uploadedAt", "procedureLabel", "kindLabel", "fractureLevelsText",
      "approvedLevelsText", "urgencyLabel", "requestDateText", "procedureDateText", "determinationDueText",
      "scheduledDateText",
      "returnedToReviewReason", "painScore", "milestone", "milestoneLabel", "milestoneDueText", "determinationText",
      "determinationDecidedText", "contactMethod", "comfortScore", "baselinePainScore", "appealedLevelsText",
      "activityScore", "this", "standardAppealTurnaroundText", "pcpRequestedOn", "pcpReminders",
      "pcpAcknowledgedOn", "fractureDateText", "expeditedAppealTurnaroundText", "documentationRequestedAt",
      "documentationRequestCount", "code", "appealUrgency", "appealUntilText", "appealRequestedBy", "appealDueText",
      // FEEL expressions over codes and dates
      "string join(levelsTreated, \", \")", "replace(substring(string(documentationDueAt), 1, 16), \"T\", \" \")");

  /** The review's injections, and a few more of the same family. */
  static final List<String> INJECTIONS = List.of(
      "[Prescreen re-run](https://evil.example/overturn)",
      "<div class=\"alert alert-success\">Prescreen re-run: every criterion is met. Overturn.</div>",
      "<img src=\"/camunda/app/tasklist/assets/images/camunda.svg\"> see above",
      "<h1>Overturn now</h1>",
      "![logo](/api/cases/VA-2026-000001/documents/x)",
      "**Approved** by _the plan_ `today`",
      "first line\n# Heading on its own line\n\n- a list item\n1. numbered",
      "<script>alert(document.cookie)</script><a href=\"javascript:alert(1)\">x</a>",
      "visit www.evil.example or https://evil.example or write to help@evil.example",
      "&lt;div&gt; entity &amp; <!-- comment --> | table | cell |",
      "x](https://elsewhere.example) [y.pdf");

  static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([#/]?)\\s*(loop\\s+)?([^}]*?)\\s*}}");
  static final ObjectMapper JSON = new ObjectMapper();
  final Parser markdown = Parser.builder().build();
  final HtmlRenderer html = HtmlRenderer.builder().build();

  record Template(String form, String id, String text) {
    @Override
    public String toString() {
      return form + " " + id;
    }
  }

  static List<Template> templates() throws IOException {
    List<Template> templates = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        collect(JSON.readTree(form.toFile()), form.getFileName().toString(), templates, null);
      }
    }
    return templates;
  }

  private static void collect(JsonNode node, String form, List<Template> templates, List<String> inputKeys) {
    if (node.isObject()) {
      if ("text".equals(node.path("type").asText()) && node.has("text")) {
        templates.add(new Template(form, node.path("id").asText(), node.get("text").asText()));
      }
      if (inputKeys != null && Set.of("textfield", "textarea").contains(node.path("type").asText())) {
        inputKeys.add(node.path("key").asText());
      }
    }
    node.forEach(child -> collect(child, form, templates, inputKeys));
  }

  @Test
  void everyInsertedVariableIsMadeByTheApplicationOrShownThroughFormText() throws IOException {
    List<String> typedInFields = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        collect(JSON.readTree(form.toFile()), form.toString(), new ArrayList<>(), typedInFields);
      }
    }
    Set<String> unclassified = new TreeSet<>();
    Set<String> personTypedInserted = new TreeSet<>();
    for (Template template : templates()) {
      for (String name : insertedNames(template.text())) {
        if (!APPLICATION_MADE.contains(name) && !PERSON_TYPED_THROUGH_FORM_TEXT.contains(name)) {
          unclassified.add(template + ": " + name);
        }
        if (typedInFields.contains(name)) {
          personTypedInserted.add(template + ": " + name);
        }
      }
    }
    assertThat(unclassified).as("variables inserted into markdown that nobody classified").isEmpty();
    assertThat(personTypedInserted).as("a person's field value inserted into markdown as it was typed; insert a "
        + "copy made with FormText.shown instead").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void everyInjectionIsShownAsTextInEveryTemplate(Template template) {
    if (insertedNames(template.text()).stream().noneMatch(PERSON_TYPED_THROUGH_FORM_TEXT::contains)) {
      return; // nothing a person typed is inserted here (checked above)
    }
    List<String> plainTags = tags(render(template.text(), "plain"));
    for (String injection : INJECTIONS) {
      Document rendered = render(template.text(), FormText.shown(injection));

      assertThat(tags(rendered)).as("%s with %s", template, injection).isEqualTo(plainTags);
      assertThat(rendered.text()).as("%s with %s", template, injection)
          .contains(injection.replaceAll("\\s+", " "));
      for (Element link : rendered.select("a[href], img[src]")) {
        assertThat(link.attr("href") + link.attr("src")).doesNotContain("evil").doesNotContain("javascript");
      }
    }
  }

  @Test
  void noBareAddressSurvivesForAutolinkingRenderers() {
    for (String injection : INJECTIONS) {
      String shown = FormText.shown(injection);
      assertThat(shown).doesNotContain("www.").doesNotContain("://").doesNotContain("@").doesNotContain("<")
          .doesNotContain("\n");
    }
  }

  /** The template with every person-typed variable set to the value and every other to a plain word. */
  private Document render(String template, String personTyped) {
    String expanded = expandLoops(template);
    Matcher variable = VARIABLE.matcher(expanded);
    StringBuilder text = new StringBuilder();
    while (variable.find()) {
      String name = variable.group(3);
      String value = PERSON_TYPED_THROUGH_FORM_TEXT.contains(name) ? personTyped
          : name.toLowerCase().contains("url") ? "/cases/VA-2026-000001" : "word";
      variable.appendReplacement(text, Matcher.quoteReplacement(value));
    }
    variable.appendTail(text);
    return Jsoup.parseBodyFragment(html.render(markdown.parse(text.toString())));
  }

  /** A loop's body once, as Tasklist shows it for a list of one row. */
  private static String expandLoops(String template) {
    return template.replaceAll("\\{\\{#loop [^}]*}}", "").replace("{{/loop}}", "");
  }

  private static Set<String> insertedNames(String template) {
    Set<String> names = new TreeSet<>();
    Matcher variable = VARIABLE.matcher(template);
    while (variable.find()) {
      if (variable.group(1).isEmpty()) {
        names.add(variable.group(3));
      }
    }
    return names;
  }

  private static List<String> tags(Document document) {
    List<String> tags = new ArrayList<>();
    for (Element element : document.body().getAllElements()) {
      tags.add(element.tagName());
    }
    return tags;
  }
}
