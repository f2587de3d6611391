package org.homeward.identification.kinship.api;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.homeward.identification.kinship.LineagePart;
import org.homeward.identification.kinship.application.KinshipReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The kinship report as a PDF (Apache PDFBox): the same content as its JSON, section by section, in plain text a
 * court can read and another laboratory can recompute from. Ids, codes, numbers and the examiners' names and
 * subjects, in Liberation Sans embedded (no name of a missing person or a donor is in the report); no personal data
 * in its title or metadata.
 */
final class KinshipReportPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** Read once: each report embeds the subset it uses. */
    private static final byte[] FONT_BYTES = fontBytes();

    private static final float MARGIN = 50;
    private static final float LEADING = 11;
    private static final int WIDTH = 118;
    private static final String CONTINUATION = "    ";

    private KinshipReportPdf() {
    }

    static byte[] render(KinshipReport r) {
        List<String> lines = new ArrayList<>();
        heading(lines, "Kinship report");
        lines.add("Candidate " + r.candidateId() + ", case " + r.caseId() + ", missing person " + r.personId()
                + ", party " + r.party());
        lines.add("Computed " + r.computedAt() + "; report generated " + r.generatedAt() + " for " + r.generatedBy()
                + " (" + r.generatedByOrganisation() + ")");
        if (!r.stale().isEmpty()) {
            heading(lines, "Changed since the numbers were computed");
            r.stale().forEach(reason -> lines.add("- " + reason));
        }
        heading(lines, "Hypotheses");
        lines.add(r.hypotheses().h1());
        lines.add(r.hypotheses().h2());
        heading(lines, "Pedigree and typing");
        r.pedigree().forEach(m -> lines.add(m.role() + " " + m.id() + (m.relationship() == null ? "" : ", "
                + m.relationship()) + ": " + (m.typedBy().isEmpty() ? "not typed" : String.join(", ", m.typedBy()))
                + (m.role().equals("REFERENCE") ? m.inRatio() ? "; in the ratio" : "; checked on its own" : "")));
        heading(lines, "Loci (" + r.loci().size() + "), ratio per locus");
        for (KinshipReport.LocusLine locus : r.loci()) {
            StringBuilder line = new StringBuilder(locus.locus()).append(": remains ")
                    .append(String.join("/", locus.remains()));
            locus.references().forEach(g -> line.append("; ").append(g.donorId()).append(' ')
                    .append(g.alleles().isEmpty() ? "-" : String.join("/", g.alleles())));
            line.append("; p ");
            locus.frequencies().forEach(f -> line.append(f.allele()).append('=')
                    .append(String.format(Locale.ROOT, "%.4g", f.frequency())).append(' '));
            line.append(String.format(Locale.ROOT, "; LR %.6g", locus.lr()));
            lines.add(line.toString());
        }
        heading(lines, "Model");
        lines.add(r.model().formula());
        if (r.model().basis() != null) {
            var b = r.model().basis();
            lines.add("Population " + b.population() + ", table " + b.frequencyTable() + " (SHA-256 "
                    + b.frequencyTableSha256() + "); mutation model " + b.mutationModel() + " at " + b.mutationRate()
                    + (b.locusMutationRates().isEmpty() ? "" : ", locus rates " + b.locusMutationRates()) + "; theta "
                    + b.theta() + "; " + b.engineVersion());
        }
        lines.add("Drop-out: " + r.model().dropOut());
        if (!r.lineage().isEmpty()) {
            heading(lines, "Lineage markers");
            for (LineagePart p : r.lineage()) {
                lines.add(String.format(Locale.ROOT, "%s, %s %s (%d meioses)%s: %d compared%s, %d difference(s), %d steps,"
                                + " %d structural, %d shared heteroplasmies, %d length variants not compared%s; rate %.4g%s",
                        p.method(), p.place(), p.donorId(), p.meioses(), p.inRatio() ? ", in the ratio" : "",
                        p.compared(), p.comparedRange() == null ? " loci" : " positions (" + p.comparedRange() + ")",
                        p.mismatches(), p.steps(), p.structural(), p.sharedHeteroplasmies(), p.ignoredLengthVariants(),
                        p.excludes() ? ", EXCLUDES the line" : p.inconclusive() ? ", inconclusive" : "",
                        p.mutationRate(), p.locusRates().isEmpty() ? "" : ", locus rates " + p.locusRates()));
                lines.add(p.weighed() ? String.format(Locale.ROOT, "    LR %.6g; frequency bound %.6g (%d of %d in %s,"
                                + " SHA-256 %s, confidence %.2f)", p.lr(), p.frequencyUpperBound(), p.databaseCount(),
                        p.databaseSize(), p.database(), p.databaseSha256(), p.confidence())
                        : "    Not weighed: no frequency could be counted (no database, or none of its entries typed"
                        + " what was compared); ratio 1.");
            }
        }
        heading(lines, "Each reference on its own");
        r.referenceChecks().forEach(check -> lines.add(String.format(Locale.ROOT, "%s %s: LR %.6g%s", check.donorId(),
                check.relationship(), check.lr(), check.inconsistentLoci().isEmpty() ? ""
                        : "; inconsistent at " + String.join(", ", check.inconsistentLoci()))));
        lines.add("DNA sex against the register: " + r.sex());
        heading(lines, "References against each other");
        if (r.referenceFit().isEmpty()) {
            lines.add("No pair whose relationship the statements fix.");
        }
        r.referenceFit().forEach(pair -> lines.add(String.format(Locale.ROOT, "%s and %s: stated %s, LR %.6g; best %s,"
                        + " LR %.6g; %d loci%s", pair.donorA(), pair.donorB(), pair.stated(), pair.statedLr(), pair.best(),
                pair.bestLr(), pair.lociCompared(), pair.flagged() ? "; FLAGGED" : "")));
        heading(lines, "Result");
        lines.add(String.format(Locale.ROOT, "LR %.6g (log10 %.3f); autosomal LR %.6g; prior %.6g; posterior %.8f;"
                + " rank %d in the case", r.lr(), r.log10Lr(), r.autosomalLr(), r.prior(), r.posterior(), r.rank()));
        KinshipReport.Rule rule = r.rule();
        lines.add(String.format(Locale.ROOT, "Undisputed rule: posterior at least %s, LR at least %s times every rival,"
                        + " at least %d loci, reporting threshold %s; party policy: %s.", rule.minPosterior(),
                rule.margin(), rule.minLoci(), rule.reportingThreshold(), rule.policy()));
        lines.add(rule.undisputed() ? "Undisputed: every clause holds." : "Disputed: " + String.join("; ",
                rule.failedClauses()) + ".");
        heading(lines, "Proposals and decisions");
        if (r.proposals().isEmpty()) {
            lines.add("None.");
        }
        r.proposals().forEach(d -> lines.add("Proposal " + d.proposalId() + " " + d.status() + ": proposed by "
                + who(d.proposedByName(), d.proposedBy()) + ", " + d.organisation() + ", at " + d.proposedAt()
                + (d.decidedBy() == null ? "" : "; decided by " + who(d.decidedByName(), d.decidedBy()) + " at "
                + d.decidedAt())));
        return write(lines);
    }

    /** "Name (subject)" where the token named the person, the subject alone otherwise. */
    private static String who(String name, String subject) {
        return name == null || name.equals(subject) ? subject : name + " (" + subject + ")";
    }

    private static void heading(List<String> lines, String title) {
        lines.add("");
        lines.add("# " + title);
    }

    private static byte[] write(List<String> lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Homeward kinship report");
            info.setCreator("Homeward identification-service");
            Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            info.setCreationDate(now);
            PDType0Font font = embeddedFont(document);
            PDPageContentStream text = null;
            float y = 0;
            for (String raw : lines) {
                for (String line : wrapped(printable(raw, font))) {
                    if (text == null || y < MARGIN) {
                        if (text != null) {
                            text.endText();
                            text.close();
                        }
                        PDPage page = new PDPage(PDRectangle.A4);
                        document.addPage(page);
                        text = new PDPageContentStream(document, page);
                        text.beginText();
                        y = page.getMediaBox().getHeight() - MARGIN;
                        text.newLineAtOffset(MARGIN, y);
                    }
                    boolean heading = line.startsWith("# ");
                    text.setFont(font, heading ? 11 : 8);
                    text.showText(heading ? line.substring(2) : line);
                    text.newLineAtOffset(0, -LEADING);
                    y -= LEADING;
                }
            }
            if (text != null) {
                text.endText();
                text.close();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The kinship report could not be written", e);
        }
    }

    /**
     * Liberation Sans, which PDFBox ships, embedded as a subset: Latin, Cyrillic and Greek show as written (an
     * examiner's name in Ukrainian), and the PDF does not depend on the reader's fonts.
     */
    private static PDType0Font embeddedFont(PDDocument document) throws IOException {
        return PDType0Font.load(document, new java.io.ByteArrayInputStream(FONT_BYTES));
    }

    private static byte[] fontBytes() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's " + FONT + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("PDFBox's " + FONT + " could not be read", e);
        }
    }

    /**
     * What the font can show, in NFC; a control or formatting character (a right-to-left override, a zero-width
     * space), or one it has no glyph for, as '?'.
     */
    private static String printable(String text, PDType0Font font) {
        StringBuilder out = new StringBuilder(text.length());
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).codePoints().forEach(c -> {
            String ch = new String(Character.toChars(c));
            boolean shown = !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT && encodable(font, ch);
            out.append(shown ? ch : "?");
        });
        return out.toString();
    }

    private static boolean encodable(PDType0Font font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IllegalArgumentException | IOException noGlyph) {
            return false;
        }
    }

    private static List<String> wrapped(String line) {
        List<String> parts = new ArrayList<>();
        String rest = line;
        while (rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH);
            cut = cut <= CONTINUATION.length() ? WIDTH : cut; // no space past the indent: cut the token itself
            parts.add(rest.substring(0, cut));
            rest = CONTINUATION + rest.substring(cut).stripLeading();
        }
        parts.add(rest);
        return parts;
    }
}
