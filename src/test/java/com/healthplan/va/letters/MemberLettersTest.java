package com.healthplan.va.letters;

import com.healthplan.va.support.TestPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.healthplan.va.criteria.EligibilityCriterion;
import com.healthplan.va.documents.CaseDocuments;
import com.healthplan.va.documents.DocumentKind;
import com.healthplan.va.documents.DocumentSummary;
import com.healthplan.va.support.CaseTestSupport;
import com.healthplan.va.support.Intakes;
import com.healthplan.va.support.TestMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The member's letters: a PDF stored with the case's documents for printing and mailing (with the member's postal
 * address), and the same letter e-mailed when the member's address is known; plain words, no codes, once.
 */
class MemberLettersTest extends CaseTestSupport {

  @Autowired CaseDocuments documents;

  private ProcessInstance denied(Map<String, Object> intake) {
    ProcessInstance instance = openCase(Intakes.with(intake, "activeInfection", true));
    List<String> confirmed = EligibilityCriterion.codes().stream().filter(c -> !c.equals("ACTIVE_INFECTION")).toList();
    Map<String, Object> refer = new HashMap<>();
    refer.put("reviewDecision", "REFER_TO_MEDICAL_DIRECTOR");
    refer.put("reviewConfirmedCriteria", new ArrayList<>(confirmed));
    completeAs("nurse1", instance, "UserTask_ReviewCriteria", refer);
    Map<String, Object> deny = new HashMap<>();
    deny.put("medicalDirectorDecision", "DENY");
    deny.put("reviewConfirmedCriteria", new ArrayList<>(confirmed));
    deny.put("medicalDirectorRationale", "Active infection.");
    completeAs("md1", instance, "UserTask_ReviewAsMedicalDirector", deny);
    runAsyncJobs(instance);
    return instance;
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document).replaceAll("\\s+", " ");
    }
  }

  private static String text(MimeMessage message) throws Exception {
    String text = find((Multipart) message.getContent());
    return text == null ? "" : text.replaceAll("\\s+", " ");
  }

  private static String find(Multipart multipart) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart nested) {
        String found = find(nested);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  @Test
  void aDenialWritesTheMemberALetterToPrintAndEMails() throws Exception {
    Map<String, Object> intake = Intakes.with(eligibleIntake(), "memberEmail", "jane.doe@mail.example");
    intake.put("memberAddress", "Jane Q. Doe\n12 Elm Street\nSpringfield, IL 62701");
    ProcessInstance instance = denied(intake);

    List<DocumentSummary> letters = documents.of(instance.getBusinessKey()).stream()
        .filter(d -> d.kind() == DocumentKind.MEMBER_NOTICE).toList();
    assertThat(letters).singleElement().satisfies(letter -> {
      assertThat(letter.mediaType()).isEqualTo("application/pdf");
      assertThat(letter.fileName()).isEqualTo("letter-denied-1.pdf");
      assertThat(letter.uploadedBy()).isEqualTo("system");
    });
    byte[] pdf = documents.find(instance.getBusinessKey(), letters.get(0).documentId()).orElseThrow().content();
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String printed = pdfText(pdf);
    assertThat(printed).contains("12 Elm Street").contains("Dear Jane Q. Doe,").contains("did not approve")
        .contains(EligibilityCriterion.ACTIVE_INFECTION.memberWording(TestPolicy.TERMS).replaceAll("\\s+", " "))
        .contains("You can appeal").contains("72 hours").contains("free copy")
        .doesNotContain("ACTIVE_INFECTION").doesNotContain("CPT");

    MimeMessage mail = TestMailServer.received().stream()
        .filter(m -> {
          try {
            return m.getAllRecipients()[0].toString().equals("jane.doe@mail.example");
          } catch (Exception e) {
            return false;
          }
        }).findFirst().orElseThrow();
    assertThat(mail.getSubject()).isEqualTo("We did not approve your doctor's request (reference "
        + instance.getBusinessKey() + ")");
    // the e-mailed copy, minimum necessary: neither the member's name nor the postal address
    assertThat(text(mail)).contains("did not approve").contains("Dear member,").doesNotContain("ACTIVE_INFECTION")
        .doesNotContain("Jane").doesNotContain("Elm Street");
  }

  @Test
  void withoutAnEmailAddressTheLetterIsStoredForPrintingOnly() throws Exception {
    ProcessInstance instance = denied(eligibleIntake());

    assertThat(documents.of(instance.getBusinessKey())).extracting(DocumentSummary::kind)
        .containsExactly(DocumentKind.MEMBER_NOTICE);
    assertThat(TestMailServer.received()).extracting(m -> m.getAllRecipients()[0].toString())
        .containsExactly("spine@clinic.example");
  }
}
