package org.homeward.identification.dvi.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homeward.identification.dvi.comparison.AnteMortem;
import org.homeward.identification.dvi.comparison.Belonging;
import org.homeward.identification.dvi.comparison.BodyRegion;
import org.homeward.identification.dvi.comparison.FingerprintComparison;
import org.homeward.identification.dvi.comparison.FoundDocument;
import org.homeward.identification.dvi.comparison.InventoryEntry;
import org.homeward.identification.dvi.comparison.Mark;
import org.homeward.identification.dvi.comparison.PostMortem;
import org.homeward.identification.dvi.comparison.Range;
import org.homeward.identification.dvi.comparison.SkeletalElement;
import org.homeward.identification.dvi.comparison.Source;
import org.homeward.identification.dvi.comparison.ToothRecord;
import org.homeward.identification.dvi.comparison.ToothState;
import org.homeward.identification.register.Sex;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.text.SafeText;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Bodies of the DVI records, section by section: a recording states the sections it changes and leaves the others as
 * they stand. Ante-mortem items state their source.
 */
public final class DviRequests {

    private DviRequests() {
    }

    /** Whole units: years of age (0 to 130), centimetres of stature (up to 250). */
    public record Span(@NotNull @Min(0) @Max(250) Integer min, @NotNull @Min(0) @Max(250) Integer max) {

        Range toDomain() {
            return new Range(min, max);
        }
    }

    public record Tooth(@NotNull Integer tooth, @NotNull ToothState state,
                        @Size(max = 5) @Pattern(regexp = "[MODBL]*") String filling, boolean crown, boolean rootCanal) {

        ToothRecord toDomain() {
            return new ToothRecord(tooth, state, filling, crown, rootCanal);
        }
    }

    public record MarkItem(@NotNull Mark.Kind kind, @NotNull BodyRegion region,
                           @NotBlank @Size(max = 500) @Pattern(regexp = SafeText.PATTERN) String description, Source source) {

        Mark toDomain() {
            return new Mark(kind, region, description, source);
        }
    }

    public record Item(@NotBlank @Size(max = 500) @Pattern(regexp = SafeText.PATTERN) String description, Source source) {

        Belonging toDomain() {
            return new Belonging(description, source);
        }
    }

    // ----- post-mortem

    public record SexFound(@NotNull Sex value, @NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String method) {
    }

    public record Estimate(@Valid @NotNull Span range, @NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String method) {

        PostMortem.Estimate toDomain() {
            return new PostMortem.Estimate(range.toDomain(), method);
        }
    }

    public record Document(@NotBlank @Size(max = 500) @Pattern(regexp = SafeText.PATTERN) String description,
                           @Size(max = 64) @Pattern(regexp = SafeText.PATTERN) String serviceNumber) {
    }

    public record PrintComparison(@NotNull UUID missingPersonId, @NotNull FingerprintComparison.Result result,
                                  @NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String afisReference,
                                  @NotNull @PastOrPresent LocalDate comparedOn) {
    }

    public record Fingerprints(@NotNull Boolean taken, @Size(max = 100) List<@Valid @NotNull PrintComparison> comparisons) {
    }

    /** One skeletal element of one side (paired elements only) and how many of it the remains hold. */
    public record Element(@NotNull SkeletalElement element, InventoryEntry.Side side, @NotNull @Min(1) @Max(1000) Integer count) {

        InventoryEntry toDomain() {
            return new InventoryEntry(element, side, count);
        }
    }

    /** {@code examinationId}: optional, the examination of the case the sections come from. */
    public record PostMortemSections(@Valid SexFound sex, @Valid Estimate age, @Valid Estimate stature,
                                     @Size(max = 52) List<@Valid @NotNull Tooth> dental, @Valid Fingerprints fingerprints,
                                     @Size(max = 100) List<@Valid @NotNull MarkItem> marks,
                                     @Size(max = 100) List<@Valid @NotNull Item> clothing,
                                     @Size(max = 100) List<@Valid @NotNull Item> effects,
                                     @Size(max = 100) List<@Valid @NotNull Document> documents,
                                     @Size(max = 60) List<@Valid @NotNull Element> inventory,
                                     UUID examinationId) {

        PostMortem toDomain() {
            if (age != null && age.range.max > 130) {
                throw new RuleViolation("age.range.max", "An age is at most 130 years");
            }
            noSources("marks", marks, MarkItem::source);
            noSources("clothing", clothing, Item::source);
            noSources("effects", effects, Item::source);
            return new PostMortem(sex == null ? null : new PostMortem.SexFinding(sex.value, sex.method),
                    age == null ? null : age.toDomain(), stature == null ? null : stature.toDomain(),
                    map(dental, Tooth::toDomain),
                    fingerprints == null ? null : new PostMortem.Fingerprints(fingerprints.taken, map(fingerprints.comparisons,
                            c -> new FingerprintComparison(c.missingPersonId, c.result, c.afisReference, c.comparedOn))),
                    map(marks, MarkItem::toDomain), map(clothing, Item::toDomain), map(effects, Item::toDomain),
                    map(documents, d -> new FoundDocument(d.description, d.serviceNumber)),
                    map(inventory, Element::toDomain));
        }
    }

    // ----- ante-mortem

    public record DatedItem(@NotNull @PastOrPresent LocalDate date, @NotNull Source source) {
    }

    public record Measured(@Valid @NotNull Span range, @NotNull Source source) {
    }

    public record Chart(@NotNull @Size(max = 52) List<@Valid @NotNull Tooth> teeth, @PastOrPresent LocalDate chartedOn,
                        @NotNull Source source) {
    }

    public record PrintsOnFile(@NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String reference,
                               @NotNull Source source) {
    }

    public record AnteMortemSections(@Valid DatedItem disappearedOn, @Valid Measured stature, @Valid Chart dental,
                                     @Valid PrintsOnFile fingerprints,
                                     @Size(max = 100) List<@Valid @NotNull MarkItem> marks,
                                     @Size(max = 100) List<@Valid @NotNull Item> clothing,
                                     @Size(max = 100) List<@Valid @NotNull Item> effects) {

        AnteMortem toDomain() {
            sourced("marks", marks, MarkItem::source);
            sourced("clothing", clothing, Item::source);
            sourced("effects", effects, Item::source);
            return new AnteMortem(disappearedOn == null ? null : new AnteMortem.Dated(disappearedOn.date, disappearedOn.source),
                    stature == null ? null : new AnteMortem.Measured(stature.range.toDomain(), stature.source),
                    dental == null ? null : new AnteMortem.Chart(map(dental.teeth, Tooth::toDomain), dental.chartedOn, dental.source),
                    fingerprints == null ? null : new AnteMortem.PrintsOnFile(fingerprints.reference, fingerprints.source),
                    map(marks, MarkItem::toDomain), map(clothing, Item::toDomain), map(effects, Item::toDomain));
        }
    }

    private static <T> void sourced(String field, List<T> items, Function<T, Source> source) {
        if (items != null && items.stream().anyMatch(item -> source.apply(item) == null)) {
            throw new RuleViolation(field + ".source", "Every ante-mortem item states its source");
        }
    }

    private static <T> void noSources(String field, List<T> items, Function<T, Source> source) {
        if (items != null && items.stream().anyMatch(item -> source.apply(item) != null)) {
            throw new RuleViolation(field + ".source", "Post-mortem findings are the examiners' own: no source");
        }
    }

    private static <T, R> List<R> map(List<T> items, Function<T, R> mapping) {
        return items == null ? null : items.stream().map(mapping).toList();
    }
}
