package com.healthplan.va.letters;

import com.healthplan.va.casefile.CaseFile;
import com.healthplan.va.casefile.PlanCalendar;
import com.healthplan.va.casefile.PlanContacts;
import com.healthplan.va.documents.CaseDocuments;
import com.healthplan.va.documents.DocumentKind;
import com.healthplan.va.notification.Notice;
import com.healthplan.va.notification.NoticeMailer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The member's letter of a determination, information request, extension or appeal decision: rendered from one
 * template ({@code templates/mail/member-letter.html}) to a PDF stored with the case's documents (kind
 * {@code MEMBER_NOTICE}) for printing and mailing to the member's address, and e-mailed when an address is known.
 * Called from the asynchronous job that sends the provider's notice; a retried job stores and sends nothing twice
 * (the document's id and the mail's Message-ID are stable).
 */
@Component
public class MemberLetters {

  static {
    PdfRendererLog.install();
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

  private final ITemplateEngine templates;
  private final CaseDocuments documents;
  private final NoticeMailer mailer;
  private final PlanContacts plan;
  private final PlanCalendar calendar;

  MemberLetters(ITemplateEngine mailTemplates, CaseDocuments documents, NoticeMailer mailer, PlanContacts plan,
      PlanCalendar calendar) {
    this.templates = mailTemplates;
    this.documents = documents;
    this.mailer = mailer;
    this.plan = plan;
    this.calendar = calendar;
  }

  /**
   * Writes the letter; {@code details} holds what the kind needs (e.g. {@code reasons}: plain sentences,
   * {@code decideBy}, {@code rationale}).
   */
  public void send(CaseFile caseFile, MemberLetter letter, int sequence, Map<String, Object> details) {
    Map<String, Object> model = new HashMap<>(details);
    model.put("letter", letter.name());
    model.put("subject", letter.subject());
    model.put("caseId", caseFile.caseId());
    model.put("date", DAY.format(calendar.today()));
    model.put("procedure", caseFile.intake().procedureType().label().toLowerCase(Locale.ROOT));
    model.putIfAbsent("levels", String.join(", ", caseFile.intake().fractureLevels()));
    model.putIfAbsent("notApprovedLevels", "");
    model.put("planName", plan.planName());
    model.put("planAddress", plan.address());
    model.put("umPhone", plan.umPhone());
    model.put("languageAssistance", plan.languageAssistance());
    model.put("nonDiscrimination", plan.nonDiscrimination());
    // the member's own letter: to the member by name, at the address on file
    model.put("memberName", caseFile.intake().patientName());
    model.put("printed", true);
    model.put("address", caseFile.intake().memberAddress() == null ? "" : caseFile.intake().memberAddress());
    model.putIfAbsent("reasons", List.of());
    model.putIfAbsent("reviewerName", "A doctor who works for us");
    model.putIfAbsent("validThrough", "");
    model.putIfAbsent("appealBy", "");
    model.putIfAbsent("expeditedAppealTurnaround", "");
    byte[] pdf = pdf(render(model));
    String documentId = UUID.nameUUIDFromBytes((caseFile.caseId() + "|" + letter + "|" + sequence)
        .getBytes(StandardCharsets.UTF_8)).toString();
    documents.storeOnce(documentId, caseFile.caseId(), DocumentKind.MEMBER_NOTICE,
        "letter-" + letter.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + sequence + ".pdf",
        "application/pdf", pdf, calendar.now());
    if (caseFile.intake().memberEmail() != null) {
      // e-mail is the less private channel: the mailed copy names nobody and leaves the postal address out
      Map<String, Object> mailed = new HashMap<>(model);
      mailed.put("printed", false);
      mailed.put("memberName", "member");
      mailed.put("address", "");
      mailer.send(Notice.toAddresses(caseFile.caseId(), "MEMBER_" + letter.name(), sequence, "member-letter",
          List.of(caseFile.intake().memberEmail()), letter.subject() + " (reference " + caseFile.caseId() + ")",
          mailed));
    }
  }

  /** A date as the member's letter writes it. */
  public String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  private String render(Map<String, Object> model) {
    Context context = new Context(Locale.US);
    context.setVariables(model);
    return templates.process("mail/member-letter.html", context);
  }

  private static byte[] pdf(String xhtml) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the member's letter", e);
    }
  }
}
