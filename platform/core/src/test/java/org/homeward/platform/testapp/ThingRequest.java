package org.homeward.platform.testapp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A creation request with a text, a number and a flag, so every kind of wrong input can be sent. */
public record ThingRequest(@NotBlank @Size(max = 100) String name, @Min(0) @Max(10) Integer count, Boolean urgent) {
}
